"""Incident alerts: rules over live service metrics, evaluated at a given time. A rule that fires
opens one incident (not one per evaluation); tickets are linked to it, the affected customers get
a bulk notice, and it closes with a 5W1H review. Every metric is one indexed, windowed query.

Metrics (``alert_rules.metric``):
- ``contacts_vs_last_week``: inbound contacts in the window vs the same window a week before,
  fires at +threshold % (and at least ``params.min_count`` contacts, so 1 -> 2 at night is quiet);
- ``queue_wait``: minutes the oldest unanswered new/open ticket has waited;
- ``refunds_vs_last_week``: refund requests in the window vs a week before, +threshold %;
- ``product_complaints``: quality tickets per product in the window (one incident per product);
- ``payment_failures``: payment tickets in the window.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.errors import Conflict, DomainError, NotFound
from app.models.catalog import Product
from app.models.orders import Customer, Order, OrderLine
from app.models.service import (
    AlertRule,
    ContactChannel,
    Direction,
    Incident,
    Interaction,
    Refund,
    Ticket,
    TicketStatus,
)
from app.permissions import require
from app.services import assist, audit
from app.services.text import checked
from app.services.tickets import TicketInfo, ticket_info

WEEK = dt.timedelta(days=7)
REVIEW_FIELDS = ("what", "why", "where", "when", "who", "how")
DEFAULT_RULES: tuple[tuple[str, str, int, int, dict[str, int]], ...] = (
    # name, metric, threshold, window minutes, params
    ("Contacts +50% vs last week", "contacts_vs_last_week", 50, 60, {"min_count": 20}),
    ("Queue wait over 10 minutes", "queue_wait", 10, 60, {}),
    ("Refund requests +30% vs last week", "refunds_vs_last_week", 30, 24 * 60, {"min_count": 10}),
    ("Complaints about one product", "product_complaints", 5, 24 * 60, {}),
    ("Payment failures", "payment_failures", 5, 60, {}),
)


@dataclass(frozen=True)
class Alert:
    rule_id: int
    metric: str
    title: str
    value: Decimal  # the metric now (a count, minutes or a percentage rise)
    scope: dict[str, object]  # what the incident is about: window, product ...


@dataclass(frozen=True)
class IncidentInfo:
    """An incident as it is now (a copy)."""

    id: int
    title: str
    rule_id: int | None
    status: str  # open / closed
    metric_value: Decimal | None
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    review: dict[str, Any]  # metric, scope and, once closed, the 5W1H answers

    @property
    def metric(self) -> str:
        return str(self.review.get("metric", ""))

    @property
    def scope(self) -> dict[str, Any]:
        return dict(self.review.get("scope", {}))


def _info(incident: Incident) -> IncidentInfo:
    return IncidentInfo(
        incident.id, incident.title, incident.rule_id, incident.status, incident.metric_value,
        incident.opened_at, incident.closed_at, copy.deepcopy(incident.review or {}),
    )


def ensure_default_rules(s: Session) -> int:
    """Add the built-in rules that are missing (by name); edited rules are kept."""
    have = set(s.scalars(select(AlertRule.name)))
    added = 0
    for name, metric, threshold, window, params in DEFAULT_RULES:
        if name not in have:
            s.add(
                AlertRule(
                    name=name,
                    metric=metric,
                    threshold=Decimal(threshold),
                    window_minutes=window,
                    params=dict(params),
                )
            )
            added += 1
    return added


# -- metrics --------------------------------------------------------------------------------------
def _count(s: Session, column: Any, since: dt.datetime, until: dt.datetime, *where: Any) -> int:
    return s.scalar(select(func.count()).where(column >= since, column < until, *where)) or 0


def _rise(now_n: int, before_n: int) -> Decimal:
    """Percentage rise from before to now (a rise from nothing counts as 100 % per contact)."""
    if before_n == 0:
        return Decimal(100 * now_n)
    return (Decimal(now_n - before_n) * 100 / before_n).quantize(Decimal("0.1"))


def evaluate(s: Session, now: dt.datetime) -> list[Alert]:
    """Every enabled rule whose metric is over its threshold now."""
    alerts: list[Alert] = []
    for rule in s.scalars(select(AlertRule).where(AlertRule.enabled.is_(True)).order_by(AlertRule.id)):
        window = dt.timedelta(minutes=rule.window_minutes)
        since = now - window
        scope: dict[str, object] = {"since": since.isoformat(), "until": now.isoformat()}
        min_count = int((rule.params or {}).get("min_count", 0))
        if rule.metric in ("contacts_vs_last_week", "refunds_vs_last_week"):
            extra: tuple[Any, ...]
            if rule.metric == "contacts_vs_last_week":
                col, extra = Interaction.occurred_at, (Interaction.direction == Direction.INBOUND,)
            else:
                col, extra = Refund.created_at, ()
            current = _count(s, col, since, now, *extra)
            before = _count(s, col, since - WEEK, now - WEEK, *extra)
            rise = _rise(current, before)
            if current >= min_count and rise >= rule.threshold:
                scope.update(now=current, before=before)
                alerts.append(Alert(rule.id, rule.metric, f"{rule.name}: {current} vs {before}", rise, scope))
        elif rule.metric == "queue_wait":
            oldest = s.scalar(
                select(func.min(Ticket.created_at)).where(
                    Ticket.status.in_((TicketStatus.NEW, TicketStatus.OPEN)),
                    Ticket.first_responded_at.is_(None),
                )
            )
            if oldest is not None:
                minutes = Decimal(int((now - oldest).total_seconds() // 60))
                if minutes > rule.threshold:
                    alerts.append(Alert(rule.id, rule.metric, f"{rule.name}: {minutes} min", minutes, scope))
        elif rule.metric == "product_complaints":
            rows = s.execute(
                select(OrderLine.product_id, Product.sku, func.count(func.distinct(Ticket.id)))
                .join(Order, Order.id == Ticket.order_id)
                .join(OrderLine, OrderLine.order_id == Order.id)
                .join(Product, Product.id == OrderLine.product_id)
                .where(Ticket.category == "quality", Ticket.created_at >= since, Ticket.created_at < now)
                .group_by(OrderLine.product_id, Product.sku)
                .having(func.count(func.distinct(Ticket.id)) > rule.threshold)
            )
            for pid, sku, n in rows:
                alerts.append(
                    Alert(
                        rule.id,
                        rule.metric,
                        f"{rule.name}: {sku} ({n})",
                        Decimal(n),
                        {**scope, "product_id": pid, "sku": sku},
                    )
                )
        elif rule.metric == "payment_failures":
            n = _count(s, Ticket.created_at, since, now, Ticket.category == "payment")
            if n > rule.threshold:
                alerts.append(Alert(rule.id, rule.metric, f"{rule.name}: {n}", Decimal(n), scope))
    return alerts


def raise_alerts(s: Session, now: dt.datetime) -> list[IncidentInfo]:
    """Open an incident for each alert that has none open yet, nor one closed within the rule's
    window (the spike that was just reviewed is not news again); the new incidents."""
    opened = []
    for alert in evaluate(s, now):
        key = alert.scope.get("product_id")
        window = dt.datetime.fromisoformat(str(alert.scope["until"])) - dt.datetime.fromisoformat(
            str(alert.scope["since"])
        )
        existing = [
            i
            for i in s.scalars(
                select(Incident).where(
                    Incident.rule_id == alert.rule_id,
                    (Incident.status == "open") | (Incident.closed_at > now - window),
                )
            )
            if (i.review or {}).get("scope", {}).get("product_id") == key
        ]
        if existing:
            continue
        if not _counted_customers(s, alert.metric, alert.scope, 1):
            continue  # nobody to notify and nothing to link: not an incident anyone can work
        incident = Incident(
            title=alert.title[:200],
            rule_id=alert.rule_id,
            status="open",
            metric_value=alert.value,
            opened_at=now,
            review={"metric": alert.metric, "scope": alert.scope},
        )
        s.add(incident)
        s.flush()
        audit.record(s, "incident.open", "incident", incident.id, title=incident.title)
        opened.append(_info(incident))
    return opened


def open_incidents(s: Session) -> list[IncidentInfo]:
    query = select(Incident).where(Incident.status == "open").order_by(Incident.opened_at.desc())
    return [_info(i) for i in s.scalars(query)]


def _row(s: Session, incident_id: int) -> Incident:
    incident = s.get(Incident, incident_id)
    if incident is None:
        raise NotFound("No incident #{id}.", id=incident_id)
    return incident


def get_incident(s: Session, incident_id: int) -> IncidentInfo:
    return _info(_row(s, incident_id))


def link_ticket(s: Session, user: CurrentUser | None, incident_id: int, ticket_number: str) -> TicketInfo:
    agent = require(user, "service.use")
    incident = _row(s, incident_id)
    if incident.status != "open":
        raise Conflict("Incident #{id} is closed.", id=incident_id)
    number = ticket_number.strip().upper()
    ticket = s.scalar(select(Ticket).where(Ticket.number == number))
    if ticket is None:
        raise NotFound("No ticket {number!r}.", number=ticket_number.strip())
    ticket.incident_id = incident.id
    audit.record(s, "incident.link", "incident", incident.id, user_id=agent.id, ticket=ticket.number)
    return ticket_info(ticket)


def linked_tickets(s: Session, incident_id: int) -> list[TicketInfo]:
    return [
        ticket_info(t)
        for t in s.scalars(select(Ticket).where(Ticket.incident_id == incident_id).order_by(Ticket.id))
    ]


def affected_customers(s: Session, incident_id: int, limit: int = 10_000) -> list[int]:
    """Customers of linked tickets, plus those the rule's metric counted (the contacts in the
    window, the refund requesters, the buyers of the product complained about, the payers)."""
    incident = _row(s, incident_id)
    info = incident.review or {}
    ids = set(s.scalars(select(Ticket.customer_id).where(Ticket.incident_id == incident_id)))
    ids |= _counted_customers(s, str(info.get("metric", "")), info.get("scope", {}), limit)
    return sorted(ids)[:limit]


def _counted_customers(s: Session, metric: str, scope: dict[str, Any], limit: int) -> set[int]:
    """The customers a rule's metric counted in its window (the waiting customers for a queue wait)."""
    if "since" not in scope:
        return set()
    since = dt.datetime.fromisoformat(scope["since"])
    until = dt.datetime.fromisoformat(scope["until"])
    query = None
    if metric == "queue_wait":  # the tickets waited longer than the window: who still waits
        query = select(Ticket.customer_id).where(
            Ticket.status.in_((TicketStatus.NEW, TicketStatus.OPEN)),
            Ticket.first_responded_at.is_(None),
            Ticket.created_at < until,
        )
    elif metric == "contacts_vs_last_week":
        query = select(Interaction.customer_id).where(
            Interaction.occurred_at >= since,
            Interaction.occurred_at < until,
            Interaction.direction == Direction.INBOUND,
        )
    elif metric == "refunds_vs_last_week":
        query = select(Refund.customer_id).where(Refund.created_at >= since, Refund.created_at < until)
    elif metric == "product_complaints":  # who complained, and everyone who bought it in 90 days
        bought = select(Order.customer_id).join(OrderLine, OrderLine.order_id == Order.id).where(
            OrderLine.product_id == scope["product_id"]
        )
        query = bought.where(Order.placed_at >= until - dt.timedelta(days=90))
        complained = bought.join(Ticket, Ticket.order_id == Order.id).where(
            Ticket.category == "quality", Ticket.created_at >= since, Ticket.created_at < until
        )
        return {*s.scalars(query.distinct().limit(limit)), *s.scalars(complained.distinct().limit(limit))}
    elif metric == "payment_failures":
        query = select(Ticket.customer_id).where(
            Ticket.created_at >= since, Ticket.created_at < until, Ticket.category == "payment"
        )
    return set(s.scalars(query.distinct().limit(limit))) if query is not None else set()


