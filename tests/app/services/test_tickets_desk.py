"""The ticket clock and desk: SLA clocks in the queue's business time, paused while the ticket
waits for the customer, the next-response clock, warnings before a breach, tags, search and the
paged queue."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from app import timezone
from app.db import read_only, session_factory, unit_of_work
from app.models.desk import ServiceNotice
from app.models.service import ContactChannel, Ticket, TicketStatus
from app.services import settings, tickets
from tests.support.service_world import World

SH = ZoneInfo("Asia/Shanghai")
FRIDAY_EVENING = dt.datetime(2026, 11, 20, 20, 30, tzinfo=SH)  # 30 minutes before closing


@pytest.fixture(autouse=True)
def _shanghai():
    timezone.configure("Asia/Shanghai")
    yield
    timezone.configure(None)


@pytest.fixture
def hours(any_engine):
    with unit_of_work(session_factory(any_engine)) as s:
        settings.put(s, "service.business_hours",
                     {"*": {"shifts": ["09:00-21:00"], "weekdays": [1, 2, 3, 4, 5]}})


def _open(engine, ctx, world: World, subject="快递一直没到", at=FRIDAY_EVENING, **kw):
    with unit_of_work(session_factory(engine)) as s:
        return tickets.open_ticket(s, ctx.user, customer_id=world.wei, subject=subject,
                                   channel=ContactChannel.EMAIL, now=at, **kw).id


def _info(engine, tid):
    with read_only(session_factory(engine)) as s:
        return tickets.get_ticket(s, tid)


def test_a_ticket_opened_friday_evening_is_due_in_business_time(any_engine, world, agent_ctx, hours):
    tid = _open(any_engine, agent_ctx, world)
    t = _info(any_engine, tid)
    # normal priority: 4 business hours to answer: 30 minutes on Friday, 3.5 h on Monday
    assert timezone.local(t.first_response_due) == dt.datetime(2026, 11, 23, 12, 30, tzinfo=SH)
    with unit_of_work(session_factory(any_engine)) as s:
        assert tickets.watch_sla(s, dt.datetime(2026, 11, 22, 23, 0, tzinfo=SH)) == []  # the weekend


def test_waiting_for_the_customer_pauses_the_clocks_and_they_go_on_where_they_stopped(
    any_engine, world, agent_ctx, hours
):
    monday = dt.datetime(2026, 11, 23, 10, 0, tzinfo=SH)
    tid = _open(any_engine, agent_ctx, world, at=monday)
    factory = session_factory(any_engine)
    with unit_of_work(factory) as s:
        tickets.set_status(s, agent_ctx.user, tid, TicketStatus.PENDING, monday + dt.timedelta(hours=1),
                           note="已请客户提供照片")
    with unit_of_work(factory) as s:  # long past the due time, but the ticket waits for the customer
        assert tickets.watch_sla(s, monday + dt.timedelta(days=2)) == []
    with unit_of_work(factory) as s:  # the customer answers on Wednesday 10:00
        t = tickets.set_status(s, agent_ctx.user, tid, TicketStatus.OPEN, monday + dt.timedelta(days=2))
    # 3 of the 4 hours were left when it paused
    assert timezone.local(t.first_response_due) == dt.datetime(2026, 11, 25, 13, 0, tzinfo=SH)
    assert t.paused_at is None
    with read_only(factory) as s:
        assert [r.id for r in tickets.work_queue(s, agent_ctx.user, "all")] == [tid]


def test_a_customer_who_writes_again_starts_the_next_response_clock(any_engine, world, agent_ctx):
    tid = _open(any_engine, agent_ctx, world, at=FRIDAY_EVENING)
    factory = session_factory(any_engine)
    with unit_of_work(factory) as s:
        tickets.reply(s, agent_ctx.user, tid, "您好，正在查询", FRIDAY_EVENING + dt.timedelta(minutes=10))
        tickets.customer_wrote(s, tid, FRIDAY_EVENING + dt.timedelta(hours=1))
    t = _info(any_engine, tid)
    assert t.next_response_due == FRIDAY_EVENING + dt.timedelta(hours=9)  # normal: 8 h, round the clock
    with unit_of_work(factory) as s:
        assert tickets.watch_sla(s, FRIDAY_EVENING + dt.timedelta(hours=10)) == ["T-000002"]
        assert tickets.watch_sla(s, FRIDAY_EVENING + dt.timedelta(hours=11)) == []  # recorded once
        tickets.reply(s, agent_ctx.user, tid, "已为您补发", FRIDAY_EVENING + dt.timedelta(hours=12))
    assert _info(any_engine, tid).next_response_due is None


def test_the_assignee_and_the_supervisors_are_warned_once_before_a_breach(
    any_engine, world, agent_ctx, super_ctx
):
    tid = _open(any_engine, agent_ctx, world, at=FRIDAY_EVENING)  # first response due in 4 h
    factory = session_factory(any_engine)
    with unit_of_work(factory) as s:
        assert tickets.warn_sla(s, FRIDAY_EVENING + dt.timedelta(minutes=200)) == []  # 40 min left
        assert tickets.warn_sla(s, FRIDAY_EVENING + dt.timedelta(minutes=230)) == ["T-000002"]
        assert tickets.warn_sla(s, FRIDAY_EVENING + dt.timedelta(minutes=235)) == []
    with read_only(factory) as s:
        people = sorted(s.scalars(select(ServiceNotice.user_id).where(ServiceNotice.ticket_id == tid)))
        mine = tickets.notices(s, agent_ctx.user)
    assert people == sorted([world.agent_id, world.super_id])
    assert [(n.ticket_number, n.kind, n.due) for n in mine] == [
        ("T-000002", "sla.first_response", FRIDAY_EVENING + dt.timedelta(hours=4))
    ]
    with unit_of_work(factory) as s:
        tickets.mark_seen(s, agent_ctx.user, [mine[0].id], FRIDAY_EVENING)
    with read_only(factory) as s:
        assert tickets.notices(s, agent_ctx.user) == []


def test_tags_are_free_text_with_suggestions_and_a_search_finds_them(any_engine, world, agent_ctx):
    a = _open(any_engine, agent_ctx, world, subject="快递一直没到")
    b = _open(any_engine, agent_ctx, world, subject="发票抬头错了", body="请重开发票")
    factory = session_factory(any_engine)
    with unit_of_work(factory) as s:
        tags = tickets.set_tags(s, agent_ctx.user, a, ["顺丰", " 延误 ", "顺丰"], FRIDAY_EVENING)
        assert tags == ("延误", "顺丰")
        tickets.set_tags(s, agent_ctx.user, b, ["顺丰", "VIP"], FRIDAY_EVENING)
    with read_only(factory) as s:
        assert tickets.tag_suggestions(s) == ["顺丰", "vip", "延误"]
        assert tickets.tag_suggestions(s, "v") == ["vip"]
        assert [r.id for r in tickets.search_tickets(s, agent_ctx.user, "延误")] == [a]  # tag
        assert [r.id for r in tickets.search_tickets(s, agent_ctx.user, "重开")] == [b]  # message text
        assert {r.id for r in tickets.search_tickets(s, agent_ctx.user, "张伟")} >= {a, b}  # customer
        assert {r.id for r in tickets.search_tickets(s, agent_ctx.user, "zhang.wei@qq.com")} >= {a, b}
        assert tickets.ticket_by_number(s, "t-3") == tickets.ticket_by_number(s, "T-000003") == b
        assert tickets.ticket_by_number(s, "T-999999") is None
        assert tickets.detail(s, a).tags == ("延误", "顺丰")


def test_all_open_is_paged_past_200(any_engine, world, agent_ctx):
    factory = session_factory(any_engine)
    with unit_of_work(factory) as s:
        s.execute(update(Ticket).values(number="T-WORLD"))  # its number would be taken by id 42
        for i in range(230):
            tickets.open_ticket(s, agent_ctx.user, customer_id=world.wei, subject=f"问题 {i}",
                                channel=ContactChannel.CHAT, now=FRIDAY_EVENING + dt.timedelta(minutes=i))
    with read_only(factory) as s:
        total = tickets.count_queue(s, agent_ctx.user, "all")
        pages = [tickets.work_queue(s, agent_ctx.user, "all", limit=100, offset=o) for o in (0, 100, 200)]
    ids = [r.id for page in pages for r in page]
    assert total == len(ids) == len(set(ids)) == 230
    dues = [r.next_due() for r in (r for page in pages for r in page)]
    assert dues == sorted(dues)
