"""Pack screen driven by scans and scale readings, as a packer works it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from app.db import unit_of_work
from app.models.accounts import Role
from app.services import settings
from app.services.packing import Verdict
from devices.scale.base import ScaleError, WeightReading
from devices.scanner.scan import parse_scan
from tests.conftest import make_ctx
from tests.support.station_world import barcode, make_order
from ui.station import sounds
from ui.station.feedback import COLOURS
from ui.station.pack import PackView


def weight(grams, stable=True) -> WeightReading:
    return WeightReading(Decimal(grams), stable)


def _view(qtbot, ctx) -> PackView:
    ctx.settings.printers = {"waybill": {"uri": "file:/tmp/packdesk-test-print"}}
    view = PackView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def test_scans_tick_lines_refusals_are_red_and_the_weight_packs(qtbot, demo_ctx):
    number = make_order(demo_ctx, [("SKU-00001", 2), ("SKU-00002", 1)])
    view = _view(qtbot, demo_ctx)
    view.handle_scan(parse_scan(number))
    assert view.lines.rowCount() == 2 and "0 / 3" in view.progress.text()
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00001")))
    assert view.banner.level == "ok" and sounds.history[-1] == "ok"
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00003")))
    assert view.banner.level == "error" and "Wrong item" in view.banner.text()
    assert sounds.history[-1] == "wrong_item"
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00001")))
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00001")))
    assert "Extra item" in view.banner.text()
    view.handle_weight(weight(900))  # a weight before the last item is only shown
    assert view.parcel.status.value == "open" and "900 g" in view.weight.text()
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00002")))
    assert "put the parcel on the scale" in view.banner.text()
    expected = view.parcel.expected_g
    with qtbot.waitSignal(view.verdict) as got:
        view.handle_weight(weight(expected - 30, stable=False))  # still settling: ignored
        view.handle_weight(weight(0))
        view.handle_weight(weight(expected + 12))
    assert got.args[0].verdict is Verdict.PACKED and view.banner.level == "ok"
    assert view.parcel.tracking_number in view.banner.text()


def test_weight_out_blocks_and_a_supervisor_badge_overrides(qtbot, demo_ctx):
    number = make_order(demo_ctx, [("SKU-00011", 1)])
    view = _view(qtbot, demo_ctx)
    view.handle_scan(parse_scan(number))
    view.handle_scan(parse_scan("SKU-00011"))
    view.handle_weight(weight(5000))
    assert view.parcel.status.value == "blocked" and view.banner.level == "error"
    view.handle_scan(parse_scan("CMD:OVERRIDE"))
    assert view.awaiting_badge and view.banner.level == "warning"
    view.handle_scan(parse_scan("BADGE-packer2"))  # a packer may not override
    assert view.parcel.status.value == "blocked" and "may not override" in view.banner.text()
    view.handle_scan(parse_scan("CMD:OVERRIDE"))
    view.handle_scan(parse_scan("BADGE-super1"))
    assert view.parcel.status.value == "packed" and "supervisor override" in view.banner.text()


def test_reweigh_cancel_and_commands_by_button(qtbot, demo_ctx):
    number = make_order(demo_ctx, [("SKU-00008", 1)])
    view = _view(qtbot, demo_ctx)
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert "No open parcel" in view.banner.text()
    view.handle_scan(parse_scan(number))
    view.handle_scan(parse_scan("CMD:FINISH"))
    assert "still to scan" in view.banner.text()
    view.handle_scan(parse_scan("SKU-00008"))
    view.handle_weight(weight(3000))
    assert view.parcel.status.value == "blocked"
    qtbot.mouseClick(view.reweigh_button, Qt.MouseButton.LeftButton)
    assert view.parcel.status.value == "weighing"
    view.handle_weight(weight(view.parcel.expected_g))
    assert view.parcel.status.value == "packed"
    other = make_order(demo_ctx, [("SKU-00008", 1)])
    view.handle_scan(parse_scan(other))
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert view.parcel.status.value == "cancelled"


def test_a_second_station_is_refused_and_a_restart_resumes(qtbot, demo_engine):
    ctx = make_ctx(demo_engine, Role.PACKER, 3, "packer1")
    number = make_order(ctx, [("SKU-00001", 2)])
    view = _view(qtbot, ctx)
    view.handle_scan(parse_scan(number))
    view.handle_scan(parse_scan(barcode(ctx, "SKU-00001")))
    other = make_ctx(demo_engine, Role.PACKER, 4, "packer2")
    other.settings.station = "TEST-ST2"
    second = _view(qtbot, other)
    second.handle_scan(parse_scan(number))
    assert second.banner.level == "error" and "being packed at station TEST-ST1" in second.banner.text()
    restarted = _view(qtbot, make_ctx(demo_engine, Role.PACKER, 3, "packer1"))
    assert restarted.parcel is not None and restarted.parcel.lines[0].scanned == 1
    assert "resumed" in restarted.banner.text()


def test_scale_errors_and_stray_scans_get_a_message(qtbot, demo_ctx):
    view = _view(qtbot, demo_ctx)
    messages = []
    view.status_message.connect(messages.append)
    view.handle_weight(ScaleError("garbled", "unreadable data from the scale"))
    assert view.weight.text() == "?" and "unreadable" in messages[-1]
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00001")))
    assert view.banner.level == "error" and "Scan a tote or an order first" in view.banner.text()


def _box_colour(view: PackView) -> str:
    """The weight box's background as the packer sees it (a pixel inside its padding)."""
    return view.weight.grab().toImage().pixelColor(3, 3).name()


