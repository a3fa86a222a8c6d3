"""Waves (grouping, limits, serpentine path), starting a wave with totes, picking and short picks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, update

from app.db import read_only, unit_of_work
from app.errors import Conflict
from app.models.catalog import Bin, Product
from app.models.fulfilment import ExceptionKind, StationException, Tote
from app.models.inventory import Stock
from app.models.orders import Order, OrderStatus
from app.services import allocation, picking, settings, waves
from devices.scanner.scan import parse_scan
from tests.support.station_world import barcode, demo_user, make_order


def test_bin_codes_sort_naturally():
    codes = ["A-10-01-1", "A-2-01-1", "B-01-01-1", "A-02-10-1", "A-02-9-1"]
    assert sorted(codes, key=waves.bin_sort_key) == [
        "A-2-01-1",
        "A-02-9-1",
        "A-02-10-1",
        "A-10-01-1",
        "B-01-01-1",
    ]


bins = st.lists(
    st.tuples(st.sampled_from(["A", "B", "C"]), st.integers(1, 12), st.integers(1, 30), st.integers(1, 4)),
    unique=True,
    max_size=60,
)


@given(bins)
def test_walk_is_serpentine_and_visits_each_aisle_once(bs):
    path = waves.walk_order(bs)
    assert sorted(path) == sorted(bs)
    aisles = [(b[0], b[1]) for b in path]
    visited = [a for i, a in enumerate(aisles) if i == 0 or aisles[i - 1] != a]
    assert len(visited) == len(set(visited))  # never back into an aisle
    for n, aisle in enumerate(visited):
        bays = [b[2] for b in path if (b[0], b[1]) == aisle]
        assert bays == sorted(bays, reverse=n % 2 == 1)  # up one aisle, down the next


def _allocated(ctx, lines_per_order, n):
    numbers = [make_order(ctx, lines_per_order, status=OrderStatus.NEW) for _ in range(n)]
    with unit_of_work(ctx.sessions) as s:
        ids = s.scalars(select(Order.id).where(Order.number.in_(numbers))).all()
        for oid in ids:
            assert allocation.allocate(s, ctx.user, oid, ctx.clock()).status == "allocated"
    return numbers


def test_plan_respects_limits_and_puts_every_allocated_order_in_a_wave(demo_ctx):
    numbers = _allocated(demo_ctx, [("SKU-00001", 1), ("SKU-00002", 1)], 7)
    with unit_of_work(demo_ctx.sessions) as s:
        planned = waves.plan_waves(s, demo_ctx.user, demo_ctx.clock(), waves.Limits(orders=3, lines=5))
    assert [w.orders for w in planned] == [2, 2, 2, 1]  # 5 lines a wave: two 2-line orders each
    with read_only(demo_ctx.sessions) as s:
        statuses = set(s.scalars(select(Order.status).where(Order.number.in_(numbers))))
    assert statuses == {OrderStatus.IN_WAVE}
    with unit_of_work(demo_ctx.sessions) as s:
        assert waves.plan_waves(s, demo_ctx.user, demo_ctx.clock()) == []  # nothing planned twice


def test_overdue_cut_offs_share_the_urgent_wave_and_later_ones_wait_for_their_hour(demo_ctx):
    now = demo_ctx.clock()
    numbers = _allocated(demo_ctx, [("SKU-00001", 1)], 4)
    cutoffs = [now - dt.timedelta(days=2), now - dt.timedelta(hours=5), now, now + dt.timedelta(hours=3)]
    with unit_of_work(demo_ctx.sessions) as s:
        for number, cutoff in zip(numbers, cutoffs, strict=True):
            s.execute(update(Order).where(Order.number == number).values(cutoff_at=cutoff))
        planned = waves.plan_waves(s, demo_ctx.user, now)
    hour = now.replace(minute=0, second=0, microsecond=0)
    assert [(w.orders, w.cutoff_at) for w in planned] == [(3, hour), (1, hour + dt.timedelta(hours=3))]


def _pick_wave(demo_ctx) -> str:
    """Pick a two-order wave (one order short); the number of the order that was picked."""
    picker = demo_user(demo_ctx, "picker1")
    numbers = _allocated(demo_ctx, [("SKU-00001", 2)], 1) + _allocated(demo_ctx, [("SKU-00008", 1)], 1)
    with unit_of_work(demo_ctx.sessions) as s:
        (wave,) = waves.plan_waves(s, demo_ctx.user, demo_ctx.clock())
        waves.start_wave(s, demo_user(demo_ctx, "picker1"), wave.id, demo_ctx.clock())
    with read_only(demo_ctx.sessions) as s:
        step = picking.current(s, wave.id)
    assert step.total == 2 and step.tote.startswith("TOTE-")
    assert picking.scan_bin(step, parse_scan("Z-99-99-9")).verdict == "wrong_bin"
    assert picking.scan_bin(step, parse_scan(barcode(demo_ctx, "SKU-00001"))).verdict == "scan_bin_first"
    assert picking.scan_bin(step, parse_scan(step.bin_code)).verdict == "at_bin"
    first_sku = step.sku
    other = "SKU-00008" if first_sku == "SKU-00001" else "SKU-00001"
    with unit_of_work(demo_ctx.sessions) as s:
        r = picking.scan_item(s, picker, step, parse_scan(barcode(demo_ctx, other)), demo_ctx.clock())
    assert r.verdict == "wrong_item" and r.level == "error"
    for _ in range(step.quantity):
        with unit_of_work(demo_ctx.sessions) as s:
            r = picking.scan_item(
                s, picker, r.step, parse_scan(barcode(demo_ctx, first_sku)), demo_ctx.clock()
            )
    assert r.verdict == "scan_tote" and r.step.tote == step.tote
    with unit_of_work(demo_ctx.sessions) as s:
        assert picking.confirm_put(s, picker, r.step, parse_scan("TOTE-9999"), demo_ctx.clock()).verdict == (
            "wrong_tote"
        )
        r = picking.confirm_put(s, picker, r.step, parse_scan(step.tote), demo_ctx.clock())
    assert r.verdict == "task_done" and r.step.sku == other
    _empty_other_bins(demo_ctx, other, r.step.bin_code)
    with unit_of_work(demo_ctx.sessions) as s:
        r = picking.short(s, picker, r.step, 0, "empty_bin", demo_ctx.clock())
    assert r.verdict == "wave_done"
    with read_only(demo_ctx.sessions) as s:
        by_number = dict(s.execute(select(Order.number, Order.status).where(Order.number.in_(numbers))).all())
        picked = next(n for n, st_ in by_number.items() if st_ is OrderStatus.PICKED)
        assert sorted(by_number.values()) == sorted([OrderStatus.PICKED, OrderStatus.HELD])
        (exc,) = s.scalars(select(StationException).where(StationException.kind == ExceptionKind.SHORT_PICK))
        assert "empty_bin" in exc.detail
        assert set(s.scalars(select(Tote.status).where(Tote.wave_id == wave.id))) == {"at_pack"}
        assert s.scalar(select(Stock.reserved).where(Stock.reserved < 0)) is None
    return picked


def _empty_other_bins(ctx, sku: str, keep_bin: str) -> None:
    """No other bin holds ``sku`` (the short pick cannot be made up)."""
    with unit_of_work(ctx.sessions) as s:
        pid = s.scalar(select(Product.id).where(Product.sku == sku))
        keep = s.scalar(select(Bin.id).where(Bin.code == keep_bin))
        s.execute(
            update(Stock).where(Stock.product_id == pid, Stock.bin_id != keep).values(quantity=Stock.reserved)
        )


def test_pick_a_wave_with_wrong_bin_wrong_item_and_a_short_pick(demo_ctx):
    _pick_wave(demo_ctx)


def test_a_picked_tote_opens_its_order_at_the_pack_station(demo_ctx, station):
    from app.models.fulfilment import PickTask
    from app.models.orders import OrderLine
    from app.services import packing

    picked = _pick_wave(demo_ctx)
    with read_only(demo_ctx.sessions) as s:
        tote = s.scalar(
            select(Tote.code)
            .join(PickTask, PickTask.tote_id == Tote.id)
            .join(OrderLine, OrderLine.id == PickTask.order_line_id)
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.number == picked)
        )
    with unit_of_work(demo_ctx.sessions) as s:
        r = packing.open_parcel(s, station, parse_scan(tote), demo_ctx.clock())
    assert r.parcel.order_number == picked and r.parcel.lines[0].scanned == 0


def test_a_started_wave_says_it_is_being_picked_and_cannot_be_started_twice(demo_ctx):
    _allocated(demo_ctx, [("SKU-00001", 1)], 2)
    with unit_of_work(demo_ctx.sessions) as s:
        (wave,) = waves.plan_waves(s, demo_ctx.user, demo_ctx.clock())
        started = waves.start_wave(s, demo_user(demo_ctx, "picker1"), wave.id, demo_ctx.clock())
    assert (wave.status, started.status) == ("released", "picking")
    with read_only(demo_ctx.sessions) as s:
        assert [w.status for w in waves.open_waves(s) if w.id == wave.id] == ["picking"]
    with pytest.raises(Conflict, match="already being picked"), unit_of_work(demo_ctx.sessions) as s:
        waves.start_wave(s, demo_user(demo_ctx, "picker2"), wave.id, demo_ctx.clock())


def test_wave_size_comes_from_the_site_settings(demo_ctx):
    _allocated(demo_ctx, [("SKU-00001", 1)], 3)
    with unit_of_work(demo_ctx.sessions) as s:
        settings.put(s, "waves.max_orders", 2)
    with unit_of_work(demo_ctx.sessions) as s:
        assert waves.Limits.from_settings(s) == waves.Limits(orders=2, lines=150)
        assert [w.orders for w in waves.plan_waves(s, demo_ctx.user, demo_ctx.clock())] == [2, 1]
