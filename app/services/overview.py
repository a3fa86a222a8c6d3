"""The at-a-glance numbers on the main window's overview page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.fulfilment import Package, PackageStatus, PrintJob, PrintJobStatus, StationException
from app.models.orders import Order, OrderStatus
from app.models.service import Ticket, TicketStatus
from app.timezone import start_of_day

OPEN_TICKET = (TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ESCALATED)


@dataclass(frozen=True)
class Overview:
    orders_by_status: dict[str, int]
    open_tickets: int
    packed_today: int
    open_exceptions: int
    failed_print_jobs: int
    as_of: dt.datetime  # the instant the numbers were counted (UTC)


def overview(session: Session, now: dt.datetime) -> Overview:
    by_status = {
        status.value: count
        for status, count in session.execute(select(Order.status, func.count()).group_by(Order.status))
    }
    today = start_of_day(now)  # the site's day, not UTC's (08:00 in Shanghai)
    return Overview(
        orders_by_status={s.value: by_status.get(s.value, 0) for s in OrderStatus},
        open_tickets=session.scalar(
            select(func.count()).select_from(Ticket).where(Ticket.status.in_(OPEN_TICKET))
        ) or 0,
        packed_today=session.scalar(
            select(func.count()).select_from(Package).where(
                Package.status.in_((PackageStatus.PACKED, PackageStatus.VERIFIED)),
                Package.packed_at >= today,
            )
        ) or 0,
        open_exceptions=session.scalar(
            select(func.count()).select_from(StationException).where(StationException.status == "open")
        ) or 0,
        failed_print_jobs=session.scalar(
            select(func.count()).select_from(PrintJob).where(PrintJob.status == PrintJobStatus.FAILED)
        ) or 0,
        as_of=now,
    )
