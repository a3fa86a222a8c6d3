"""A customer's history on one screen: the header (name, tier, tags, masked contacts), one
timeline over orders, shipments, tracking, refunds, compensations, tickets, interactions and
follow-ups (newest first, keyset-paged), and the orders with their lines, parcels and tracking.

Contacts are masked; ``reveal_contacts`` shows them to a role that may, and audits each reveal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, literal, or_, select
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.errors import DomainError, NotFound
from app.models.catalog import Product
from app.models.fulfilment import Package, Shipment, TrackingEvent
from app.models.orders import Address, CustomerEmail, CustomerPhone, Order, OrderLine
from app.models.service import Compensation, FollowUp, Interaction, Refund, Ticket
from app.permissions import require
from app.privacy import mask_email, mask_phone
from app.services import audit
from app.services.customers import customer_row, group_ids, lifetime_values, tier_for, tier_thresholds
from app.services.overview import OPEN_TICKET

PAGE = 50
KINDS = ("order", "shipment", "tracking", "refund", "compensation", "ticket", "interaction", "follow_up")


@dataclass(frozen=True)
class Contact:
    kind: str  # phone / email / address
    masked: str
    value: str = ""  # the real value, only after an audited reveal


@dataclass(frozen=True)
class Header:
    customer_id: int
    name: str
    tier: str
    lifetime_value: Decimal
    tags: tuple[str, ...]
    language: str
    since: dt.datetime
    orders: int
    open_tickets: int
    contacts: tuple[Contact, ...]
    merged_ids: tuple[int, ...]  # customers merged into this one
    merged_into: int | None  # set when this customer is itself merged away

    def as_dict(self) -> dict[str, object]:
        return {
            "customer_id": self.customer_id, "name": self.name, "tier": self.tier,
            "lifetime_value": str(self.lifetime_value), "tags": list(self.tags),
            "language": self.language, "since": self.since.isoformat(), "orders": self.orders,
            "open_tickets": self.open_tickets, "merged_ids": list(self.merged_ids),
            "merged_into": self.merged_into,
            "contacts": [{"kind": c.kind, "value": c.value or c.masked} for c in self.contacts],
        }


@dataclass(frozen=True)
class Event:
    at: dt.datetime
    kind: str  # one of KINDS
    id: int
    ref: str  # order / tracking / ticket number, coupon code
    status: str
    channel: str  # contact channel for tickets and interactions, sales channel for orders
    text: str  # subject, message body, tracking description, reason
    amount: Decimal | None = None
    order_id: int | None = None
    direction: str = ""

    def summary(self) -> str:
        amount = f" ¥{self.amount}" if self.amount is not None else ""
        head = " ".join(p for p in (self.kind, self.ref, self.status, self.channel, self.direction) if p)
        return f"{head}{amount}: {self.text}".rstrip(": ")

    def as_dict(self) -> dict[str, object]:
        return {
            "at": self.at.isoformat(), "kind": self.kind, "id": self.id, "ref": self.ref,
            "status": self.status, "channel": self.channel, "direction": self.direction,
            "text": self.text, "amount": None if self.amount is None else str(self.amount),
            "order_id": self.order_id,
        }


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after this (time, kind, id), in newest-first order."""

    at: dt.datetime
    kind: str
    id: int


@dataclass(frozen=True)
class TimelinePage:
    events: tuple[Event, ...]
    next: Cursor | None  # None on the last page


def header(s: Session, customer_id: int) -> Header:
    row = customer_row(s, customer_id)
    ids = group_ids(s, customer_id)
    value = lifetime_values(s, [customer_id])[customer_id]
    contacts = [Contact("phone", mask_phone(p)) for p in _phones(s, ids)]
    contacts += [Contact("email", mask_email(e)) for e in _emails(s, ids)]
    contacts += [Contact("address", a[:6] + "…" if len(a) > 6 else a) for a in _addresses(s, ids)]
    return Header(
        customer_id=row.id,
        name=row.name,
        tier=tier_for(value, tier_thresholds(s)),
        lifetime_value=value,
        tags=tuple(t.strip() for t in row.tags.split(",") if t.strip()),
        language=row.language,
        since=row.created_at,
        orders=s.scalar(select(func.count()).where(Order.customer_id.in_(ids))) or 0,
        open_tickets=s.scalar(
            select(func.count()).where(Ticket.customer_id.in_(ids), Ticket.status.in_(OPEN_TICKET))
        ) or 0,
        contacts=tuple(contacts),
        merged_ids=tuple(ids[1:]),
        merged_into=row.merged_into_id,
    )


def _phones(s: Session, ids: list[int]) -> list[str]:
    return list(s.scalars(select(CustomerPhone.phone).where(CustomerPhone.customer_id.in_(ids))
                          .order_by(CustomerPhone.id)))


