"""Making up a short pick: the missing units reserved from another bin (this warehouse first,
then the others) as remainder pick tasks, or the order held for a supervisor. The work picking
and the exception queue share, each under its own permission check."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.models.catalog import Bin, Zone
from app.models.fulfilment import ExceptionKind, PickTask, StationException, Wave, WaveStatus
from app.models.inventory import MoveKind, Reservation, Stock
from app.models.orders import Order, OrderLine, OrderStatus
from app.services import stock


def hold(session: Session, order_id: int, now: dt.datetime) -> None:
    """The order waits for a supervisor's decision on its short pick (not in a wave any more)."""
    session.execute(
        update(Order)
        .where(Order.id == order_id, Order.status.in_((OrderStatus.IN_WAVE, OrderStatus.PICKED)))
        .values(status=OrderStatus.HELD, version=Order.version + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )


def make_up(session: Session, short_task: PickTask, missing: int, now: dt.datetime) -> int:
    """Reserve up to ``missing`` units of the short task's product from other bins (this
    warehouse first, then the others) and add a remainder task for each; the units reserved."""
    line = session.get(OrderLine, short_task.order_line_id)
    wave = session.get(Wave, short_task.wave_id)
    assert line is not None and wave is not None
    rows = session.execute(
        select(Stock.id, Stock.bin_id, Bin.warehouse_id)
        .join(Bin, Bin.id == Stock.bin_id)
        .where(
            Stock.product_id == short_task.product_id,
            Stock.bin_id != short_task.bin_id,  # the short bin's count is what was wrong
            Stock.quantity > Stock.reserved,
        )
        .order_by(Bin.warehouse_id != wave.warehouse_id, Stock.id)
    ).all()
    if rows:  # the one lock order, as in allocation: stock rows by id
        session.execute(
            select(Stock.id).where(Stock.id.in_([r[0] for r in rows])).order_by(Stock.id).with_for_update()
        ).all()
    taken = 0
    for stock_id, bin_id, warehouse_id in rows:
        if taken >= missing:
            break
        free = session.scalar(select(Stock.quantity - Stock.reserved).where(Stock.id == stock_id)) or 0
        qty = min(missing - taken, free)
        if qty <= 0:
            continue
        session.execute(update(Stock).where(Stock.id == stock_id).values(reserved=Stock.reserved + qty))
        order_number = session.scalar(select(Order.number).where(Order.id == line.order_id)) or ""
        stock.record(session, stock_id, 0, qty, MoveKind.RESERVE, document=order_number, now=now)
        res = Reservation(order_line_id=line.id, stock_id=stock_id, quantity=qty, created_at=now)
        session.add(res)
        session.flush()
        wave_id, tote_id = (
            (wave.id, short_task.tote_id)
            if warehouse_id == wave.warehouse_id
            else (_wave_in(session, wave, warehouse_id, bin_id, now), None)
        )
        sequence = session.scalar(select(func.max(PickTask.sequence)).where(PickTask.wave_id == wave_id)) or 0
        session.add(
            PickTask(
                wave_id=wave_id,
                sequence=sequence + 1,
                order_line_id=line.id,
                reservation_id=res.id,
                bin_id=bin_id,
                product_id=short_task.product_id,
                tote_id=tote_id,
                quantity=qty,
                remainder_of_id=short_task.id,
            )
        )
        taken += qty
    if taken:
        session.flush()
        session.execute(
            update(Order)
            .where(Order.id == line.order_id, Order.status.in_((OrderStatus.HELD, OrderStatus.PICKED)))
            .values(status=OrderStatus.IN_WAVE, version=Order.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )
    return taken


def _wave_in(session: Session, short_wave: Wave, warehouse_id: int, bin_id: int, now: dt.datetime) -> int:
    """A released wave in the other warehouse for the remainder (its picker takes it like any)."""
    seq = (session.scalar(select(func.count()).select_from(Wave)) or 0) + 1
    zone = session.scalar(select(Zone.code).join(Bin, Bin.zone_id == Zone.id).where(Bin.id == bin_id)) or ""
    wave = Wave(
        number=f"W{now:%y%m%d}-{seq:05d}R",
        warehouse_id=warehouse_id,
        carrier=short_wave.carrier,
        zone=zone,
        cutoff_at=short_wave.cutoff_at,
        status=WaveStatus.RELEASED,
        created_at=now,
    )
    session.add(wave)
    session.flush()
    return wave.id


def unsettled(session: Session, order_id: int | None) -> bool:
    """A short pick of the order still waits for a supervisor (open or waiting for stock)."""
    return bool(
        session.scalar(
            select(func.count())
            .select_from(StationException)
            .where(
                StationException.order_id == order_id,
                StationException.kind == ExceptionKind.SHORT_PICK,
                StationException.status.in_(("open", "waiting")),
            )
        )
    )
