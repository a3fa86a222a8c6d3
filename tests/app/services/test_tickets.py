"""Tickets: classification, priority, routing to the least-loaded agent, status flow, escalation
tiers, SLA clocks on a controlled clock, follow-up after resolution, history of every change."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event, select

from app.db import read_only, session_factory, unit_of_work
from app.errors import Conflict, NotFound, PermissionDenied
from app.models.accounts import Role, User
from app.models.service import ContactChannel, FollowUp, Priority, TicketEvent, TicketStatus
from app.services import settings, tickets
from tests.conftest import make_ctx
from tests.support.service_world import T0, World, build_world


def _open(engine, ctx, world: World, subject: str, body: str = "", channel=ContactChannel.EMAIL, at=T0, **kw):
    with unit_of_work(session_factory(engine)) as s:
        t = tickets.open_ticket(
            s, ctx.user, customer_id=world.wei, subject=subject, body=body, channel=channel, now=at, **kw
        )
        return t.id


def _ticket(engine, tid):
    with read_only(session_factory(engine)) as s:
        return tickets.detail(s, tid)


def _fields(d) -> list[tuple[str, str]]:
    return [(e.field, e.new) for e in d.events]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("我的快递到哪里了？", "logistics"),
        ("收到的商品有破损", "quality"),
        ("想申请退货退款", "return"),
        ("付款失败了但是钱被扣了", "payment"),
        ("Where is my parcel? tracking says nothing", "logistics"),
        ("The item arrived broken and damaged", "quality"),
        ("请开一张发票", "invoice"),
        ("你好", "general"),
    ],
)
def test_category_is_suggested_from_the_text(text, category):
    assert tickets.suggest_category(text) == category


@given(st.text(max_size=200))
def test_any_text_gets_a_known_category_and_language(text):
    assert tickets.suggest_category(text) in (*tickets.CATEGORY_WORDS, "general")
    assert tickets.suggest_language(text) in ("zh_CN", "en")


def test_a_ticket_handed_to_the_queue_goes_to_the_least_loaded_available_agent(any_engine, world, agent_ctx):
    with unit_of_work(session_factory(any_engine)) as s:
        busy = s.get(User, world.agent_id)
        s.add(User(username="agent9", display_name="新客服", password_hash="x", role=Role.AGENT))
        s.add(
            User(
                username="agent8",
                display_name="休假客服",
                password_hash="x",
                role=Role.AGENT,
                available=False,
            )
        )
        s.flush()
        free = s.scalar(select(User.id).where(User.username == "agent9"))
    first = _open(any_engine, agent_ctx, world, "包裹破损", "收到的杯子碎了", order_id=None, to_queue=True)
    d = _ticket(any_engine, first)
    assert (d.ticket.category, d.ticket.queue, d.ticket.language) == ("quality", "after_sales", "zh_CN")
    assert d.ticket.assignee_id in (busy.id, free) and d.ticket.number == f"T-{first:06d}"
    second = _open(any_engine, agent_ctx, world, "Where is my parcel?", "Not here yet", to_queue=True)
    d2 = _ticket(any_engine, second)
    assert (d2.ticket.category, d2.ticket.queue, d2.ticket.language) == ("logistics", "international", "en")
    # one ticket each: the away agent never gets one
    assert {d.ticket.assignee_id, d2.ticket.assignee_id} == {world.agent_id, free}
    assert [m.body for m in d2.messages] == ["Not here yet"]
    assert ("queue", "international") in _fields(d2) and ("status", "new") in _fields(d2)


def test_a_ticket_opened_during_a_call_stays_with_the_agent_who_opened_it(any_engine, world, agent_ctx):
    with unit_of_work(session_factory(any_engine)) as s:  # a colleague with nothing to do
        s.add(User(username="agent2", display_name="空闲客服", password_hash="x", role=Role.AGENT))
        s.flush()
        idle = s.scalar(select(User.id).where(User.username == "agent2"))
    mine = _open(any_engine, agent_ctx, world, "包裹破损", "客户说杯子碎了", channel=ContactChannel.PHONE)
    d = _ticket(any_engine, mine)
    assert d.ticket.assignee_id == world.agent_id
    assert ("assignee_id", str(world.agent_id)) in _fields(d)
    chosen = _open(any_engine, agent_ctx, world, "发票", assignee_id=idle)  # unless they choose otherwise
    assert _ticket(any_engine, chosen).ticket.assignee_id == idle
    with unit_of_work(session_factory(any_engine)) as s, pytest.raises(NotFound, match="No active user #999"):
        tickets.open_ticket(s, agent_ctx.user, customer_id=world.wei, subject="x",
                            channel=ContactChannel.PHONE, now=T0, assignee_id=999)


def _statements(engine, action) -> int:
    """How many SQL statements the action sends to the database."""
    sent = []

    def count(*_args) -> None:
        sent.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(sent)


def test_the_history_names_the_people_a_ticket_was_assigned_to_in_one_query(
    any_engine, world, agent_ctx, super_ctx
):
    tid = _open(any_engine, agent_ctx, world, "包裹破损", channel=ContactChannel.PHONE)  # with 陈客服
    with unit_of_work(session_factory(any_engine)) as s:
        tickets.assign(s, agent_ctx.user, tid, world.super_id, T0 + dt.timedelta(minutes=1))
    once = _statements(any_engine, lambda: _ticket(any_engine, tid))
    for minute, who in [(2, world.agent_id), (3, world.super_id), (4, world.agent_id)]:
        with unit_of_work(session_factory(any_engine)) as s:
            tickets.assign(s, super_ctx.user, tid, who, T0 + dt.timedelta(minutes=minute))
    d = _ticket(any_engine, tid)
    handed = [(e.old_name, e.new_name) for e in d.events if e.field == "assignee_id"]
    assert handed == [("", "陈客服"), ("陈客服", "周主管"), ("周主管", "陈客服"), ("陈客服", "周主管"),
                      ("周主管", "陈客服")]
    assert all((e.old_name, e.new_name) == ("", "") for e in d.events if e.field != "assignee_id")
    assert _statements(any_engine, lambda: _ticket(any_engine, tid)) == once  # not one query per entry


def test_a_ticket_the_system_opens_is_routed_timed_and_assigned(any_engine, world):
    with unit_of_work(session_factory(any_engine)) as s:
        t = tickets.open_system_ticket(s, customer_id=world.wei, subject="运输延误 Delay in transit: SF1",
                                       category="logistics", now=T0)
    assert (t.queue, t.status, t.channel) == ("logistics", TicketStatus.NEW, ContactChannel.NOTE)
    assert t.assignee_id == world.agent_id  # the only available agent
    hour = dt.timedelta(hours=1)
    assert (t.first_response_due, t.resolution_due) == (T0 + 4 * hour, T0 + 48 * hour)
    d = _ticket(any_engine, t.id)
    assert all(e.user_id is None for e in d.events) and ("queue", "logistics") in _fields(d)


def test_priority_rises_for_valuable_customers_large_orders_and_payment_problems(
    any_engine, world, agent_ctx
):
    tid = _open(any_engine, agent_ctx, world, "问题")
    assert _ticket(any_engine, tid).ticket.priority is Priority.NORMAL
    with unit_of_work(session_factory(any_engine)) as s:
        settings.put(s, "service.large_order", "1000")  # the 1,200 order is now large
        order_id = s.scalar(select(tickets.Order.id).where(tickets.Order.number == world.order))
    tid = _open(any_engine, agent_ctx, world, "付款失败了", order_id=order_id)
    d = _ticket(any_engine, tid)
    assert d.ticket.priority is Priority.URGENT
    assert any(f == "priority" and "payment problem" in new and "1200" in new for f, new in _fields(d))
    # urgent by email: 15 minutes to the first answer
    assert d.ticket.first_response_due - d.ticket.created_at == dt.timedelta(minutes=15)


def test_sla_breach_is_recorded_once_and_an_overdue_resolution_escalates(any_engine, world, agent_ctx):
    tid = _open(any_engine, agent_ctx, world, "快递一直没到", channel=ContactChannel.PHONE)
    d = _ticket(any_engine, tid)
    assert d.ticket.first_response_due == T0 + dt.timedelta(minutes=120)  # normal, by phone: halved
    factory = session_factory(any_engine)
    with unit_of_work(factory) as s:
        assert tickets.watch_sla(s, T0 + dt.timedelta(minutes=119)) == []
        first, _ = tickets.clocks(tickets.get_ticket(s, tid), T0 + dt.timedelta(minutes=119))
        assert first.seconds_left == 60 and not first.breached
    with unit_of_work(factory) as s:
        assert tickets.watch_sla(s, T0 + dt.timedelta(minutes=121)) == [d.ticket.number]
    with unit_of_work(factory) as s:
        assert tickets.watch_sla(s, T0 + dt.timedelta(minutes=130)) == []  # recorded once
        tickets.reply(s, agent_ctx.user, tid, "您好，已为您查询", T0 + dt.timedelta(minutes=131))
    with unit_of_work(factory) as s:
        t = tickets.get_ticket(s, tid)
        first, resolution = tickets.clocks(t, T0 + dt.timedelta(hours=3))
        assert first.breached and not first.running and resolution.running
        assert t.status is TicketStatus.OPEN
        late = T0 + dt.timedelta(hours=49)
        assert tickets.watch_sla(s, late) == [t.number]
    d = _ticket(any_engine, tid)
    assert d.ticket.status is TicketStatus.ESCALATED and d.ticket.escalation_tier == 1
    assert d.ticket.assignee_id == world.super_id  # the supervisor took it
    assert ("sla", "first_response breached") in _fields(d) and ("sla", "resolution breached") in _fields(d)


def test_escalation_tiers_status_flow_resolution_and_follow_up(any_engine, world, agent_ctx, super_ctx):
    tid = _open(any_engine, agent_ctx, world, "商品质量有问题")
    factory = session_factory(any_engine)
    with unit_of_work(factory) as s:
        tickets.escalate(s, agent_ctx.user, tid, "客户要求主管处理", T0 + dt.timedelta(minutes=5))
        tickets.escalate(s, super_ctx.user, tid, "需要经理批准赔偿", T0 + dt.timedelta(minutes=9))
    with unit_of_work(factory) as s, pytest.raises(Conflict, match="already with a manager"):
        tickets.escalate(s, super_ctx.user, tid, "again", T0 + dt.timedelta(minutes=10))
    with unit_of_work(factory) as s, pytest.raises(Conflict, match="cannot become closed"):
        tickets.set_status(s, super_ctx.user, tid, TicketStatus.CLOSED, T0)
    resolved_at = T0 + dt.timedelta(hours=2)
    with unit_of_work(factory) as s:
        tickets.set_status(s, super_ctx.user, tid, TicketStatus.RESOLVED, resolved_at, note="已全额退款")
    with read_only(factory) as s:
        follow = s.scalar(select(FollowUp).where(FollowUp.ticket_id == tid))
        assert follow.due_at == resolved_at + dt.timedelta(hours=24)
    with unit_of_work(factory) as s:  # the customer writes back: reopened, the clock runs again
        t = tickets.set_status(s, agent_ctx.user, tid, TicketStatus.OPEN, resolved_at + dt.timedelta(hours=1))
        assert t.resolved_at is None and t.resolution_due > resolved_at
        tickets.set_status(s, agent_ctx.user, tid, TicketStatus.RESOLVED, resolved_at + dt.timedelta(hours=2))
        tickets.set_status(s, agent_ctx.user, tid, TicketStatus.CLOSED, resolved_at + dt.timedelta(hours=3))
    with unit_of_work(factory) as s, pytest.raises(Conflict, match="closed"):
        tickets.reply(s, agent_ctx.user, tid, "hello", resolved_at + dt.timedelta(hours=4))
    d = _ticket(any_engine, tid)
    statuses = [new for f, new in _fields(d) if f == "status"]
    assert statuses == ["new", "escalated", "resolved", "open", "resolved", "closed"]
    tiers = [new for f, new in _fields(d) if f == "escalation"]
    assert tiers == ["supervisor: 客户要求主管处理", "manager: 需要经理批准赔偿"]
    with read_only(factory) as s:
        assert all(
            e.at is not None for e in s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == tid))
        )


def test_work_queue_puts_the_nearest_deadline_first(any_engine, world, agent_ctx):
    slow = _open(any_engine, agent_ctx, world, "发票", channel=ContactChannel.EMAIL)
    fast = _open(any_engine, agent_ctx, world, "付款失败了", channel=ContactChannel.CHAT)
    with read_only(session_factory(any_engine)) as s:
        rows = tickets.work_queue(s, agent_ctx.user, "all")
    ids = [r.id for r in rows]
    assert ids.index(fast) < ids.index(slow)


def test_a_packer_cannot_open_tickets(any_engine, world):
    packer = make_ctx(any_engine, Role.PACKER, world.agent_id, "p")
    with unit_of_work(session_factory(any_engine)) as s, pytest.raises(PermissionDenied):
        tickets.open_ticket(
            s, packer.user, customer_id=world.wei, subject="x", channel=ContactChannel.CHAT, now=T0
        )


@pytest.mark.postgres
def test_two_stations_watching_at_once_record_and_escalate_a_breach_once(pg_url):
    """Every agent's window runs the SLA watcher: a station holding a ticket makes the other skip it."""
    from app.db import make_engine

    engine = make_engine(pg_url)
    world = build_world(engine)
    agent = make_ctx(engine, Role.AGENT, world.agent_id, "agent1")
    tid = _open(engine, agent, world, "快递一直没到", channel=ContactChannel.EMAIL)
    late = T0 + dt.timedelta(days=3)  # both clocks have run out
    factory = session_factory(engine)
    first = factory()
    with first.begin():
        assert tickets.watch_sla(first, late) == [f"T-{tid:06d}"] * 2
        with unit_of_work(factory) as second:  # meanwhile, another station's tick
            assert tickets.watch_sla(second, late) == []
    with unit_of_work(factory) as third:  # after the first committed: nothing left to do
        assert tickets.watch_sla(third, late) == []
    first.close()
    d = _ticket(engine, tid)
    assert sorted(new for f, new in _fields(d) if f == "sla") == [
        "first_response breached",
        "resolution breached",
    ]
    assert [new for f, new in _fields(d) if f == "escalation"] == ["supervisor: resolution time breached"]
    engine.dispose()


def test_a_lost_parcel_in_the_tracking_feed_opens_a_ticket_on_the_clock_with_an_agent(any_engine, world):
    from app.services.intake.tracking import import_tracking

    feed = (
        "tracking_number,time,status_code,location,description\n"
        f"{world.tracking},2026-11-21T08:00:00+08:00,lost,深圳,包裹丢失\n"
    )
    import_tracking(session_factory(any_engine), feed, "feed.csv", T0 + dt.timedelta(days=1))
    with read_only(session_factory(any_engine)) as s:
        queue = tickets.work_queue(s, make_ctx(any_engine).user, "all")
    (row,) = [r for r in queue if world.tracking in r.subject]
    assert (row.queue, row.priority, row.assignee) == ("logistics", "high", "陈客服")
    assert row.first_response_due == T0 + dt.timedelta(days=1, hours=1)  # high: an hour to answer
