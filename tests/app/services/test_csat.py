"""Customer satisfaction: a resolved ticket's survey goes out through postfix in the customer's
thread, the customer's reply ("2 太慢了") comes back through dovecot and is stored on the ticket
without reopening it, a low score opens a follow-up for a supervisor, and the dashboard shows
CSAT per agent, queue and week."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from app.db import read_only, session_factory, unit_of_work
from app.models.accounts import Role, User
from app.models.desk import CsatSurvey
from app.models.mail import MailMessage
from app.models.orders import Customer, CustomerEmail
from app.models.service import ContactChannel, FollowUp, TicketStatus
from app.services import csat, service_stats, settings, tickets
from app.services.mail import fetch, send
from tests.app.services.mail import servers
from tests.app.services.mail.conftest import local_mailbox, mail_servers  # noqa: F401 - a fixture
from tests.conftest import make_ctx

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("5", (5, "")),
        ("4分 还不错", (4, "还不错")),
        ("２ 太慢了，等了三天\n\n> 您好，您的工单已处理完毕", (2, "太慢了，等了三天")),
        ("3/5 ok\nOn Tue, 1 Dec 2026 PackDesk wrote:\n> 1 to 5", (3, "ok")),
        ("★★★★ 快递员很好", (4, "快递员很好")),
        ("5 stars, thank you", (5, "thank you")),
    ],
)
def test_a_reply_with_a_score_reads_as_the_answer(text, answer):
    assert csat.parse_answer(text) == answer


@pytest.mark.parametrize("text", ["谢谢", "10 分", "2026年还会再买", "", "> 5"])
def test_a_reply_without_a_score_is_no_answer(text):
    assert csat.parse_answer(text) is None


def _desk(engine, email: str = "pdcustomer@localhost"):
    with unit_of_work(session_factory(engine)) as s:
        customer = Customer(name="顾客")
        s.add(customer)
        s.flush()
        s.add(CustomerEmail(customer_id=customer.id, email=email))
        agent_row = User(username="agent1", display_name="陈客服", password_hash="x", role=Role.AGENT)
        boss_row = User(username="super1", display_name="周主管", password_hash="x", role=Role.SUPERVISOR)
        s.add_all([agent_row, boss_row])
        s.flush()
        agent = make_ctx(engine, Role.AGENT, agent_row.id, "agent1").user
        ticket = tickets.open_ticket(s, agent, customer_id=customer.id, subject="包裹没到",
                                     channel=ContactChannel.EMAIL, now=T0, body="包裹没到")
        tickets.reply(s, agent, ticket.id, "已为您补发。", T0 + dt.timedelta(minutes=5))
        tickets.set_status(s, agent, ticket.id, TicketStatus.RESOLVED, T0 + dt.timedelta(minutes=6))
        return ticket.id, ticket.number, agent, boss_row.id


def test_the_survey_goes_out_and_a_low_answer_is_stored_and_followed_up(engine, mail_servers):  # noqa: F811
    local_mailbox(engine, mail_servers)
    ticket_id, number, _agent, boss_id = _desk(engine, mail_servers.customer())
    factory = session_factory(engine)
    result = send.send_queued(factory, T0 + dt.timedelta(minutes=7))
    assert (result.queued, result.sent) == (2, 2)  # the answer and the survey
    survey_mail = servers.wait_until(
        "the survey",
        lambda: [m for m in (message_from_bytes(raw, policy=policy.default)
                             for _, _, raw in mail_servers.received())
                 if "请为本次服务评分" in str(m["Subject"])],
    )[0]
    assert number in str(survey_mail["Subject"]) and survey_mail["Auto-Submitted"] == "auto-generated"
    assert "1（很不满意）到 5（非常满意）" in survey_mail.get_content()

    answer = EmailMessage()
    answer["From"] = f"顾客 <{mail_servers.customer()}>"
    answer["To"] = mail_servers.shop
    answer["Subject"] = f"Re: {survey_mail['Subject']}"
    answer["In-Reply-To"] = survey_mail["Message-ID"]
    answer["References"] = survey_mail["Message-ID"]
    answer.set_content("2 太慢了，等了三天\n\n> 您好，您的工单已处理完毕。")
    mail_servers.deliver(answer)
    fetch.fetch_all(factory, T0 + dt.timedelta(hours=1))

    with read_only(factory) as s:
        t = tickets.detail(s, ticket_id)
        survey = s.scalar(select(CsatSurvey).where(CsatSurvey.ticket_id == ticket_id))
        follow_up = s.get(FollowUp, survey.follow_up_id)
        kinds = [m.kind for m in s.scalars(select(MailMessage).order_by(MailMessage.id))]
    assert t.ticket.status is TicketStatus.RESOLVED  # an answer does not reopen the ticket
    assert t.csat == ((2, "太慢了，等了三天"),)
    assert ("csat", "2/5 太慢了，等了三天") in [(e.field, e.new) for e in t.events]
    assert follow_up.assignee_id == boss_id and number in follow_up.note
    assert kinds.count("survey") == 1

    with read_only(factory) as s:
        board = service_stats.csat(s, T0.date(), T0.date())
    assert board.answers == 1 and board.average == 2
    assert [(r.key, r.answers, r.average, r.satisfied) for r in board.by_agent] == [("陈客服", 1, 2.0, 0.0)]
    assert [r.key for r in board.by_queue] == [t.ticket.queue]
    assert [r.key for r in board.by_week] == ["2026-11-30"]  # the Monday of that week


def test_no_survey_when_surveys_are_off_and_a_high_score_needs_no_follow_up(engine):
    with unit_of_work(session_factory(engine)) as s:
        settings.put(s, "service.csat_survey", False)
    ticket_id, *_ = _desk(engine)
    with read_only(session_factory(engine)) as s:
        assert s.scalar(select(CsatSurvey).where(CsatSurvey.ticket_id == ticket_id)) is None
    with unit_of_work(session_factory(engine)) as s:
        settings.put(s, "service.csat_survey", True)
        agent = make_ctx(engine, Role.AGENT, 1, "agent1").user
        tickets.set_status(s, agent, ticket_id, TicketStatus.OPEN, T0 + dt.timedelta(hours=1))
        tickets.set_status(s, agent, ticket_id, TicketStatus.RESOLVED, T0 + dt.timedelta(hours=2))
        survey = s.scalar(select(CsatSurvey).where(CsatSurvey.ticket_id == ticket_id))
        csat.record_answer(s, survey, 5, "很好", T0 + dt.timedelta(hours=3))
        assert survey.follow_up_id is None
