"""Quick actions from a customer's history: log an interaction, add a note, open a ticket,
refund (approval above a limit, decided by a supervisor from the pending list), give a coupon,
schedule a follow-up. Each is one unit of work
in the caller's session, checks the role, validates its input with a message for the user, and
leaves an audit entry where money or personal data is involved."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.errors import Conflict, DomainError, NotFound
from app.models.accounts import User
from app.models.orders import Customer, Order
from app.models.service import (
    Compensation,
    ContactChannel,
    Direction,
    FollowUp,
    Interaction,
    Refund,
    RefundStatus,
    Ticket,
    TicketStatus,
)
from app.permissions import require
from app.services import audit, settings, tickets
from app.services.customers import customer_row
from app.services.text import checked

REFUND_LIMIT_KEY = "service.refund_approval_limit"
REFUND_LIMIT = Decimal("200.00")  # CNY; above it a refund waits for service.approve_refund
COUPON_LIMIT = Decimal("500.00")
FOLLOW_UP_AFTER = dt.timedelta(hours=24)
REOPENED_BY_CUSTOMER = (TicketStatus.PENDING, TicketStatus.RESOLVED)


@dataclass(frozen=True)
class Done:
    """What an action did, for the status bar: kind, new row id, and a reference to show."""

    kind: str
    id: int
    ref: str = ""
    pending_approval: bool = False


def parse_amount(raw: str | Decimal, what: str = "Amount") -> Decimal:
    """A positive amount with at most 2 decimals (``12``, ``12.5``, ``¥12.50``)."""
    try:
        value = Decimal(str(raw).strip().lstrip("¥").replace(",", "") or "x")
    except InvalidOperation:
        raise DomainError("{what} is not a number: {raw!r}.", what=what, raw=raw) from None
    if not value.is_finite() or value <= 0 or value != value.quantize(Decimal("0.01")):
        raise DomainError("{what} must be more than 0 with at most 2 decimals: {raw!r}.", what=what, raw=raw)
    if value >= Decimal("1e9"):
        raise DomainError("{what} is too large: {raw!r}.", what=what, raw=raw)
    return value


def _channel(value: str) -> ContactChannel:
    try:
        return ContactChannel(value)
    except ValueError:
        raise DomainError(
            "Unknown channel {value!r}; use {known}.",
            value=value, known=", ".join(c.value for c in ContactChannel),
        ) from None


def _belongs(s: Session, owner_id: int, customer_id: int) -> bool:
    """The customer's own, or a merged duplicate's."""
    if owner_id == customer_id:
        return True
    owner = s.get(Customer, owner_id)
    return owner is not None and owner.merged_into_id == customer_id


def _order_of(s: Session, customer_id: int, order_id: int | None) -> Order | None:
    if order_id is None:
        return None
    order = s.get(Order, order_id)
    if order is None:
        raise NotFound("No order #{id}.", id=order_id)
    if not _belongs(s, order.customer_id, customer_id):
        raise Conflict("Order {number} belongs to another customer.", number=order.number)
    return order


def log_interaction(
    s: Session, user: CurrentUser | None, customer_id: int, *, channel: str, direction: str,
    body: str, now: dt.datetime, order_id: int | None = None, ticket_id: int | None = None,
    wakes_ticket: bool = True,
) -> Done:
    """A call, chat, email or social message with the customer, as it happened. The customer
    writing or calling on a ticket (``wakes_ticket``; not an auto-reply or survey answer) reopens
    it when pending or resolved and starts its next-response clock, whatever the channel."""
    agent = require(user, "service.use")
    customer_row(s, customer_id)
    _order_of(s, customer_id, order_id)
    try:
        way = Direction(direction)
    except ValueError:
        raise DomainError("Unknown direction {value!r}; use inbound or outbound.", value=direction) from None
    ticket = _ticket_of(s, customer_id, ticket_id)
    wakes_ticket = wakes_ticket and way is Direction.INBOUND
    if ticket is not None and wakes_ticket and ticket.status is TicketStatus.CLOSED:
        raise Conflict("Ticket {number} is closed; open a new ticket.", number=ticket.number)
    row = Interaction(customer_id=customer_id, order_id=order_id, ticket_id=ticket_id,
                      channel=_channel(channel), direction=way, agent_id=agent.id,
                      body=checked(body, "The message"), occurred_at=now)
    s.add(row)
    s.flush()
    if ticket is not None and wakes_ticket:
        if ticket.status in REOPENED_BY_CUSTOMER:
            tickets.set_status(s, agent, ticket.id, TicketStatus.OPEN, now)
        tickets.customer_wrote(s, ticket.id, now)
    return Done("interaction", row.id)


def _ticket_of(s: Session, customer_id: int, ticket_id: int | None) -> Ticket | None:
    if ticket_id is None:
        return None
    ticket = s.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("No ticket #{id}.", id=ticket_id)
    if not _belongs(s, ticket.customer_id, customer_id):
        raise Conflict("Ticket {number} belongs to another customer.", number=ticket.number)
    return ticket


def add_note(s: Session, user: CurrentUser | None, customer_id: int, body: str, *, now: dt.datetime,
             order_id: int | None = None) -> Done:
    """An internal note on the customer (shown in the timeline, never sent)."""
    return log_interaction(s, user, customer_id, channel=ContactChannel.NOTE.value,
                           direction=Direction.INTERNAL.value, body=body, now=now, order_id=order_id)


def open_ticket(
    s: Session, user: CurrentUser | None, customer_id: int, *, subject: str, channel: str,
    now: dt.datetime, order_id: int | None = None, body: str = "", to_queue: bool = False,
) -> Done:
    """A ticket for this customer, classified, prioritised, routed and on the clock; it stays with
    the agent who opened it unless they hand it `to_queue`."""
    agent = require(user, "service.use")
    customer_row(s, customer_id)
    _order_of(s, customer_id, order_id)
    subject = checked(subject, "The subject", limit=200)
    ticket = tickets.open_ticket(s, agent, customer_id=customer_id, subject=subject,
                                 channel=_channel(channel), now=now, order_id=order_id, body=body,
                                 to_queue=to_queue)
    return Done("ticket", ticket.id, ticket.number)


def refund_limit(s: Session) -> Decimal:
    return Decimal(str(settings.get(s, REFUND_LIMIT_KEY, str(REFUND_LIMIT))))


def request_refund(
    s: Session, user: CurrentUser | None, customer_id: int, *, order_id: int, amount: str | Decimal,
    reason: str, now: dt.datetime, ticket_id: int | None = None, station: str | None = None,
) -> Done:
    """Refund part or all of an order. Up to the approval limit (setting
    ``service.refund_approval_limit``) it is approved at once; above it, it waits for a role
    with ``service.approve_refund`` unless the requester has it."""
    agent = require(user, "service.use")
    order = _order_of(s, customer_id, order_id)
    assert order is not None
    value = parse_amount(amount, "The refund")
    refunded = s.scalar(
        select(func.coalesce(func.sum(Refund.amount), 0)).where(
            Refund.order_id == order.id, Refund.status != RefundStatus.REJECTED)
    )
    left = order.total - Decimal(refunded or 0)
    if value > left:
        raise Conflict(
            "Order {number} has ¥{left} left to refund; ¥{value} is too much.",
            number=order.number, left=left, value=value,
        )
    needs_approval = value > refund_limit(s) and not agent.may("service.approve_refund")
    row = Refund(order_id=order.id, customer_id=order.customer_id, ticket_id=ticket_id, amount=value,
                 currency=order.currency, reason=checked(reason, "The reason", limit=200),
                 status=RefundStatus.PENDING_APPROVAL if needs_approval else RefundStatus.APPROVED,
                 requested_by=agent.id, approved_by=None if needs_approval else agent.id, created_at=now)
    s.add(row)
    s.flush()
    audit.record(s, "refund.request", "refund", row.id, user_id=agent.id, station=station,
                 order=order.number, amount=value, status=row.status.value)
    return Done("refund", row.id, order.number, pending_approval=needs_approval)


@dataclass(frozen=True)
class PendingRefund:
    """A refund above the approval limit, waiting for a supervisor."""

    id: int
    customer_id: int
    customer: str
    order_number: str
    amount: Decimal
    currency: str
    reason: str
    requested_by: str
    requested_at: dt.datetime
    ticket: str  # the ticket it was asked for on, if any


def pending_refunds(s: Session, user: CurrentUser | None, *, limit: int = 500) -> list[PendingRefund]:
    """Refunds waiting for approval, oldest first (the customer has waited longest)."""
    require(user, "service.approve_refund")
    rows = s.execute(
        select(Refund.id, Refund.customer_id, Customer.name, Order.number, Refund.amount, Refund.currency,
               Refund.reason, User.display_name, Refund.created_at, Ticket.number)
        .join(Customer, Customer.id == Refund.customer_id)
        .join(Order, Order.id == Refund.order_id)
        .outerjoin(User, User.id == Refund.requested_by)
        .outerjoin(Ticket, Ticket.id == Refund.ticket_id)
        .where(Refund.status == RefundStatus.PENDING_APPROVAL)
        .order_by(Refund.created_at, Refund.id)
        .limit(limit)
    )
    return [
        PendingRefund(rid, cid, name, number, amount, currency, reason, who or "", at, ticket or "")
        for rid, cid, name, number, amount, currency, reason, who, at, ticket in rows
    ]


def decide_refund(s: Session, user: CurrentUser | None, refund_id: int, *, approve: bool, now: dt.datetime,
                  note: str = "", station: str | None = None) -> Done:
    """A supervisor approves or declines a refund waiting for approval (a decline says why to the
    agent who asked); audited, and written into the customer's history as an internal note."""
    boss = require(user, "service.approve_refund")
    row = s.get(Refund, refund_id, with_for_update=True)  # two supervisors deciding at once: one wins
    if row is None:
        raise NotFound("No refund #{id}.", id=refund_id)
    if row.status is not RefundStatus.PENDING_APPROVAL:
        raise Conflict("Refund #{id} is {status}, not waiting for approval.",
                       id=refund_id, status=row.status.value)
    note = checked(note, "The reason", limit=200, required=not approve)
    order = s.get(Order, row.order_id)
    number = order.number if order is not None else f"#{row.order_id}"
    row.status = RefundStatus.APPROVED if approve else RefundStatus.REJECTED
    row.approved_by = boss.id
    verdict = "approved" if approve else "declined"
    s.add(Interaction(customer_id=row.customer_id, order_id=row.order_id, ticket_id=row.ticket_id,
                      channel=ContactChannel.NOTE, direction=Direction.INTERNAL, agent_id=boss.id,
                      body=f"Refund ¥{row.amount} on {number} {verdict} by {boss.display_name}"
                           + (f": {note}" if note else "."),
                      occurred_at=now))
    audit.record(s, "refund.approve" if approve else "refund.reject", "refund", row.id,
                 user_id=boss.id, station=station, order=number, amount=row.amount, note=note)
    return Done("refund", row.id, number)


