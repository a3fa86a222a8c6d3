"""The exception queue: short picks, wrong items, weight mismatches, damaged goods, failed
verifies. A supervisor resolves each with an action and a note; every resolution is audited.

A short pick no other bin could make up holds its order until the supervisor chooses: ship what
was picked (the rest back-ordered, the customer told through a ticket), wait for stock (the
exception waits; ``retry_waiting`` makes the remainder task once stock is there), or cancel the
missing units (a refund for them). Shipping or cancelling releases the order to packing.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db import affected
from app.errors import Conflict, DomainError, NotFound
from app.models.catalog import Bin, Product
from app.models.fulfilment import ExceptionKind, PickStatus, PickTask, StationException
from app.models.orders import Order, OrderLine, OrderStatus
from app.permissions import require
from app.services import audit, remainders
from app.services.stock import product_id

if TYPE_CHECKING:
    from app.context import CurrentUser


class Action(enum.StrEnum):
    FIXED = "fixed"  # put right on the floor (item replaced, parcel repacked)
    RESTOCKED = "restocked"  # wrong or damaged item back to its bin
    WRITTEN_OFF = "written_off"  # damaged beyond sale
    RECOUNTED = "recounted"  # short pick: the bin was recounted and stock corrected
    NO_ACTION = "no_action"  # a false alarm
    SHIP_AVAILABLE = "ship_available"  # short pick: ship what was picked, back-order the rest
    WAIT = "wait"  # short pick: hold the order until stock arrives
    CANCEL_LINE = "cancel_line"  # short pick: cancel the missing units and refund them


SHORT_ACTIONS = (Action.SHIP_AVAILABLE, Action.WAIT, Action.CANCEL_LINE)


@dataclass(frozen=True)
class ExceptionView:
    id: int
    kind: ExceptionKind
    order_number: str
    station: str
    detail: str
    status: str  # open / waiting
    created_at: dt.datetime
    resolution: str
    # a short pick's facts, for the screen to word (reason is a code of picking.SHORT_REASONS)
    sku: str = ""
    bin_code: str = ""
    found: int = 0
    wanted: int = 0
    reason: str = ""
    missing: int = 0
    # the product a wrong scan named (its names for the screen to pick by language), when known
    scanned: str = ""
    product: str = ""
    product_en: str = ""

    @property
    def actions(self) -> tuple[Action, ...]:
        if self.kind is ExceptionKind.SHORT_PICK:
            return SHORT_ACTIONS
        return tuple(a for a in Action if a not in SHORT_ACTIONS)


def report(
    session: Session,
    actor: CurrentUser | None,
    kind: ExceptionKind,
    detail: str,
    *,
    station: str,
    now: dt.datetime,
    order_id: int | None = None,
    package_id: int | None = None,
) -> int:
    """Raise an exception by hand (damaged goods found at the pack station)."""
    user = require(actor, "station.pack")
    exc = StationException(
        kind=kind,
        detail=detail,
        station=station,
        raised_by=user.id,
        created_at=now,
        order_id=order_id,
        package_id=package_id,
    )
    session.add(exc)
    session.flush()
    return exc.id


def open_exceptions(session: Session, limit: int = 500) -> list[ExceptionView]:
    rows = session.execute(
        select(StationException, Order.number, PickTask, OrderLine.sku, Bin.code)
        .outerjoin(Order, Order.id == StationException.order_id)
        .outerjoin(PickTask, PickTask.id == StationException.pick_task_id)
        .outerjoin(OrderLine, OrderLine.id == PickTask.order_line_id)
        .outerjoin(Bin, Bin.id == PickTask.bin_id)
        .where(StationException.status.in_(("open", "waiting")))
        .order_by(StationException.created_at.desc())
        .limit(limit)
    ).all()
    out = []
    for e, number, task, sku, bin_code in rows:
        view = ExceptionView(
            e.id, e.kind, number or "", e.station, e.detail, e.status, e.created_at, e.resolution
        )
        if task is not None:
            view = replace(
                view,
                sku=sku or "",
                bin_code=bin_code or "",
                found=task.picked_qty,
                wanted=task.quantity,
                reason=task.short_reason,
                missing=missing(session, task.order_line_id),
            )
        out.append(_with_product(session, view))
    return out


# a wrong scan's detail begins with the code scanned (packing and verify write it; old rows add a name)
_SCANNED = re.compile(r"scanned (\S+?)(?: \(.*\))?, not in the order")


def _with_product(session: Session, view: ExceptionView) -> ExceptionView:
    found = _SCANNED.fullmatch(view.detail)
    if found is None:
        return view
    code = found.group(1)
    try:
        pid = product_id(session, code)
    except NotFound:
        return replace(view, scanned=code)
    name, name_en = session.execute(select(Product.name, Product.name_en).where(Product.id == pid)).one()
    return replace(view, scanned=code, product=name, product_en=name_en or "")


def missing(session: Session, line_id: int) -> int:
    """Units of the line neither picked, nor on an open pick task, nor back-ordered or cancelled."""
    line = session.get(OrderLine, line_id)
    assert line is not None
    open_qty = session.scalar(
        select(func.coalesce(func.sum(PickTask.quantity), 0)).where(
            PickTask.order_line_id == line_id, PickTask.status == PickStatus.OPEN
        )
    )
    return max(
        0, line.quantity - line.picked_qty - int(open_qty or 0) - line.backordered_qty - line.cancelled_qty
    )


def resolve(
    session: Session,
    actor: CurrentUser | None,
    exception_id: int,
    action: Action,
    note: str,
    *,
    station: str,
    now: dt.datetime,
) -> None:
    user = require(actor, "station.exceptions")
    user_id = user.id
    exc = session.get(StationException, exception_id)
    if exc is None:
        raise NotFound("No exception #{id}.", id=exception_id)
    short = exc.kind is ExceptionKind.SHORT_PICK
    if (action in SHORT_ACTIONS) != short:
        raise DomainError(
            "{action} does not apply to this kind of exception ({kind}).",
            action=action.value,
            kind=exc.kind.value,
        )
    if not note.strip() and action is not Action.NO_ACTION and not short:
        raise DomainError("Say what was done: a resolution needs a note.")
    if short:
        _settle_short(session, user, exc, action, now)
    done = affected(session.execute(
        update(StationException)
        .where(StationException.id == exception_id, StationException.status.in_(("open", "waiting")))
        .values(
            status="waiting" if action is Action.WAIT else "resolved",
            resolution=f"{action.value}: {note.strip()}".rstrip(": "),
            resolved_by=user_id,
            resolved_at=now,
        )
    ))
    if done != 1:
        raise Conflict("That exception was already resolved by someone else.")
    if short and action is not Action.WAIT:
        _release(session, exc.order_id, now)
    audit.record(
        session,
        "exception.resolve",
        "station_exception",
        exception_id,
        user_id=user_id,
        station=station,
        resolution=action.value,
        note=note,
    )


def _settle_short(
    session: Session, user: CurrentUser, exc: StationException, action: Action, now: dt.datetime
) -> None:
    """Back-order or cancel the line's missing units (waiting changes nothing but the status)."""
    task = session.get(PickTask, exc.pick_task_id) if exc.pick_task_id else None
    if task is None:
        raise NotFound("The short pick of exception #{id} is gone.", id=exc.id)
    line = session.get(OrderLine, task.order_line_id)
    order = session.get(Order, exc.order_id) if exc.order_id else None
    assert line is not None and order is not None
    units = missing(session, line.id)
    if action is Action.WAIT or units == 0:
        return
    if action is Action.SHIP_AVAILABLE:
        line.backordered_qty += units
        _tell_customer(session, order, line.sku, units, now)
    else:
        from app.services import customer_actions

        line.cancelled_qty += units
        customer_actions.request_refund(
            session,
            user,
            order.customer_id,
            order_id=order.id,
            amount=line.unit_price * units,
            reason=f"{line.sku} x {units} cancelled: short pick",
            now=now,
            station=exc.station or None,
        )
    session.flush()


