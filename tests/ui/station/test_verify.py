"""Verify and hand-over screen as a packer at the dock works it: item names and a labelled weight
while re-checking a parcel, batches named by carrier and pick-up time, the only open batch chosen
for them, and closing a batch only after saying yes."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.db import read_only
from app.services import verify
from devices.scale.base import WeightReading
from devices.scanner.scan import parse_scan
from tests.app.services.test_verify import handed_over_before, packed, sample
from ui.station.verify import VerifyView


def _view(qtbot, ctx) -> VerifyView:
    view = VerifyView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    return view


def _answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press ``button`` on the question the screen is about to ask (and note what it asked)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(20, press)


def answer_yes() -> None:
    """Say yes to the question the screen is about to ask (closing a batch)."""
    _answer(QMessageBox.StandardButton.Yes, [])


def test_a_sampled_parcel_shows_its_item_names_and_a_labelled_weight(qtbot, demo_ctx, station):
    sample(demo_ctx, 100)
    tracking, grams = packed(demo_ctx, station, (("SKU-00001", 2),))
    view = _view(qtbot, demo_ctx)
    view.handle_scan(parse_scan(tracking))
    assert view.items.item(0, 0).text() == "SKU-00001"
    assert view.items.item(0, 1).text().startswith("Wireless earbuds")  # its English name, in English
    assert view.scale_box.title() == "Weight" and f"{grams} g" in view.packed_weight.text()
    view.handle_weight(WeightReading(Decimal(grams), False))
    assert "~" in view.weight.text() and "unstable" in view.unstable.text()


def test_the_only_open_batch_is_chosen_named_by_carrier_and_closed_after_yes(qtbot, demo_ctx, station):
    sample(demo_ctx, 0)
    handed_over_before(demo_ctx)
    trackings = [packed(demo_ctx, station)[0] for _ in range(2)]
    view = _view(qtbot, demo_ctx)
    for t in trackings:
        view.handle_scan(parse_scan(t))  # verified by the waybill scan (not sampled)
    view.set_mode("handover")
    for t in trackings:
        view.handle_scan(parse_scan(t))
    assert len(view.batch_rows) == 1 and view.selected_batch() is not None  # chosen for them
    batch = view.selected_batch()
    shown = [view.batches.item(0, c).text() for c in range(view.batches.columnCount())]
    assert shown[0] == "SF" and not any(text.startswith("HO-") for text in shown)
    assert "HO-" not in view.banner.text() and "SF" in view.banner.text()
    view.courier.setValue(2)
    asked: list[str] = []
    _answer(QMessageBox.StandardButton.No, asked)
    view.close_selected_batch()
    assert asked and "2 parcels" in asked[0] and "cannot be undone" in asked[0]
    with read_only(demo_ctx.sessions) as s:
        assert [b.id for b in verify.open_batches(s)] == [batch.id]  # "no" closes nothing
    _answer(QMessageBox.StandardButton.Yes, asked)
    view.close_selected_batch()
    with read_only(demo_ctx.sessions) as s:
        assert verify.open_batches(s) == []
    assert view.banner.level == "ok" and "closed" in view.banner.text()


def test_switching_to_hand_over_chooses_the_batch_another_station_opened(qtbot, demo_ctx, station):
    sample(demo_ctx, 0)
    handed_over_before(demo_ctx)
    tracking, _ = packed(demo_ctx, station)
    here = _view(qtbot, demo_ctx)  # this screen was open before the batch existed
    dock = _view(qtbot, demo_ctx)  # the other dock station scans the parcel in
    dock.handle_scan(parse_scan(tracking))
    dock.set_mode("handover")
    dock.handle_scan(parse_scan(tracking))
    here.handle_scan(parse_scan("CMD:HANDOVER"))
    assert here.selected_batch() is not None and here.selected_batch().carrier == "SF"


def test_a_refused_close_asks_nothing(qtbot, demo_ctx, station):
    sample(demo_ctx, 0)
    handed_over_before(demo_ctx)
    tracking, _ = packed(demo_ctx, station)
    view = _view(qtbot, demo_ctx)
    view.handle_scan(parse_scan(tracking))
    view.set_mode("handover")
    view.handle_scan(parse_scan(tracking))
    view.close_selected_batch()  # no courier count yet: refused at once, no question
    assert view.banner.level == "error" and QApplication.activeModalWidget() is None


def test_a_parcel_scanned_twice_at_the_dock_names_the_batch_as_the_screen_does(qtbot, demo_ctx, station):
    from app.db import unit_of_work
    from app.services import carriers
    from ui.i18n import Translations

    sample(demo_ctx, 0)
    handed_over_before(demo_ctx)
    with unit_of_work(demo_ctx.sessions) as s:
        carriers.set_cutoff(s, demo_ctx.user, "SH01", "SF", "16:00", "17:30")
    tracking, _ = packed(demo_ctx, station)
    translations = Translations.for_app(QApplication.instance())
    translations.install("zh_CN")
    try:
        view = _view(qtbot, demo_ctx)
        view.handle_scan(parse_scan(tracking))
        view.set_mode("handover")
        view.handle_scan(parse_scan(tracking))
        shown = [view.batches.item(0, c).text() for c in range(2)]
        view.handle_scan(parse_scan(tracking))  # the same parcel again
        assert view.banner.level == "error"
        assert shown == ["SF", "17:30"] and "SF 17:30 交接批次" in view.banner.text()
        assert "HO-" not in view.banner.text()
    finally:
        translations.install("en")
