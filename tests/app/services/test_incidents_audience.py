"""An incident is raised only with people behind it: the customers its metric counted (those still
waiting for a queue wait, the complainers of an old order) are its affected customers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select, update

from app.db import session_factory, unit_of_work
from app.models.catalog import Product
from app.models.orders import Order, OrderLine
from app.models.service import AlertRule, ContactChannel, Ticket
from app.services import incidents
from tests.support.service_world import T0, World

NOW = T0 + dt.timedelta(days=10, hours=3)


def _only(engine, metric: str) -> None:
    with unit_of_work(session_factory(engine)) as s:
        incidents.ensure_default_rules(s)
        s.execute(update(AlertRule).values(enabled=AlertRule.metric == metric))


def test_a_long_queue_wait_names_the_customers_still_waiting(any_engine, world: World):
    _only(any_engine, "queue_wait")
    with unit_of_work(session_factory(any_engine)) as s:
        s.execute(update(Ticket).values(first_responded_at=NOW))  # the world's tickets are answered
        s.add(Ticket(number="T-600001", customer_id=world.li, subject="在吗", category="general",
                     channel=ContactChannel.CHAT, created_at=NOW - dt.timedelta(minutes=11658)))
    with unit_of_work(session_factory(any_engine)) as s:
        (incident,) = incidents.raise_alerts(s, NOW)
        # the ticket is far older than the rule's hour: counting that hour found nobody
        assert incident.metric_value == 11658
        assert incidents.affected_customers(s, incident.id) == [world.li]


def test_complaints_about_an_old_order_name_the_complainers(any_engine, world: World):
    _only(any_engine, "product_complaints")
    with unit_of_work(session_factory(any_engine)) as s:
        order_id = s.scalar(select(Ticket.order_id).where(Ticket.number == world.ticket))
        s.execute(update(Order).where(Order.id == order_id).values(placed_at=NOW - dt.timedelta(days=200)))
        cup = Product(sku="SKU-CUP", name="陶瓷杯", price=Decimal("39.00"))
        s.add(cup)
        s.flush()
        s.add(OrderLine(order_id=order_id, line_no=1, product_id=cup.id, sku=cup.sku, name=cup.name,
                        quantity=1, unit_price=cup.price, amount=cup.price))
        for i in range(6):
            s.add(Ticket(number=f"T-9{i:05d}", customer_id=world.wei, order_id=order_id, subject="质量问题",
                         category="quality", channel=ContactChannel.CHAT,
                         created_at=NOW - dt.timedelta(hours=i + 1)))
    with unit_of_work(session_factory(any_engine)) as s:
        (incident,) = incidents.raise_alerts(s, NOW)
        assert incidents.affected_customers(s, incident.id) == [world.wei]


def test_an_alert_that_counted_nobody_raises_no_incident(any_engine, world: World):
    _only(any_engine, "payment_failures")
    with unit_of_work(session_factory(any_engine)) as s:  # a rule that fires on nothing counted
        s.execute(update(AlertRule).values(threshold=-1))
        s.execute(update(Ticket).values(category="general"))
        assert [a.metric for a in incidents.evaluate(s, NOW)] == ["payment_failures"]
        assert incidents.raise_alerts(s, NOW) == []
        assert incidents.open_incidents(s) == []
