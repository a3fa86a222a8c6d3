"""The Setup window: one tab per kind of master data, each shown only to a role that may use it.

``TABS`` is the registry other areas extend with one line each; a tab's module is imported only
when the window opens, so a tab that fails to import never breaks the others.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.errors import DomainError
from ui.station.feedback import error_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AdminTab:
    key: str  # object name of the page, and the tab's name in tests and screenshots
    title: str  # English source text, translated in ``context`` (each area's own .ts file)
    factory: str  # "module:Class"; the class takes (ctx, parent) and is a QWidget
    permission: str  # the tab shows only to a role that has it (app/permissions.py)
    context: str = "admin"


TABS: list[AdminTab] = [
    AdminTab("site", "Site", "ui.admin.site:SiteTab", "admin.settings"),
    AdminTab("users", "Users", "ui.admin.users:UsersTab", "admin.users"),
    AdminTab("settings", "Settings", "ui.admin.settings:SettingsTab", "admin.master_data"),
    AdminTab("warehouses", "Warehouses and bins", "ui.admin.warehouses:WarehousesTab", "admin.master_data"),
    AdminTab("boxes", "Packaging boxes", "ui.admin.boxes:BoxesTab", "admin.master_data"),
    AdminTab("products", "Products", "ui.admin.products:ProductsTab", "admin.master_data", "admin.products"),
    AdminTab("carriers", "Carriers", "ui.admin.carriers:CarriersTab", "admin.master_data", "admin.carriers"),
    AdminTab("content", "Replies and articles", "ui.admin.content:ContentTab", "admin.master_data",
             "admin.content"),
]


def tr(text: str) -> str:
    """The admin screens' words (context ``admin`` in admin_zh_CN.ts)."""
    return QCoreApplication.translate("admin", text)


ROLE_NAMES = {"picker": "Picker", "packer": "Packer", "agent": "Agent", "supervisor": "Supervisor",
              "admin": "Admin"}


def role_name(role: str) -> str:
    return tr(ROLE_NAMES.get(role, role))


class Notice(QLabel):
    """The one line under a form saying what a save did, or why it was refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="notice")
        self.setWordWrap(True)
        self.level = ""

    def ok(self, text: str) -> None:
        self.level = "ok"
        self.setStyleSheet("color: #1b5e20;")
        self.setText(text)

    def refused(self, exc: DomainError) -> None:
        self.level = "error"
        self.setStyleSheet("color: #c62828; font-weight: bold;")
        self.setText(error_text(exc))


def list_table(name: str, heads: list[str]) -> QTableWidget:
    """A read-only table of records, one selected row at a time (the forms beside it edit)."""
    table = QTableWidget(0, len(heads), objectName=name)
    table.setHorizontalHeaderLabels(heads)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class LabelPrint(QThread):
    """Labels rendered and queued on this station's label printer off the GUI thread (800 bin labels
    in ZPL take about 10 s); the print job sends them. ``outcome``: what to tell the user, or why not."""

    outcome = Signal(str, object)  # message | "", DomainError | None

    def __init__(self, ctx: AppContext, kind: str, ref: str, owner: QWidget, **options: str) -> None:
        super().__init__(owner)
        self.ctx, self.kind, self.ref, self.options = ctx, kind, ref, options

    def run(self) -> None:
        from app.services import documents, print_queue

        printer, fmt = print_queue.printer_for(self.ctx.settings.printers, "label")
        try:
            with self.ctx.sessions.begin() as s:
                job = documents.queue_labels(s, self.ctx.user, self.kind, self.ref, printer=printer, fmt=fmt,
                                             now=self.ctx.clock(), station=self.ctx.station, **self.options)
        except DomainError as exc:
            self.outcome.emit("", exc)
            return
        if job.queued.already_waiting:
            said = tr("Job {id} with these labels is already waiting to print.").format(id=job.queued.job_id)
        else:
            said = tr("{n} label(s) {reference} queued for {printer} (job {id}).").format(
                n=job.labels, reference=job.reference, printer=printer, id=job.queued.job_id)
        self.outcome.emit(said, None)


def print_labels(ctx: AppContext, owner: QWidget, button: QPushButton, notice: Notice, kind: str, ref: str,
                 **options: str) -> LabelPrint:
    """Start a LabelPrint; ``button`` is off until it ends, ``notice`` says how it went."""
    job = LabelPrint(ctx, kind, ref, owner, **options)

    def done(said: str, refused: DomainError | None) -> None:
        button.setEnabled(True)
        if refused is None:
            notice.ok(said)
        else:
            notice.refused(refused)

    job.outcome.connect(done)  # queued to the GUI thread: the job lives there
    job.finished.connect(job.deleteLater)
    button.setEnabled(False)
    job.start()
    return job


def visible_tabs(ctx: AppContext) -> list[AdminTab]:
    user = ctx.user
    return [t for t in TABS if user is not None and user.may(t.permission)]


class AdminWindow(QWidget):
    """A top-level window holding the tabs the signed-in role may use."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("admin_window")
        self.resize(1280, 720)
        self.tabs = QTabWidget(objectName="admin_tabs")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.pages: dict[str, QWidget] = {}
        for tab in visible_tabs(ctx):
            page = self._build(tab)
            if page is not None:
                page.setObjectName(f"admin_{tab.key}")
                self.pages[tab.key] = page
                self.tabs.addTab(page, QCoreApplication.translate(tab.context, tab.title))
        self.setWindowTitle(tr("Setup"))

    def _build(self, tab: AdminTab) -> QWidget | None:
        module_name, class_name = tab.factory.split(":")
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError):
            log.exception("admin tab %s cannot be loaded", tab.key)
            return None
        return cls(self.ctx, self)

    def show_tab(self, key: str) -> QWidget:
        page = self.pages[key]
        self.tabs.setCurrentWidget(page)
        return page