def _emails(s: Session, ids: list[int]) -> list[str]:
    return list(s.scalars(select(CustomerEmail.email).where(CustomerEmail.customer_id.in_(ids))
                          .order_by(CustomerEmail.id)))


def _addresses(s: Session, ids: list[int]) -> list[str]:
    rows = s.execute(
        select(Address.province, Address.city, Address.district, Address.street, Address.postcode)
        .where(Address.customer_id.in_(ids)).order_by(Address.is_default.desc(), Address.id)
    )
    return [f"{p}{c}{d}{st} {pc}".strip() for p, c, d, st, pc in rows]


def reveal_contacts(
    s: Session, user: CurrentUser | None, customer_id: int, *, station: str | None = None,
    purpose: str = "view",
) -> tuple[Contact, ...]:
    """The unmasked contacts, for a role that may see them; the reveal (or export) is audited."""
    viewer = require(user, "service.reveal_pii")
    ids = group_ids(s, customer_row(s, customer_id).id)
    out = [Contact("phone", mask_phone(p), p) for p in _phones(s, ids)]
    out += [Contact("email", mask_email(e), e) for e in _emails(s, ids)]
    out += [Contact("address", a[:6] + "…" if len(a) > 6 else a, a) for a in _addresses(s, ids)]
    audit.record(s, "pii.reveal" if purpose == "view" else "pii.export", "customer", customer_id,
                 user_id=viewer.id, station=station, fields=",".join(sorted({c.kind for c in out})))
    return tuple(out)


# -- timeline -------------------------------------------------------------------------------------
def _sources(ids: list[int]) -> dict[str, tuple[Any, Any, Any]]:
    """kind -> (query of Event columns, its time column, its id column)."""
    o, sh, te = Order, Shipment, TrackingEvent
    none_amount = literal(None).label("amount")
    blank = literal("")
    return {
        "order": (
            select(o.placed_at, o.id, o.number, o.status, o.channel, o.note, o.total, o.id, blank)
            .where(o.customer_id.in_(ids)), o.placed_at, o.id),
        "shipment": (
            select(sh.created_at, sh.id, sh.tracking_number, sh.status, sh.carrier, o.number,
                   none_amount, sh.order_id, blank)
            .join(o, o.id == sh.order_id).where(o.customer_id.in_(ids)), sh.created_at, sh.id),
        "tracking": (
            select(te.occurred_at, te.id, sh.tracking_number, te.status_code, te.location, te.description,
                   none_amount, sh.order_id, blank)
            .join(sh, sh.id == te.shipment_id).join(o, o.id == sh.order_id)
            .where(o.customer_id.in_(ids)), te.occurred_at, te.id),
        "refund": (
            select(Refund.created_at, Refund.id, o.number, Refund.status, blank, Refund.reason,
                   Refund.amount, Refund.order_id, blank)
            .join(o, o.id == Refund.order_id).where(Refund.customer_id.in_(ids)),
            Refund.created_at, Refund.id),
        "compensation": (
            select(Compensation.created_at, Compensation.id, Compensation.code, Compensation.kind, blank,
                   Compensation.reason, Compensation.amount, Compensation.order_id, blank)
            .where(Compensation.customer_id.in_(ids)), Compensation.created_at, Compensation.id),
        "ticket": (
            select(Ticket.created_at, Ticket.id, Ticket.number, Ticket.status, Ticket.channel,
                   Ticket.subject, none_amount, Ticket.order_id, blank)
            .where(Ticket.customer_id.in_(ids)), Ticket.created_at, Ticket.id),
        "interaction": (
            select(Interaction.occurred_at, Interaction.id, blank, blank, Interaction.channel,
                   Interaction.body, none_amount, Interaction.order_id, Interaction.direction)
            .where(Interaction.customer_id.in_(ids)), Interaction.occurred_at, Interaction.id),
        "follow_up": (
            select(FollowUp.due_at, FollowUp.id, blank, FollowUp.done_at, blank,
                   FollowUp.note, none_amount, literal(None), blank)
            .where(FollowUp.customer_id.in_(ids)), FollowUp.due_at, FollowUp.id),
    }


def _after(cursor: Cursor, kind: str, at_col: Any, id_col: Any) -> Any:
    """Rows strictly after the cursor in (time desc, kind desc, id desc) order, per source."""
    if kind < cursor.kind:
        return at_col <= cursor.at
    if kind > cursor.kind:
        return at_col < cursor.at
    return or_(at_col < cursor.at, and_(at_col == cursor.at, id_col < cursor.id))


