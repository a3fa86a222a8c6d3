"""The actions agent assist offers with an answer, performed when the agent confirms them: cancel
an order not yet picked (its reservations released, a paid order refunded), change the delivery
details of an order not yet packed, queue the invoice a customer asked for with their title and
tax number, give the price-protection coupon within the agent's limit, and escalate a complaint
to a supervisor at high priority. Each checks the role and the order's state at the moment it
runs, is audited, and is written into the ticket's conversation as an internal note."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.errors import Conflict, DomainError, NotFound
from app.models.fulfilment import PickStatus, PickTask, Shipment, Wave, WaveStatus
from app.models.inventory import MoveKind, Reservation, ReservationStatus, Stock
from app.models.orders import Address, Order, OrderLine, OrderStatus, PaymentStatus
from app.models.service import ContactChannel, Direction, Interaction, Priority, Refund, RefundStatus, Ticket
from app.permissions import require
from app.privacy import mask_phone
from app.services import audit, customer_actions, print_queue, stock, tickets
from app.services.assist import NOT_PACKED, NOT_PICKED
from app.services.customers import group_ids
from app.services.text import checked

ACTIONS = ("cancel_order", "change_address", "request_invoice", "give_coupon", "escalate")
ADDRESS_FIELDS = ("recipient", "phone", "province", "city", "district", "street")
SERVICE_STATION = "service"  # the print queue's station for documents the service desk queues


@dataclass(frozen=True)
class Performed:
    action: str
    ref: str  # the order number, coupon code or print job the action made
    note: str  # what the ticket's conversation shows
    pending_approval: bool = False  # a refund that waits for a supervisor


def _ticket(s: Session, ticket_id: int) -> Ticket:
    ticket = s.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("No ticket #{id}.", id=ticket_id)
    return ticket


def _order(s: Session, ticket: Ticket, number: str, *, lock: bool = True) -> Order:
    """The ticket's customer's order, locked (unless only read) against a station changing it at once."""
    query = select(Order).where(Order.number == (number or "").strip().upper())
    order = s.scalar(query.with_for_update() if lock else query)
    if order is None:
        raise NotFound("No order {number}.", number=number)
    if order.customer_id not in group_ids(s, ticket.customer_id):
        raise Conflict("Order {number} belongs to another customer.", number=order.number)
    return order


def _note(s: Session, ticket: Ticket, order: Order | None, who: int, body: str, now: dt.datetime) -> None:
    s.add(Interaction(customer_id=ticket.customer_id, ticket_id=ticket.id,
                      order_id=order.id if order else ticket.order_id, channel=ContactChannel.NOTE,
                      direction=Direction.INTERNAL, agent_id=who, body=body, occurred_at=now))


def cancel_order(s: Session, user: CurrentUser | None, ticket_id: int, order_number: str,
                 now: dt.datetime) -> Performed:
    """Cancel an order nobody has started picking: reservations released, open pick tasks of a
    wave not yet started removed, and a paid order refunded (waiting for approval above the limit)."""
    agent = require(user, "service.use")
    ticket = _ticket(s, ticket_id)
    order = _order(s, ticket, order_number)
    if order.status not in NOT_PICKED:
        raise Conflict("Order {number} is {status}: it can be cancelled only before picking starts.",
                       number=order.number, status=order.status.value)
    lines = select(OrderLine.id).where(OrderLine.order_id == order.id)
    busy = s.scalar(
        select(Wave.number).join(PickTask, PickTask.wave_id == Wave.id)
        .where(PickTask.order_line_id.in_(lines),
               (Wave.status != WaveStatus.RELEASED) | (PickTask.status != PickStatus.OPEN))
        .limit(1)
    )
    if busy is not None:
        raise Conflict("Order {number} is being picked in wave {wave}: it can no longer be cancelled.",
                       number=order.number, wave=busy)
    s.execute(delete(PickTask).where(PickTask.order_line_id.in_(lines)).execution_options(
        synchronize_session=False))
    held = s.scalars(select(Reservation).where(Reservation.order_line_id.in_(lines),
                                               Reservation.status == ReservationStatus.ACTIVE)).all()
    for r in held:
        s.execute(update(Stock).where(Stock.id == r.stock_id).values(reserved=Stock.reserved - r.quantity)
                  .execution_options(synchronize_session=False))
        stock.record(s, r.stock_id, 0, -r.quantity, MoveKind.RESERVE, document=order.number,
                     reason="cancelled", user_id=agent.id, now=now)
        r.status = ReservationStatus.RELEASED
    old = order.status
    order.status = OrderStatus.CANCELLED
    audit.record(s, "order.cancel", "order", order.id, user_id=agent.id, order=order.number,
                 was=old.value, ticket=ticket.number)
    note = f"Order {order.number} cancelled (it was {old.value}); {len(held)} reservations released."
    pending = False
    refunded = s.execute(select(func.coalesce(func.sum(Refund.amount), 0)).where(
        Refund.order_id == order.id, Refund.status != RefundStatus.REJECTED)).scalar_one()
    left = order.total - refunded
    if order.payment_status is PaymentStatus.PAID and left > 0:
        done = customer_actions.request_refund(s, agent, order.customer_id, order_id=order.id, amount=left,
                                               reason="order cancelled", now=now, ticket_id=ticket.id)
        pending = done.pending_approval
        note += f" Refund ¥{left:.2f} " + ("waits for a supervisor." if pending else "approved.")
    _note(s, ticket, order, agent.id, note, now)
    return Performed("cancel_order", order.number, note, pending)


@dataclass(frozen=True)
class DeliveryDetails:
    """An order's current delivery details, to start the change from (empty when it has none)."""

    recipient: str = ""
    phone: str = ""  # the whole number only for a role that may see contacts; else empty
    province: str = ""
    city: str = ""
    district: str = ""
    street: str = ""
    masked_phone: str = ""  # what a role without the right sees instead