def test_the_screen_shows_the_band_the_check_applies(qtbot, demo_ctx):
    with unit_of_work(demo_ctx.sessions) as s:
        settings.put(s, "pack.tolerance_g", 150)
    number = make_order(demo_ctx, [("SKU-00001", 2)])
    view = _view(qtbot, demo_ctx)
    view.handle_scan(parse_scan(number))
    assert "± 150 g" in view.expected.text()
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00001")))
    with unit_of_work(demo_ctx.sessions) as s:
        settings.put(s, "pack.tolerance_g", 60)  # a supervisor tightens the rule mid-parcel
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00001")))
    assert "± 60 g" in view.expected.text()  # weigh now: the band in force now
    view.handle_weight(weight(view.parcel.expected_g + 100))
    assert view.parcel.status.value == "blocked"
    assert "± 60 g" in view.banner.text() and "± 60 g" in view.expected.text()


def test_after_a_failed_weigh_the_put_right_parcel_packs_without_lifting_it(qtbot, demo_ctx):
    number = make_order(demo_ctx, [("SKU-00002", 1)])
    view = _view(qtbot, demo_ctx)
    view.handle_scan(parse_scan(number))
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00002")))
    expected = view.parcel.expected_g
    verdicts = []
    view.verdict.connect(verdicts.append)
    view.handle_weight(weight(expected + 300))  # a spare item still in the box
    assert [v.verdict for v in verdicts] == [Verdict.WEIGHT_OUT] and view.banner.level == "error"
    assert _box_colour(view) == COLOURS["error"][1]
    view.handle_weight(weight(expected + 301))  # the same parcel, the last digit flickering
    assert len(verdicts) == 1
    view.handle_weight(weight(expected + 140, stable=False))  # the packer takes the spare out
    assert _box_colour(view) != COLOURS["error"][1]  # a weight nobody judged is not red
    view.handle_weight(weight(expected + 3))
    assert [v.verdict for v in verdicts] == [Verdict.WEIGHT_OUT, Verdict.PACKED]
    assert view.banner.level == "ok" and view.parcel.status.value == "packed"
    assert _box_colour(view) == COLOURS["ok"][1]
