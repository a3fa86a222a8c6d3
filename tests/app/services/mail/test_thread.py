"""Saved messages filed into the service desk (``packdesk mail import``): a ticket opened for a
new or known (merged) customer, routed and timed; replies threaded by References and by the
ticket number; acknowledgements queued only for people, never for auto-replies, never in a
loop; attachments shown on the ticket; a bounce marks the address; nothing imported twice."""

from __future__ import annotations

import datetime as dt
import shutil
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from app.db import read_only, session_factory, unit_of_work
from app.errors import PermissionDenied
from app.models.accounts import Role
from app.models.mail import BouncedAddress, MailMessage
from app.models.orders import Customer, CustomerEmail
from app.models.service import Ticket, TicketStatus
from app.services import customers, tickets
from app.services.mail import commands, send
from app.services.mail.mailboxes import mailbox_named
from tests.app.services.mail.conftest import MESSAGES, local_mailbox
from tests.conftest import make_ctx
from tests.support.service_world import T0, build_world


@pytest.fixture
def desk(any_engine):
    world = build_world(any_engine)
    local_mailbox(any_engine, queue="")
    return any_engine, world, make_ctx(any_engine, Role.SUPERVISOR, world.super_id, "super1")


def _import(engine, user, path, at=T0):
    return commands.import_path(session_factory(engine), user.user, path, at, mailbox="shop")


def _show(engine, user, number):
    with read_only(session_factory(engine)) as s:
        return commands.ticket_show(s, user.user, number)


def _acks(engine):
    with read_only(session_factory(engine)) as s:
        return list(s.scalars(select(MailMessage).where(MailMessage.kind == "ack")))


def _write(tmp_path, name, raw: bytes):
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def test_gbk_message_opens_a_routed_timed_ticket_for_a_new_customer_and_acknowledges_it(desk, tmp_path):
    engine, _, sup = desk
    report = _import(engine, sup, MESSAGES / "gbk_mislabelled_gb2312.eml")
    [(_name, filed)] = report.filed
    assert (filed.outcome, filed.acknowledged) == ("opened", True)
    shown = _show(engine, sup, filed.ticket_number)
    assert (shown["subject"], shown["customer"], shown["channel"]) == ("包裹破损 王喆", "王喆", "email")
    assert (shown["category"], shown["queue"], shown["language"]) == ("quality", "after_sales", "zh_CN")
    assert shown["first_response_due"] is not None
    inbound, ack = shown["messages"]
    assert (
        "朱镕基同款杯子碎了" in inbound["body"] and inbound["email"]["message_id"] == "<gbk-1@mail.163.com>"
    )
    assert ack["direction"] == "outbound" and filed.ticket_number in ack["body"]
    assert ack["email"]["status"] == "queued" and ack["email"]["to"] == "wang.zhe@163.com"
    [row] = _acks(engine)
    with read_only(session_factory(engine)) as s:
        box = mailbox_named(s, "shop")
    composed = send.compose(row, box, filed.ticket_number, T0)
    assert composed["Auto-Submitted"] == "auto-replied" and composed["In-Reply-To"] == "<gbk-1@mail.163.com>"
    assert f"[{filed.ticket_number}]" in composed["Subject"]
    with read_only(session_factory(engine)) as s:
        assert s.scalar(select(CustomerEmail.email).join(Customer).where(Customer.name == "王喆")) == (
            "wang.zhe@163.com"
        )
        ticket = s.scalar(select(Ticket).where(Ticket.number == filed.ticket_number))
        assert ticket.first_responded_at is None  # an acknowledgement is no answer: the clock runs


def test_reply_threaded_by_references_updates_the_same_ticket_without_a_second_acknowledgement(desk):
    engine, _, sup = desk
    [(_, first)] = _import(engine, sup, MESSAGES / "gbk_mislabelled_gb2312.eml").filed
    [(_, reply)] = _import(
        engine, sup, MESSAGES / "reply_by_references.eml", T0 + dt.timedelta(hours=2)
    ).filed
    assert (reply.outcome, reply.ticket_number, reply.acknowledged) == ("updated", first.ticket_number, False)
    bodies = [m["body"] for m in _show(engine, sup, first.ticket_number)["messages"]]
    assert bodies[-1] == "還是沒有收到，請盡快處理。" and len(_acks(engine)) == 1


