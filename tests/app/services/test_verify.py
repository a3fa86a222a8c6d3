"""Verify by sampling, hand-over batches that ship each parcel once, exceptions, statistics."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.db import read_only, unit_of_work
from app.errors import Conflict, DomainError
from app.models.fulfilment import ExceptionKind, PrintJob, StationException
from app.models.orders import Order, OrderStatus
from app.services import exceptions, packing, settings, station_stats, verify
from app.services.exceptions import Action
from devices.scanner.scan import parse_scan
from tests.app.services.test_packing import act, opened, scan
from tests.support.station_world import barcode, demo_user, make_order


def packed(ctx, station, lines=(("SKU-00001", 1),)) -> tuple[str, int]:
    """Pack an order through the station service; (tracking number, packed grams)."""
    parcel = opened(ctx, station, make_order(ctx, list(lines)))
    for sku, qty in lines:
        for _ in range(qty):
            parcel = scan(ctx, station, parcel, barcode(ctx, sku)).parcel
    r = act(ctx, packing.weigh, station, parcel, Decimal(parcel.expected_g))
    assert r.verdict is packing.Verdict.PACKED
    return r.parcel.tracking_number, parcel.expected_g


def sample(ctx, pct: int) -> None:
    with unit_of_work(ctx.sessions) as s:
        settings.put(s, "verify.sample_pct", pct)


def test_unsampled_parcel_is_verified_by_its_waybill_scan(demo_ctx, station):
    sample(demo_ctx, 0)
    tracking, _ = packed(demo_ctx, station)
    r = act(demo_ctx, verify.start, station, parse_scan(tracking))
    assert r.verdict == "passed" and r.task.status == "passed"
    with pytest.raises(Conflict, match="already verified"):
        act(demo_ctx, verify.start, station, parse_scan(tracking))


def test_sampled_parcel_is_rescanned_and_reweighed(demo_ctx, station):
    sample(demo_ctx, 100)
    tracking, grams = packed(demo_ctx, station, (("SKU-00001", 2),))
    r = act(demo_ctx, verify.start, station, parse_scan(tracking))
    assert r.verdict == "started" and r.params["reason"] == "sample"
    assert act(demo_ctx, verify.weigh, station, r.task, Decimal(grams)).verdict == "not_ready"
    r = act(demo_ctx, verify.scan_item, station, r.task, parse_scan(barcode(demo_ctx, "SKU-00001")))
    assert r.verdict == "item_ok"
    r = act(demo_ctx, verify.scan_item, station, r.task, parse_scan(barcode(demo_ctx, "SKU-00001")))
    assert r.verdict == "weigh"
    r = act(demo_ctx, verify.weigh, station, r.task, Decimal(grams) + 10)
    assert r.verdict == "passed"


def test_verify_fails_on_a_wrong_item_or_weight_and_raises_an_exception(demo_ctx, station):
    sample(demo_ctx, 100)
    tracking, grams = packed(demo_ctx, station)
    task = act(demo_ctx, verify.start, station, parse_scan(tracking)).task
    r = act(demo_ctx, verify.scan_item, station, task, parse_scan(barcode(demo_ctx, "SKU-00003")))
    assert r.verdict == "failed" and r.params["what"] == "wrong_item"
    task = act(demo_ctx, verify.scan_item, station, task, parse_scan(barcode(demo_ctx, "SKU-00001"))).task
    r = act(demo_ctx, verify.weigh, station, task, Decimal(grams) + 200)
    assert r.verdict == "failed" and r.params["what"] == "weight"
    with read_only(demo_ctx.sessions) as s:
        kinds = s.scalars(select(StationException.kind).where(StationException.package_id == task.package_id))
        assert list(kinds) == [ExceptionKind.VERIFY_FAILED] * 2
    with pytest.raises(Conflict, match="not passed verify"):
        act(demo_ctx, verify.hand_over, station, parse_scan(tracking))


def handed_over_before(ctx, carrier: str = "SF") -> None:
    """The demo's parcels of ``carrier`` left with an earlier courier: only the test's are waiting."""
    from sqlalchemy import update

    with unit_of_work(ctx.sessions) as s:
        s.execute(
            update(verify.Shipment)
            .where(
                verify.Shipment.carrier == carrier,
                verify.Shipment.status == verify.ShipmentStatus.LABEL_CREATED,
            )
            .values(status=verify.ShipmentStatus.HANDED_OVER)
        )


def close(ctx, station, batch_id, courier, accept=False):
    with unit_of_work(ctx.sessions) as s:
        return verify.close_batch(s, station, batch_id, ctx.clock(), courier, accept_difference=accept)


def test_hand_over_ships_each_parcel_once_and_prints_the_manifest(demo_ctx, station):
    sample(demo_ctx, 0)
    handed_over_before(demo_ctx)
    trackings = [packed(demo_ctx, station)[0] for _ in range(3)]
    for t in trackings:
        act(demo_ctx, verify.start, station, parse_scan(t))
        batch, _ = act(demo_ctx, verify.hand_over, station, parse_scan(t))
    assert batch.parcels == 3 and batch.carrier == "SF"
    with pytest.raises(Conflict, match="already in hand-over batch"):
        act(demo_ctx, verify.hand_over, station, parse_scan(trackings[0]))
    closed, job = close(demo_ctx, station, batch.id, 3)
    assert closed.status == "closed"
    with read_only(demo_ctx.sessions) as s:
        assert s.get(PrintJob, job).document == "manifest"
        statuses = s.scalars(
            select(Order.status).where(
                Order.number.in_(
                    select(Order.number)
                    .join_from(Order, verify.Shipment, verify.Shipment.order_id == Order.id)
                    .where(verify.Shipment.tracking_number.in_(trackings))
                )
            )
        ).all()
        assert statuses == [OrderStatus.SHIPPED] * 3
    with pytest.raises(Conflict, match="already closed"):
        close(demo_ctx, station, batch.id, 3)


def test_exceptions_are_resolved_once_with_a_note(demo_ctx, station):
    number = make_order(demo_ctx, [("SKU-00002", 1)])
    parcel = opened(demo_ctx, station, number)
    scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00003"))
    with read_only(demo_ctx.sessions) as s:
        (exc,) = [e for e in exceptions.open_exceptions(s) if e.order_number == number]
    assert exc.kind is ExceptionKind.WRONG_ITEM
    supervisor = demo_user(demo_ctx, "super1")
    with pytest.raises(DomainError, match="needs a note"):
        act(
            demo_ctx,
            lambda s, now: exceptions.resolve(
                s, supervisor, exc.id, Action.RESTOCKED, " ", station="S", now=now
            ),
        )
    act(
        demo_ctx,
        lambda s, now: exceptions.resolve(
            s, supervisor, exc.id, Action.RESTOCKED, "vase back to A-01-02-1", station="S", now=now
        ),
    )
    with pytest.raises(Conflict):
        act(
            demo_ctx,
            lambda s, now: exceptions.resolve(
                s, supervisor, exc.id, Action.FIXED, "again", station="S", now=now
            ),
        )


def test_statistics_count_parcels_and_errors_per_station_and_packer(demo_ctx, station):
    start = demo_ctx.clock() - dt.timedelta(minutes=1)
    packed(demo_ctx, station)
    parcel = opened(demo_ctx, station, make_order(demo_ctx, [("SKU-00002", 1)]))
    scan(demo_ctx, station, parcel, "6900000000007")
    with read_only(demo_ctx.sessions) as s:
        rows = station_stats.stats(s, start, demo_ctx.clock() + dt.timedelta(minutes=1))
    (row,) = [r for r in rows if r.station == "PACK-01"]
    assert row.parcels == 1 and row.errors_caught == 1 and row.per_hour > 0
