"""Screenshot views of the station screens, mid-flow on the demo data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.services import packing, settings, station_scenes
from devices.scale.base import WeightReading
from devices.scanner.scan import parse_scan
from ui.station.exceptions import ExceptionsView
from ui.station.pack import PackView
from ui.station.pick import PickView
from ui.station.verify import VerifyView


def _picked_tote(ctx: AppContext, units: int = 1) -> tuple[str, list[str]]:
    """A tote waiting at packing (holding at least ``units``) and the barcodes of its order's units."""
    with read_only(ctx.sessions) as s:
        tote = station_scenes.tote_at_pack(s, units)
    return tote.code, list(tote.barcodes)


def _pack(ctx: AppContext) -> QWidget:
    view = PackView(ctx)
    tote, codes = _picked_tote(ctx)
    view.handle_scan(parse_scan(tote))
    for code in codes[:-1]:
        view.handle_scan(parse_scan(code))
    view.handle_scan(parse_scan("6900000000007"))  # an unknown barcode, refused in red
    view.handle_weight(WeightReading(Decimal("1.234") * 1000, False))
    return view


def _pack_reweighed(ctx: AppContext) -> QWidget:
    """A parcel that failed its weight (a spare item in the box), put right on the scale: packed."""
    view = PackView(ctx)
    tote, codes = _picked_tote(ctx)
    view.handle_scan(parse_scan(tote))
    for code in codes:
        view.handle_scan(parse_scan(code))
    assert view.parcel is not None and view.parcel.expected_g is not None
    expected = Decimal(view.parcel.expected_g)
    view.handle_weight(WeightReading(expected + 300, True))
    view.handle_weight(WeightReading(expected + 120, False))  # the spare comes out
    view.handle_weight(WeightReading(expected + 4, True))
    return view


def _verify(ctx: AppContext) -> QWidget:
    with unit_of_work(ctx.sessions) as s:
        settings.put(s, "verify.sample_pct", 100)
    pack = PackView(ctx)
    tote, codes = _picked_tote(ctx)
    pack.handle_scan(parse_scan(tote))
    for code in codes:
        pack.handle_scan(parse_scan(code))
    assert pack.parcel is not None and pack.parcel.expected_g is not None
    pack.handle_weight(WeightReading(Decimal(pack.parcel.expected_g), True))
    view = VerifyView(ctx)
    view.handle_scan(parse_scan(pack.parcel.tracking_number))
    view.handle_scan(parse_scan(codes[0]))
    return view


def _exceptions(ctx: AppContext) -> QWidget:
    view = PackView(ctx)
    tote, codes = _picked_tote(ctx)
    view.handle_scan(parse_scan(tote))
    with read_only(ctx.sessions) as s:
        stranger = station_scenes.barcode_not_in(s, codes)
    view.handle_scan(parse_scan(stranger))
    assert view.parcel is not None
    view.handle_scan(parse_scan(codes[0]))
    with unit_of_work(ctx.sessions) as s:
        packing.cancel(s, view.station, view.parcel, ctx.clock())
    return ExceptionsView(ctx)


def _pick(ctx: AppContext) -> QWidget:
    view = PickView(ctx)
    view.resize(480, 800)
    view.start_selected_wave()
    if view.step is not None:
        view.handle_scan(parse_scan("Z-99-99-9"))  # wrong bin first, as it happens
        view.handle_scan(parse_scan(view.step.bin_code))
    return view


def _pick_idle(ctx: AppContext) -> QWidget:
    """The PDA before a wave is started: it says what to do first."""
    view = PickView(ctx)
    view.resize(480, 800)
    return view


