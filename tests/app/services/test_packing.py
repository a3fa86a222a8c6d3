"""Pack station service: verdicts per scan, the weight rule, finishing once, resuming, two stations."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.db import read_only, unit_of_work
from app.errors import Conflict, DomainError
from app.models.audit import AuditEntry
from app.models.fulfilment import ExceptionKind, Package, PrintJob, Shipment, StationException
from app.models.orders import Order, OrderLine, OrderStatus
from app.services import packing, settings
from app.services.packing import Station, Verdict
from devices.scanner.scan import parse_scan
from tests.support.station_world import barcode, demo_user, make_order, unit_weight


def act(ctx, fn, *args):
    with unit_of_work(ctx.sessions) as s:
        return fn(s, *args, ctx.clock())


def opened(ctx, station, number):
    return act(ctx, packing.open_parcel, station, parse_scan(number)).parcel


def scan(ctx, station, parcel, code):
    return act(ctx, packing.scan_item, station, parcel, parse_scan(code))


def test_right_items_then_weight_pack_the_order_once(demo_ctx, station):
    number = make_order(demo_ctx, [("SKU-00001", 2), ("SKU-00008", 1)])
    parcel = opened(demo_ctx, station, number)
    assert [ln.remaining for ln in parcel.lines] == [2, 1] and parcel.expected_g is not None
    r = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00001"))
    assert r.verdict is Verdict.ITEM_OK and r.level == "ok"
    r = scan(demo_ctx, station, r.parcel, barcode(demo_ctx, "SKU-00001"))
    assert r.verdict is Verdict.LINE_DONE
    r = scan(demo_ctx, station, r.parcel, "SKU-00008")  # the SKU label works like its barcode
    assert r.verdict is Verdict.ALL_SCANNED and r.parcel.complete
    expected = r.parcel.expected_g
    assert expected == 2 * 180 + 45 + r.parcel.suggestion.weight_g
    r = act(demo_ctx, packing.weigh, station, r.parcel, Decimal(expected) + Decimal("19.4"))
    assert r.verdict is Verdict.PACKED and r.params["outcome"] == "ok"
    assert len(r.print_job_ids) == 2 and r.parcel.tracking_number.startswith("SF")
    with read_only(demo_ctx.sessions) as s:
        order = s.scalar(select(Order).where(Order.number == number))
        assert order.status is OrderStatus.PACKED and order.locked_by is None
        shipment = s.scalar(select(Shipment).where(Shipment.order_id == order.id))
        assert shipment.tracking_number == r.parcel.tracking_number and shipment.weight_g == expected + 19
        docs = s.scalars(select(PrintJob.document).where(PrintJob.id.in_(r.print_job_ids))).all()
        assert sorted(docs) == ["invoice", "waybill"]
    with pytest.raises(Conflict, match="already packed at station PACK-01"):
        opened(demo_ctx, Station("PACK-02", demo_user(demo_ctx, "packer2")), number)


def test_wrong_unknown_extra_and_garbled_scans_are_refused_and_logged(demo_ctx, station):
    number = make_order(demo_ctx, [("SKU-00002", 1)])
    parcel = opened(demo_ctx, station, number)
    wrong = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00003"))
    assert (
        wrong.verdict is Verdict.WRONG_ITEM and wrong.level == "error" and "玻璃花瓶" in wrong.params["name"]
    )
    unknown = scan(demo_ctx, station, parcel, "6900000000007")  # valid EAN-13, no such product
    assert unknown.verdict is Verdict.UNKNOWN_BARCODE
    garbled = scan(demo_ctx, station, parcel, "6918000000018")  # check digit wrong
    assert garbled.verdict is Verdict.GARBLED
    ok = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00002"))
    extra = scan(demo_ctx, station, ok.parcel, barcode(demo_ctx, "SKU-00002"))
    assert extra.verdict is Verdict.EXTRA_ITEM and extra.parcel.lines[0].scanned == 1
    with read_only(demo_ctx.sessions) as s:
        line = s.scalar(select(OrderLine).join(Order).where(Order.number == number))
        assert line.packed_qty == 1  # refusals never counted
        kinds = s.scalars(
            select(StationException.kind).where(StationException.order_id == line.order_id)
        ).all()
        assert kinds == [ExceptionKind.WRONG_ITEM]


def test_weight_out_of_tolerance_blocks_until_reweighed(demo_ctx, station):
    parcel = opened(demo_ctx, station, make_order(demo_ctx, [("SKU-00002", 1)]))
    early = act(demo_ctx, packing.weigh, station, parcel, Decimal(500))
    assert early.verdict is Verdict.NOT_READY and early.params["left"] == 1
    parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00002")).parcel
    expected = parcel.expected_g
    out = act(demo_ctx, packing.weigh, station, parcel, Decimal(expected) * Decimal("1.08"))
    assert out.verdict is Verdict.WEIGHT_OUT and out.parcel.status.value == "blocked"
    assert out.params["allowed"] == max(20, Decimal(expected) * 5 / 100)  # to the tenth: 450 g is ± 22.5 g
    again = act(demo_ctx, packing.reweigh, station, out.parcel)
    assert again.verdict is Verdict.REWEIGH
    good = act(demo_ctx, packing.weigh, station, again.parcel, Decimal(expected) - 5)
    assert good.verdict is Verdict.PACKED


def test_supervisor_override_is_audited(demo_ctx, station):
    parcel = opened(demo_ctx, station, make_order(demo_ctx, [("SKU-00011", 1)]))
    parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00011")).parcel
    out = act(demo_ctx, packing.weigh, station, parcel, Decimal(2000))
    with pytest.raises(DomainError):
        act(demo_ctx, packing.override, station, parcel, "BADGE-super1", "no")  # not blocked in this copy
    r = act(demo_ctx, packing.override, station, out.parcel, "BADGE-super1", "extra manual in the box")
    assert r.verdict is Verdict.PACKED and r.params["outcome"] == "override"
    with read_only(demo_ctx.sessions) as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "pack.weight_override"))
        assert entry.user_id == 2 and entry.detail["reason"] == "extra manual in the box"
        assert s.scalar(select(Package.override_by).where(Package.id == parcel.package_id)) == 2
        assert (
            s.scalar(select(StationException.status).where(StationException.package_id == parcel.package_id))
            == "resolved"
        )


def test_unknown_product_weight_is_learnt_from_a_single_item_parcel(demo_ctx, station):
    with read_only(demo_ctx.sessions) as s:
        from app.models.catalog import Product

        sku = s.scalar(select(Product.sku).where(Product.unit_weight_g.is_(None)).order_by(Product.id))
    parcel = opened(demo_ctx, station, make_order(demo_ctx, [(sku, 2)]))
    assert parcel.expected_g is None
    for _ in range(2):
        parcel = scan(demo_ctx, station, parcel, sku).parcel
    box = parcel.suggestion.weight_g
    r = act(demo_ctx, packing.weigh, station, parcel, Decimal(box + 2 * 133))
    assert r.verdict is Verdict.PACKED and r.params["learnt"] is True
    assert unit_weight(demo_ctx, sku) == 133
    # the next parcel of it is checked against what was learnt
    second = opened(demo_ctx, station, make_order(demo_ctx, [(sku, 1)]))
    assert second.expected_g == 133 + second.suggestion.weight_g


def test_crash_mid_pack_resumes_where_it_was(demo_ctx, station):
    number = make_order(demo_ctx, [("SKU-00001", 3)])
    parcel = opened(demo_ctx, station, number)
    for _ in range(2):
        parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00001")).parcel
    # the station process dies: only the database remains
    with read_only(demo_ctx.sessions) as s:
        back = packing.resume(s, station.name)
    assert back is not None and back.order_number == number and back.lines[0].scanned == 2
    again = act(demo_ctx, packing.open_parcel, station, parse_scan(number))
    assert again.verdict is Verdict.RESUMED and again.parcel.lines[0].remaining == 1
    with pytest.raises(Conflict, match="being packed at station PACK-01"):
        opened(demo_ctx, Station("PACK-02", demo_user(demo_ctx, "packer2")), number)


def test_cancel_gives_the_order_back(demo_ctx, station):
    number = make_order(demo_ctx, [("SKU-00001", 1), ("SKU-00002", 1)])
    parcel = opened(demo_ctx, station, number)
    parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00001")).parcel
    assert act(demo_ctx, packing.cancel, station, parcel).verdict is Verdict.CANCELLED
    with read_only(demo_ctx.sessions) as s:
        order = s.scalar(select(Order).where(Order.number == number))
        assert order.locked_by is None and order.status is OrderStatus.ALLOCATED
        assert s.scalar(select(func.sum(OrderLine.packed_qty)).where(OrderLine.order_id == order.id)) == 0
    other = opened(demo_ctx, Station("PACK-02", demo_user(demo_ctx, "packer2")), number)
    assert other.scanned_units == 0


def test_orders_that_cannot_be_packed_say_why(demo_ctx, station):
    new = make_order(demo_ctx, [("SKU-00001", 1)], status=OrderStatus.NEW)
    with pytest.raises(Conflict, match="no stock allocated"):
        opened(demo_ctx, station, new)
    with pytest.raises(DomainError, match="No order"):
        opened(demo_ctx, station, "PD0999999999")
    with pytest.raises(DomainError, match="Tote TOTE-0199 holds no order"):
        opened(demo_ctx, station, "TOTE-0199")
    with pytest.raises(DomainError, match="Scan a tote or an order"):
        opened(demo_ctx, station, "6918000000019")


def test_the_check_applies_the_band_in_the_settings_and_the_verdict_carries_it(demo_ctx, station):
    with unit_of_work(demo_ctx.sessions) as s:
        settings.put(s, "pack.tolerance_g", 150)
    parcel = opened(demo_ctx, station, make_order(demo_ctx, [("SKU-00002", 1)]))
    assert parcel.allowed_g == 150  # not the 20 g / 5 % of the defaults
    parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00002")).parcel
    with unit_of_work(demo_ctx.sessions) as s:
        settings.put(s, "pack.tolerance_g", 60)  # changed while the parcel is on the scale
    out = act(demo_ctx, packing.weigh, station, parcel, Decimal(parcel.expected_g + 100))
    assert out.verdict is Verdict.WEIGHT_OUT and out.params["allowed"] == out.parcel.allowed_g == 60


def test_a_blocked_parcel_put_right_passes_on_its_next_weight(demo_ctx, station):
    parcel = opened(demo_ctx, station, make_order(demo_ctx, [("SKU-00002", 1)]))
    parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00002")).parcel
    out = act(demo_ctx, packing.weigh, station, parcel, Decimal(parcel.expected_g + 300))
    again = act(demo_ctx, packing.weigh, station, out.parcel, Decimal(parcel.expected_g + 290))
    assert again.verdict is Verdict.WEIGHT_OUT  # still wrong: still one exception
    good = act(demo_ctx, packing.weigh, station, again.parcel, Decimal(parcel.expected_g + 4))
    assert good.verdict is Verdict.PACKED
    with read_only(demo_ctx.sessions) as s:
        (exc,) = s.scalars(select(StationException).where(StationException.package_id == parcel.package_id))
    assert exc.kind is ExceptionKind.WEIGHT_MISMATCH and exc.status == "resolved"
    assert exc.resolution.startswith("re-weighed") and exc.resolved_by == station.user_id