def test_auto_reply_from_a_known_customer_gets_no_acknowledgement(desk):
    engine, world, sup = desk
    [(_, filed)] = _import(engine, sup, MESSAGES / "auto_reply.eml").filed
    assert (filed.outcome, filed.acknowledged) == ("opened", False)
    assert _show(engine, sup, filed.ticket_number)["customer_id"] == world.wei  # zhang.wei@qq.com
    assert _acks(engine) == []


def test_attachment_is_stored_and_shown_on_the_ticket(desk):
    engine, _world, sup = desk
    [(_, filed)] = _import(engine, sup, MESSAGES / "attachment.eml").filed
    [message, _ack] = _show(engine, sup, filed.ticket_number)["messages"]
    assert "attachment" not in message["body"]  # listed beside the thread, worded by the UI
    [att] = message["email"]["attachments"]
    assert (att["filename"], att["size"], att["stored"]) == ("发票照片.pdf", 2072, True)


def test_attachment_over_the_mailbox_limit_is_listed_but_not_kept(desk):
    engine, _, sup = desk
    local_mailbox(engine, attachment_limit_kb=1)
    [(_, filed)] = _import(engine, sup, MESSAGES / "attachment.eml").filed
    message = _show(engine, sup, filed.ticket_number)["messages"][0]
    assert message["email"]["attachments"][0]["stored"] is False