def delivery_details(s: Session, user: CurrentUser | None, ticket_id: int,
                     order_number: str) -> DeliveryDetails:
    """The delivery details of the ticket's customer's order as they are now (reads only)."""
    agent = require(user, "service.use")
    order = _order(s, _ticket(s, ticket_id), order_number, lock=False)
    address = s.get(Address, order.address_id) if order.address_id is not None else None
    if address is None:
        return DeliveryDetails()
    # A full phone number is shown only where the contacts may be revealed.
    full = agent.may("service.reveal_pii")
    return DeliveryDetails(address.recipient, address.phone if full else "", address.province, address.city,
                           address.district, address.street, "" if full else mask_phone(address.phone))


def change_address(s: Session, user: CurrentUser | None, ticket_id: int, order_number: str,
                   now: dt.datetime, **fields: str) -> Performed:
    """New delivery details (recipient, phone, province, city, district, street) for an order not
    packed yet; refused once a station is packing it or a waybill exists."""
    agent = require(user, "service.use")
    ticket = _ticket(s, ticket_id)
    order = _order(s, ticket, order_number)
    if order.status not in NOT_PACKED:
        raise Conflict("Order {number} is {status}: the address can change only until it is packed; "
                       "ask the carrier to redirect it.", number=order.number, status=order.status.value)
    if order.locked_by or s.scalar(select(Shipment.id).where(Shipment.order_id == order.id).limit(1)):
        raise Conflict("Order {number} is being packed (its waybill may be printed): ask the carrier to "
                       "redirect it.", number=order.number)
    unknown = set(fields) - set(ADDRESS_FIELDS)
    if unknown:
        raise DomainError("Unknown address field {name}.", name=", ".join(sorted(unknown)))
    current = s.get(Address, order.address_id) if order.address_id else None
    if not (fields.get("phone") or "").strip() and current is not None and current.phone:
        fields = {**fields, "phone": current.phone}  # left empty (an agent sees it masked): it stays
    names = {"recipient": "The recipient", "phone": "The phone number", "province": "The province",
             "city": "The city", "district": "The district", "street": "The street address"}
    limits = {"recipient": 120, "phone": 32, "province": 32, "city": 64, "district": 64, "street": 300}
    values = {k: checked(fields.get(k, ""), names[k], limit=limits[k], required=k != "district")
              for k in ADDRESS_FIELDS}
    if not any(ch.isdigit() for ch in values["phone"]):
        raise DomainError("The phone number has no digits: {phone!r}.", phone=values["phone"])
    address = Address(customer_id=order.customer_id, **values)
    s.add(address)
    s.flush()
    old = order.address_id
    order.address_id = address.id
    audit.record(s, "order.address", "order", order.id, user_id=agent.id, order=order.number,
                 old_address=old, new_address=address.id, ticket=ticket.number)
    place = " ".join(v for v in (values["province"], values["city"], values["district"]) if v)
    note = f"Delivery details of order {order.number} changed to {values['recipient']}, {place}."
    _note(s, ticket, order, agent.id, note, now)
    return Performed("change_address", order.number, note)