def timeline(
    s: Session,
    customer_id: int,
    *,
    kinds: Collection[str] = KINDS,
    channels: Collection[str] = (),
    after: Cursor | None = None,
    limit: int = PAGE,
) -> TimelinePage:
    """One page of the customer's (and merged customers') events, newest first. `channels`
    keeps only tickets and interactions on those contact channels."""
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise DomainError(
            "Unknown event type {kinds}; use {known}.",
            kinds=", ".join(sorted(unknown)), known=", ".join(KINDS),
        )
    limit = max(1, min(limit, 500))
    ids = group_ids(s, customer_row(s, customer_id).id)
    events: list[Event] = []
    for kind, (query, at_col, id_col) in _sources(ids).items():
        if kind not in kinds or (channels and kind not in ("ticket", "interaction")):
            continue
        if channels:
            col = Ticket.channel if kind == "ticket" else Interaction.channel
            query = query.where(col.in_(list(channels)))
        if after is not None:
            query = query.where(_after(after, kind, at_col, id_col))
        # each source gives at most one page; the merge below keeps the newest `limit`
        for at, rid, ref, status, channel, body, amount, order_id, direction in s.execute(
            query.order_by(at_col.desc(), id_col.desc()).limit(limit + 1)
        ):
            events.append(Event(
                at=at, kind=kind, id=rid, ref=ref or "", status=_status(kind, status),
                channel=str(getattr(channel, "value", channel) or ""), text=body or "",
                amount=amount, order_id=order_id, direction=str(getattr(direction, "value", direction) or ""),
            ))
    events.sort(key=lambda e: (e.at, e.kind, e.id), reverse=True)
    page = events[:limit]
    more = len(events) > limit
    last = page[-1] if page and more else None
    return TimelinePage(tuple(page), Cursor(last.at, last.kind, last.id) if last else None)


def _status(kind: str, status: object) -> str:
    if kind == "follow_up":  # its "status" column is done_at
        return "done" if status else "open"
    return str(getattr(status, "value", status) or "")


# -- orders tab -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    placed_at: dt.datetime
    status: str
    channel: str
    total: Decimal
    carrier: str


@dataclass(frozen=True)
class LineRow:
    sku: str
    name: str
    quantity: int
    amount: Decimal
    name_en: str = ""  # the product's English name, for an English UI ('' when it has none)


@dataclass(frozen=True)
class ParcelRow:
    tracking_number: str
    carrier: str
    status: str
    weight_g: int | None
    events: tuple[tuple[dt.datetime, str, str, str], ...]  # time, code, location, description


@dataclass(frozen=True)
class OrderDetail:
    order: OrderRow
    lines: tuple[LineRow, ...]
    packages: tuple[tuple[int, str, str], ...]  # id, status, box
    parcels: tuple[ParcelRow, ...]


def orders(s: Session, customer_id: int, *, limit: int = 100, before_id: int | None = None) -> list[OrderRow]:
    """The customer's orders, newest first."""
    ids = group_ids(s, customer_row(s, customer_id).id)
    query = select(Order).where(Order.customer_id.in_(ids))
    if before_id is not None:
        query = query.where(Order.id < before_id)
    return [_order_row(o) for o in s.scalars(query.order_by(Order.id.desc()).limit(limit))]


def _order_row(o: Order) -> OrderRow:
    return OrderRow(o.id, o.number, o.placed_at, o.status.value, o.channel.value, o.total, o.carrier)


def order_detail(s: Session, order_id: int) -> OrderDetail:
    order = s.get(Order, order_id)
    if order is None:
        raise NotFound("No order #{id}.", id=order_id)
    lines = s.execute(select(OrderLine, Product.name_en).join(Product, Product.id == OrderLine.product_id)
                      .where(OrderLine.order_id == order_id).order_by(OrderLine.line_no))
    packages = s.execute(select(Package.id, Package.status, Package.box_code)
                         .where(Package.order_id == order_id).order_by(Package.id))
    parcels = []
    for ship in s.scalars(select(Shipment).where(Shipment.order_id == order_id).order_by(Shipment.id)):
        events = s.execute(
            select(TrackingEvent.occurred_at, TrackingEvent.status_code, TrackingEvent.location,
                   TrackingEvent.description)
            .where(TrackingEvent.shipment_id == ship.id).order_by(TrackingEvent.occurred_at.desc())
        )
        parcels.append(ParcelRow(ship.tracking_number, ship.carrier, ship.status.value, ship.weight_g,
                                 tuple((a, c, loc, d) for a, c, loc, d in events)))
    return OrderDetail(
        _order_row(order),
        tuple(LineRow(ln.sku, ln.name, ln.quantity, ln.amount, name_en or "") for ln, name_en in lines),
        tuple((pid, st.value, box) for pid, st, box in packages),
        tuple(parcels),
    )
