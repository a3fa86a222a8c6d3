"""Sending: an agent's reply goes out through postfix with threading headers and the ticket
number and is in the ticket's history with its Message-ID; a server that is down leaves it
queued and a later run sends it; a refused address and a real bounce mark the address; answers
written before the mailbox existed are never mailed."""

from __future__ import annotations

import datetime as dt
import socket
import threading
from email import message_from_bytes
from email.message import EmailMessage

from sqlalchemy import select

from app.db import read_only, session_factory, unit_of_work
from app.i18n import reword
from app.models.accounts import Role, User
from app.models.mail import BouncedAddress, Mailbox, MailMessage
from app.models.orders import Customer, CustomerEmail
from app.models.service import ContactChannel, Direction, Interaction, TicketEvent
from app.services import tickets
from app.services.mail import fetch, send
from tests.app.services.mail import servers
from tests.app.services.mail.conftest import local_mailbox
from tests.conftest import make_ctx

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def _desk(engine, email: str):
    """A customer with an email ticket and a signed-in agent."""
    with unit_of_work(session_factory(engine)) as s:
        customer = Customer(name="顾客")
        s.add(customer)
        s.flush()
        s.add(CustomerEmail(customer_id=customer.id, email=email))
        row = User(username="agent1", display_name="陈客服", password_hash="x", role=Role.AGENT)
        s.add(row)
        s.flush()
        agent = make_ctx(engine, Role.AGENT, row.id, "agent1").user
        ticket = tickets.open_ticket(
            s,
            agent,
            customer_id=customer.id,
            subject="包裹没到",
            channel=ContactChannel.EMAIL,
            now=T0,
            body="包裹没到",
        )
        return ticket.id, ticket.number, agent


def _reply(engine, agent, ticket_id, body="您好，已经为您催件。", at=T0):
    with unit_of_work(session_factory(engine)) as s:
        tickets.reply(s, agent, ticket_id, body, at)


def _outbox(engine):
    with read_only(session_factory(engine)) as s:
        return list(s.scalars(select(MailMessage).where(MailMessage.direction == "outbound")))


def test_agents_reply_goes_out_with_the_ticket_number_and_is_in_the_history(engine, mail_servers):
    local_mailbox(engine, mail_servers)
    ticket_id, number, agent = _desk(engine, mail_servers.customer())
    _reply(engine, agent, ticket_id)
    result = send.send_queued(session_factory(engine), T0)
    assert (result.queued, result.sent, result.deferred, result.failed) == (1, 1, 0, 0)
    [(_, _, raw)] = servers.wait_until("the reply", mail_servers.received)
    got = message_from_bytes(raw)
    [row] = _outbox(engine)
    assert got["Message-ID"] == row.message_id and got["X-PackDesk-Ticket"] == number
    assert got["Subject"] is not None and number in str(got["Subject"]) and got["Auto-Submitted"] is None
    with read_only(session_factory(engine)) as s:
        events = [e.new for e in s.scalars(select(TicketEvent).where(TicketEvent.field == "email"))]
    assert events == [f"sent {mail_servers.customer()} {row.message_id}"]
    assert send.send_queued(session_factory(engine), T0).sent == 0  # sent once


def test_a_server_that_is_down_leaves_the_reply_queued_and_a_later_run_sends_it(engine, mail_servers):
    local_mailbox(engine, mail_servers, smtp_port=1)
    ticket_id, _, agent = _desk(engine, mail_servers.customer())
    _reply(engine, agent, ticket_id)
    down = send.send_queued(session_factory(engine), T0)
    [row] = _outbox(engine)
    assert (down.deferred, row.status, row.attempts) == (1, "queued", 1)
    assert row.next_attempt_at > T0 and "SMTP 127.0.0.1:1" in row.error
    with read_only(session_factory(engine)) as s:
        kept = s.scalar(select(Mailbox.last_error))
    assert reword(kept, "en").startswith("Mailbox shop: SMTP 127.0.0.1:1: [Errno 111]")
    assert reword(kept, "zh_CN").startswith("邮箱 shop：发信服务器 SMTP 127.0.0.1:1：")
    assert send.send_queued(session_factory(engine), T0).deferred == 0  # not due yet
    local_mailbox(engine, mail_servers)  # the supervisor fixes the port
    assert send.send_queued(session_factory(engine), row.next_attempt_at).sent == 1
    servers.wait_until("the reply", mail_servers.received)