def _tell_customer(session: Session, order: Order, sku: str, units: int, now: dt.datetime) -> None:
    """A ticket for the customer's agent: what ships now and what follows."""
    from app.models.orders import Customer
    from app.services import tickets

    customer = session.get(Customer, order.customer_id)
    chinese = customer is not None and (customer.language or "").startswith("zh")
    subject = (
        f"订单 {order.number}: {sku} 缺货 {units} 件,其余先发,缺货部分到货后补发"
        if chinese
        else f"Order {order.number}: {sku} x {units} back-ordered; the rest ships now, the rest follows"
    )
    tickets.open_system_ticket(
        session, customer_id=order.customer_id, subject=subject, now=now, order_id=order.id
    )


def _release(session: Session, order_id: int | None, now: dt.datetime) -> None:
    """A held order whose short picks are settled goes to packing (or back to picking its others)."""
    if order_id is None or remainders.unsettled(session, order_id):
        return
    still_open = session.scalar(
        select(func.count())
        .select_from(PickTask)
        .join(OrderLine, OrderLine.id == PickTask.order_line_id)
        .where(OrderLine.order_id == order_id, PickTask.status == PickStatus.OPEN)
    )
    session.execute(
        update(Order)
        .where(Order.id == order_id, Order.status == OrderStatus.HELD)
        .values(
            status=OrderStatus.IN_WAVE if still_open else OrderStatus.PICKED,
            version=Order.version + 1,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )


def retry_waiting(session: Session, actor: CurrentUser | None, now: dt.datetime) -> int:
    """Short picks waiting for stock get their remainder task where stock has come in; how many."""
    user = require(actor, "station.exceptions")
    done = 0
    waiting = session.scalars(
        select(StationException)
        .where(StationException.kind == ExceptionKind.SHORT_PICK, StationException.status == "waiting")
        .order_by(StationException.id)
    ).all()
    for exc in waiting:
        task = session.get(PickTask, exc.pick_task_id) if exc.pick_task_id else None
        if task is None:
            continue
        units = missing(session, task.order_line_id)
        if units and remainders.make_up(session, task, units, now) < units:
            continue
        exc.status, exc.resolution, exc.resolved_by, exc.resolved_at = (
            "resolved",
            "wait: stock came in",
            user.id,
            now,
        )
        audit.record(session, "exception.restocked", "station_exception", exc.id, user_id=user.id)
        done += 1
    session.flush()
    return done