def test_a_folder_imports_each_message_once_and_reports_a_bad_file(desk, tmp_path):
    engine, _, sup = desk
    for path in MESSAGES.glob("*.eml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "notes.txt").write_text("not mail")
    with open(tmp_path / "zz_huge.eml", "wb") as huge:  # sparse: 51 MB on paper, nothing on disk
        huge.truncate(51 * 1024 * 1024)
    first = _import(engine, sup, tmp_path)
    assert sorted(f.outcome for _, f in first.filed) == [
        "bounce",
        "opened",
        "opened",
        "opened",
        "opened",
        "updated",
    ]
    assert first.failed == (("zz_huge.eml", "zz_huge.eml is larger than 50 MB."),)
    assert first.summary() == "1 bounce, 4 opened, 1 updated, 1 failed"
    again = _import(engine, sup, tmp_path)
    assert {f.outcome for _, f in again.filed} == {"duplicate"}
    with read_only(session_factory(engine)) as s:
        assert s.scalar(select(func.count()).select_from(Ticket).where(Ticket.channel == "email")) == 4


def test_import_of_a_missing_path_or_by_an_agent_is_refused(desk, tmp_path):
    engine, world, sup = desk
    with pytest.raises(Exception, match="No file or folder"):
        _import(engine, sup, tmp_path / "nope.eml")
    agent = make_ctx(engine, Role.AGENT, world.agent_id, "agent1")
    with pytest.raises(PermissionDenied):
        _import(engine, agent, MESSAGES / "html_only.eml")


def _mail(sender: str, subject: str, body: str, **headers: str) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "pdshop@localhost", subject
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return bytes(msg)


def test_ticket_number_in_the_subject_threads_the_customers_mail_but_not_a_strangers(desk, tmp_path):
    engine, _world, sup = desk
    [(_, first)] = _import(
        engine, sup, _write(tmp_path, "a.eml", _mail("zhang.wei@qq.com", "发票", "要发票"))
    ).filed
    number = first.ticket_number
    own = _write(tmp_path, "b.eml", _mail("Zhang <ZHANG.WEI@qq.com>", f"回复: [{number}] 发票", "抬头是公司"))
    stranger = _write(tmp_path, "c.eml", _mail("x@evil.example", f"Re: {number}", "let me in"))
    assert _import(engine, sup, own).filed[0][1].ticket_number == number
    assert _import(engine, sup, stranger).filed[0][1].ticket_number != number


def test_mail_from_a_merged_customers_address_goes_to_the_customer_it_was_merged_into(desk, tmp_path):
    engine, world, sup = desk
    with unit_of_work(session_factory(engine)) as s:
        customers.merge_customers(s, sup.user, world.li, world.wei)
    [(_, filed)] = _import(engine, sup, MESSAGES / "html_only.eml").filed  # from lina@163.com
    assert _show(engine, sup, filed.ticket_number)["customer_id"] == world.wei


def test_customer_reply_reopens_a_resolved_ticket_and_a_closed_one_gets_a_new_ticket(desk, tmp_path):
    engine, _world, sup = desk
    [(_, first)] = _import(engine, sup, MESSAGES / "gbk_mislabelled_gb2312.eml").filed
    with unit_of_work(session_factory(engine)) as s:
        tid = s.scalar(select(Ticket.id).where(Ticket.number == first.ticket_number))
        tickets.set_status(s, sup.user, tid, TicketStatus.RESOLVED, T0)
    _import(engine, sup, MESSAGES / "reply_by_references.eml", T0 + dt.timedelta(days=1))
    assert _show(engine, sup, first.ticket_number)["status"] == "open"
    with unit_of_work(session_factory(engine)) as s:
        tickets.set_status(s, sup.user, tid, TicketStatus.RESOLVED, T0 + dt.timedelta(days=2))
        tickets.set_status(s, sup.user, tid, TicketStatus.CLOSED, T0 + dt.timedelta(days=2))
    later = _write(
        tmp_path,
        "later.eml",
        _mail("wang.zhe@163.com", "Re: 包裹破损", "又坏了", References="<gbk-1@mail.163.com>"),
    )
    [(_, filed)] = _import(engine, sup, later, T0 + dt.timedelta(days=3)).filed
    assert filed.outcome == "opened" and filed.ticket_number != first.ticket_number


def test_acknowledgements_never_loop_with_another_robot_or_go_to_lists_or_ourselves(desk, tmp_path):
    engine, _, sup = desk
    for i in range(5):  # a robot without Auto-Submitted answering each acknowledgement with a new mail
        _import(
            engine,
            sup,
            _write(tmp_path, f"r{i}.eml", _mail("robot@shop.example", f"Ticket {i}", "ok")),
            T0 + dt.timedelta(minutes=i),
        )
    assert len(_acks(engine)) == 3
    _import(
        engine, sup, _write(tmp_path, "l.eml", _mail("news@list.example", "Sale", "x", Precedence="bulk"))
    )
    _import(engine, sup, _write(tmp_path, "n.eml", _mail("noreply@jd.example", "Order", "x")))
    [(_, own)] = _import(engine, sup, _write(tmp_path, "o.eml", _mail("pdshop@localhost", "loop", "x"))).filed
    assert own.outcome == "ignored" and len(_acks(engine)) == 3


def test_bounce_marks_the_address_and_the_message_it_returns(desk, tmp_path):
    engine, _world, sup = desk
    with unit_of_work(session_factory(engine)) as s:
        s.add(
            MailMessage(
                key="<b1@packdesk.test>",
                message_id="<b1@packdesk.test>",
                direction="outbound",
                kind="notice",
                status="sent",
                to_addr="nosuch@localhost",
                created_at=T0,
            )
        )
    [(_, filed)] = _import(engine, sup, MESSAGES / "bounce_postfix.eml").filed
    assert filed.outcome == "bounce" and "nosuch@localhost" in filed.note
    with read_only(session_factory(engine)) as s:
        assert (
            s.scalar(select(BouncedAddress.status).where(BouncedAddress.email == "nosuch@localhost"))
            == "5.1.1"
        )
        sent = s.scalar(select(MailMessage).where(MailMessage.key == "<b1@packdesk.test>"))
        assert sent.status == "bounced" and "unknown user" in sent.error
        assert s.scalar(select(func.count()).select_from(Ticket).where(Ticket.channel == "email")) == 0


def test_ticket_list_filters_by_status_and_says_which_statuses_exist(desk):
    engine, _, sup = desk
    _import(engine, sup, MESSAGES / "html_only.eml")
    with read_only(session_factory(engine)) as s:
        new = commands.ticket_list(s, sup.user, "new")
        assert [t["subject"] for t in new] == ["快递没有更新"]
        with pytest.raises(Exception, match="Unknown status 'nope'; use one of new, open"):
            commands.ticket_list(s, sup.user, "nope")
        with pytest.raises(Exception, match="No ticket T-999999"):
            commands.ticket_show(s, sup.user, "T-999999")
