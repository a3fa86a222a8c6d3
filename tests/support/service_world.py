"""A handful of customers, orders, parcels and tickets written through the ORM, so the search
index triggers see ordinary writes on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from app.context import AppContext
from app.db import session_factory, unit_of_work
from app.models.accounts import Role, User
from app.models.fulfilment import Shipment, TrackingEvent
from app.models.orders import Address, Channel, Customer, CustomerEmail, CustomerPhone, Order, OrderStatus
from app.models.service import ContactChannel, Ticket, TicketStatus
from tests.conftest import make_ctx

T0 = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class World:
    wei: int  # 张伟, phone 13800138000, two orders, one parcel, one ticket
    weimin: int  # 张伟民
    li: int  # 李娜 at 北京市朝阳区建国路
    smith: int  # John Smith, email john.smith@example.com
    other_wei: int  # 王伟 whose phone also ends 8000
    order: str
    tracking: str
    ticket: str
    agent_id: int
    super_id: int


def _customer(
    s,
    name: str,
    phone: str = "",
    email: str = "",
    city: str = "深圳市",
    street: str = "科技园南路1号",
    province: str = "广东省",
    district: str = "南山区",
) -> Customer:
    c = Customer(name=name, created_at=T0 - dt.timedelta(days=100))
    s.add(c)
    s.flush()
    if phone:
        s.add(CustomerPhone(customer_id=c.id, phone=phone, last4=phone[-4:]))
    if email:
        s.add(CustomerEmail(customer_id=c.id, email=email))
    s.add(
        Address(
            customer_id=c.id,
            recipient=name,
            phone=phone,
            province=province,
            city=city,
            district=district,
            street=street,
            is_default=True,
        )
    )
    s.flush()
    return c


def build_world(engine: Engine) -> World:
    with unit_of_work(session_factory(engine)) as s:
        agent = User(
            username="agent1", display_name="陈客服", password_hash="x", badge_code="B-a", role=Role.AGENT
        )
        sup = User(
            username="super1",
            display_name="周主管",
            password_hash="x",
            badge_code="B-s",
            role=Role.SUPERVISOR,
        )
        s.add_all([agent, sup])
        wei = _customer(s, "张伟", "13800138000", "zhang.wei@qq.com")
        weimin = _customer(s, "张伟民", "13900139001", city="广州市", street="天河路5号")
        li = _customer(
            s,
            "李娜",
            "13700137002",
            "lina@163.com",
            province="北京市",
            city="北京市",
            district="朝阳区",
            street="建国路88号",
        )
        smith = _customer(
            s,
            "John Smith",
            "447700900123",
            "john.smith@example.com",
            province="ENG",
            city="London",
            district="",
            street="10 Downing Street",
        )
        other = _customer(s, "王伟", "13600138000")
        orders = []
        for i, (total, status) in enumerate(
            [(Decimal("1200.00"), OrderStatus.DELIVERED), (Decimal("300.00"), OrderStatus.SHIPPED)]
        ):
            o = Order(
                number=f"PD{9000000001 + i:010d}",
                channel=Channel.TMALL,
                channel_ref=f"TM-77{i}",
                customer_id=wei.id,
                status=status,
                total=total,
                subtotal=total,
                placed_at=T0 + dt.timedelta(days=i),
                carrier="SF",
            )
            s.add(o)
            orders.append(o)
        s.flush()
        ship = Shipment(
            order_id=orders[0].id,
            carrier="SF",
            tracking_number="SF1400000777001",
            created_at=T0 + dt.timedelta(hours=5),
        )
        s.add(ship)
        s.flush()
        s.add(
            TrackingEvent(
                shipment_id=ship.id,
                occurred_at=T0 + dt.timedelta(hours=9),
                status_code="in_transit",
                location="深圳市",
                description="快件已到达转运中心",
            )
        )
        ticket = Ticket(
            number="T-000042",
            customer_id=wei.id,
            order_id=orders[0].id,
            subject="包裹破损",
            channel=ContactChannel.PHONE,
            status=TicketStatus.RESOLVED,
            created_at=T0 + dt.timedelta(days=2),
            resolved_at=T0 + dt.timedelta(days=3),
        )
        s.add(ticket)
        s.flush()
        return World(
            wei.id,
            weimin.id,
            li.id,
            smith.id,
            other.id,
            orders[0].number,
            ship.tracking_number,
            ticket.number,
            agent.id,
            sup.id,
        )


@pytest.fixture
def world(any_engine: Engine) -> World:
    return build_world(any_engine)


@pytest.fixture
def agent_ctx(any_engine: Engine, world: World) -> AppContext:
    return make_ctx(any_engine, Role.AGENT, world.agent_id, "agent1")


@pytest.fixture
def super_ctx(any_engine: Engine, world: World) -> AppContext:
    return make_ctx(any_engine, Role.SUPERVISOR, world.super_id, "super1")
