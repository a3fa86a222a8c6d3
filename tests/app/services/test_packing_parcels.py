"""Parcels beyond one box: the missing-light-item guard, a supervisor taking over a parcel a dead
station left, an order split into boxes at the station (``CMD:NEWBOX``), and an order split over
two warehouses packed as one parcel per warehouse."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from app.db import read_only, unit_of_work
from app.errors import Conflict, DomainError, PermissionDenied
from app.models.audit import AuditEntry
from app.models.catalog import Bin, Product
from app.models.fulfilment import PrintJob, Shipment
from app.models.inventory import Reservation, Stock
from app.models.orders import Order, OrderLine, OrderStatus
from app.services import packing, settings
from app.services.packing import Station, Verdict
from devices.scanner.scan import parse_scan
from tests.app.services.test_packing import act, opened, scan
from tests.support.station_world import barcode, demo_user, make_order


def _weights(ctx, **grams: int) -> None:
    with unit_of_work(ctx.sessions) as s:
        for sku, g in grams.items():
            s.execute(update(Product).where(Product.sku == sku.replace("_", "-")).values(unit_weight_g=g))


def _scan_all(ctx, st, parcel, codes):
    r = None
    for code in codes:
        r = scan(ctx, st, parcel, code)
        parcel = r.parcel
    return r


def _cable_parcel(ctx, st) -> tuple[packing.Parcel, list[str]]:
    """A 990 g parcel: a 40 g cable and a heavier item, in a box whose weight is counted in."""
    number = make_order(ctx, [("SKU-00001", 1), ("SKU-00008", 1)])
    _weights(ctx, SKU_00008=40)
    first = opened(ctx, st, number)
    act(ctx, packing.cancel, st, first)
    _weights(ctx, SKU_00001=990 - 40 - first.suggestion.weight_g)
    parcel = opened(ctx, st, number)
    return parcel, [barcode(ctx, "SKU-00001"), barcode(ctx, "SKU-00008")]


def test_a_parcel_missing_its_light_cable_is_refused(demo_ctx, station):
    parcel, codes = _cable_parcel(demo_ctx, station)
    assert parcel.expected_g == 990 and parcel.ordinary_allowed_g == Decimal("49.5")  # 5 % of 990 g
    assert parcel.light_item.sku == "SKU-00008" and parcel.allowed_g == 20  # half the cable
    r = _scan_all(demo_ctx, station, parcel, codes)  # the cable was scanned, then left on the bench
    assert r.verdict is Verdict.ALL_SCANNED
    out = act(demo_ctx, packing.weigh, station, r.parcel, Decimal(950))
    assert out.verdict is Verdict.WEIGHT_OUT
    assert (out.params["light_sku"], out.params["light_g"], out.params["allowed"]) == ("SKU-00008", 40, 20)
    ok = act(demo_ctx, packing.weigh, station, out.parcel, Decimal(996))  # the cable put in
    assert ok.verdict is Verdict.PACKED


def test_the_tight_band_never_goes_below_the_scale_resolution(demo_ctx, station):
    with unit_of_work(demo_ctx.sessions) as s:
        settings.put(s, "pack.scale_resolution_g", 5)
    parcel, _codes = _cable_parcel(demo_ctx, station)
    act(demo_ctx, packing.cancel, station, parcel)
    _weights(demo_ctx, SKU_00008=6)  # a 6 g item on a 5 g scale
    parcel = opened(demo_ctx, station, parcel.order_number)
    assert parcel.light_item.sku == "SKU-00008" and parcel.resolution_g == 5
    assert parcel.allowed_g == 5  # half of 6 g is 3 g: finer than the scale can tell


def _two_stations(ctx, station) -> tuple[Station, str, packing.Parcel]:
    number = make_order(ctx, [("SKU-00001", 2)])
    parcel = opened(ctx, station, number)
    parcel = scan(ctx, station, parcel, barcode(ctx, "SKU-00001")).parcel
    return replace(station, name="PACK-02", user=demo_user(ctx, "packer2")), number, parcel


def test_a_supervisor_badge_takes_over_a_dead_station_s_parcel_with_its_scans(demo_ctx, station):
    other, number, left = _two_stations(demo_ctx, station)
    with pytest.raises(Conflict, match="scan their badge now") as locked:
        opened(demo_ctx, other, number)
    assert locked.value.code == "pack.locked"
    with pytest.raises(PermissionDenied, match="may not take over"):
        act(demo_ctx, packing.take_over, other, parse_scan(number), "BADGE-packer2")
    r = act(demo_ctx, packing.take_over, other, parse_scan(number), "BADGE-super1")
    assert r.verdict is Verdict.TAKEN_OVER and r.parcel.scanned_units == 1 and r.params["from"] == "PACK-01"
    with pytest.raises(Conflict, match="taken over by station PACK-02") as moved:
        scan(demo_ctx, station, left, barcode(demo_ctx, "SKU-00001"))  # the old station comes back
    assert moved.value.code == "pack.moved"
    with read_only(demo_ctx.sessions) as s:
        assert packing.resume(s, "PACK-01") is None
        told = packing.moved_away(s, "PACK-01")
        assert (told.order_number, told.station) == (number, "PACK-02")
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "pack.takeover"))
        assert entry is not None and entry.user_id == demo_user(demo_ctx, "super1").id
    done = scan(demo_ctx, other, r.parcel, barcode(demo_ctx, "SKU-00001"))
    assert done.verdict is Verdict.ALL_SCANNED
    packed = act(demo_ctx, packing.weigh, other, done.parcel, Decimal(done.parcel.expected_g))
    assert packed.verdict is Verdict.PACKED


def test_an_order_split_into_boxes_weighs_each_box_against_its_own_contents(demo_ctx, station):
    with unit_of_work(demo_ctx.sessions) as s:
        settings.put(s, "carriers.multi_piece.SF", True)
    number = make_order(demo_ctx, [("SKU-00001", 2), ("SKU-00002", 1)])
    parcel = opened(demo_ctx, station, number)
    with pytest.raises(DomainError, match="Box 1 is empty"):
        act(demo_ctx, packing.new_box, station, parcel)
    parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00001")).parcel
    closed = act(demo_ctx, packing.new_box, station, parcel)
    assert closed.verdict is Verdict.BOX_CLOSED and closed.params == {"box": 1, "units": 1}
    box1 = closed.parcel
    assert box1.expected_g == 180 + box1.suggestion.weight_g
    refused = scan(demo_ctx, station, box1, barcode(demo_ctx, "SKU-00001"))
    assert refused.verdict is Verdict.NOT_READY and refused.params["closed"]
    r = act(demo_ctx, packing.weigh, station, box1, Decimal(box1.expected_g))
    assert r.verdict is Verdict.BOX_PACKED and r.params["next_box"] == 2 and r.params["master"] == ""
    box2 = r.parcel
    assert box2.box_no == 2 and box2.scanned_units == 1 and box2.status.value == "open"
    r = _scan_all(demo_ctx, station, box2, [barcode(demo_ctx, "SKU-00001"), barcode(demo_ctx, "SKU-00002")])
    assert r.verdict is Verdict.ALL_SCANNED
    weight2 = (
        unit_weight_of(demo_ctx, "SKU-00001")
        + unit_weight_of(demo_ctx, "SKU-00002")
        + r.parcel.suggestion.weight_g
    )
    assert r.parcel.expected_g == weight2
    last = act(demo_ctx, packing.weigh, station, r.parcel, Decimal(weight2))
    assert last.verdict is Verdict.PACKED and last.params["box"] == 2
    with read_only(demo_ctx.sessions) as s:
        assert s.scalar(select(Order.status).where(Order.number == number)) is OrderStatus.PACKED
        oid = s.scalar(select(Order.id).where(Order.number == number))
        ships = s.execute(
            select(Shipment.tracking_number, Shipment.master_tracking)
            .where(Shipment.order_id == oid)
            .order_by(Shipment.id)
        ).all()
        assert len(ships) == 2 and ships[1][1] == ships[0][0] and ships[0][1] == ""
        docs = sorted(
            s.scalars(
                select(PrintJob.document).where(PrintJob.reference.in_([ships[0][0], ships[1][0], number]))
            )
        )
        assert docs == ["invoice", "packing-slip", "packing-slip", "waybill", "waybill"]


def unit_weight_of(ctx, sku: str) -> int:
    with read_only(ctx.sessions) as s:
        return s.scalar(select(Product.unit_weight_g).where(Product.sku == sku))


def _two_warehouse_order(ctx) -> str:
    """An allocated order whose first line is reserved in one warehouse and second in another."""
    number = make_order(ctx, [("SKU-00001", 1), ("SKU-00002", 1)], status=OrderStatus.ALLOCATED)
    with unit_of_work(ctx.sessions) as s:
        lines = s.scalars(
            select(OrderLine).join(Order).where(Order.number == number).order_by(OrderLine.line_no)
        ).all()
        houses = sorted(set(s.scalars(select(Bin.warehouse_id))))[:2]
        for line, wid in zip(lines, houses, strict=True):
            bin_ = s.scalar(select(Bin).where(Bin.warehouse_id == wid).order_by(Bin.id).limit(1))
            row = s.scalar(select(Stock).where(Stock.product_id == line.product_id, Stock.bin_id == bin_.id))
            if row is None:
                row = Stock(product_id=line.product_id, bin_id=bin_.id, quantity=5, reserved=0)
                s.add(row)
                s.flush()
            row.quantity, row.reserved = row.quantity + 1, row.reserved + 1
            s.add(Reservation(order_line_id=line.id, stock_id=row.id, quantity=1))
    return number


def test_an_order_from_two_warehouses_ships_as_one_parcel_per_warehouse(demo_ctx, station):
    number = _two_warehouse_order(demo_ctx)
    first = opened(demo_ctx, station, number)
    assert [ln.sku for ln in first.lines] == ["SKU-00001"]
    r = scan(demo_ctx, station, first, barcode(demo_ctx, "SKU-00001"))
    assert r.verdict is Verdict.ALL_SCANNED
    r = act(demo_ctx, packing.weigh, station, r.parcel, Decimal(r.parcel.expected_g))
    assert r.verdict is Verdict.PACKED and r.params["order_done"] is False
    with read_only(demo_ctx.sessions) as s:
        order = s.scalar(select(Order).where(Order.number == number))
        assert order.status is OrderStatus.ALLOCATED and order.locked_by is None  # the other part waits
    other = replace(station, name="PACK-WH2")
    second = opened(demo_ctx, other, number)
    assert [ln.sku for ln in second.lines] == ["SKU-00002"] and second.warehouse_id != first.warehouse_id
    r = scan(demo_ctx, other, second, barcode(demo_ctx, "SKU-00002"))
    r = act(demo_ctx, packing.weigh, other, r.parcel, Decimal(r.parcel.expected_g))
    assert r.verdict is Verdict.PACKED and r.params["order_done"] is True
    with read_only(demo_ctx.sessions) as s:
        order = s.scalar(select(Order).where(Order.number == number))
        assert order.status is OrderStatus.PACKED
        assert len(s.scalars(select(Shipment).where(Shipment.order_id == order.id)).all()) == 2