def bulk_notice(
    s: Session,
    user: CurrentUser | None,
    incident_id: int,
    template: str,
    now: dt.datetime,
    channel: ContactChannel = ContactChannel.SOCIAL,
) -> int:
    """One outbound message per affected customer, the template filled with their data (name,
    latest order, tracking, ETA); logged in each history and audited. Returns how many."""
    agent = require(user, "service.use")
    incident = _row(s, incident_id)
    if incident.status != "open":
        raise Conflict("Incident #{id} is closed.", id=incident_id)
    template = checked(template, "The notice")
    customers = affected_customers(s, incident_id)
    if not customers:
        raise DomainError("No affected customers to notify yet: link tickets to the incident first.")
    for cid in customers:
        latest = s.scalar(
            select(Order).where(Order.customer_id == cid).order_by(Order.placed_at.desc()).limit(1)
        )
        body, _missing = assist.fill(template, assist.values_for(s, cid, latest, "zh_CN", now))
        s.add(
            Interaction(
                customer_id=cid,
                channel=channel,
                direction=Direction.OUTBOUND,
                agent_id=agent.id,
                body=body,
                occurred_at=now,
            )
        )
    audit.record(s, "incident.notice", "incident", incident.id, user_id=agent.id, customers=len(customers))
    return len(customers)


def close_incident(
    s: Session, user: CurrentUser | None, incident_id: int, review: dict[str, str], now: dt.datetime
) -> IncidentInfo:
    """Close with the 5W1H review: what, why, where, when, who, how, each required."""
    boss = require(user, "service.dashboard")
    incident = _row(s, incident_id)
    if incident.status != "open":
        raise Conflict("Incident #{id} is already closed.", id=incident_id)
    missing = [f for f in REVIEW_FIELDS if not str(review.get(f, "")).strip()]
    if missing:
        raise DomainError(
            "The review needs {fields} (5W1H: what, why, where, when, who, how).", fields=", ".join(missing)
        )
    incident.review = {
        **(incident.review or {}),
        **{f: checked(review[f], f.title(), limit=2000) for f in REVIEW_FIELDS},
    }
    incident.status = "closed"
    incident.closed_at = now
    audit.record(s, "incident.close", "incident", incident.id, user_id=boss.id)
    return _info(incident)


def customer_names(s: Session, ids: list[int], limit: int = 20) -> list[str]:
    return list(s.scalars(select(Customer.name).where(Customer.id.in_(ids[:limit]))))