def give_coupon(
    s: Session, user: CurrentUser | None, customer_id: int, *, amount: str | Decimal, reason: str,
    now: dt.datetime, days_valid: int = 30, order_id: int | None = None, ticket_id: int | None = None,
    station: str | None = None,
) -> Done:
    """A goodwill coupon with a fresh code, valid for `days_valid` days."""
    agent = require(user, "service.use")
    customer_row(s, customer_id)
    _order_of(s, customer_id, order_id)
    value = parse_amount(amount, "The coupon")
    if value > COUPON_LIMIT:
        raise DomainError("A coupon is at most ¥{limit}; offer a refund for more.", limit=COUPON_LIMIT)
    if not 1 <= days_valid <= 366:
        raise DomainError("A coupon is valid for 1 to 366 days.")
    row = Compensation(customer_id=customer_id, order_id=order_id, ticket_id=ticket_id, kind="coupon",
                       code=f"CP{secrets.token_hex(5).upper()}", amount=value,
                       reason=checked(reason, "The reason", limit=200),
                       expires_at=now + dt.timedelta(days=days_valid), given_by=agent.id, created_at=now)
    s.add(row)
    s.flush()
    audit.record(s, "compensation.give", "compensation", row.id, user_id=agent.id, station=station,
                 customer=customer_id, amount=value)
    return Done("compensation", row.id, row.code)


def default_follow_up(s: Session, ticket_id: int | None, now: dt.datetime) -> dt.datetime:
    """24 hours after the ticket was resolved, or 24 hours from now."""
    resolved = s.scalar(select(Ticket.resolved_at).where(Ticket.id == ticket_id)) if ticket_id else None
    return (resolved or now) + FOLLOW_UP_AFTER


def schedule_follow_up(
    s: Session, user: CurrentUser | None, customer_id: int, *, now: dt.datetime, note: str = "",
    due_at: dt.datetime | None = None, ticket_id: int | None = None,
) -> Done:
    agent = require(user, "service.use")
    customer_row(s, customer_id)
    due = due_at or default_follow_up(s, ticket_id, now)
    if due < now - dt.timedelta(minutes=1):
        raise DomainError("A follow-up cannot be due in the past.")
    row = FollowUp(customer_id=customer_id, ticket_id=ticket_id, assignee_id=agent.id, due_at=due,
                   note=checked(note, "The note", required=False))
    s.add(row)
    s.flush()
    return Done("follow_up", row.id, due.isoformat(timespec="minutes"))
