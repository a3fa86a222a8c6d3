"""Tickets: category suggested from the text, priority raised for valuable customers and large
orders, routing to a queue (category, channel, language) and then to the least-loaded available
agent, a status flow, escalation tiers (agent, supervisor, manager), SLA clocks per priority and
channel (first response, next response after the customer wrote again, resolution) counted in the
queue's business time and paused while the ticket waits for the customer, a warning to the assignee
and the supervisors before a clock runs out, tags, search, and every change written to the ticket's
history (``ticket_events``).

All times come from the caller (``now``), so tests and the UI's countdowns run on one clock.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from pathlib import Path
from typing import TypeVarTuple

from sqlalchemy import Case, ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.errors import Conflict, DomainError, NotFound
from app.models.accounts import Role, User
from app.models.desk import ServiceNotice, TicketTag
from app.models.orders import Customer, CustomerEmail, CustomerPhone, Order
from app.models.service import (  # the enums are used from here by the UI, which never imports models
    ContactChannel,
    Direction,
    FollowUp,
    Interaction,
    Priority,
    SlaPolicy,
    Ticket,
    TicketEvent,
    TicketStatus,
)
from app.permissions import require
from app.services import business_hours, live, settings
from app.services.customers import lifetime_values, tier_for, tier_thresholds
from app.services.text import checked, checked_reply

OPEN = (TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ESCALATED)
DONE = (TicketStatus.RESOLVED, TicketStatus.CLOSED)
PRIORITIES = (Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT)
TIERS = ("agent", "supervisor", "manager")
TIER_ROLES = (Role.AGENT, Role.SUPERVISOR, Role.ADMIN)  # who works a ticket at each tier
FOLLOW_UP_AFTER = dt.timedelta(hours=24)

# status -> statuses it may move to by hand (escalation has its own action)
FLOW: dict[TicketStatus, tuple[TicketStatus, ...]] = {
    TicketStatus.NEW: (TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED),
    TicketStatus.OPEN: (TicketStatus.PENDING, TicketStatus.RESOLVED),
    TicketStatus.PENDING: (TicketStatus.OPEN, TicketStatus.RESOLVED),
    TicketStatus.ESCALATED: (TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED),
    TicketStatus.RESOLVED: (TicketStatus.OPEN, TicketStatus.CLOSED),
    TicketStatus.CLOSED: (),
}

# minutes to first response and to resolution; a row in sla_policies overrides its cell
DEFAULT_SLA: dict[Priority, tuple[int, int]] = {
    Priority.URGENT: (15, 4 * 60),
    Priority.HIGH: (60, 8 * 60),
    Priority.NORMAL: (4 * 60, 48 * 60),
    Priority.LOW: (8 * 60, 5 * 24 * 60),
}
# minutes to answer a customer who wrote again after the first answer
DEFAULT_NEXT: dict[Priority, int] = {
    Priority.URGENT: 30,
    Priority.HIGH: 2 * 60,
    Priority.NORMAL: 8 * 60,
    Priority.LOW: 16 * 60,
}
# live channels answer faster: the customer is waiting on the line or in the chat window
CHANNEL_FACTOR = {ContactChannel.PHONE: 0.5, ContactChannel.CHAT: 0.5}

# words that suggest a category, Chinese and English (first match in this order wins ties)
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "payment": ("付款", "支付", "扣款", "扣了", "扣钱", "payment", "charged", "card", "paid twice"),
    "quality": (
        "质量",
        "破损",
        "坏了",
        "瑕疵",
        "不符",
        "假货",
        "broken",
        "damaged",
        "defective",
        "faulty",
        "quality",
    ),
    "return": ("退货", "退款", "换货", "退回", "return", "refund", "exchange", "send back"),
    "logistics": (
        "快递",
        "物流",
        "包裹",
        "到哪",
        "没收到",
        "未收到",
        "配送",
        "派送",
        "延误",
        "发货",
        "parcel",
        "package",
        "tracking",
        "delivery",
        "deliver",
        "shipping",
        "ship",
        "arrive",
    ),
    "invoice": ("发票", "invoice", "receipt", "fapiao"),
    "account": ("账号", "密码", "登录", "account", "password", "log in", "login"),
}
# first matching (category, channel, language) wins; "*" matches anything
DEFAULT_ROUTES: tuple[tuple[str, str, str, str], ...] = (
    ("*", "*", "en", "international"),
    ("*", "social", "*", "social"),
    ("logistics", "*", "*", "logistics"),
    ("return", "*", "*", "after_sales"),
    ("quality", "*", "*", "after_sales"),
    ("payment", "*", "*", "payments"),
    ("*", "*", "*", "general"),
)
live.install()  # a process that changes tickets tells the other stations (idempotent)
LARGE_ORDER = Decimal("2000")  # CNY; setting "service.large_order"
VALUED_TIERS = ("gold", "vip")


@dataclass(frozen=True)
class Clock:
    """One SLA clock of a ticket: due time, whether it stopped (met) and the seconds left."""

    name: str  # "first_response", "next_response" or "resolution"
    due: dt.datetime | None
    done_at: dt.datetime | None
    now: dt.datetime

    @property
    def seconds_left(self) -> float | None:
        if self.due is None:
            return None
        return (self.due - (self.done_at or self.now)).total_seconds()

    @property
    def breached(self) -> bool:
        left = self.seconds_left
        return left is not None and left < 0

    @property
    def running(self) -> bool:
        return self.due is not None and self.done_at is None


# -- suggestions ----------------------------------------------------------------------------------
def suggest_category(text: str) -> str:
    """The category whose words occur most in the text ("general" when none do)."""
    folded = (text or "").lower()
    best, hits = "general", 0
    for category, words in CATEGORY_WORDS.items():
        n = sum(folded.count(w) for w in words)
        if n > hits:
            best, hits = category, n
    return best


def suggest_language(text: str, fallback: str = "zh_CN") -> str:
    """zh_CN when the text has Chinese characters, en when it is Latin letters only."""
    if re.search(r"[\u4e00-\u9fff]", text or ""):
        return "zh_CN"
    return "en" if re.search(r"[A-Za-z]", text or "") else fallback


def suggest_priority(
    s: Session, customer_id: int, order: Order | None, category: str
) -> tuple[Priority, str]:
    """Normal, one step up for a gold/VIP customer, one for a large order, one for a payment
    problem (money taken without an order is urgent to the customer); the reason in words."""
    reasons = []
    value = lifetime_values(s, [customer_id])[customer_id]
    tier = tier_for(value, tier_thresholds(s))
    if tier in VALUED_TIERS:
        reasons.append(f"{tier} customer")
    large = Decimal(str(settings.get(s, "service.large_order", str(LARGE_ORDER))))
    if order is not None and order.total >= large:
        reasons.append(f"order of ¥{order.total}")
    if category == "payment":
        reasons.append("payment problem")
    level = min(PRIORITIES.index(Priority.NORMAL) + len(reasons), len(PRIORITIES) - 1)
    return PRIORITIES[level], ", ".join(reasons)


def route(s: Session, category: str, channel: ContactChannel, language: str) -> str:
    return route_by(settings.get(s, "service.routes", DEFAULT_ROUTES), category, channel, language)


def route_by(routes: Sequence[Sequence[str]], category: str, channel: ContactChannel, language: str) -> str:
    """The queue of the first route matching (the demo loader uses it without a session)."""
    for cat, chan, lang, queue in routes:
        if cat in ("*", category) and chan in ("*", channel.value) and lang in ("*", language[:2], language):
            return str(queue)
    return "general"


def least_loaded(s: Session, role: Role, exclude: int | None = None) -> int | None:
    """The available active user of `role` with the fewest open tickets (lowest id on a tie)."""
    load = (
        select(Ticket.assignee_id, func.count().label("n"))
        .where(Ticket.status.in_(OPEN), Ticket.assignee_id.is_not(None))
        .group_by(Ticket.assignee_id)
        .subquery()
    )
    query = (
        select(User.id)
        .outerjoin(load, load.c.assignee_id == User.id)
        .where(User.role == role, User.active.is_(True), User.available.is_(True))
        .order_by(func.coalesce(load.c.n, 0), User.id)
        .limit(1)
    )
    if exclude is not None:
        query = query.where(User.id != exclude)
    return s.scalar(query)


def sla_minutes(s: Session, priority: Priority, channel: ContactChannel) -> tuple[int, int]:
    row = s.scalar(select(SlaPolicy).where(SlaPolicy.priority == priority, SlaPolicy.channel == channel))
    if row is not None:
        return row.first_response_minutes, row.resolution_minutes
    first, resolution = DEFAULT_SLA[priority]
    factor = CHANNEL_FACTOR.get(channel, 1.0)
    return max(1, round(first * factor)), resolution


def next_minutes(s: Session, priority: Priority, channel: ContactChannel) -> int:
    return max(1, round(DEFAULT_NEXT[priority] * CHANNEL_FACTOR.get(channel, 1.0)))


def clocks(ticket: TicketInfo | Ticket, now: dt.datetime) -> tuple[Clock, Clock]:
    """First response and resolution; while the ticket is paused they read as at the pause."""
    at = ticket.paused_at or now
    return (
        Clock("first_response", ticket.first_response_due, ticket.first_responded_at, at),
        Clock("resolution", ticket.resolution_due, ticket.resolved_at, at),
    )


def all_clocks(ticket: TicketInfo | Ticket, now: dt.datetime) -> tuple[Clock, ...]:
    """Every clock, the next-response one too (it runs from the customer's message to the answer)."""
    at = ticket.paused_at or now
    return (*clocks(ticket, now), Clock("next_response", ticket.next_response_due, None, at))


def _due(s: Session, ticket: Ticket, start: dt.datetime, minutes: float) -> dt.datetime:
    return business_hours.load(s).add(ticket.queue, start, minutes)


@dataclass(frozen=True)
class TicketInfo:
    """A ticket as it is now (a copy: changing it changes nothing)."""

    id: int
    number: str
    customer_id: int
    order_id: int | None
    subject: str
    category: str
    priority: Priority
    status: TicketStatus
    channel: ContactChannel
    language: str
    queue: str
    assignee_id: int | None
    escalation_tier: int
    incident_id: int | None
    created_at: dt.datetime
    first_response_due: dt.datetime | None
    resolution_due: dt.datetime | None
    first_responded_at: dt.datetime | None
    resolved_at: dt.datetime | None
    next_response_due: dt.datetime | None = None
    paused_at: dt.datetime | None = None


def ticket_info(ticket: Ticket) -> TicketInfo:
    return TicketInfo(**{f.name: getattr(ticket, f.name) for f in fields(TicketInfo)})


# -- changes --------------------------------------------------------------------------------------
def _event(
    s: Session, ticket: Ticket, field: str, old: object, new: object, user_id: int | None, now: dt.datetime
) -> None:
    s.add(
        TicketEvent(
            ticket_id=ticket.id,
            at=now,
            user_id=user_id,
            field=field,
            old=str(old if old is not None else "")[:200],
            new=str(new if new is not None else "")[:200],
        )
    )


def _set(
    s: Session, ticket: Ticket, field: str, value: object, user_id: int | None, now: dt.datetime
) -> None:
    old = getattr(ticket, field)
    if old == value:
        return
    setattr(ticket, field, value)
    _event(s, ticket, field, getattr(old, "value", old), getattr(value, "value", value), user_id, now)


def _message(
    s: Session,
    ticket: Ticket,
    direction: Direction,
    channel: ContactChannel,
    agent_id: int,
    body: str,
    now: dt.datetime,
) -> Interaction:
    """A message or note on the ticket, in the customer's history too."""
    row = Interaction(
        customer_id=ticket.customer_id,
        ticket_id=ticket.id,
        order_id=ticket.order_id,
        channel=channel,
        direction=direction,
        agent_id=agent_id,
        body=body,
        occurred_at=now,
    )
    s.add(row)
    return row


def _row(s: Session, ticket_id: int) -> Ticket:
    ticket = s.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("No ticket #{id}.", id=ticket_id)
    return ticket


def get_ticket(s: Session, ticket_id: int) -> TicketInfo:
    return ticket_info(_row(s, ticket_id))


def _assignee(s: Session, user_id: int) -> int:
    user = s.get(User, user_id)
    if user is None or not user.active:
        raise NotFound("No active user #{id}.", id=user_id)
    return user.id


def _create(
    s: Session,
    by: int | None,
    *,
    customer_id: int,
    subject: str,
    channel: ContactChannel,
    now: dt.datetime,
    order_id: int | None,
    body: str,
    category: str | None,
    priority: Priority | None,
    assignee_id: int | None,
) -> Ticket:
    """Classify, prioritise, route and time a new ticket, for `assignee_id` or, when None, the
    least-loaded available agent; `by` is who opened it (None: the system)."""
    customer = s.get(Customer, customer_id)
    if customer is None:
        raise NotFound("No customer #{id}.", id=customer_id)
    order = s.get(Order, order_id) if order_id is not None else None
    if order_id is not None and (order is None or order.customer_id != customer_id):
        raise NotFound("Order #{id} is not this customer's.", id=order_id)
    subject = checked(subject, "The subject", limit=200)
    text = f"{subject}\n{body}"
    category = category or suggest_category(text)
    language = suggest_language(text, customer.language or "zh_CN")
    auto_priority, why = suggest_priority(s, customer_id, order, category)
    ticket = Ticket(
        number="T-pending",
        customer_id=customer_id,
        order_id=order_id,
        subject=subject,
        category=category,
        priority=priority or auto_priority,
        status=TicketStatus.NEW,
        channel=channel,
        language=language,
        queue=route(s, category, channel, language),
        created_at=now,
    )
    first, resolution = sla_minutes(s, ticket.priority, channel)
    ticket.first_response_due = _due(s, ticket, now, first)
    ticket.resolution_due = _due(s, ticket, now, resolution)
    ticket.assignee_id = assignee_id if assignee_id is not None else least_loaded(s, Role.AGENT)
    s.add(ticket)
    s.flush()
    ticket.number = f"T-{ticket.id:06d}"
    _event(s, ticket, "status", "", "new", by, now)
    if why and priority is None:
        _event(s, ticket, "priority", "normal", f"{ticket.priority.value} ({why})", by, now)
    _event(s, ticket, "queue", "", ticket.queue, by, now)
    if ticket.assignee_id is not None:
        _event(s, ticket, "assignee_id", "", ticket.assignee_id, by, now)
    return ticket


def open_ticket(
    s: Session,
    user: CurrentUser | None,
    *,
    customer_id: int,
    subject: str,
    channel: ContactChannel,
    now: dt.datetime,
    order_id: int | None = None,
    body: str = "",
    category: str | None = None,
    priority: Priority | None = None,
    assignee_id: int | None = None,
    to_queue: bool = False,
) -> TicketInfo:
    """Open, classify, prioritise and route a ticket; its SLA clocks start now. It stays with the
    agent who opened it (the customer is in front of them) unless they name `assignee_id` or hand
    it `to_queue` (the least-loaded available agent)."""
    agent = require(user, "service.use")
    if assignee_id is not None:
        owner: int | None = _assignee(s, assignee_id)
    else:
        owner = None if to_queue else agent.id
    ticket = _create(s, agent.id, customer_id=customer_id, subject=subject, channel=channel, now=now,
                     order_id=order_id, body=body, category=category, priority=priority, assignee_id=owner)
    if body.strip():
        _message(s, ticket, Direction.INBOUND, channel, agent.id, checked(body, "The message"), now)
    return ticket_info(ticket)


def open_system_ticket(
    s: Session,
    *,
    customer_id: int,
    subject: str,
    now: dt.datetime,
    order_id: int | None = None,
    category: str | None = None,
    priority: Priority | None = None,
) -> TicketInfo:
    """A ticket the system opens (a tracking exception, ...): routed, timed and assigned to the
    least-loaded available agent like one an agent hands to the queue; no user is signed in."""
    ticket = _create(s, None, customer_id=customer_id, subject=subject, channel=ContactChannel.NOTE,
                     now=now, order_id=order_id, body="", category=category, priority=priority,
                     assignee_id=None)
    return ticket_info(ticket)


def reply(
    s: Session,
    user: CurrentUser | None,
    ticket_id: int,
    body: str,
    now: dt.datetime,
    channel: ContactChannel | None = None,
) -> TicketInfo:
    """An answer to the customer; the first one stops the first-response clock."""
    agent = require(user, "service.use")
    ticket = _row(s, ticket_id)
    if ticket.status is TicketStatus.CLOSED:
        raise Conflict("Ticket {number} is closed; open a new ticket.", number=ticket.number)
    body = checked_reply(body)  # refused while a {placeholder} is left
    _message(s, ticket, Direction.OUTBOUND, channel or ticket.channel, agent.id, body, now)
    if ticket.first_responded_at is None:
        _set(s, ticket, "first_responded_at", now, agent.id, now)
    if ticket.next_response_due is not None:
        _set(s, ticket, "next_response_due", None, agent.id, now)
    if ticket.status is TicketStatus.NEW:
        _set(s, ticket, "status", TicketStatus.OPEN, agent.id, now)
    if ticket.assignee_id is None:
        _set(s, ticket, "assignee_id", agent.id, agent.id, now)
    s.flush()
    return ticket_info(ticket)


def set_status(
    s: Session,
    user: CurrentUser | None,
    ticket_id: int,
    status: TicketStatus,
    now: dt.datetime,
    note: str = "",
) -> TicketInfo:
    """Move along the flow (see FLOW). Resolving stops the resolution clock and schedules the
    follow-up 24 h later; reopening restarts the resolution clock."""
    agent = require(user, "service.use")
    ticket = _row(s, ticket_id)
    if status not in FLOW[ticket.status]:
        raise Conflict(
            "Ticket {number} is {status}; it cannot become {new}.",
            number=ticket.number, status=ticket.status.value, new=status.value,
        )
    if status is TicketStatus.RESOLVED:
        _set(s, ticket, "resolved_at", now, agent.id, now)
        _set(s, ticket, "next_response_due", None, agent.id, now)
        s.add(
            FollowUp(
                customer_id=ticket.customer_id,
                ticket_id=ticket.id,
                assignee_id=agent.id,  # who resolved it knows the customer best
                due_at=now + FOLLOW_UP_AFTER,
                note=note or f"Follow up on {ticket.number}: {ticket.subject}",
            )
        )
    elif ticket.status is TicketStatus.RESOLVED and status is TicketStatus.OPEN:
        _set(s, ticket, "resolved_at", None, agent.id, now)
        _, resolution = sla_minutes(s, ticket.priority, ticket.channel)
        _set(s, ticket, "resolution_due", _due(s, ticket, now, resolution), agent.id, now)
    _set_status(s, ticket, status, agent.id, now)
    if note.strip():
        _message(s, ticket, Direction.INTERNAL, ContactChannel.NOTE, agent.id, checked(note, "The note"), now)
    if status is TicketStatus.RESOLVED:
        from app.services import csat

        csat.start_survey(s, ticket, agent.id, now)
    return ticket_info(ticket)


def _set_status(s: Session, ticket: Ticket, status: TicketStatus, who: int | None, now: dt.datetime) -> None:
    """The clocks pause while the ticket waits for the customer (pending) and go on where they
    stopped, in business time, when it leaves that state."""
    was = ticket.status
    _set(s, ticket, "status", status, who, now)
    if status is TicketStatus.PENDING and was is not TicketStatus.PENDING:
        _set(s, ticket, "paused_at", now, who, now)
    elif was is TicketStatus.PENDING and status is not TicketStatus.PENDING and ticket.paused_at is not None:
        _resume(s, ticket, who, now)


def _resume(s: Session, ticket: Ticket, who: int | None, now: dt.datetime) -> None:
    calendar = business_hours.load(s)
    paused = ticket.paused_at
    assert paused is not None
    stops = (("first_response_due", ticket.first_responded_at), ("resolution_due", ticket.resolved_at),
             ("next_response_due", None))
    for name, done in stops:
        due = getattr(ticket, name)
        if due is None or done is not None or due <= paused:
            continue  # stopped, or already breached when it paused: nothing left to keep
        left = calendar.between(ticket.queue, paused, due)
        _set(s, ticket, name, calendar.add(ticket.queue, now, left), who, now)
    _set(s, ticket, "paused_at", None, who, now)


def customer_wrote(s: Session, ticket_id: int, now: dt.datetime) -> None:
    """The customer wrote again on an answered ticket: the next-response clock starts (once; it
    stops at the agent's next answer)."""
    ticket = _row(s, ticket_id)
    if ticket.status in DONE or ticket.first_responded_at is None or ticket.next_response_due is not None:
        return
    ticket.next_response_due = _due(s, ticket, now, next_minutes(s, ticket.priority, ticket.channel))
    _event(s, ticket, "next_response_due", "", f"{ticket.next_response_due:%Y-%m-%dT%H:%M}", None, now)


def set_priority(
    s: Session, user: CurrentUser | None, ticket_id: int, priority: Priority, now: dt.datetime
) -> TicketInfo:
    """A new priority re-times the clocks that are still running, from when the ticket opened."""
    agent = require(user, "service.use")
    ticket = _row(s, ticket_id)
    _set(s, ticket, "priority", priority, agent.id, now)
    first, resolution = sla_minutes(s, priority, ticket.channel)
    if ticket.first_responded_at is None:
        _set(s, ticket, "first_response_due", _due(s, ticket, ticket.created_at, first), agent.id, now)
    if ticket.resolved_at is None:
        _set(s, ticket, "resolution_due", _due(s, ticket, ticket.created_at, resolution), agent.id, now)
    return ticket_info(ticket)


def set_category(
    s: Session, user: CurrentUser | None, ticket_id: int, category: str, now: dt.datetime
) -> TicketInfo:
    """A corrected category re-routes the ticket."""
    agent = require(user, "service.use")
    ticket = _row(s, ticket_id)
    if category not in (*CATEGORY_WORDS, "general"):
        raise DomainError("Unknown category {category!r}.", category=category)
    _set(s, ticket, "category", category, agent.id, now)
    _set(s, ticket, "queue", route(s, category, ticket.channel, ticket.language), agent.id, now)
    return ticket_info(ticket)


def assign(
    s: Session, user: CurrentUser | None, ticket_id: int, assignee_id: int | None, now: dt.datetime
) -> TicketInfo:
    agent = require(user, "service.use")
    ticket = _row(s, ticket_id)
    _set(s, ticket, "assignee_id", None if assignee_id is None else _assignee(s, assignee_id), agent.id, now)
    return ticket_info(ticket)


def _escalate(s: Session, ticket: Ticket, who: int | None, reason: str, now: dt.datetime) -> None:
    if ticket.status in DONE:
        raise Conflict(
            "Ticket {number} is {status}; reopen it to escalate.",
            number=ticket.number, status=ticket.status.value,
        )
    if ticket.escalation_tier >= len(TIERS) - 1:
        raise Conflict("Ticket {number} is already with a manager.", number=ticket.number)
    _set(s, ticket, "escalation_tier", ticket.escalation_tier + 1, who, now)
    _event(
        s,
        ticket,
        "escalation",
        TIERS[ticket.escalation_tier - 1],
        f"{TIERS[ticket.escalation_tier]}: {checked(reason, 'The reason', limit=180)}",
        who,
        now,
    )
    _set_status(s, ticket, TicketStatus.ESCALATED, who, now)
    target = least_loaded(s, TIER_ROLES[ticket.escalation_tier])
    if target is not None:
        _set(s, ticket, "assignee_id", target, who, now)


def escalate(
    s: Session, user: CurrentUser | None, ticket_id: int, reason: str, now: dt.datetime
) -> TicketInfo:
    """One tier up (agent -> supervisor -> manager), to the least-loaded available person there."""
    agent = require(user, "service.use")
    ticket = _row(s, ticket_id)
    _escalate(s, ticket, agent.id, reason, now)
    return ticket_info(ticket)


def watch_sla(s: Session, now: dt.datetime) -> list[str]:
    """Record each clock that has run out (once per ticket and clock) and escalate a ticket whose
    resolution is overdue while it is still with an agent; a paused ticket (waiting for the
    customer) is left alone. Returns the ticket numbers touched.

    Every station and worker runs it: on PostgreSQL the tickets are locked (SKIP LOCKED), so a
    ticket another watcher is handling is left to it and a breach is recorded once."""
    touched: list[str] = []
    for ticket, clock, recorded in _running_clocks(s, now, now):
        key = _clock_key(clock, "breached")
        if clock.breached and (ticket.id, key) not in recorded:
            _event(s, ticket, "sla", "", key, None, now)
            touched.append(ticket.number)
            if clock.name == "resolution" and ticket.escalation_tier == 0:
                _escalate(s, ticket, None, "resolution time breached", now)
    return touched


def warn_sla(s: Session, now: dt.datetime) -> list[str]:
    """Warn the assignee and the supervisor list once per clock when ``service.sla_warn_minutes``
    of the queue's business time or less are left. Returns the ticket numbers warned."""
    warn = int(settings.get(s, "service.sla_warn_minutes"))
    if not warn:
        return []
    calendar = business_hours.load(s)
    touched: list[str] = []
    people: list[int] | None = None
    # business time is never longer than wall time: two weeks covers the longest holiday
    for ticket, clock, recorded in _running_clocks(s, now, now + dt.timedelta(days=14)):
        key = _clock_key(clock, "warning")
        if clock.breached or (ticket.id, key) in recorded or clock.due is None:
            continue
        if calendar.between(ticket.queue, now, clock.due) > warn:
            continue
        _event(s, ticket, "sla", "", key, None, now)
        people = _warned(s) if people is None else people
        _notify(s, {ticket.assignee_id, *people}, ticket, f"sla.{clock.name}", clock.due, now)
        touched.append(ticket.number)
    return touched


def _clock_key(clock: Clock, what: str) -> str:
    # the next-response clock runs again after every answer: its due time tells the runs apart
    run = f" {clock.due:%Y-%m-%dT%H:%M}" if clock.name == "next_response" and clock.due else ""
    return f"{clock.name} {what}{run}"


def _running_clocks(
    s: Session, now: dt.datetime, before: dt.datetime
) -> list[tuple[Ticket, Clock, set[tuple[int, str]]]]:
    """Running clocks of open, unpaused tickets due before ``before``, the tickets locked (SKIP
    LOCKED), with the SLA entries already in their histories."""
    candidates = s.scalars(
        select(Ticket)
        .where(
            Ticket.status.in_(OPEN),
            Ticket.paused_at.is_(None),
            (Ticket.first_responded_at.is_(None) & (Ticket.first_response_due < before))
            | (Ticket.resolved_at.is_(None) & (Ticket.resolution_due < before))
            | (Ticket.next_response_due < before),
        )
        .order_by(Ticket.id)
        .with_for_update(skip_locked=True)
    ).all()
    if not candidates:
        return []
    # read after locking, so a watcher that committed just before is seen
    recorded = {
        (ticket_id, entry)
        for ticket_id, entry in s.execute(
            select(TicketEvent.ticket_id, TicketEvent.new).where(
                TicketEvent.field == "sla", TicketEvent.ticket_id.in_([t.id for t in candidates])
            )
        )
    }
    return [(t, c, recorded) for t in candidates for c in all_clocks(t, now)
            if c.running and c.due is not None and c.due < before]


def _warned(s: Session) -> list[int]:
    """The supervisor list: the users named in ``service.sla_warn_to``, else every active supervisor."""
    names = settings.get(s, "service.sla_warn_to")
    query = select(User.id).where(User.active.is_(True))
    query = query.where(User.username.in_(names)) if names else query.where(User.role == Role.SUPERVISOR)
    return list(s.scalars(query.order_by(User.id)))


def _notify(
    s: Session, people: set[int | None], ticket: Ticket, kind: str, due: dt.datetime, now: dt.datetime
) -> None:
    for user_id in sorted(p for p in people if p is not None):
        text = f"{ticket.number} {due.isoformat(timespec='minutes')} {ticket.subject}"
        s.add(ServiceNotice(user_id=user_id, ticket_id=ticket.id, kind=kind, created_at=now, text=text[:300]))


@dataclass(frozen=True)
class Notice:
    """Something for the signed-in user to see: ``kind`` (sla.first_response, ...) says what."""

    id: int
    ticket_id: int | None
    ticket_number: str
    kind: str
    due: dt.datetime | None
    subject: str
    created_at: dt.datetime


def notices(s: Session, user: CurrentUser | None, limit: int = 50) -> list[Notice]:
    """The user's notices not seen yet, newest first."""
    agent = require(user, "service.use")
    rows = s.scalars(
        select(ServiceNotice)
        .where(ServiceNotice.user_id == agent.id, ServiceNotice.seen_at.is_(None))
        .order_by(ServiceNotice.created_at.desc(), ServiceNotice.id.desc())
        .limit(limit)
    )
    out = []
    for r in rows:
        number, _, rest = r.text.partition(" ")
        due_text, _, subject = rest.partition(" ")
        try:
            due: dt.datetime | None = dt.datetime.fromisoformat(due_text)
        except ValueError:
            due = None
        out.append(Notice(r.id, r.ticket_id, number, r.kind, due, subject, r.created_at))
    return out


def mark_seen(s: Session, user: CurrentUser | None, notice_ids: list[int], now: dt.datetime) -> None:
    agent = require(user, "service.use")
    for row in s.scalars(select(ServiceNotice).where(ServiceNotice.id.in_(notice_ids),
                                                     ServiceNotice.user_id == agent.id)):
        row.seen_at = now


# -- tags ----------------------------------------------------------------------------------------
MAX_TAGS = 20


def normal_tag(text: str) -> str:
    return " ".join(text.split()).strip("#,;，；").lower()[:40]


def set_tags(
    s: Session, user: CurrentUser | None, ticket_id: int, tags: list[str], now: dt.datetime
) -> tuple[str, ...]:
    """The ticket's tags become ``tags`` (free text, case-folded, duplicates dropped); the change is
    in the ticket's history."""
    agent = require(user, "service.use")
    ticket = _row(s, ticket_id)
    wanted = list(dict.fromkeys(t for t in (normal_tag(x) for x in tags) if t))
    if len(wanted) > MAX_TAGS:
        raise DomainError("A ticket takes at most {n} tags.", n=MAX_TAGS)
    rows = {r.tag: r for r in s.scalars(select(TicketTag).where(TicketTag.ticket_id == ticket.id))}
    if set(rows) == set(wanted):
        return tuple(sorted(wanted))
    for tag, row in rows.items():
        if tag not in wanted:
            s.delete(row)
    s.add_all(TicketTag(ticket_id=ticket.id, tag=tag) for tag in wanted if tag not in rows)
    _event(s, ticket, "tags", ", ".join(sorted(rows)), ", ".join(sorted(wanted)), agent.id, now)
    s.flush()
    return tuple(sorted(wanted))


def tags_of(s: Session, ticket_id: int) -> tuple[str, ...]:
    query = select(TicketTag.tag).where(TicketTag.ticket_id == ticket_id).order_by(TicketTag.tag)
    return tuple(s.scalars(query))


def tag_suggestions(s: Session, prefix: str = "", limit: int = 20) -> list[str]:
    """Tags in use, the most used first, starting with ``prefix`` (what the tag box offers)."""
    query = select(TicketTag.tag).group_by(TicketTag.tag).order_by(func.count().desc(), TicketTag.tag)
    if prefix.strip():
        query = query.where(TicketTag.tag.like(f"{_like(normal_tag(prefix))}%", escape="\\"))
    return list(s.scalars(query.limit(limit)))


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- reading --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QueueRow:
    id: int
    number: str
    subject: str
    customer: str
    category: str
    priority: str
    status: str
    queue: str
    assignee: str
    tier: int
    first_response_due: dt.datetime | None
    resolution_due: dt.datetime | None
    first_responded_at: dt.datetime | None
    resolved_at: dt.datetime | None
    next_response_due: dt.datetime | None = None
    paused_at: dt.datetime | None = None

    def next_due(self) -> dt.datetime | None:
        """The clock the agent races now: first response until answered, then an answer the
        customer waits for, then resolution."""
        if self.first_responded_at is None and self.first_response_due is not None:
            return self.first_response_due
        if self.next_response_due is not None:
            return self.next_response_due
        return self.resolution_due if self.resolved_at is None else None


def _next_due_sql() -> Case[dt.datetime]:
    return case(
        (Ticket.first_responded_at.is_(None) & Ticket.first_response_due.is_not(None),
         Ticket.first_response_due),
        (Ticket.next_response_due.is_not(None), Ticket.next_response_due),
        else_=Ticket.resolution_due,
    )


def _rows_query() -> Select[Ticket, str, str | None]:
    return (
        select(Ticket, Customer.name, User.display_name)
        .join(Customer, Customer.id == Ticket.customer_id)
        .outerjoin(User, User.id == Ticket.assignee_id)
    )


def _queue_row(t: Ticket, name: str, assignee: str | None) -> QueueRow:
    return QueueRow(t.id, t.number, t.subject, name, t.category, t.priority.value, t.status.value, t.queue,
                    assignee or "", t.escalation_tier, t.first_response_due, t.resolution_due,
                    t.first_responded_at, t.resolved_at, t.next_response_due, t.paused_at)


_Columns = TypeVarTuple("_Columns")


def _scoped(query: Select[*_Columns], agent: CurrentUser, scope: str) -> Select[*_Columns]:
    query = query.where(Ticket.status.in_(OPEN))
    return query.where(Ticket.assignee_id == agent.id) if scope == "mine" else query


def work_queue(
    s: Session, user: CurrentUser | None, scope: str = "mine", limit: int = 200, offset: int = 0
) -> list[QueueRow]:
    """Open tickets, most urgent clock first (paused ones last), a page at a time: ``mine``
    (assigned to the user), ``all``."""
    agent = require(user, "service.use")
    urgency = case(*((Ticket.priority == p, i) for i, p in enumerate(PRIORITIES)), else_=0)
    query = _scoped(_rows_query(), agent, scope).order_by(
        Ticket.paused_at.is_not(None), _next_due_sql().is_(None), _next_due_sql(), urgency.desc(), Ticket.id
    )
    return [_queue_row(*r) for r in s.execute(query.limit(limit).offset(max(0, offset)))]


def count_queue(s: Session, user: CurrentUser | None, scope: str = "mine") -> int:
    agent = require(user, "service.use")
    return s.scalar(_scoped(select(func.count()).select_from(Ticket), agent, scope)) or 0


TICKET_NUMBER = re.compile(r"^\s*(?:T-?)?(\d{1,9})\s*$", re.I)


def ticket_by_number(s: Session, text: str) -> int | None:
    """The ticket a typed number names (``T-000123``, ``t-123``, ``123``), or None."""
    found = TICKET_NUMBER.match(text or "")
    if not found:
        return None
    return s.scalar(select(Ticket.id).where(Ticket.number == f"T-{int(found.group(1)):06d}"))


def search_tickets(
    s: Session, user: CurrentUser | None, text: str, limit: int = 50, offset: int = 0, open_only: bool = False
) -> list[QueueRow]:
    """Tickets whose number, subject, messages, tag or customer (name, email, phone) match the
    text, newest first; every ticket, done ones too, unless ``open_only``."""
    require(user, "service.use")
    text = " ".join((text or "").split())
    if not text:
        return []
    like = f"%{_like(text.lower())}%"
    digits = re.sub(r"\D", "", text)
    matches: list[ColumnElement[bool]] = [
        func.lower(Ticket.subject).like(like, escape="\\"),
        func.lower(Ticket.number).like(like, escape="\\"),
        func.lower(Customer.name).like(like, escape="\\"),
        Ticket.id.in_(select(TicketTag.ticket_id).where(TicketTag.tag == normal_tag(text))),
        Ticket.id.in_(
            select(Interaction.ticket_id).where(func.lower(Interaction.body).like(like, escape="\\"))
        ),
        Ticket.customer_id.in_(select(CustomerEmail.customer_id).where(CustomerEmail.email == text.lower())),
    ]
    if len(digits) >= 7:
        matches.append(Ticket.customer_id.in_(
            select(CustomerPhone.customer_id).where(CustomerPhone.phone.like(f"%{digits}"))))
    number = ticket_by_number(s, text)
    if number is not None:
        matches.append(Ticket.id == number)
    query = _rows_query().where(or_(*matches))
    if open_only:
        query = query.where(Ticket.status.in_(OPEN))
    query = query.order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(limit).offset(max(0, offset))
    return [_queue_row(*r) for r in s.execute(query)]


@dataclass(frozen=True)
class Message:
    """One message or note on a ticket."""

    id: int
    occurred_at: dt.datetime
    direction: Direction
    channel: ContactChannel
    body: str
    agent_id: int | None


@dataclass(frozen=True)
class Change:
    """One entry of a ticket's history: which field, from what, to what, by whom (None: system).
    ``old_name``/``new_name`` are the users' display names when the field holds a user's id."""

    at: dt.datetime
    field: str
    old: str
    new: str
    user_id: int | None
    old_name: str = ""
    new_name: str = ""


USER_FIELDS = frozenset({"assignee_id"})  # history fields whose values are user ids


def _changes(s: Session, ticket_id: int) -> tuple[Change, ...]:
    """The ticket's history, with the names of the users its entries name (one query for them all)."""
    rows = s.execute(
        select(TicketEvent.at, TicketEvent.field, TicketEvent.old, TicketEvent.new, TicketEvent.user_id)
        .where(TicketEvent.ticket_id == ticket_id)
        .order_by(TicketEvent.at, TicketEvent.id)
    ).all()
    ids = {int(v) for r in rows if r.field in USER_FIELDS for v in (r.old, r.new) if v.isdigit()}
    query = select(User.id, User.display_name).where(User.id.in_(ids))
    names: dict[int, str] = {uid: who for uid, who in s.execute(query)} if ids else {}

    def name(field: str, value: str) -> str:
        return names.get(int(value), "") if field in USER_FIELDS and value.isdigit() else ""

    return tuple(Change(*r, name(r.field, r.old), name(r.field, r.new)) for r in rows)


@dataclass(frozen=True)
class Attachment:
    """A file that came with an email; ``kept`` is False when it was over the mailbox's limit."""

    id: int
    interaction_id: int | None
    filename: str
    content_type: str
    size: int
    kept: bool


@dataclass(frozen=True)
class Detail:
    ticket: TicketInfo
    customer: str
    assignee: str
    order_number: str
    messages: tuple[Message, ...]
    events: tuple[Change, ...]
    tags: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    csat: tuple[tuple[int, str], ...] = ()  # (score, comment) of each answered survey

    def attachments_of(self, message_id: int) -> tuple[Attachment, ...]:
        return tuple(a for a in self.attachments if a.interaction_id == message_id)


def detail(s: Session, ticket_id: int) -> Detail:
    ticket = _row(s, ticket_id)
    customer = s.get(Customer, ticket.customer_id)
    assignee = s.get(User, ticket.assignee_id) if ticket.assignee_id else None
    order = s.get(Order, ticket.order_id) if ticket.order_id else None
    messages = s.execute(
        select(Interaction.id, Interaction.occurred_at, Interaction.direction, Interaction.channel,
               Interaction.body, Interaction.agent_id)
        .where(Interaction.ticket_id == ticket.id)
        .order_by(Interaction.occurred_at, Interaction.id)
    )
    from app.models.desk import CsatSurvey
    from app.models.mail import MailAttachment, MailMessage

    files = s.execute(
        select(MailAttachment.id, MailMessage.interaction_id, MailAttachment.filename,
               MailAttachment.content_type, MailAttachment.size, MailAttachment.data.is_not(None))
        .join(MailMessage, MailMessage.id == MailAttachment.message_id)
        .where(MailMessage.ticket_id == ticket.id)
        .order_by(MailAttachment.id)
    )
    answers = s.execute(
        select(CsatSurvey.score, CsatSurvey.comment)
        .where(CsatSurvey.ticket_id == ticket.id, CsatSurvey.score.is_not(None))
        .order_by(CsatSurvey.answered_at)
    )
    return Detail(
        ticket_info(ticket),
        customer.name if customer else "",
        assignee.display_name if assignee else "",
        order.number if order else "",
        tuple(Message(*m) for m in messages),
        _changes(s, ticket.id),
        tags_of(s, ticket.id),
        tuple(Attachment(*a) for a in files),
        tuple((score, comment) for score, comment in answers if score is not None),  # answered only
    )


def save_attachment(s: Session, user: CurrentUser | None, attachment_id: int, path: Path) -> Path:
    """Write a stored attachment to ``path`` (0600, never over an existing file or through a link);
    audited, it can carry personal data out of the desk."""
    from app.files import create_private
    from app.models.mail import MailAttachment, MailMessage
    from app.services import audit

    agent = require(user, "service.use")
    row = s.get(MailAttachment, attachment_id)
    if row is None:
        raise NotFound("No attachment #{id}.", id=attachment_id)
    if row.data is None:
        raise Conflict("{name} was over the mailbox's size limit and was not kept.", name=row.filename)
    try:
        fd = create_private(path)
    except FileExistsError:
        raise Conflict("{path} exists already; choose another name.", path=str(path)) from None
    except OSError as exc:
        raise DomainError("Could not write {path}: {reason}.", path=str(path),
                          reason=exc.strerror or exc) from exc
    with os.fdopen(fd, "wb") as f:
        f.write(row.data)
    message = s.get(MailMessage, row.message_id)
    audit.record(s, "ticket.attachment", "attachment", str(row.id), user_id=agent.id, file=str(path),
                 ticket_id=message.ticket_id if message else None)
    return path


def is_available(s: Session, user: CurrentUser) -> bool:
    """Whether the user takes new tickets (an unknown user does, as a new account would)."""
    available = s.scalar(select(User.available).where(User.id == user.id))
    return True if available is None else bool(available)


def set_available(s: Session, user: CurrentUser | None, available: bool) -> None:
    agent = require(user, "service.use")
    row = s.get(User, agent.id)
    if row is None:
        raise NotFound("No user #{id}.", id=agent.id)
    row.available = available


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    customer_id: int
    customer: str
    ticket: str
    due_at: dt.datetime
    note: str


def follow_ups_due(
    s: Session, user: CurrentUser | None, now: dt.datetime, horizon: dt.timedelta = dt.timedelta(hours=8)
) -> list[FollowUpRow]:
    """The user's open follow-ups due before now + horizon, oldest first (overdue ones on top)."""
    agent = require(user, "service.use")
    rows = s.execute(
        select(FollowUp, Customer.name, Ticket.number)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .outerjoin(Ticket, Ticket.id == FollowUp.ticket_id)
        .where(FollowUp.assignee_id == agent.id, FollowUp.done_at.is_(None), FollowUp.due_at <= now + horizon)
        .order_by(FollowUp.due_at)
        .limit(200)
    )
    return [
        FollowUpRow(f.id, f.customer_id, name, number or "", f.due_at, f.note) for f, name, number in rows
    ]


def complete_follow_up(
    s: Session, user: CurrentUser | None, follow_up_id: int, now: dt.datetime, note: str = ""
) -> None:
    """Done: the call was made; what was said goes into the customer's history."""
    agent = require(user, "service.use")
    row = s.get(FollowUp, follow_up_id)
    if row is None:
        raise NotFound("No follow-up #{id}.", id=follow_up_id)
    if row.done_at is not None:
        raise Conflict(
            "Follow-up #{id} was already done at {at}.", id=follow_up_id, at=f"{row.done_at:%Y-%m-%d %H:%M}"
        )
    row.done_at = now
    if note.strip():
        s.add(
            Interaction(
                customer_id=row.customer_id,
                ticket_id=row.ticket_id,
                channel=ContactChannel.PHONE,
                direction=Direction.OUTBOUND,
                agent_id=agent.id,
                body=checked(note, "The note"),
                occurred_at=now,
            )
        )
