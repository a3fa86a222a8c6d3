"""Screenshot views of the station screens, mid-flow on the demo data."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.models.catalog import ProductBarcode
from app.models.fulfilment import PickTask, Tote, ToteStatus
from app.models.orders import OrderLine
from app.services import packing, settings
from devices.scale.base import WeightReading
from devices.scanner.scan import parse_scan
from ui.station.exceptions import ExceptionsView
from ui.station.pack import PackView
from ui.station.pick import PickView
from ui.station.verify import VerifyView


def _picked_tote(ctx: AppContext) -> tuple[str, list[str]]:
    """A tote waiting at packing and the barcodes of its order's units."""
    with read_only(ctx.sessions) as s:
        tote_id, code = s.execute(
            select(Tote.id, Tote.code).where(Tote.status == ToteStatus.AT_PACK).order_by(Tote.code).limit(1)
        ).one()
        lines = s.execute(
            select(OrderLine.product_id, OrderLine.quantity)
            .join(PickTask, PickTask.order_line_id == OrderLine.id)
            .where(PickTask.tote_id == tote_id)
        ).all()
        codes = [
            s.scalar(select(ProductBarcode.code).where(ProductBarcode.product_id == pid).limit(1))
            for pid, qty in lines
            for _ in range(qty)
        ]
    return code, codes


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
        stranger = s.scalar(select(ProductBarcode.code).where(ProductBarcode.code.not_in(codes)).limit(1))
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


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "station.pick": _pick,
    "station.pack": _pack,
    "station.pack.reweighed": _pack_reweighed,
    "station.verify": _verify,
    "station.exceptions": _exceptions,
}