def _refusing_server() -> tuple[int, threading.Thread]:
    """An SMTP peer on 127.0.0.1 that refuses every recipient with 550."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with conn, conn.makefile("rwb") as f:
            f.write(b"220 refuser\r\n")
            f.flush()
            for line in f:
                verb = line[:4].upper()
                answer = {
                    b"EHLO": b"250 refuser\r\n",
                    b"HELO": b"250 refuser\r\n",
                    b"MAIL": b"250 ok\r\n",
                    b"RCPT": b"550 5.1.1 no such mailbox\r\n",
                    b"QUIT": b"221 bye\r\n",
                }.get(verb, b"250 ok\r\n")
                f.write(answer)
                f.flush()
                if verb == b"QUIT":
                    break
        listener.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return listener.getsockname()[1], thread


def test_a_refused_address_is_marked_bounced_and_not_retried(engine, mail_servers):
    port, peer = _refusing_server()
    local_mailbox(engine, mail_servers, smtp_port=port)
    ticket_id, _, agent = _desk(engine, "gone@example.com")
    _reply(engine, agent, ticket_id)
    assert send.send_queued(session_factory(engine), T0).failed == 1
    peer.join(10)
    [row] = _outbox(engine)
    assert row.status == "bounced" and row.error.startswith("550 5.1.1 no such mailbox")
    with read_only(session_factory(engine)) as s:
        assert s.scalar(select(BouncedAddress.email)) == "gone@example.com"
    _reply(engine, agent, ticket_id, "再试一次")
    send.send_queued(session_factory(engine), T0)
    assert sorted((r.status, r.error) for r in _outbox(engine))[1] == (
        "failed",
        "gone@example.com bounced before; not sent.",
    )


def test_a_bounce_from_postfix_marks_the_address_and_the_reply(engine, mail_servers):
    local_mailbox(engine, mail_servers)
    ticket_id, _number, agent = _desk(engine, "nosuchperson@localhost")
    _reply(engine, agent, ticket_id)
    assert send.send_queued(session_factory(engine), T0).sent == 1  # postfix accepts, then bounces
    mail_servers.arrived(1)  # the bounce, to the lane's shop address
    [result] = fetch.fetch_all(session_factory(engine), T0)
    assert [f.outcome for f in result.filed] == ["bounce"]
    [row] = _outbox(engine)
    assert row.status == "bounced"
    with read_only(session_factory(engine)) as s:
        assert s.scalar(select(BouncedAddress.email)) == "nosuchperson@localhost"
        history = [e.new for e in s.scalars(select(TicketEvent).where(TicketEvent.field == "email"))]
    assert history[-1].startswith("bounced nosuchperson@localhost 5.1.1")


def test_answers_from_before_the_mailbox_are_not_mailed_and_a_notice_without_ticket_is(engine, mail_servers):
    ticket_id, _, agent = _desk(engine, mail_servers.customer())
    _reply(engine, agent, ticket_id, "这条在配置邮箱之前")
    local_mailbox(engine, mail_servers)
    with unit_of_work(session_factory(engine)) as s:
        customer_id = s.scalar(select(CustomerEmail.customer_id))
        s.add(
            Interaction(
                customer_id=customer_id,
                channel=ContactChannel.EMAIL,
                direction=Direction.OUTBOUND,
                agent_id=None,
                body="暴雨预警：您的包裹可能延误。",
                occurred_at=T0,
            )
        )
    assert send.send_queued(session_factory(engine), T0).sent == 1
    [(_, _, raw)] = servers.wait_until("the notice", mail_servers.received)
    got = message_from_bytes(raw)
    assert got["Auto-Submitted"] == "auto-generated" and "暴雨预警" in got.get_payload(decode=True).decode()


def test_a_customer_without_an_email_address_fails_at_once_with_the_reason(engine, mail_servers):
    local_mailbox(engine, mail_servers)
    ticket_id, _, agent = _desk(engine, mail_servers.customer())
    with unit_of_work(session_factory(engine)) as s:
        s.query(CustomerEmail).delete()
    _reply(engine, agent, ticket_id)
    assert send.send_queued(session_factory(engine), T0).sent == 0
    [row] = _outbox(engine)
    assert (row.status, row.error) == ("failed", "The customer has no email address.")


def test_compose_keeps_threading_headers(engine):
    row = MailMessage(
        message_id="<a@x>",
        to_addr="c@x",
        subject="Re: [T-000001] 包裹",
        body="好的",
        in_reply_to="<q@c>",
        references="<p@c> <q@c>",
        kind="reply",
    )
    box = local_mailbox(engine)
    msg: EmailMessage = send.compose(row, box, "T-000001", T0)
    assert (msg["In-Reply-To"], msg["References"], msg["X-PackDesk-Ticket"]) == (
        "<q@c>",
        "<p@c> <q@c>",
        "T-000001",
    )
