"""Short picks that end: the missing units are made up from another bin or warehouse (a
remainder task, picked into the same tote or in a wave of the other warehouse); with no stock
anywhere the order is held and a supervisor ships what is there (the customer gets a ticket),
waits for stock, or cancels the missing units (refunded). Every path ends at packing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.models.catalog import Bin, Product
from app.models.fulfilment import PickStatus, PickTask, StationException, Wave
from app.models.inventory import Stock
from app.models.orders import Order, OrderLine, OrderStatus
from app.models.service import Refund, Ticket
from app.services import exceptions, picking, waves
from app.services.exceptions import Action
from devices.scanner.scan import parse_scan
from tests.app.services.test_waves import _allocated
from tests.support.station_world import demo_user


def _wave_of(ctx, sku: str, qty: int = 2) -> tuple[str, picking.PickStep]:
    (number,) = _allocated(ctx, [(sku, qty)], 1)
    with unit_of_work(ctx.sessions) as s:
        (wave,) = waves.plan_waves(s, ctx.user, ctx.clock())
        waves.start_wave(s, demo_user(ctx, "picker1"), wave.id, ctx.clock())
    with read_only(ctx.sessions) as s:
        step = picking.current(s, wave.id)
    assert step is not None
    return number, step


def _stock_elsewhere(ctx, sku: str, short_bin: str, units: int, same_warehouse: bool) -> str:
    """Only one other bin holds ``sku`` (``units`` free), in this warehouse or another; its code."""
    with unit_of_work(ctx.sessions) as s:
        pid = s.scalar(select(Product.id).where(Product.sku == sku))
        here = s.scalar(select(Bin).where(Bin.code == short_bin))
        s.execute(
            update(Stock)
            .where(Stock.product_id == pid, Stock.bin_id != here.id)
            .values(quantity=Stock.reserved)
        )
        same = (
            Bin.warehouse_id == here.warehouse_id if same_warehouse else Bin.warehouse_id != here.warehouse_id
        )
        other = s.scalar(select(Bin).where(same, Bin.id != here.id).order_by(Bin.id).limit(1))
        row = s.scalar(select(Stock).where(Stock.product_id == pid, Stock.bin_id == other.id))
        if row is None:
            s.add(Stock(product_id=pid, bin_id=other.id, quantity=units, reserved=0))
        else:
            row.quantity = row.reserved + units
        return other.code


def _pick(ctx, step: picking.PickStep, units: int) -> picking.PickResult:
    picker = demo_user(ctx, "picker1")
    r = picking.scan_bin(step, parse_scan(step.bin_code))
    for _ in range(units):
        with unit_of_work(ctx.sessions) as s:
            r = picking.scan_item(s, picker, r.step, parse_scan(step.sku), ctx.clock())
    return r


def _short(ctx, step, found, reason="empty_bin") -> picking.PickResult:
    with unit_of_work(ctx.sessions) as s:
        return picking.short(s, demo_user(ctx, "picker1"), step, found, reason, ctx.clock())


def _status(ctx, number: str) -> OrderStatus:
    with read_only(ctx.sessions) as s:
        return s.scalar(select(Order.status).where(Order.number == number))


def test_a_short_pick_is_made_up_from_another_bin_into_the_same_tote(demo_ctx):
    number, step = _wave_of(demo_ctx, "SKU-00003", 2)
    other_bin = _stock_elsewhere(demo_ctx, "SKU-00003", step.bin_code, 5, same_warehouse=True)
    r = _short(demo_ctx, _pick(demo_ctx, step, 1).step, 1, "damaged")
    assert r.verdict == "remainder" and r.params["made_up"] == 1
    assert (r.step.bin_code, r.step.quantity, r.step.tote) == (other_bin, 1, step.tote)
    assert _status(demo_ctx, number) is OrderStatus.IN_WAVE
    picker = demo_user(demo_ctx, "picker1")
    r = _pick(demo_ctx, r.step, 1)
    assert r.verdict == "scan_tote"
    with unit_of_work(demo_ctx.sessions) as s:
        assert (
            picking.confirm_put(s, picker, r.step, parse_scan(step.tote), demo_ctx.clock()).verdict
            == "wave_done"
        )
    assert _status(demo_ctx, number) is OrderStatus.PICKED
    with read_only(demo_ctx.sessions) as s:
        assert s.scalar(
            select(func.count()).select_from(StationException)
        ) == 0 or not exceptions.open_exceptions(s)
        assert s.scalar(select(PickTask.short_reason).where(PickTask.id == step.task_id)) == "damaged"


def test_with_stock_only_in_another_warehouse_the_remainder_gets_a_wave_there(demo_ctx):
    number, step = _wave_of(demo_ctx, "SKU-00004", 1)
    other_bin = _stock_elsewhere(demo_ctx, "SKU-00004", step.bin_code, 3, same_warehouse=False)
    r = _short(demo_ctx, step, 0)
    assert r.verdict == "wave_done" and r.params["made_up"] == 1
    assert _status(demo_ctx, number) is OrderStatus.IN_WAVE  # picking goes on, in the other warehouse
    with read_only(demo_ctx.sessions) as s:
        task = s.scalar(select(PickTask).where(PickTask.remainder_of_id == step.task_id))
        wave = s.get(Wave, task.wave_id)
        assert wave.id != step.wave_id and wave.status == "released"
        assert s.scalar(select(Bin.code).where(Bin.id == task.bin_id)) == other_bin
        assert wave.id in [w.id for w in waves.open_waves(s)]


def test_a_reason_is_one_of_the_codes(demo_ctx):
    _number, step = _wave_of(demo_ctx, "SKU-00005", 1)
    with pytest.raises(DomainError, match="one of empty_bin, damaged"):
        _short(demo_ctx, step, 0, "it was not there")


def _held(ctx, sku: str, qty: int, found: int) -> tuple[str, exceptions.ExceptionView]:
    number, step = _wave_of(ctx, sku, qty)
    _stock_elsewhere(ctx, sku, step.bin_code, 0, same_warehouse=True)
    r = _pick(ctx, step, found) if found else None
    r = _short(ctx, r.step if r else step, found)
    assert r.verdict == "wave_done" and r.params["missing"] == qty - found
    assert _status(ctx, number) is OrderStatus.HELD  # never left in the wave
    with read_only(ctx.sessions) as s:
        (view,) = [e for e in exceptions.open_exceptions(s) if e.order_number == number]
    assert (view.sku, view.found, view.wanted, view.missing, view.reason) == (
        sku,
        found,
        qty,
        qty - found,
        "empty_bin",
    )
    assert view.actions == (Action.SHIP_AVAILABLE, Action.WAIT, Action.CANCEL_LINE)
    return number, view


def _resolve(ctx, view, action, user="super1"):
    with unit_of_work(ctx.sessions) as s:
        exceptions.resolve(s, demo_user(ctx, user), view.id, action, "", station="SUP-01", now=ctx.clock())


def test_ship_what_is_there_back_orders_the_rest_tells_the_customer_and_releases_to_packing(demo_ctx):
    number, view = _held(demo_ctx, "SKU-00006", 3, 2)
    _resolve(demo_ctx, view, Action.SHIP_AVAILABLE)
    assert _status(demo_ctx, number) is OrderStatus.PICKED
    with read_only(demo_ctx.sessions) as s:
        line = s.scalar(select(OrderLine).join(Order).where(Order.number == number))
        assert (line.picked_qty, line.backordered_qty, line.cancelled_qty) == (2, 1, 0)
        ticket = s.scalar(
            select(Ticket).join(Order, Order.id == Ticket.order_id).where(Order.number == number)
        )
        assert ticket is not None and "SKU-00006" in ticket.subject


def test_cancel_the_missing_units_refunds_them(demo_ctx):
    number, view = _held(demo_ctx, "SKU-00007", 2, 1)
    _resolve(demo_ctx, view, Action.CANCEL_LINE)
    assert _status(demo_ctx, number) is OrderStatus.PICKED
    with read_only(demo_ctx.sessions) as s:
        line = s.scalar(select(OrderLine).join(Order).where(Order.number == number))
        refund = s.scalar(
            select(Refund).join(Order, Order.id == Refund.order_id).where(Order.number == number)
        )
        assert line.cancelled_qty == 1 and refund.amount == line.unit_price


def test_waiting_keeps_the_order_held_until_stock_comes_in_then_a_remainder_task_is_made(demo_ctx):
    number, view = _held(demo_ctx, "SKU-00009", 1, 0)
    _resolve(demo_ctx, view, Action.WAIT)
    boss = demo_user(demo_ctx, "super1")
    with unit_of_work(demo_ctx.sessions) as s:
        assert exceptions.retry_waiting(s, boss, demo_ctx.clock()) == 0
    assert _status(demo_ctx, number) is OrderStatus.HELD
    with read_only(demo_ctx.sessions) as s:
        (still,) = [e for e in exceptions.open_exceptions(s) if e.order_number == number]
        assert still.status == "waiting"
        short_bin = s.scalar(
            select(Bin.code)
            .join(PickTask, PickTask.bin_id == Bin.id)
            .where(PickTask.status == PickStatus.SHORT)
            .order_by(PickTask.id.desc())
            .limit(1)
        )
    _stock_elsewhere(demo_ctx, "SKU-00009", short_bin, 4, same_warehouse=True)  # a delivery came in
    with unit_of_work(demo_ctx.sessions) as s:
        assert exceptions.retry_waiting(s, boss, demo_ctx.clock()) == 1
    assert _status(demo_ctx, number) is OrderStatus.IN_WAVE
    with read_only(demo_ctx.sessions) as s:
        assert not [e for e in exceptions.open_exceptions(s) if e.order_number == number]


def test_a_short_pick_action_does_not_fit_another_exception_and_a_picker_cannot_decide(demo_ctx):
    _number, view = _held(demo_ctx, "SKU-00010", 1, 0)
    with pytest.raises(DomainError, match="does not apply"):
        _resolve(demo_ctx, view, Action.FIXED)
    from app.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        _resolve(demo_ctx, view, Action.SHIP_AVAILABLE, user="picker1")
