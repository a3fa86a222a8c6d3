"""Tickets: category suggested from the text, priority raised for valuable customers and large
orders, routing to a queue (category, channel, language) and then to the least-loaded available
agent, a status flow, escalation tiers (agent, supervisor, manager), SLA clocks per priority and
channel, and every change written to the ticket's history (``ticket_events``).

All times come from the caller (``now``), so tests and the UI's countdowns run on one clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.errors import Conflict, DomainError, NotFound
from app.models.accounts import Role, User
from app.models.orders import Customer, Order
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
from app.services import settings
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
LARGE_ORDER = Decimal("2000")  # CNY; setting "service.large_order"
VALUED_TIERS = ("gold", "vip")


@dataclass(frozen=True)
class Clock:
    """One SLA clock of a ticket: due time, whether it stopped (met) and the seconds left."""

    name: str  # "first_response" or "resolution"
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
    routes = settings.get(s, "service.routes", [list(r) for r in DEFAULT_ROUTES])
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


def clocks(ticket: TicketInfo | Ticket, now: dt.datetime) -> tuple[Clock, Clock]:
    return (
        Clock("first_response", ticket.first_response_due, ticket.first_responded_at, now),
        Clock("resolution", ticket.resolution_due, ticket.resolved_at, now),
    )


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
    ticket.first_response_due = now + dt.timedelta(minutes=first)
    ticket.resolution_due = now + dt.timedelta(minutes=resolution)
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
        _set(s, ticket, "resolution_due", now + dt.timedelta(minutes=resolution), agent.id, now)
    _set(s, ticket, "status", status, agent.id, now)
    if note.strip():
        _message(s, ticket, Direction.INTERNAL, ContactChannel.NOTE, agent.id, checked(note, "The note"), now)
    return ticket_info(ticket)


def set_priority(
    s: Session, user: CurrentUser | None, ticket_id: int, priority: Priority, now: dt.datetime
) -> TicketInfo:
    """A new priority re-times the clocks that are still running, from when the ticket opened."""
    agent = require(user, "service.use")
    ticket = _row(s, ticket_id)
    _set(s, ticket, "priority", priority, agent.id, now)
    first, resolution = sla_minutes(s, priority, ticket.channel)
    if ticket.first_responded_at is None:
        _set(s, ticket, "first_response_due", ticket.created_at + dt.timedelta(minutes=first), agent.id, now)
    if ticket.resolved_at is None:
        _set(s, ticket, "resolution_due", ticket.created_at + dt.timedelta(minutes=resolution), agent.id, now)
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
    _set(s, ticket, "status", TicketStatus.ESCALATED, who, now)
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
    resolution is overdue while it is still with an agent. Returns the ticket numbers touched.

    Every station and worker runs it: on PostgreSQL the overdue tickets are locked (SKIP LOCKED),
    so a ticket another watcher is handling is left to it and a breach is recorded once."""
    touched: list[str] = []
    overdue = s.scalars(
        select(Ticket)
        .where(
            Ticket.status.in_(OPEN),
            ((Ticket.first_responded_at.is_(None)) & (Ticket.first_response_due < now))
            | ((Ticket.resolved_at.is_(None)) & (Ticket.resolution_due < now)),
        )
        .order_by(Ticket.id)
        .with_for_update(skip_locked=True)
    ).all()
    if not overdue:
        return touched
    # read after locking, so a watcher that committed just before is seen
    recorded = set(
        s.execute(
            select(TicketEvent.ticket_id, TicketEvent.new).where(
                TicketEvent.field == "sla", TicketEvent.ticket_id.in_([t.id for t in overdue])
            )
        )
    )
    for ticket in overdue:
        for clock in clocks(ticket, now):
            key = f"{clock.name} breached"
            if clock.running and clock.breached and (ticket.id, key) not in recorded:
                _event(s, ticket, "sla", "", key, None, now)
                touched.append(ticket.number)
                if clock.name == "resolution" and ticket.escalation_tier == 0:
                    _escalate(s, ticket, None, "resolution time breached", now)
    return touched


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

    def next_due(self) -> dt.datetime | None:
        """The clock the agent races now: first response until answered, then resolution."""
        if self.first_responded_at is None and self.first_response_due is not None:
            return self.first_response_due
        return self.resolution_due if self.resolved_at is None else None


def work_queue(
    s: Session, user: CurrentUser | None, scope: str = "mine", limit: int = 200
) -> list[QueueRow]:
    """Open tickets, most urgent clock first: ``mine`` (assigned to the user), ``all``."""
    agent = require(user, "service.use")
    query = (
        select(Ticket, Customer.name, User.display_name)
        .join(Customer, Customer.id == Ticket.customer_id)
        .outerjoin(User, User.id == Ticket.assignee_id)
        .where(Ticket.status.in_(OPEN))
    )
    if scope == "mine":
        query = query.where(Ticket.assignee_id == agent.id)
    rows = [
        QueueRow(
            t.id,
            t.number,
            t.subject,
            name,
            t.category,
            t.priority.value,
            t.status.value,
            t.queue,
            assignee or "",
            t.escalation_tier,
            t.first_response_due,
            t.resolution_due,
            t.first_responded_at,
            t.resolved_at,
        )
        for t, name, assignee in s.execute(query.order_by(Ticket.created_at.desc()).limit(limit * 5))
    ]
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    rows.sort(key=lambda r: (r.next_due() or far, -PRIORITIES.index(Priority(r.priority))))
    return rows[:limit]


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
    """One entry of a ticket's history: which field, from what, to what, by whom (None: system)."""

    at: dt.datetime
    field: str
    old: str
    new: str
    user_id: int | None


@dataclass(frozen=True)
class Detail:
    ticket: TicketInfo
    customer: str
    assignee: str
    order_number: str
    messages: tuple[Message, ...]
    events: tuple[Change, ...]


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
    events = s.execute(
        select(TicketEvent.at, TicketEvent.field, TicketEvent.old, TicketEvent.new, TicketEvent.user_id)
        .where(TicketEvent.ticket_id == ticket.id)
        .order_by(TicketEvent.at, TicketEvent.id)
    )
    return Detail(
        ticket_info(ticket),
        customer.name if customer else "",
        assignee.display_name if assignee else "",
        order.number if order else "",
        tuple(Message(*m) for m in messages),
        tuple(Change(*e) for e in events),
    )


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
