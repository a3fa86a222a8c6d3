"""The email channel end to end on the local postfix + dovecot: a customer mails the shop by SMTP,
the fetch job makes a ticket, an agent replies (``tickets.reply``), the send job sends it, and
the customer's mailbox holds the acknowledgement and the reply by IMAP, threaded on the message
they sent. Their answer to the reply lands on the same ticket."""

from __future__ import annotations

import datetime as dt
import uuid
from email import message_from_bytes, policy
from email.message import EmailMessage, Message

from sqlalchemy import select

from app.db import read_only, session_factory, unit_of_work
from app.jobs import mail as mail_jobs
from app.models.accounts import Role, User
from app.models.service import Ticket
from app.services import tickets
from app.services.mail import commands
from tests.app.services.mail import servers
from tests.app.services.mail.conftest import local_mailbox, mail_servers  # noqa: F401 - fixture
from tests.conftest import make_ctx

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def _customer_mail(lane: servers.Lane, subject: str, body: str, **headers: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = f"王芳 <{lane.customer()}>", lane.shop, subject
    msg["Message-ID"] = headers.pop("message_id")
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg


def _answers_to(message_id: str, kinds: tuple[str | None, ...]) -> tuple[Message, ...] | None:
    """One message in the customer's inbox per Auto-Submitted kind (None: a person's answer), each
    in reply to ``message_id``; None until all have arrived."""
    found: dict[str | None, Message] = {}
    for _, _, raw in servers.messages(servers.CUSTOMER):
        msg = message_from_bytes(raw, policy=policy.default)
        if msg["In-Reply-To"] == message_id:
            found.setdefault(msg["Auto-Submitted"], msg)
    return tuple(found[k] for k in kinds) if all(k in found for k in kinds) else None


def test_customer_mail_becomes_a_ticket_and_the_agents_reply_reaches_them_threaded(engine, mail_servers):  # noqa: F811
    factory = session_factory(engine)
    local_mailbox(engine, mail_servers)
    with unit_of_work(factory) as s:
        agent_row = User(username="agent1", display_name="陈客服", password_hash="x", role=Role.AGENT)
        s.add(agent_row)
        s.flush()
    agent = make_ctx(engine, Role.AGENT, agent_row.id, "agent1").user
    run = uuid.uuid4().hex
    first = f"<first-{run}@customer.example>"

    mail_servers.deliver(
        _customer_mail(
            mail_servers, "订单破损，要求退货", "收到的杯子碎了，请帮我退货。", message_id=first
        )
    )
    assert "1 new tickets" in mail_jobs.fetch_all(factory, T0)
    with read_only(factory) as s:
        ticket = s.scalar(select(Ticket))
        number, ticket_id = ticket.number, ticket.id
        assert (ticket.channel.value, ticket.category, ticket.queue) == ("email", "return", "after_sales")
        assert ticket.assignee_id == agent_row.id  # routed to the (only) available agent

    with unit_of_work(factory) as s:
        tickets.reply(
            s, agent, ticket_id, "您好，已为您登记退货，快递员明天上门取件。", T0 + dt.timedelta(minutes=5)
        )
    assert (
        mail_jobs.send_queued(factory, T0 + dt.timedelta(minutes=6))
        == "queued 1, sent 2, deferred 0, failed 0"
    )

    # the customer's mailbox is shared with other tests: find the two answers to this run's message
    ack, reply = servers.wait_until(
        "the acknowledgement and the reply",
        lambda: _answers_to(first, ("auto-replied", None)),
    )
    assert number in ack.get_content()
    assert reply["In-Reply-To"] == first
    assert first in reply["References"]
    assert number in reply["Subject"] and "订单破损" in reply["Subject"]
    assert "快递员明天上门取件" in reply.get_content()

    mail_servers.deliver(
        _customer_mail(
            mail_servers,
            f"Re: {reply['Subject']}",
            "好的，谢谢！",
            message_id=f"<second-{run}@customer.example>",
            In_Reply_To=reply["Message-ID"],
            References=reply["Message-ID"],
        ),
        n=2,
    )
    assert "0 new tickets" in mail_jobs.fetch_all(factory, T0 + dt.timedelta(minutes=30))
    with read_only(factory) as s:
        shown = commands.ticket_show(s, agent, number)
    assert [m["direction"] for m in shown["messages"]] == ["inbound", "outbound", "outbound", "inbound"]
    sent = [m["email"] for m in shown["messages"] if m["direction"] == "outbound"]
    assert all(e["status"] == "sent" and e["message_id"] for e in sent)
    assert shown["messages"][-1]["body"] == "好的，谢谢！"