def _short_pick_exception(ctx: AppContext) -> QWidget:
    """A short pick no bin could make up: the supervisor's three choices for it."""
    from app.services import picking, stock, waves

    with unit_of_work(ctx.sessions) as s:
        waves.plan_waves(s, ctx.user, ctx.clock())
    pick = PickView(ctx)
    pick.start_selected_wave()
    step = pick.step
    assert step is not None
    with unit_of_work(ctx.sessions) as s:  # the other bins' free stock is lost: nothing can make it up
        for row in stock.on_hand(s, step.sku):
            if row.bin != step.bin_code and row.free > 0:
                stock.adjust(s, ctx.user, step.sku, -row.free, row.bin, "lost", ctx.clock(),
                             warehouse=row.warehouse)
    with unit_of_work(ctx.sessions) as s:
        picking.short(s, ctx.user, step, 0, "empty_bin", ctx.clock(), ctx.station)
    view = ExceptionsView(ctx)
    view.resize(1100, 500)
    view.select_order(step.order_number)
    return view


def _pack_takeover(ctx: AppContext) -> QWidget:
    """A parcel a station left half packed, taken over here by a supervisor's badge."""
    tote, codes = _picked_tote(ctx)
    dead = PackView(ctx)
    dead.station = replace(dead.station, name="PACK-07")
    dead.handle_scan(parse_scan(tote))
    dead.handle_scan(parse_scan(codes[0]))
    view = PackView(ctx)
    view.handle_scan(parse_scan(tote))  # refused: held at PACK-07 ...
    view.handle_scan(parse_scan("BADGE-super1"))  # ... taken over, its scan kept
    return view


def _pack_boxes(ctx: AppContext) -> QWidget:
    """An order split into two boxes: box 1 weighed and labelled, box 2 open."""
    view = PackView(ctx)
    tote, codes = _picked_tote(ctx, units=2)
    view.handle_scan(parse_scan(tote))
    view.handle_scan(parse_scan(codes[0]))
    view.handle_scan(parse_scan("CMD:NEWBOX"))
    assert view.parcel is not None and view.parcel.expected_g is not None
    view.handle_weight(WeightReading(Decimal(view.parcel.expected_g), True))
    view.handle_weight(WeightReading(Decimal(0), True))
    view.handle_scan(parse_scan(codes[1]))
    return view


def _handover_reconcile(ctx: AppContext) -> QWidget:
    """A batch with one verified parcel not scanned in and the courier's count entered."""
    with unit_of_work(ctx.sessions) as s:
        settings.put(s, "verify.sample_pct", 0)
    trackings: list[str] = []
    with read_only(ctx.sessions) as s:
        totes = station_scenes.totes_at_pack(s)
    for tote in totes:
        if len(trackings) == 3:
            break
        pack = PackView(ctx)
        pack.handle_scan(parse_scan(tote))
        if (
            pack.parcel is None or pack.parcel.expected_g is None
        ):  # a weight still to learn: verify would check it
            if pack.parcel is not None:
                pack.command("CANCEL")
            continue
        for line in pack.parcel.lines:
            for _ in range(line.quantity):
                pack.handle_scan(parse_scan(line.sku))
        pack.handle_weight(WeightReading(Decimal(pack.parcel.expected_g), True))
        if pack.parcel.tracking_number:
            trackings.append(pack.parcel.tracking_number)
    view = VerifyView(ctx)
    for t in trackings:
        view.handle_scan(parse_scan(t))
    view.set_mode("handover")
    for t in trackings[:2]:
        view.handle_scan(parse_scan(t))
    view.refresh()
    view.courier.setValue(2)
    view.close_selected_batch()  # the counts differ: refused, the button now closes by choice
    return view


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "station.pick": _pick,
    "station.pick.idle": _pick_idle,
    "station.pack": _pack,
    "station.pack.reweighed": _pack_reweighed,
    "station.verify": _verify,
    "station.exceptions": _exceptions,
    "station.exceptions.short_pick": _short_pick_exception,
    "station.pack.takeover": _pack_takeover,
    "station.pack.boxes": _pack_boxes,
    "station.handover.reconcile": _handover_reconcile,
}
