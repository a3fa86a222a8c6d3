"""Chinese complete: no ``unfinished`` or ``vanished`` entry in any catalogue, and every view that
``ui.screenshots.views()`` offers, shown in zh_CN on the demo, carries no English but codes (SKU,
order, ticket and tracking numbers, CMD:), names of brands, and the demo's own English data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from sqlalchemy import Engine, text

from ui.i18n import TRANSLATIONS

# words that are codes or names in every language
ALLOWED = {"SKU", "VIP", "CSV", "PDF", "ZPL", "TSPL", "CMD", "EMS", "SF", "JD", "YTO", "ZTO", "JDX", "EAN",
           "EMSI", "UPU", "GTIN", "QR", "ID", "SLA", "PackDesk", "English", "Shopify", "sqlite", "tmp", "CNY",
           "kg", "lb", "oz", "cr", "lf", "crlf", "tab", "idle",  # units and line ends as a device names them
           "packdesk", "csv", "json", "shopify",  # file formats
           # makers and models of scales
           "Adam", "Equipment", "CPWplus", "Highland", "CAS", "Dibal", "Yaohua", "Keli", "Mettler", "Toledo",
           "MT", "SICS", "NCI", "Weigh", "Tronix", "ST", "GS", "AND", "adam", "nci",
           "What", "Why", "Where", "When", "Who", "How",  # the 5W1H review names its letters
           "DEMO",  # the demo profile's station name, a code like PACK-01
           "FINISH", "OVERRIDE", "REWEIGH", "NEWBOX", "CANCEL", "VERIFY", "HANDOVER",  # CMD: barcodes
           "GB", "cost", "nearest",  # a unit; allocation.rule's values as the setting takes them
           "KB", "IMAP", "SMTP", "SSL", "TLS", "STARTTLS", "jpg"}  # mail protocols, a file's type
# a token with a digit, an email, a URL, a path, a lower-case code such as mt-sics or a setting key
CODE = re.compile(r"\S*\d\S*|\S+@\S+|\S+://\S+|/\S+|\b[a-z]+(?:-[a-z]+)+\b|\b[a-z_]+(?:\.[a-z_*]+)+\b")
WORD = re.compile(r"[A-Za-z]{2,}")
# the demo's free text: customers' messages, replies, articles, names (data, not the UI's words)
DATA = [("interactions", "body"), ("tickets", "subject"), ("canned_replies", "title"),
        ("canned_replies", "body"), ("knowledge_articles", "title"), ("knowledge_articles", "body"),
        ("products", "name"), ("products", "name_en"), ("order_lines", "name"), ("users", "display_name"),
        ("customers", "name"), ("refunds", "reason"), ("compensations", "reason"),
        ("tracking_events", "description"), ("tracking_events", "location"), ("addresses", "street"),
        ("addresses", "city"), ("addresses", "recipient"), ("users", "username"), ("users", "badge_code"),
        ("packaging_boxes", "title")]
# English found on screens other engineers own, to be handed over by the lead; a view may show less
# than this, never more (no station view is listed: they show none). The SLA
# calendar (ui/service/sla_calendar.py) and the mailboxes (ui/service/mailboxes.py) are new and not in
# service_zh_CN.ts yet.
KNOWN: dict[str, set[str]] = {
    "intake.import": {"quantity", "zero", "NOPE"},  # the file's own column name and cells, quoted
    # ui/service/ticket_desk.py (tags, ticket search) is not in service_zh_CN.ts yet
    "service.ticket": {"Tags", "commas", "separated", "subject", "tag", "ticket"},
    "station.camera_settings": {"test"},  # the test pattern's source name, a setting's value
    "station.pack.disk_low": {"GB"},
    "service.video_player": {"DEMO"},  # the demo station's name
}
for _view in ("main", "service.customer", "service.dashboard", "service.incident", "service.refunds",
              "service.search", "service.ticket", "service.merge"):
    KNOWN.setdefault(_view, set()).update({"calendar", "Mailboxes"})  # SLA calendar tab, mailboxes


def test_no_catalogue_has_unfinished_vanished_or_empty_entries():
    bad = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                target = message.find("translation")
                kind = target.get("type", "") if target is not None else "missing"
                if kind or target is None or not (target.text or "").strip():
                    bad.append(f"{ts.name}: {context.findtext('name')}: {message.findtext('source')!r} "
                               f"{kind or 'empty'}")
    assert bad == []


def test_each_text_is_translated_in_one_catalogue_only():
    """Two areas translating the same (context, source) disagree sooner or later, and which one
    wins depends on file order."""
    places: dict[tuple[str | None, str | None], list[str]] = {}
    for ts in sorted(TRANSLATIONS.glob("*_zh_CN.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                places.setdefault((context.findtext("name"), message.findtext("source")), []).append(ts.name)
    assert {key: files for key, files in places.items() if len(files) > 1} == {}


def _texts(widget: QWidget) -> list[str]:
    """What a person reads on ``widget`` and its children (typed input aside)."""
    out = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QMainWindow):
            for action in w.menuBar().actions():
                out.append(action.text())
                out += [a.text() for a in action.menu().actions()] if action.menu() else []
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        out.append(w.toolTip())
        if isinstance(w, QLabel):
            out.append(re.sub(r"<[^>]+>", " ", w.text()))
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QChartView):
            chart = w.chart()
            out.append(chart.title())
            out += [s.name() for s in chart.series()]
            for axis in chart.axes():
                out += [axis.titleText(), *getattr(axis, "categories", list)()]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model, flat = w.model(), isinstance(w.model(), QAbstractTableModel | QAbstractListModel)
            out += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(_columns(model))]
            out += _cells(model, QModelIndex(), 200, flat)
    return [t for t in out if t]


def _columns(model: QAbstractItemModel, parent: QModelIndex | None = None) -> int:
    try:
        return model.columnCount(parent or QModelIndex())
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


def _cells(model: QAbstractItemModel, parent: QModelIndex, limit: int, flat: bool) -> list[str]:
    out = []
    for r in range(min(model.rowCount(parent), limit)):
        for c in range(_columns(model, parent)):
            index = model.index(r, c, parent)
            out.append(str(model.data(index) or ""))
            if not flat and c == 0 and model.rowCount(index):
                out += _cells(model, index, 20, flat)
    return out


def english_words(texts: list[str], data: set[str]) -> set[str]:
    found = set()
    for t in texts:
        for word in WORD.findall(CODE.sub(" ", t)):
            if word not in ALLOWED and word.lower() not in data:
                found.add(word)
    return found


@pytest.fixture(scope="module")
def demo_words(_demo_sqlite: Path) -> tuple[Path, set[str]]:
    from app.db import make_engine

    engine: Engine = make_engine(f"sqlite:///{_demo_sqlite}")
    words: set[str] = set()
    with engine.connect() as conn:
        for table, column in DATA:
            for (value,) in conn.execute(text(f"SELECT DISTINCT {column} FROM {table}")):
                words |= {w.lower() for w in WORD.findall(value or "")}
    engine.dispose()
    return _demo_sqlite, words


def _view_names() -> list[str]:
    from ui.screenshots import view_names

    return view_names()


@pytest.mark.parametrize("view", _view_names())
def test_every_view_in_chinese_shows_no_english(qtbot, tmp_path, demo_words, view):
    from app.context import AppContext
    from app.db import make_engine, upgrade
    from app.demo_profile import DemoProfile
    from ui.app import Shell
    from ui.screenshots import _copy_sqlite, sign_in_as_admin, views

    source, data = demo_words
    copy = tmp_path / "zh.sqlite"
    _copy_sqlite(f"sqlite:///{source}", copy)
    profile = DemoProfile(f"sqlite:///{copy}", tmp_path)
    with profile.active() as settings:
        settings.language = "zh_CN"
        engine = make_engine(profile.database_url)
        upgrade(engine)
        ctx = AppContext(engine=engine, settings=settings)
        shell = Shell(ctx, settings)
        widget = None
        try:
            try:
                widget = views()[view](sign_in_as_admin(ctx))
            except AssertionError as exc:  # a scene the small test demo does not hold
                pytest.skip(f"{view}: {exc}")
            widget.resize(1280, 720)
            widget.show()
            for _ in range(3):
                QApplication.processEvents()
            found = english_words(_texts(widget), data)
        finally:
            if widget is not None:
                widget.close()
                widget.deleteLater()
            shell.close()
            engine.dispose()
    known = KNOWN.get(view, set())
    assert found <= known, f"English on {view} in zh_CN: {sorted(found - known)}"
