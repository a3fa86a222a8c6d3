"""The answer bot end to end on the local postfix + dovecot: a customer mails "where is my parcel"
by SMTP, the fetch job files it, the bot answers from the tracking data, the send job sends the
answer by SMTP and it arrives in the customer's mailbox by IMAP, threaded on their message. A
complaint and a "转人工" go to a person: the customer gets only the acknowledgement."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from email import message_from_bytes, policy
from email.message import EmailMessage, Message

from sqlalchemy import select

from app.db import read_only, session_factory, unit_of_work
from app.jobs import mail as mail_jobs
from app.models.accounts import Role, User
from app.models.fulfilment import Shipment, TrackingEvent
from app.models.mail import MailMessage
from app.models.orders import Channel, Customer, CustomerEmail, Order, OrderStatus
from app.models.service import Ticket, TicketStatus
from app.services import answer_bot, assist
from tests.app.services.mail import servers
from tests.app.services.mail.conftest import local_mailbox, mail_servers  # noqa: F401 - fixture

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
CUSTOMER = servers.address(servers.CUSTOMER)


def _shop_with_a_parcel_on_its_way(engine) -> str:
    """Agents, a supervisor, and 王芳's order on its way with SF; returns the tracking number."""
    with unit_of_work(session_factory(engine)) as s:
        assist.ensure_defaults(s)
        s.add_all([
            User(username="agent1", display_name="陈客服", password_hash="x", role=Role.AGENT),
            User(username="super1", display_name="周主管", password_hash="x", role=Role.SUPERVISOR),
        ])
        customer = Customer(name="王芳", created_at=T0 - dt.timedelta(days=30))
        s.add(customer)
        s.flush()
        s.add(CustomerEmail(customer_id=customer.id, email=CUSTOMER))
        order = Order(number="PD9100000001", channel=Channel.TMALL, channel_ref="TM-9100",
                      customer_id=customer.id, status=OrderStatus.SHIPPED, total=Decimal("88.00"),
                      subtotal=Decimal("88.00"), placed_at=T0 - dt.timedelta(days=2), carrier="SF")
        s.add(order)
        s.flush()
        ship = Shipment(order_id=order.id, carrier="SF", tracking_number="SF1400009100001",
                        created_at=T0 - dt.timedelta(days=1), shipped_at=T0 - dt.timedelta(days=1))
        s.add(ship)
        s.flush()
        s.add(TrackingEvent(shipment_id=ship.id, occurred_at=T0 - dt.timedelta(hours=3),
                            status_code="in_transit", location="杭州市",
                            description="快件已到达杭州转运中心"))
        return ship.tracking_number


def _mail(lane: servers.Lane, subject: str, body: str, message_id: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = f"王芳 <{CUSTOMER}>", lane.shop, subject
    msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg


def _answers_to(message_id: str) -> list[Message]:
    """What the customer's inbox holds in reply to `message_id` (the mailbox is shared)."""
    out = []
    for _, _, raw in servers.messages(servers.CUSTOMER):
        msg = message_from_bytes(raw, policy=policy.default)
        if msg["In-Reply-To"] == message_id:
            out.append(msg)
    return out


def test_the_bot_answers_where_is_my_parcel_and_leaves_a_complaint_and_a_person_to_people(
    engine, mail_servers  # noqa: F811 - fixture
):
    factory = session_factory(engine)
    local_mailbox(engine, mail_servers)
    tracking = _shop_with_a_parcel_on_its_way(engine)
    run = uuid.uuid4().hex
    where, complaint, person = (f"<{k}-{run}@customer.example>" for k in ("where", "complaint", "person"))
    servers.send(_mail(mail_servers, "我的快递到哪了", "你好，我的快递到哪里了？好几天了还没收到。", where))
    servers.send(_mail(mail_servers, "投诉客服", "我要投诉你们的客服，态度太差了，问了三次都没人管！",
                       complaint))
    servers.send(_mail(mail_servers, "转人工", "快递到哪了？转人工", person))
    mine = (where, complaint, person)
    mail_servers.arrived(3)
    mail_jobs.fetch_all(factory, T0)
    with read_only(factory) as s:
        status = {
            mid: s.scalar(select(Ticket.status).join(MailMessage, MailMessage.ticket_id == Ticket.id)
                          .where(MailMessage.message_id == mid))
            for mid in mine
        }
        bot = answer_bot.bot_id(s)
        assert s.scalar(select(User.display_name).where(User.id == bot)) == "Bot"
    assert status == {
        where: TicketStatus.PENDING, complaint: TicketStatus.ESCALATED, person: TicketStatus.NEW
    }

    assert "failed 0" in mail_jobs.send_queued(factory, T0 + dt.timedelta(minutes=1))
    (answer,) = servers.wait_until("the bot's answer", lambda: _answers_to(where))
    assert answer["Auto-Submitted"] is None  # an answer, not an acknowledgement
    text = answer.get_content()
    assert tracking in text and "快件已到达杭州转运中心" in text and "顺丰" in text and "王芳您好" in text
    assert "我的快递到哪了" in answer["Subject"]
    for mid in (complaint, person):  # a person will answer: the customer has the acknowledgement only
        (ack,) = servers.wait_until("the acknowledgement", lambda mid=mid: _answers_to(mid))
        assert ack["Auto-Submitted"] == "auto-replied"
