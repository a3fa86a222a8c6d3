"""Screenshot views of the service channels on the demo data: the mailbox settings, a ticket that
came by email with a photo attached and was answered by mail, the SLA calendar of the coming year,
and the CSAT figures of a week of answered surveys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from email.message import EmailMessage

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.db import unit_of_work
from app.services import csat, tickets
from app.services.mail import mailboxes, send, thread
from app.services.mail.mailboxes import MailboxInfo
from app.services.tickets import TicketStatus
from ui.service.csat_panel import CsatPanel
from ui.service.mailboxes import MailboxDialog
from ui.service.mode import ServiceMode

# the head of a JPEG is enough for the attachment list: its name and size are what the view shows
PHOTO = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300") + bytes(4096) + b"\xff\xd9"


def _mailbox(ctx: AppContext) -> MailboxInfo:
    with unit_of_work(ctx.sessions) as s:
        return mailboxes.configure_mailbox(
            s, ctx.user, name="shop1", address="kefu@shop.example.cn", display_name="小熊优品 客服",
            imap_host="imap.exmail.qq.com", imap_port=993, imap_tls="ssl", imap_user="kefu@shop.example.cn",
            smtp_host="smtp.exmail.qq.com", smtp_port=465, smtp_tls="ssl", smtp_user="kefu@shop.example.cn",
            queue="after_sales", processed_folder="PackDesk",
        )


def _mailboxes(ctx: AppContext) -> QWidget:
    _mailbox(ctx)
    dialog = MailboxDialog(ctx)
    dialog.resize(900, 640)
    return dialog


def _customer_mail() -> bytes:
    msg = EmailMessage()
    msg["From"] = "王芳 <wangfang@example.com>"
    msg["To"] = "kefu@shop.example.cn"
    msg["Subject"] = "杯子收到时碎了"
    msg["Message-ID"] = "<broken-cup@example.com>"
    msg.set_content("你好，今天收到的马克杯碎成两半了，照片在附件里。请问可以补发吗？\n\n王芳")
    msg.add_attachment(PHOTO, maintype="image", subtype="jpeg", filename="破损照片.jpg")
    return bytes(msg)


def _email_ticket(ctx: AppContext) -> QWidget:
    box = _mailbox(ctx)
    now = ctx.clock()
    with unit_of_work(ctx.sessions) as s:
        filed = thread.file_message(s, _customer_mail(), now - dt.timedelta(hours=2), box)
        assert filed.ticket_number
        ticket_id = tickets.ticket_by_number(s, filed.ticket_number)
        assert ticket_id is not None
        tickets.reply(s, ctx.user, ticket_id, "王女士您好，很抱歉杯子在运输中破损。已为您安排补发，"
                      "快递单号稍后短信通知。", now - dt.timedelta(hours=1))
        send.queue_new_answers(s, now - dt.timedelta(hours=1))  # the send job's first half: queued
    view = ServiceMode(ctx)
    view.resize(1400, 820)
    view.tickets.scope.setCurrentIndex(view.tickets.scope.findData("all"))
    view.show_ticket(ticket_id)
    return view


def _sla_calendar(ctx: AppContext) -> QWidget:
    view = ServiceMode(ctx)
    view.resize(1400, 820)
    view.tabs.setCurrentWidget(view.sla_calendar)
    return view


SCORES = [(5, "快递很快，客服态度好"), (4, ""), (2, "等了三天才有人回复"), (5, "谢谢"), (3, "还行"),
          (4, "补发很及时"), (1, "问题没有解决"), (5, "")]


def _csat(ctx: AppContext) -> QWidget:
    _mailbox(ctx)  # surveys go out by mail
    now = ctx.clock()
    with unit_of_work(ctx.sessions) as s:
        rows = [r for r in tickets.work_queue(s, ctx.user, "all", limit=100) if r.status == "open"]
        for i, (row, (score, comment)) in enumerate(zip(rows, SCORES * 3, strict=False)):
            at = now - dt.timedelta(days=20 - i)
            tickets.set_status(s, ctx.user, row.id, TicketStatus.RESOLVED, at)
            send.queue_surveys(s, at)
            survey = csat.pending_for(s, row.id)
            if survey is not None:
                csat.record_answer(s, survey, score, comment, at + dt.timedelta(hours=3))
    panel = CsatPanel(ctx)
    panel.resize(1200, 420)
    today = now.date()
    panel.show_range(today - dt.timedelta(days=27), today)
    return panel


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "service.mailboxes": _mailboxes,
    "service.ticket_email": _email_ticket,
    "service.sla_calendar": _sla_calendar,
    "service.csat": _csat,
}
