"""The exception queue: short picks, wrong items, weight mismatches, damaged goods, failed
verifies. A supervisor resolves each with an action and a note; every resolution is audited."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.errors import Conflict, DomainError
from app.models.fulfilment import ExceptionKind, StationException
from app.models.orders import Order
from app.permissions import require
from app.services import audit

if TYPE_CHECKING:
    from app.context import CurrentUser


class Action(enum.StrEnum):
    FIXED = "fixed"  # put right on the floor (item replaced, parcel repacked)
    RESTOCKED = "restocked"  # wrong or damaged item back to its bin
    WRITTEN_OFF = "written_off"  # damaged beyond sale
    RECOUNTED = "recounted"  # short pick: the bin was recounted and stock corrected
    NO_ACTION = "no_action"  # a false alarm


@dataclass(frozen=True)
class ExceptionView:
    id: int
    kind: ExceptionKind
    order_number: str
    station: str
    detail: str
    status: str
    created_at: dt.datetime
    resolution: str


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
        select(StationException, Order.number)
        .outerjoin(Order, Order.id == StationException.order_id)
        .where(StationException.status == "open")
        .order_by(StationException.created_at.desc())
        .limit(limit)
    ).all()
    return [
        ExceptionView(e.id, e.kind, number or "", e.station, e.detail, e.status, e.created_at, e.resolution)
        for e, number in rows
    ]


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
    user_id = require(actor, "station.exceptions").id
    if not note.strip() and action is not Action.NO_ACTION:
        raise DomainError("Say what was done: a resolution needs a note.")
    done = session.execute(
        update(StationException)
        .where(StationException.id == exception_id, StationException.status == "open")
        .values(
            status="resolved",
            resolution=f"{action.value}: {note.strip()}".rstrip(": "),
            resolved_by=user_id,
            resolved_at=now,
        )
    ).rowcount
    if done != 1:
        raise Conflict("That exception was already resolved by someone else.")
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
