"""Allocation: validate an order, choose its warehouse, reserve its stock atomically.

No oversell, with any number of stations and processes: a reservation is a conditional
``UPDATE stock SET reserved = reserved + q WHERE quantity - reserved >= q`` (the database
decides, row by row), and an order is claimed by a conditional status UPDATE first, so two
processes never allocate it twice. The CHECK ``reserved <= quantity`` is the last backstop.
Every stock row an order may take is locked first, in stock id order, as is every row packing
consumes: two multi-line orders never wait for each other's rows crosswise (no deadlock).

Warehouse choice: the warehouses that can ship every line, ranked by the rule (``cost``: the
warehouse's cost rank; ``distance``: same province as the address first, then cost); an
order is split across warehouses only when no single one covers it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db import affected
from app.models.catalog import Bin, Product, Warehouse
from app.models.inventory import MoveKind, Reservation, ReservationStatus, Stock
from app.models.orders import Address, Order, OrderLine, OrderStatus, PaymentStatus
from app.permissions import require
from app.services import carriers, settings, stock

if TYPE_CHECKING:
    from app.context import CurrentUser

RELEASABLE = (PaymentStatus.PAID, PaymentStatus.COD)


@dataclass(frozen=True)
class Allocation:
    order_number: str
    status: str  # allocated / backordered / invalid / skipped (another process has it)
    warehouses: tuple[str, ...] = ()
    split: bool = False
    problems: tuple[str, ...] = ()
    low_stock: tuple[str, ...] = ()  # SKUs below the warning threshold after this reservation


def problems(session: Session, order: Order) -> list[str]:
    """Why an order may not be released to the floor (empty when it may)."""
    out = []
    if order.payment_status not in RELEASABLE:
        out.append(f"payment is {order.payment_status.value}: only paid or cash-on-delivery orders ship")
    address = session.get(Address, order.address_id) if order.address_id else None
    if address is None:
        out.append("no delivery address")
    else:
        required = (
            ("recipient", "phone", "province", "city", "street")
            if address.country == "CN"
            else ("recipient", "phone", "city", "street")
        )
        missing = [f for f in required if not getattr(address, f)]
        if missing:
            out.append("address incomplete: " + ", ".join(missing))
    if not order.lines:
        out.append("no order lines")
    return out


def allocate(
    session: Session, actor: CurrentUser | None, order_id: int, now: dt.datetime, rule: str | None = None
) -> Allocation:
    planner = require(actor, "station.plan")
    order = session.get(Order, order_id)
    if order is None:
        raise LookupError(order_id)
    found = problems(session, order)
    if found:
        return Allocation(order.number, "invalid", problems=tuple(found))
    claimed = affected(session.execute(
        update(Order)
        .where(Order.id == order.id, Order.status.in_((OrderStatus.NEW, OrderStatus.BACKORDERED)))
        .values(status=OrderStatus.ALLOCATED, updated_at=now, version=Order.version + 1)
        .execution_options(synchronize_session=False)
    ))
    if claimed != 1:
        return Allocation(order.number, "skipped")
    rule = rule or settings.get(session, "allocation.rule", "cost")
    need: defaultdict[int, int] = defaultdict(int)
    for line in order.lines:
        need[line.product_id] += line.quantity
    plan = _plan(session, order, dict(need), rule)
    if plan is None:
        session.execute(
            update(Order).where(Order.id == order.id).values(status=OrderStatus.BACKORDERED, updated_at=now)
        )
        return Allocation(order.number, "backordered", problems=("not enough stock in any warehouse",))
    _lock(session, sorted({sid for rows in plan.values() for sid, _wid in rows}))
    warehouses: set[int] = set()
    try:
        with session.begin_nested():  # a shortfall undoes this order's reservations only
            for line in order.lines:
                left = line.quantity
                for stock_id, warehouse_id in plan[line.product_id]:
                    got = _reserve(session, planner, line, stock_id, left, now) if left else 0
                    if got:
                        warehouses.add(warehouse_id)
                        left -= got
                if left:
                    raise _Short
    except _Short:
        # another process took the stock between planning and reserving
        session.execute(
            update(Order).where(Order.id == order.id).values(status=OrderStatus.BACKORDERED, updated_at=now)
        )
        return Allocation(order.number, "backordered", problems=("stock taken by another station",))
    primary = min(warehouses)
    session.execute(update(Order).where(Order.id == order.id).values(warehouse_id=primary, updated_at=now))
    carriers.assign(session, order.id, primary, now)  # imported orders: carrier, service, cut-off by rule
    codes = dict(
        session.execute(select(Warehouse.id, Warehouse.code).where(Warehouse.id.in_(warehouses))).all()
    )
    return Allocation(
        order.number,
        "allocated",
        tuple(sorted(codes.values())),
        len(warehouses) > 1,
        low_stock=tuple(_low_stock(session, list(need), warehouses)),
    )


def allocate_open(
    session: Session, actor: CurrentUser | None, now: dt.datetime, limit: int = 10_000
) -> list[Allocation]:
    """Every new or back-ordered order, highest priority and oldest first."""
    require(actor, "station.plan")
    ids = session.scalars(
        select(Order.id)
        .where(Order.status.in_((OrderStatus.NEW, OrderStatus.BACKORDERED)))
        .order_by(Order.priority.desc(), Order.placed_at)
        .limit(limit)
    ).all()
    return [allocate(session, actor, oid, now) for oid in ids]


def consume_order(session: Session, order_id: int) -> None:
    """Reservations picking has not consumed (pick-and-pack at the station) leave stock now."""
    active = session.execute(
        select(Reservation.id, Reservation.stock_id, Reservation.quantity)
        .join(OrderLine, OrderLine.id == Reservation.order_line_id)
        .where(OrderLine.order_id == order_id, Reservation.status == ReservationStatus.ACTIVE)
        .order_by(Reservation.stock_id, Reservation.id)  # the one lock order, as in allocate
    ).all()
    number = session.scalar(select(Order.number).where(Order.id == order_id)) or ""
    for res_id, stock_id, qty in active:
        session.execute(
            update(Stock)
            .where(Stock.id == stock_id)
            .values(quantity=Stock.quantity - qty, reserved=Stock.reserved - qty)
        )
        stock.record(session, stock_id, -qty, -qty, MoveKind.PACK, document=number)
        session.execute(
            update(Reservation).where(Reservation.id == res_id).values(status=ReservationStatus.PICKED)
        )


def _plan(
    session: Session, order: Order, need: dict[int, int], rule: str
) -> dict[int, list[tuple[int, int]]] | None:
    """Per product, the stock rows to reserve from (best warehouse first), or None if short."""
    rows = session.execute(
        select(Stock.id, Stock.product_id, Stock.quantity - Stock.reserved, Bin.warehouse_id)
        .join(Bin, Bin.id == Stock.bin_id)
        .where(Stock.product_id.in_(need), Stock.quantity > Stock.reserved)
        .order_by(Stock.quantity - Stock.reserved, Stock.id)  # empty small bins first
    ).all()
    available: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for _sid, pid, free, wid in rows:
        available[wid][pid] += free
    ranked = _rank(session, order, list(available), rule)
    covering = [w for w in ranked if all(available[w][p] >= q for p, q in need.items())]
    if covering:
        ranked = covering[:1]
    elif any(sum(available[w][p] for w in available) < q for p, q in need.items()):
        return None  # not even all warehouses together can ship it
    rank = {w: i for i, w in enumerate(ranked)}
    plan: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for sid, pid, _free, wid in sorted((r for r in rows if r[3] in rank), key=lambda r: rank[r[3]]):
        plan[pid].append((sid, wid))
    return plan


def _rank(session: Session, order: Order, warehouse_ids: list[int], rule: str) -> list[int]:
    houses = session.execute(
        select(Warehouse.id, Warehouse.province, Warehouse.cost_rank).where(Warehouse.id.in_(warehouse_ids))
    ).all()
    address = session.get(Address, order.address_id) if order.address_id else None
    province = address.province if address else ""
    if rule == "distance":
        return [w for w, *_ in sorted(houses, key=lambda h: (h[1] != province, h[2], h[0]))]
    return [w for w, *_ in sorted(houses, key=lambda h: (h[2], h[0]))]


def _lock(session: Session, stock_ids: list[int]) -> None:
    """Lock these stock rows in id order (PostgreSQL; SQLite's write lock covers the database)."""
    session.execute(
        select(Stock.id).where(Stock.id.in_(stock_ids)).order_by(Stock.id).with_for_update(key_share=True)
    ).all()


def _reserve(
    session: Session, planner: CurrentUser, line: OrderLine, stock_id: int, wanted: int, now: dt.datetime
) -> int:
    """Reserve up to ``wanted`` from one locked stock row; the database refuses what is not free."""
    free = session.scalar(select(Stock.quantity - Stock.reserved).where(Stock.id == stock_id)) or 0
    qty = min(wanted, free)
    if qty <= 0:
        return 0
    done = affected(session.execute(
        update(Stock)
        .where(Stock.id == stock_id, Stock.quantity - Stock.reserved >= qty)
        .values(reserved=Stock.reserved + qty)
        .execution_options(synchronize_session=False)
    ))
    if done != 1:
        return 0
    session.add(Reservation(order_line_id=line.id, stock_id=stock_id, quantity=qty, created_at=now))
    stock.record(session, stock_id, 0, qty, MoveKind.RESERVE, document=line.order.number,
                 user_id=planner.id or None, now=now)
    return qty


class _Short(Exception):
    pass


def _low_stock(session: Session, product_ids: list[int], warehouse_ids: set[int]) -> list[str]:
    """``SKU@WAREHOUSE`` for each product whose free stock there fell below the threshold."""
    threshold = int(settings.get(session, "allocation.low_stock", 5))
    rows = session.execute(
        select(Product.sku, Warehouse.code)
        .join(Stock, Stock.product_id == Product.id)
        .join(Bin, Bin.id == Stock.bin_id)
        .join(Warehouse, Warehouse.id == Bin.warehouse_id)
        .where(Product.id.in_(product_ids), Warehouse.id.in_(warehouse_ids))
        .group_by(Product.sku, Warehouse.code)
        .having(func.sum(Stock.quantity - Stock.reserved) < threshold)
    ).all()
    return [f"{sku}@{code}" for sku, code in rows]
