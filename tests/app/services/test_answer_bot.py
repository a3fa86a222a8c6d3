"""The answer bot: a customer's email that the order data answers is answered at once by the bot
(its reply in the history as the bot's, the ticket waiting for the customer); one asking for a
person, one the bot is unsure of and a complaint (escalated, high priority) go to a person; the
dashboard's weekly shares of answered and contained messages and the accuracy agents' labels show."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from app.context import CurrentUser
from app.db import read_only, session_factory, unit_of_work
from app.errors import ConfigError, PermissionDenied
from app.models.accounts import Role
from app.models.service import Direction, Interaction, Priority, Ticket, TicketStatus
from app.services import answer_bot, assist, settings, tickets
from app.services.mail import thread
from tests.support.service_world import T0, World

NOW = T0 + dt.timedelta(days=4)


def _mail(sender: str, subject: str, body: str, message_id: str, **headers: str) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "shop@example.com", subject
    msg["Message-ID"] = message_id
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg.as_bytes()


def _file(engine, raw: bytes, now: dt.datetime = NOW) -> thread.Filed:
    factory = session_factory(engine)
    with unit_of_work(factory) as s:
        assist.ensure_defaults(s)
        return thread.file_message(s, raw, now)


def _ticket(engine, number: str) -> tuple[Ticket, list[Interaction], list[tuple[str, str]]]:
    with read_only(session_factory(engine)) as s:
        ticket = s.scalar(select(Ticket).where(Ticket.number == number))
        s.expunge(ticket)
        rows = list(s.scalars(select(Interaction).where(Interaction.ticket_id == ticket.id)
                              .order_by(Interaction.id)))
        for r in rows:
            s.expunge(r)
        d = tickets.detail(s, ticket.id)
        return ticket, rows, [(e.field, e.new) for e in d.events]


def _supervisor(world: World) -> CurrentUser:
    return CurrentUser(world.super_id, "super1", "周主管", Role.SUPERVISOR)


def test_where_is_my_parcel_email_is_answered_by_the_bot_with_the_tracking(any_engine, world: World):
    filed = _file(any_engine, _mail("张伟 <zhang.wei@qq.com>", "快递到哪了",
                                    f"我的快递到哪里了？订单号 {world.order}", "<q1@qq.com>"))
    assert filed.outcome == "opened" and not filed.acknowledged  # the answer needs no acknowledgement
    ticket, rows, events = _ticket(any_engine, filed.ticket_number)
    _, answer = rows
    assert answer.direction is Direction.OUTBOUND and answer.channel.value == "email"
    assert world.tracking in answer.body and "快件已到达转运中心" in answer.body
    with read_only(session_factory(any_engine)) as s:
        assert answer.agent_id == answer_bot.bot_id(s)  # marked as the bot's
    assert ticket.status is TicketStatus.PENDING and ticket.first_responded_at == NOW
    assert ("bot", "answered") in events
    assert any(f == "bot_intent" and v.startswith("where_is_parcel ") for f, v in events)


PERSON = [
    "快递到哪了？转人工",
    "我要人工客服，包裹到哪了",
    "Where is my parcel? I want a real person",
    "where is my order, let me talk to an agent",
    "HUMAN please: where is my parcel",
]


@pytest.mark.parametrize("words", PERSON)
def test_a_customer_asking_for_a_person_gets_a_person(any_engine, world: World, words: str):
    raw = _mail("张伟 <zhang.wei@qq.com>", "包裹", f"{words} {world.order}", "<q2@qq.com>")
    filed = _file(any_engine, raw)
    ticket, rows, events = _ticket(any_engine, filed.ticket_number)
    assert [r.direction for r in rows] == [Direction.INBOUND]  # no bot reply
    assert ticket.status is TicketStatus.NEW and ("bot", "asked_for_person") in events


COMPLAINTS = ["我要投诉你们的客服，态度太差了，问了三次都没人管！",
              "Your agent was rude to me, I want to file a complaint about your service",
              "I want to speak to a real person, your service is terrible"]


@pytest.mark.parametrize("words", COMPLAINTS)
def test_a_complaint_is_escalated_to_a_supervisor_at_high_priority(any_engine, world: World, words: str):
    filed = _file(any_engine, _mail("张伟 <zhang.wei@qq.com>", "投诉", words, "<q3@qq.com>"))
    ticket, rows, events = _ticket(any_engine, filed.ticket_number)
    assert [r.direction for r in rows] == [Direction.INBOUND]
    assert ticket.status is TicketStatus.ESCALATED and ticket.escalation_tier == 1
    assert ticket.priority is Priority.HIGH and ticket.assignee_id == world.super_id
    assert ("bot", "complaint") in events


def test_below_the_supervisors_threshold_the_ticket_waits_for_a_person(any_engine, world: World):
    with unit_of_work(session_factory(any_engine)) as s:
        settings.change(s, _supervisor(world), answer_bot.THRESHOLD_KEY, "1")  # 1: the bot is off
    filed = _file(any_engine, _mail("张伟 <zhang.wei@qq.com>", "快递到哪了",
                                    f"我的快递到哪里了？订单号 {world.order}", "<q4@qq.com>"))
    ticket, rows, events = _ticket(any_engine, filed.ticket_number)
    assert len(rows) == 1 and ticket.status is TicketStatus.NEW and ("bot", "off") in events
    with read_only(session_factory(any_engine)) as s:  # the suggestion is ready for the agent
        best = assist.assist(s, ticket.customer_id, NOW, ticket_id=ticket.id).best
    assert best is not None and world.tracking in best.text


def test_the_threshold_is_a_supervisors_and_between_0_and_1(any_engine, world: World):
    agent = CurrentUser(world.agent_id, "agent1", "陈客服", Role.AGENT)
    with unit_of_work(session_factory(any_engine)) as s:
        with pytest.raises(PermissionDenied):
            settings.change(s, agent, answer_bot.THRESHOLD_KEY, "0.5")
        with pytest.raises(ConfigError, match=r"assist\.bot_threshold must be at most 1"):
            settings.change(s, _supervisor(world), answer_bot.THRESHOLD_KEY, "1.5")
        assert answer_bot.threshold(s) == Decimal("0.8")


def test_a_question_the_data_cannot_answer_goes_to_a_person(any_engine, world: World):
    filed = _file(any_engine, _mail("张伟 <zhang.wei@qq.com>", "质量问题",
                                    "杯子用了两天就漏水了，质量太差", "<q5@qq.com>"))
    _, rows, events = _ticket(any_engine, filed.ticket_number)
    assert len(rows) == 1 and ("bot", "not_from_data") in events
    filed = _file(any_engine, _mail("陌生人 <nobody@example.com>", "where is it",
                                    "Where is my parcel? It has not arrived yet.", "<q6@x.com>"))
    _, rows, events = _ticket(any_engine, filed.ticket_number)
    assert len(rows) == 1 and ("bot", "not_from_data") in events  # no order to answer from


def test_weekly_shares_of_answered_contained_and_accuracy(any_engine, world: World):
    ask = f"我的快递到哪里了？订单号 {world.order}"
    first = _file(any_engine, _mail("张伟 <zhang.wei@qq.com>", "快递1", ask, "<w1@qq.com>"))
    second = _file(any_engine, _mail("张伟 <zhang.wei@qq.com>", "快递2", ask, "<w2@qq.com>"))
    _file(any_engine, _mail("张伟 <zhang.wei@qq.com>", "投诉", "我要投诉你们的客服态度", "<w3@qq.com>"))
    # the customer writes again on the second within 72 h: not contained
    _file(any_engine, _mail("张伟 <zhang.wei@qq.com>", "Re: 快递2", "还是没收到", "<w4@qq.com>",
                            in_reply_to="<w2@qq.com>"), NOW + dt.timedelta(hours=5))
    agent = CurrentUser(world.agent_id, "agent1", "陈客服", Role.AGENT)
    with unit_of_work(session_factory(any_engine)) as s:
        one = s.scalar(select(Ticket.id).where(Ticket.number == first.ticket_number))
        assist.correct_intent(s, agent, one, "when_ship", NOW + dt.timedelta(hours=6))  # the model was wrong
        two = s.scalar(select(Ticket.id).where(Ticket.number == second.ticket_number))
        assist.reply_from_suggestion(s, agent, two, "您好，再帮您催一下快递。", NOW + dt.timedelta(hours=6),
                                     "where_is_parcel")
    with read_only(session_factory(any_engine)) as s:
        early = answer_bot.weekly(s, NOW.date(), NOW.date(), NOW + dt.timedelta(hours=6))
        weeks = answer_bot.weekly(s, NOW.date(), NOW.date(), NOW + dt.timedelta(days=4))
    assert early[0].judged == 0 and early[0].contained_share is None  # 72 h not over yet
    (week,) = weeks
    assert week.week == dt.date(2026, 11, 23)
    assert (week.messages, week.answered) == (4, 2)  # three new tickets and the customer's answer
    assert week.answered_share == 0.5
    assert (week.judged, week.contained, week.contained_share) == (2, 1, 0.5)
    # one wrong (corrected), the answer on the second agreed with (its first message was not labelled)
    assert (week.labelled, week.agreed, week.accuracy) == (2, 1, 0.5)
