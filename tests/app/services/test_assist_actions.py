"""The actions assist offers, performed as an agent confirms them: cancel an order not yet picked
(stock released, refund asked), change the address until packed, queue the invoice with the
customer's title and tax number, the price-protection coupon, escalating a complaint. Each is
audited and shows in the ticket's conversation; too late or wrong input is refused with a message."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from app.db import read_only, unit_of_work
from app.errors import Conflict, DomainError, NotFound, PermissionDenied
from app.models.accounts import Role, User
from app.models.audit import AuditEntry
from app.models.catalog import Product
from app.models.fulfilment import PrintJob
from app.models.inventory import Stock
from app.models.orders import Address, Order, OrderStatus
from app.models.service import Compensation, Direction, Priority, Refund, RefundStatus, TicketStatus
from app.privacy import mask_phone
from app.services import allocation, assist, assist_actions, tickets
from tests.support.station_world import demo_user, make_order


def _ticket(ctx, number: str, message: str) -> int:
    """The customer of `number` writes `message`; an agent has the ticket open."""
    agent = demo_user(ctx, "agent1")
    with unit_of_work(ctx.sessions) as s:
        assist.ensure_defaults(s)
        order = s.scalar(select(Order).where(Order.number == number))
        return tickets.open_ticket(s, agent, customer_id=order.customer_id, order_id=order.id,
                                   subject=message[:30], channel=tickets.ContactChannel.EMAIL,
                                   now=ctx.clock(), body=message).id


def _offered(ctx, ticket_id: int, action: str) -> assist.Suggestion:
    with read_only(ctx.sessions) as s:
        ticket = tickets.get_ticket(s, ticket_id)
        help_ = assist.assist(s, ticket.customer_id, ctx.clock(), ticket_id=ticket_id)
    (found,) = [x for x in help_.suggestions if x.action == action]
    return found


def _perform(ctx, ticket_id: int, suggestion: assist.Suggestion, **filled: str) -> assist_actions.Performed:
    with unit_of_work(ctx.sessions) as s:
        return assist_actions.perform(s, demo_user(ctx, "agent1"), ticket_id, suggestion.action,
                                      {**suggestion.action_params, **filled}, ctx.clock())


def _notes(ctx, ticket_id: int) -> list[str]:
    with read_only(ctx.sessions) as s:
        return [m.body for m in tickets.detail(s, ticket_id).messages if m.direction is Direction.INTERNAL]


def _audited(ctx, action: str) -> int:
    with read_only(ctx.sessions) as s:
        return s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action))


def _reserved(ctx, sku: str) -> int:
    with read_only(ctx.sessions) as s:
        return s.scalar(select(func.sum(Stock.reserved)).join(Product).where(Product.sku == sku)) or 0


def test_cancel_an_allocated_order_releases_its_stock_and_refunds(demo_ctx):
    before = _reserved(demo_ctx, "SKU-00004")
    number = make_order(demo_ctx, [("SKU-00004", 2)], status=OrderStatus.NEW)
    with unit_of_work(demo_ctx.sessions) as s:
        order_id = s.scalar(select(Order.id).where(Order.number == number))
        assert allocation.allocate(s, demo_user(demo_ctx, "super1"), order_id, demo_ctx.clock()).status \
            == "allocated"
    assert _reserved(demo_ctx, "SKU-00004") == before + 2
    ticket_id = _ticket(demo_ctx, number, f"我不想要了，帮我取消订单 {number}")
    offered = _offered(demo_ctx, ticket_id, "cancel_order")
    assert offered.action_params["order_number"] == number
    done = _perform(demo_ctx, ticket_id, offered)
    assert done.ref == number
    with read_only(demo_ctx.sessions) as s:
        order = s.get(Order, order_id)
        assert order.status is OrderStatus.CANCELLED
        refund = s.scalar(select(Refund).where(Refund.order_id == order_id))
        assert refund.amount == order.total and refund.ticket_id == ticket_id
        above_limit = order.total > Decimal(200)  # an agent's refund above the limit waits
        assert refund.status is (RefundStatus.PENDING_APPROVAL if above_limit else RefundStatus.APPROVED)
    assert _reserved(demo_ctx, "SKU-00004") == before
    assert any(f"Order {number} cancelled" in n and "1 reservations released" in n
               for n in _notes(demo_ctx, ticket_id))
    assert _audited(demo_ctx, "order.cancel") == 1


def test_an_order_already_picked_is_not_cancelled(demo_ctx):
    number = make_order(demo_ctx, [("SKU-00005", 1)], status=OrderStatus.PICKED)
    ticket_id = _ticket(demo_ctx, number, f"取消订单 {number}")
    with unit_of_work(demo_ctx.sessions) as s, pytest.raises(
            Conflict, match=f"Order {number} is picked: it can be cancelled only before picking starts"):
        assist_actions.cancel_order(s, demo_user(demo_ctx, "agent1"), ticket_id, number, demo_ctx.clock())
    with read_only(demo_ctx.sessions) as s:
        assert s.scalar(select(Order.status).where(Order.number == number)) is OrderStatus.PICKED


def test_change_the_address_until_packed(demo_ctx):
    number = make_order(demo_ctx, [("SKU-00006", 1)], status=OrderStatus.ALLOCATED)
    ticket_id = _ticket(demo_ctx, number, f"收货地址写错了，帮我改一下地址 {number}")
    offered = _offered(demo_ctx, ticket_id, "change_address")
    new = dict(recipient="王小明", phone="13912345678", province="浙江省", city="杭州市",
               district="西湖区", street="文三路 100 号")
    with pytest.raises(DomainError, match="The phone number has no digits"):
        _perform(demo_ctx, ticket_id, offered, **{**new, "phone": "none"})
    with pytest.raises(DomainError, match="The street address is empty"):
        _perform(demo_ctx, ticket_id, offered, **{**new, "street": " "})
    _perform(demo_ctx, ticket_id, offered, **new)
    with read_only(demo_ctx.sessions) as s:
        address = s.scalar(select(Address).join(Order, Order.address_id == Address.id)
                           .where(Order.number == number))
        assert (address.recipient, address.city, address.street) == ("王小明", "杭州市", "文三路 100 号")
    assert any("changed to 王小明, 浙江省 杭州市 西湖区" in n for n in _notes(demo_ctx, ticket_id))
    assert _audited(demo_ctx, "order.address") == 1
    with unit_of_work(demo_ctx.sessions) as s:
        s.execute(update(Order).where(Order.number == number).values(status=OrderStatus.PACKED))
    with pytest.raises(Conflict, match="the address can change only until it is packed"):
        _perform(demo_ctx, ticket_id, offered, **new)


def test_the_change_starts_from_the_orders_delivery_details_as_they_are(demo_ctx):
    number = make_order(demo_ctx, [("SKU-00006", 1)], status=OrderStatus.ALLOCATED)
    ticket_id = _ticket(demo_ctx, number, f"收货地址写错了，帮我改一下地址 {number}")
    with read_only(demo_ctx.sessions) as s:
        address = s.scalar(select(Address).join(Order, Order.address_id == Address.id)
                           .where(Order.number == number))
        agent = assist_actions.delivery_details(s, demo_user(demo_ctx, "agent1"), ticket_id, number.lower())
        boss = assist_actions.delivery_details(s, demo_user(demo_ctx, "super1"), ticket_id, number)
        with pytest.raises(PermissionDenied, match="Your role may not work on customers and tickets"):
            assist_actions.delivery_details(s, demo_user(demo_ctx, "picker1"), ticket_id, number)
        with pytest.raises(NotFound, match="No order PD0000000000"):
            assist_actions.delivery_details(s, demo_user(demo_ctx, "agent1"), ticket_id, "PD0000000000")
    place = (address.recipient, address.province, address.city, address.district, address.street)
    assert (agent.recipient, agent.province, agent.city, agent.district, agent.street) == place
    # an agent may not see contacts: the phone is masked, never filled in
    assert agent.phone == "" and agent.masked_phone == mask_phone(address.phone) != address.phone
    assert boss.phone == address.phone and boss.masked_phone == ""
    _perform(demo_ctx, ticket_id, _offered(demo_ctx, ticket_id, "change_address"),
             **{**{k: getattr(boss, k) for k in assist_actions.ADDRESS_FIELDS}, "street": "文三路 100 号"})
    with read_only(demo_ctx.sessions) as s:
        now = assist_actions.delivery_details(s, demo_user(demo_ctx, "super1"), ticket_id, number)
    assert now == replace(boss, street="文三路 100 号")


def test_delivery_details_of_another_customers_order_are_not_shown(demo_ctx):
    mine = make_order(demo_ctx, [("SKU-00006", 1)], status=OrderStatus.ALLOCATED)
    ticket_id = _ticket(demo_ctx, mine, f"帮我改一下地址 {mine}")
    with unit_of_work(demo_ctx.sessions) as s:
        other = s.scalar(select(Order).where(Order.customer_id != s.scalar(
            select(Order.customer_id).where(Order.number == mine))).limit(1))
        assert other is not None
        theirs = other.number
    with read_only(demo_ctx.sessions) as s, pytest.raises(Conflict, match="belongs to another customer"):
        assist_actions.delivery_details(s, demo_user(demo_ctx, "agent1"), ticket_id, theirs)


def test_an_invoice_request_queues_the_invoice_with_the_title_and_tax_number(demo_ctx):
    number = make_order(demo_ctx, [("SKU-00007", 1)], status=OrderStatus.SHIPPED)
    ticket_id = _ticket(demo_ctx, number, f"麻烦开一张发票，订单 {number}")
    offered = _offered(demo_ctx, ticket_id, "request_invoice")
    with pytest.raises(DomainError, match="A tax number has 15 to 20 letters and digits"):
        _perform(demo_ctx, ticket_id, offered, title="杭州某某科技有限公司", tax_number="123")
    done = _perform(demo_ctx, ticket_id, offered, title="杭州某某科技有限公司",
                    tax_number="91330100MA2AXXXX1X")
    with read_only(demo_ctx.sessions) as s:
        job = s.get(PrintJob, int(done.ref))
        assert (job.document, job.reference, job.station) == ("invoice", number, "service")
        assert job.payload.startswith(b"%PDF")
    notes = _notes(demo_ctx, ticket_id)
    assert any("made out to 杭州某某科技有限公司 (91330100MA2AXXXX1X)" in n for n in notes)
    assert _audited(demo_ctx, "invoice.request") == 1


def test_price_protection_gives_the_coupon_assist_worked_out(demo_ctx):
    number = make_order(demo_ctx, [("SKU-00009", 1)], status=OrderStatus.SHIPPED)
    with unit_of_work(demo_ctx.sessions) as s:
        s.execute(update(Order).where(Order.number == number)
                  .values(placed_at=demo_ctx.clock() - dt.timedelta(days=2)))
        s.execute(update(Product).where(Product.sku == "SKU-00009").values(price=Product.price - 10))
    ticket_id = _ticket(demo_ctx, number, f"买了没两天就降价了，能保价吗？{number}")
    offered = _offered(demo_ctx, ticket_id, "give_coupon")
    assert offered.action_params["amount"] == "10.00"
    done = _perform(demo_ctx, ticket_id, offered)
    with read_only(demo_ctx.sessions) as s:
        coupon = s.scalar(select(Compensation).where(Compensation.code == done.ref))
        assert coupon.amount == Decimal("10.00") and coupon.ticket_id == ticket_id
    assert any(f"Coupon {done.ref} of ¥10.00" in n for n in _notes(demo_ctx, ticket_id))
    with pytest.raises(DomainError, match="A coupon is at most"):
        _perform(demo_ctx, ticket_id, offered, amount="600")


def test_a_complaint_is_escalated_to_a_supervisor_at_high_priority(demo_ctx):
    number = make_order(demo_ctx, [("SKU-00010", 1)], status=OrderStatus.SHIPPED)
    ticket_id = _ticket(demo_ctx, number, "我要投诉你们的客服，态度太差了！")
    _perform(demo_ctx, ticket_id, _offered(demo_ctx, ticket_id, "escalate"))
    with read_only(demo_ctx.sessions) as s:
        t = tickets.get_ticket(s, ticket_id)
        assert s.get(User, t.assignee_id).role is Role.SUPERVISOR
    assert (t.status, t.priority, t.escalation_tier) == (TicketStatus.ESCALATED, Priority.HIGH, 1)


def test_an_unknown_action_is_refused_by_name(demo_ctx):
    number = make_order(demo_ctx, [("SKU-00010", 1)], status=OrderStatus.SHIPPED)
    ticket_id = _ticket(demo_ctx, number, "hello")
    agent = demo_user(demo_ctx, "agent1")
    with unit_of_work(demo_ctx.sessions) as s, pytest.raises(DomainError, match="Unknown action refund_all"):
        assist_actions.perform(s, agent, ticket_id, "refund_all", {}, demo_ctx.clock())