def request_invoice(s: Session, user: CurrentUser | None, ticket_id: int, order_number: str,
                    now: dt.datetime, *, title: str, tax_number: str = "") -> Performed:
    """Queue the order's invoice made out to `title` (a company's with its tax number, 15-20
    letters and digits; a person's needs none) on the service desk's print queue."""
    from app.services import documents
    from printing.documents import render_invoice

    agent = require(user, "service.use")
    ticket = _ticket(s, ticket_id)
    order = _order(s, ticket, order_number)
    if order.status is OrderStatus.CANCELLED:
        raise Conflict("Order {number} is cancelled: it has no invoice.", number=order.number)
    title = checked(title, "The invoice title", limit=120)
    tax = (tax_number or "").strip().upper()
    if tax and not (15 <= len(tax) <= 20 and tax.isalnum() and tax.isascii()):
        raise DomainError("A tax number has 15 to 20 letters and digits, not {tax!r}.", tax=tax_number)
    snapshot = documents.invoice(s, order.number, now)
    snapshot = replace(snapshot, buyer=replace(snapshot.buyer, company=title, tax_id=tax))
    printer, fmt = print_queue.printer_for({}, "invoice")
    job = print_queue.enqueue(s, "invoice", order.number, printer, fmt, render_invoice(snapshot),
                              station=SERVICE_STATION, user_id=agent.id, now=now)
    audit.record(s, "invoice.request", "order", order.id, user_id=agent.id, order=order.number, job=job,
                 title=title, tax_number=tax)
    note = f"Invoice for order {order.number} made out to {title}" + (f" ({tax})" if tax else "") + \
        f" queued as print job {job}."
    _note(s, ticket, order, agent.id, note, now)
    return Performed("request_invoice", str(job), note)


def give_coupon(s: Session, user: CurrentUser | None, ticket_id: int, order_number: str,
                now: dt.datetime, *, amount: str, reason: str = "price protection") -> Performed:
    """The coupon assist worked out (at most the agent's coupon limit)."""
    agent = require(user, "service.use")
    ticket = _ticket(s, ticket_id)
    order = _order(s, ticket, order_number)
    done = customer_actions.give_coupon(s, agent, order.customer_id, amount=amount, reason=reason, now=now,
                                        order_id=order.id, ticket_id=ticket.id)
    note = f"Coupon {done.ref} of ¥{customer_actions.parse_amount(amount)} given on order {order.number} " \
        f"({reason})."
    _note(s, ticket, order, agent.id, note, now)
    return Performed("give_coupon", done.ref, note)


def escalate(s: Session, user: CurrentUser | None, ticket_id: int, now: dt.datetime, *,
             reason: str = "complaint about our service") -> Performed:
    """A complaint to a supervisor at high priority (at once, ahead of its SLA clock)."""
    agent = require(user, "service.use")
    ticket = _ticket(s, ticket_id)
    tickets.set_priority(s, agent, ticket.id, Priority.HIGH, now)
    if ticket.escalation_tier == 0:
        tickets.escalate(s, agent, ticket.id, reason, now)
    return Performed("escalate", ticket.number, f"Escalated to a supervisor at high priority: {reason}.")


def perform(s: Session, user: CurrentUser | None, ticket_id: int, action: str, params: Mapping[str, str],
            now: dt.datetime) -> Performed:
    """The action a suggestion offered, with its parameters (and what the agent filled in)."""
    p = dict(params)
    number = p.pop("order_number", "")
    if action == "cancel_order":
        return cancel_order(s, user, ticket_id, number, now)
    if action == "change_address":
        return change_address(s, user, ticket_id, number, now, **p)
    if action == "request_invoice":
        return request_invoice(s, user, ticket_id, number, now, title=p.get("title", ""),
                               tax_number=p.get("tax_number", ""))
    if action == "give_coupon":
        return give_coupon(s, user, ticket_id, number, now, amount=p.get("amount", ""),
                           reason=p.get("reason") or "price protection")
    if action == "escalate":
        return escalate(s, user, ticket_id, now)
    raise DomainError("Unknown action {action}; use one of {actions}.", action=action,
                      actions=", ".join(ACTIONS))
