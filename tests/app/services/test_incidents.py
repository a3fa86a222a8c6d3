"""Incident alerts on controlled times (spike vs the same hour a week before, queue wait, product
complaints, payment failures), one incident per rule, link, affected customers, bulk notice,
5W1H close; the dashboard's figures and its audited CSV export."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from app.db import read_only, session_factory, unit_of_work
from app.errors import DomainError, PermissionDenied
from app.models.audit import AuditEntry
from app.models.catalog import Product
from app.models.orders import OrderLine
from app.models.service import AlertRule, ContactChannel, Direction, Interaction, Ticket
from app.services import incidents, service_stats
from tests.support.service_world import T0, World

NOW = T0 + dt.timedelta(days=10, hours=3)


def _contacts(engine, customer_id: int, n: int, at: dt.datetime) -> None:
    with unit_of_work(session_factory(engine)) as s:
        for i in range(n):
            s.add(
                Interaction(
                    customer_id=customer_id,
                    channel=ContactChannel.CHAT,
                    direction=Direction.INBOUND,
                    body=f"在吗 {i}",
                    occurred_at=at - dt.timedelta(minutes=1 + i % 50),
                )
            )


def _rules(engine, *metrics: str) -> None:
    with unit_of_work(session_factory(engine)) as s:
        incidents.ensure_default_rules(s)
        s.execute(update(AlertRule).values(enabled=AlertRule.metric.in_(metrics)))


def test_a_spike_over_last_week_fires_a_quiet_hour_does_not(any_engine, world: World):
    _rules(any_engine, "contacts_vs_last_week")
    _contacts(any_engine, world.wei, 20, NOW - dt.timedelta(days=7))  # the same hour a week before
    _contacts(any_engine, world.li, 25, NOW)  # +25 %: quiet
    with read_only(session_factory(any_engine)) as s:
        assert incidents.evaluate(s, NOW) == []
    _contacts(any_engine, world.smith, 6, NOW)  # 31 vs 20: +55 %
    with unit_of_work(session_factory(any_engine)) as s:
        (alert,) = incidents.evaluate(s, NOW)
        assert alert.value == 55 and "31 vs 20" in alert.title
        (first,) = incidents.raise_alerts(s, NOW)
    with unit_of_work(session_factory(any_engine)) as s:
        assert incidents.raise_alerts(s, NOW + dt.timedelta(minutes=5)) == []  # still the same incident
        assert [i.id for i in incidents.open_incidents(s)] == [first.id]
        affected = incidents.affected_customers(s, first.id)
    assert set(affected) == {world.li, world.smith}


def test_few_contacts_never_fire_however_large_the_rise(any_engine, world: World):
    _rules(any_engine, "contacts_vs_last_week")
    _contacts(any_engine, world.wei, 3, NOW)  # 3 vs 0 at night
    with read_only(session_factory(any_engine)) as s:
        assert incidents.evaluate(s, NOW) == []


def test_queue_wait_product_complaints_and_payment_failures(any_engine, world: World):
    _rules(any_engine, "queue_wait", "product_complaints", "payment_failures")
    with unit_of_work(session_factory(any_engine)) as s:
        order_id = s.scalar(select(Ticket.order_id).where(Ticket.number == world.ticket))
        cup = Product(sku="SKU-CUP", name="陶瓷杯", price=Decimal("39.00"))
        s.add(cup)
        s.flush()
        s.add(
            OrderLine(
                order_id=order_id,
                line_no=1,
                product_id=cup.id,
                sku=cup.sku,
                name=cup.name,
                quantity=1,
                unit_price=cup.price,
                amount=cup.price,
            )
        )
        for i in range(6):
            s.add(
                Ticket(
                    number=f"T-9{i:05d}",
                    customer_id=world.wei,
                    order_id=order_id,
                    subject="质量问题",
                    category="quality",
                    channel=ContactChannel.CHAT,
                    created_at=NOW - dt.timedelta(hours=i + 1),
                    first_responded_at=NOW - dt.timedelta(hours=i),
                )
            )
        for i in range(6):
            s.add(
                Ticket(
                    number=f"T-8{i:05d}",
                    customer_id=world.li,
                    subject="付款失败",
                    category="payment",
                    channel=ContactChannel.CHAT,
                    created_at=NOW - dt.timedelta(minutes=12 + i),
                )
            )
    with read_only(session_factory(any_engine)) as s:
        got = {a.metric: a for a in incidents.evaluate(s, NOW)}
    assert set(got) == {"queue_wait", "product_complaints", "payment_failures"}
    assert got["queue_wait"].value == 17 and got["payment_failures"].value == 6
    assert got["product_complaints"].scope["sku"] == "SKU-CUP" and got["product_complaints"].value == 6


def test_link_notice_and_close_with_a_5w1h_review(any_engine, world: World, agent_ctx, super_ctx):
    _rules(any_engine, "payment_failures")
    with unit_of_work(session_factory(any_engine)) as s:
        s.add(AlertRule(name="any payment ticket", metric="payment_failures", threshold=0, window_minutes=60))
        s.add(
            Ticket(
                number="T-700001",
                customer_id=world.li,
                subject="付款失败",
                category="payment",
                channel=ContactChannel.CHAT,
                created_at=NOW - dt.timedelta(minutes=5),
            )
        )
    with unit_of_work(session_factory(any_engine)) as s:
        (incident,) = incidents.raise_alerts(s, NOW)
        incidents.link_ticket(s, agent_ctx.user, incident.id, world.ticket.lower())
        with pytest.raises(DomainError, match="No ticket"):
            incidents.link_ticket(s, agent_ctx.user, incident.id, "T-999999")
        sent = incidents.bulk_notice(
            s, agent_ctx.user, incident.id, "{customer_name}您好，支付故障已修复。", NOW
        )
    assert sent == 2  # the linked ticket's customer and the payment ticket's customer
    with read_only(session_factory(any_engine)) as s:
        bodies = set(s.scalars(select(Interaction.body).where(Interaction.direction == Direction.OUTBOUND)))
    assert {"张伟您好，支付故障已修复。", "李娜您好，支付故障已修复。"} <= bodies
    review = dict.fromkeys(incidents.REVIEW_FIELDS, "x")
    with unit_of_work(session_factory(any_engine)) as s, pytest.raises(PermissionDenied):
        incidents.close_incident(s, agent_ctx.user, incident.id, review, NOW)
    with unit_of_work(session_factory(any_engine)) as s, pytest.raises(DomainError, match="how"):
        incidents.close_incident(s, super_ctx.user, incident.id, {**review, "how": " "}, NOW)
    with unit_of_work(session_factory(any_engine)) as s:
        closed = incidents.close_incident(s, super_ctx.user, incident.id, review, NOW)
        assert closed.status == "closed" and closed.review["what"] == "x" and closed.review["scope"]
        actions = set(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "incident")))
    assert actions == {"incident.open", "incident.link", "incident.notice", "incident.close"}
    with unit_of_work(session_factory(any_engine)) as s:  # just reviewed: the same spike is not news
        assert incidents.raise_alerts(s, NOW + dt.timedelta(minutes=1)) == []


def test_dashboard_figures_and_csv_export(any_engine, world: World, super_ctx, agent_ctx, tmp_path):
    _contacts(any_engine, world.wei, 3, T0 + dt.timedelta(days=1, hours=5))
    with read_only(session_factory(any_engine)) as s:
        board = service_stats.dashboard(s, T0.date(), T0.date() + dt.timedelta(days=6), NOW)
    assert board.volume[T0.date() + dt.timedelta(days=1)]["chat"] == 3
    assert board.tickets == 1 and board.top_categories == [("general", 1)]
    with pytest.raises(DomainError, match="ends before"):
        service_stats.dashboard(s, T0.date(), T0.date() - dt.timedelta(days=1), NOW)
    path = tmp_path / "service.csv"
    with unit_of_work(session_factory(any_engine)) as s:
        with pytest.raises(PermissionDenied):
            service_stats.export_csv(s, agent_ctx.user, board, path)
        assert service_stats.export_csv(s, super_ctx.user, board, path) == 7
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0] == ["day", "phone", "chat", "email", "social", "total"] and rows[2][2] == "3"
    with unit_of_work(session_factory(any_engine)) as s, pytest.raises(DomainError, match="Could not write"):
        service_stats.export_csv(s, super_ctx.user, board, tmp_path / "missing" / "x.csv")
    with read_only(session_factory(any_engine)) as s:
        assert (
            s.scalar(select(AuditEntry.action).where(AuditEntry.action == "service.export"))
            == "service.export"
        )
