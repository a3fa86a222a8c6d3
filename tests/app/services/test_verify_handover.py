"""Hand-over reconciliation: a batch is one carrier's (another carrier's parcel is refused);
closing compares packed, scanned and the courier's count, lists the missing parcels with where
they were last seen, and closes a batch that differs only by choice; the manifest states the
counts; a split order is shipped when every parcel of it is."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app.db import read_only, unit_of_work
from app.errors import Conflict, DomainError
from app.models.audit import AuditEntry
from app.models.orders import Order, OrderStatus
from app.services import packing, verify
from devices.scanner.scan import parse_scan
from tests.app.services.test_packing import act, opened, scan
from tests.app.services.test_verify import close, handed_over_before, packed, sample
from tests.support.station_world import barcode, make_order


def hand(ctx, station, tracking: str, carrier: str) -> verify.BatchView:
    with unit_of_work(ctx.sessions) as s:
        return verify.hand_over(s, station, parse_scan(tracking), ctx.clock(), carrier)[0]


def _verified(ctx, station, n: int) -> list[str]:
    out = []
    for _ in range(n):
        tracking, _grams = packed(ctx, station)
        assert act(ctx, verify.start, station, parse_scan(tracking)).verdict == "passed"
        out.append(tracking)
    return out


def test_a_missing_parcel_is_listed_and_the_batch_closes_only_by_choice(demo_ctx, station):
    sample(demo_ctx, 0)
    handed_over_before(demo_ctx)
    trackings = _verified(demo_ctx, station, 3)
    for t in trackings[:2]:
        batch = hand(demo_ctx, station, t, "SF")
    with read_only(demo_ctx.sessions) as s:
        rec = verify.reconcile(s, batch.id, 2)
    assert (rec.packed, rec.scanned, rec.courier, rec.agrees) == (3, 2, 2, False)
    (missing,) = rec.missing
    assert (missing.tracking_number, missing.last_seen, missing.station) == (
        trackings[2],
        "verified",
        "PACK-01",
    )
    with pytest.raises(DomainError, match="number of parcels the courier counted"):
        close(demo_ctx, station, batch.id, None)
    with pytest.raises(Conflict, match="3 packed, 2 scanned, the courier counted 2") as differs:
        close(demo_ctx, station, batch.id, 2)
    assert differs.value.code == "handover.differs"
    closed, _job = close(demo_ctx, station, batch.id, 2, accept=True)
    assert closed.status == "closed"
    with read_only(demo_ctx.sessions) as s:
        entry = s.scalar(
            select(AuditEntry).where(AuditEntry.action == "handover.close").order_by(AuditEntry.id.desc())
        )
        assert entry.detail["by_choice"] is True and entry.detail["missing"] == trackings[2]


def test_counts_that_agree_close_the_batch_at_once(demo_ctx, station):
    sample(demo_ctx, 0)
    handed_over_before(demo_ctx)
    trackings = _verified(demo_ctx, station, 2)
    for t in trackings:
        batch = hand(demo_ctx, station, t, "SF")
    with pytest.raises(Conflict, match="courier counted 3"):
        close(demo_ctx, station, batch.id, 3)  # the courier counted one too many
    closed, _ = close(demo_ctx, station, batch.id, 2)
    assert closed.parcels == 2


def test_a_parcel_of_another_carrier_is_refused(demo_ctx, station):
    sample(demo_ctx, 0)
    (tracking,) = _verified(demo_ctx, station, 1)
    with pytest.raises(Conflict, match="goes with SF, not YTO") as refused:
        hand(demo_ctx, station, tracking, "YTO")
    assert refused.value.code == "handover.carrier"


def test_an_order_of_two_parcels_is_shipped_when_both_are(demo_ctx, station):
    sample(demo_ctx, 0)
    handed_over_before(demo_ctx)
    number = make_order(demo_ctx, [("SKU-00001", 2)])
    parcel = opened(demo_ctx, station, number)
    parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00001")).parcel
    box1 = act(demo_ctx, packing.new_box, station, parcel).parcel
    r = act(demo_ctx, packing.weigh, station, box1, Decimal(box1.expected_g))
    first = r.params["tracking"]
    r = scan(demo_ctx, station, r.parcel, barcode(demo_ctx, "SKU-00001"))
    r = act(demo_ctx, packing.weigh, station, r.parcel, Decimal(r.parcel.expected_g))
    second = r.parcel.tracking_number
    for t in (first, second):
        assert act(demo_ctx, verify.start, station, parse_scan(t)).verdict == "passed"
    batch = hand(demo_ctx, station, first, "SF")
    with unit_of_work(demo_ctx.sessions) as s:
        batch2 = verify.hand_over(s, station, parse_scan(second), demo_ctx.clock())[0]
    assert batch2.id == batch.id
    close(demo_ctx, station, batch.id, 2)
    with read_only(demo_ctx.sessions) as s:
        assert s.scalar(select(Order.status).where(Order.number == number)) is OrderStatus.SHIPPED
