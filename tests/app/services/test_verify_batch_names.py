"""Hand-over refusals name the batch as the dock reads it, by carrier and pick-up time ("SF 17:30",
"SF 17:30 批次"), in English and in Chinese; its internal number stays a parameter for programs."""

from __future__ import annotations

import pytest

from app.db import unit_of_work
from app.errors import Conflict, DomainError
from app.i18n import word
from app.models.fulfilment import HandoverBatch
from app.services import carriers, verify
from devices.scanner.scan import parse_scan
from tests.app.services.test_packing import act
from tests.app.services.test_verify import close, handed_over_before, packed, sample


def _sf_picks_up_at(ctx, slot: str) -> None:
    with unit_of_work(ctx.sessions) as s:
        carriers.set_cutoff(s, ctx.user, "SH01", "SF", "16:00", slot)


def _in_a_batch(ctx, station, n: int) -> verify.BatchView:
    for _ in range(n):
        tracking, _grams = packed(ctx, station)
        act(ctx, verify.start, station, parse_scan(tracking))
        batch, _ = act(ctx, verify.hand_over, station, parse_scan(tracking))
    return batch


def test_a_parcel_scanned_twice_names_its_batch_by_carrier_and_pick_up(demo_ctx, station):
    sample(demo_ctx, 0)
    handed_over_before(demo_ctx)
    _sf_picks_up_at(demo_ctx, "17:30")
    tracking, _ = packed(demo_ctx, station)
    act(demo_ctx, verify.start, station, parse_scan(tracking))
    batch, _ = act(demo_ctx, verify.hand_over, station, parse_scan(tracking))
    with pytest.raises(Conflict) as twice:
        act(demo_ctx, verify.hand_over, station, parse_scan(tracking))
    assert str(twice.value) == f"Parcel {tracking} is already in hand-over batch SF 17:30: never twice."
    assert word(twice.value, "zh_CN") == f"包裹 {tracking} 已在 SF 17:30 交接批次中：不能重复交接。"
    assert twice.value.params["batch"] == batch.number and batch.number.startswith("HO-")


def test_counts_that_differ_name_the_batch_as_the_dock_does(demo_ctx, station):
    sample(demo_ctx, 0)
    handed_over_before(demo_ctx)
    _sf_picks_up_at(demo_ctx, "17:30")
    batch = _in_a_batch(demo_ctx, station, 2)
    with pytest.raises(Conflict) as differs:
        close(demo_ctx, station, batch.id, 3)
    assert str(differs.value).startswith("Batch SF 17:30: 2 packed, 2 scanned, the courier counted 3.")
    assert word(differs.value, "zh_CN").startswith("SF 17:30 批次：已打包 2 件")
    assert "HO-" not in str(differs.value) and "HO-" not in word(differs.value, "zh_CN")
    assert differs.value.code == "handover.differs" and differs.value.params["batch"] == batch.number


def test_an_empty_batch_without_a_pick_up_time_is_today_s(demo_ctx, station):
    with unit_of_work(demo_ctx.sessions) as s:
        empty = HandoverBatch(number="HO-SF-20261201090000", carrier="SF", slot="",
                              created_at=demo_ctx.clock())
        s.add(empty)
        s.flush()
        batch_id = empty.id
    with pytest.raises(DomainError) as refused:
        close(demo_ctx, station, batch_id, 0)
    assert str(refused.value) == "Batch SF today is empty: scan parcels into it first."
    assert word(refused.value, "zh_CN") == "SF 今天 批次为空：请先扫描包裹。"  # as the batch list says it
