"""One received message into the service desk: threaded onto its ticket (Message-ID /
In-Reply-To / References, then the ticket number in the subject), its sender matched to a customer
(merged customers included) or made one, the ticket opened or updated and routed and timed like
any ticket, attachments kept, a bounce recorded against the address, and an acknowledgement with
the ticket number queued unless the message was automatic. A reply to a satisfaction survey with a
score is stored as the ticket's answer and does not reopen it.

The caller owns the transaction: the message row and the ticket commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.models.accounts import Role, User
from app.models.desk import CsatSurvey
from app.models.mail import BouncedAddress, MailAttachment, Mailbox, MailMessage
from app.models.orders import Customer, CustomerEmail
from app.models.service import ContactChannel, Direction, Interaction, Ticket, TicketEvent, TicketStatus
from app.services import answer_bot, csat, customer_actions, tickets
from app.services.customers import group_ids, resolve_identity
from app.services.mail.mailboxes import MailboxInfo
from app.services.mail.parse import ParsedMail, parse_message
from app.services.text import MAX_TEXT

ROBOT = "mail"  # the user the mail channel acts as in ticket histories
TICKET_NUMBER = re.compile(r"\bT-\d{6,}\b")
ACKS_PER_DAY = 3  # an address that keeps writing (another robot) gets no more than this
ACK_TEXT = {
    "zh_CN": "您好，\n\n我们已收到您的邮件，工单号 {number}。客服会尽快回复您；"
    "直接回复本邮件即可补充信息。\n\n{signature}",
    "en": "Hello,\n\nWe have received your message: your ticket number is {number}. An agent will answer "
    "you soon; reply to this email to add anything.\n\n{signature}",
}


@dataclass(frozen=True)
class Filed:
    """What became of one message."""

    key: str
    outcome: str  # opened, updated, survey, duplicate, bounce, ignored
    ticket_number: str = ""
    mail_row_id: int | None = None
    acknowledged: bool = False
    note: str = ""


def robot(s: Session) -> CurrentUser:
    """The mail channel's own user: works tickets, never signs in, is never assigned one.
    Remembered for the session (a fetch files a whole batch in one)."""
    if "mail.robot" in s.info:
        return s.info["mail.robot"]
    row = s.scalar(select(User).where(User.username == ROBOT))
    if row is None:
        row = User(
            username=ROBOT,
            display_name="Mail",
            password_hash="!",
            role=Role.AGENT,
            active=False,
            available=False,
        )
        s.add(row)
        s.flush()
    s.info["mail.robot"] = CurrentUser(row.id, row.username, row.display_name, Role.AGENT)
    return s.info["mail.robot"]


def own_addresses(s: Session) -> set[str]:
    if "mail.own" not in s.info:
        s.info["mail.own"] = set(s.scalars(select(Mailbox.address)))
    return s.info["mail.own"]


def new_message_id(address: str) -> str:
    return email.utils.make_msgid(domain=address.rpartition("@")[2] or "packdesk.local")


def _capped(text: str, limit: int = MAX_TEXT) -> str:
    if len(text) <= limit:
        return text
    note = "\n[…the whole message is kept with the email]"
    return text[: limit - len(note)] + note


def _customer(s: Session, parsed: ParsedMail) -> int:
    """The sender's customer (followed to the one it was merged into), or a new one."""
    found = resolve_identity(s, email=parsed.from_addr)
    if found is not None:
        return found
    text = f"{parsed.subject}\n{parsed.text}"
    name = parsed.from_name or parsed.from_addr.partition("@")[0]
    customer = Customer(name=name[:120], language=tickets.suggest_language(text))
    s.add(customer)
    s.flush()
    s.add(CustomerEmail(customer_id=customer.id, email=parsed.from_addr))
    return customer.id


def _threaded_ticket(s: Session, parsed: ParsedMail, customer_id: int) -> Ticket | None:
    """The ticket this message answers: by the ids it refers to (nearest first), else by a ticket
    number in the subject when that ticket is the sender's own."""
    ids = parsed.thread_ids
    if ids:
        rows = dict(
            s.execute(
                select(MailMessage.message_id, MailMessage.ticket_id).where(
                    MailMessage.message_id.in_(ids), MailMessage.ticket_id.is_not(None)
                )
            ).all()
        )
        for mid in ids:
            if mid in rows:
                return s.get(Ticket, rows[mid])
    for number in TICKET_NUMBER.findall(parsed.subject):
        ticket = s.scalar(select(Ticket).where(Ticket.number == number))
        if ticket is not None and ticket.customer_id in group_ids(s, customer_id):
            return ticket
    return None


def _survey_answer(
    s: Session, parsed: ParsedMail, ticket: Ticket | None
) -> tuple[CsatSurvey, int, str] | None:
    """The survey, score and comment when the message answers the ticket's survey: it replies to
    the survey email, or the ticket is done and the text starts with a score."""
    if ticket is None or parsed.auto:
        return None
    survey = csat.pending_for(s, ticket.id)
    answer = csat.parse_answer(parsed.text) if survey is not None else None
    if survey is None or answer is None:
        return None
    survey_mail = s.get(MailMessage, survey.mail_message_id)
    replies_to_survey = survey_mail is not None and survey_mail.message_id in parsed.thread_ids
    if replies_to_survey or ticket.status in tickets.DONE:
        return survey, *answer
    return None


def _may_acknowledge(
    s: Session, mailbox: MailboxInfo | None, parsed: ParsedMail, to: str, now: dt.datetime
) -> bool:
    if mailbox is None or not mailbox.auto_ack or parsed.auto or not to:
        return False
    if to in own_addresses(s) or s.scalar(select(BouncedAddress.id).where(BouncedAddress.email == to)):
        return False
    recent = s.scalar(
        select(func.count())
        .select_from(MailMessage)
        .where(
            MailMessage.to_addr == to,
            MailMessage.kind == "ack",
            MailMessage.created_at >= now - dt.timedelta(days=1),
        )
    )
    return (recent or 0) < ACKS_PER_DAY


def _acknowledge(
    s: Session,
    mailbox: MailboxInfo,
    ticket: Ticket,
    parsed: ParsedMail,
    to: str,
    agent: CurrentUser,
    now: dt.datetime,
) -> None:
    """An outbound message on the ticket (in the customer's history), queued for the send job."""
    template = ACK_TEXT.get(ticket.language, ACK_TEXT["zh_CN"])
    body = template.format(number=ticket.number, signature=mailbox.display_name or mailbox.address)
    interaction = Interaction(
        customer_id=ticket.customer_id,
        ticket_id=ticket.id,
        order_id=ticket.order_id,
        channel=ContactChannel.EMAIL,
        direction=Direction.OUTBOUND,
        agent_id=agent.id,
        body=body,
        occurred_at=now,
    )
    s.add(interaction)
    s.flush()
    message_id = new_message_id(mailbox.address)
    s.add(
        MailMessage(
            key=message_id,
            message_id=message_id,
            mailbox_id=mailbox.id,
            direction="outbound",
            kind="ack",
            status="queued",
            ticket_id=ticket.id,
            customer_id=ticket.customer_id,
            interaction_id=interaction.id,
            from_addr=mailbox.address,
            to_addr=to,
            subject=reply_subject(parsed.subject, ticket),
            in_reply_to=parsed.message_id,
            references=" ".join((*parsed.references, parsed.message_id)[-10:]),
            body=body,
            next_attempt_at=now,
            created_at=now,
        )
    )


def reply_subject(subject: str, ticket: Ticket) -> str:
    """``Re: [T-000123] subject``: the number lets a reply without headers find its ticket."""
    subject = subject or ticket.subject
    if ticket.number not in subject:
        subject = f"[{ticket.number}] {subject}"
    return subject if re.match(r"^(re|回复|答复)\s*[:：]", subject, re.I) else f"Re: {subject}"


def _event(s: Session, ticket_id: int, field: str, new: str, user_id: int | None, now: dt.datetime) -> None:
    s.add(TicketEvent(ticket_id=ticket_id, at=now, user_id=user_id, field=field, old="", new=new[:200]))


def _record_bounce(s: Session, parsed: ParsedMail, row: MailMessage, now: dt.datetime) -> str:
    bounce = parsed.bounce
    assert bounce is not None
    marked = s.scalar(select(BouncedAddress).where(BouncedAddress.email == bounce.recipient))
    if marked is None:
        s.add(
            BouncedAddress(email=bounce.recipient, status=bounce.status, reason=bounce.reason, bounced_at=now)
        )
    else:
        marked.bounces += 1
        marked.status, marked.reason, marked.bounced_at = bounce.status, bounce.reason, now
    original = (
        s.scalar(
            select(MailMessage).where(
                MailMessage.message_id == bounce.original_message_id, MailMessage.direction == "outbound"
            )
        )
        if bounce.original_message_id
        else None
    )
    if original is not None:
        original.status, original.error = "bounced", f"{bounce.status} {bounce.reason}"[:300]
        row.ticket_id, row.customer_id = original.ticket_id, original.customer_id
        if original.ticket_id is not None:
            _event(
                s,
                original.ticket_id,
                "email",
                f"bounced {bounce.recipient} {bounce.status} {original.message_id}",
                None,
                now,
            )
    return f"{bounce.recipient} bounced ({bounce.status})"


def file_message(
    s: Session,
    raw: bytes,
    now: dt.datetime,
    mailbox: MailboxInfo | None = None,
    *,
    uid: int | None = None,
    uidvalidity: int | None = None,
) -> Filed:
    """File one raw message (from IMAP or an .eml file); a message seen before is a duplicate."""
    limit_kb = mailbox.attachment_limit_kb if mailbox else 10 * 1024
    parsed = parse_message(raw, limit_kb * 1024)
    if s.scalar(select(MailMessage.id).where(MailMessage.key == parsed.key)) is not None:
        return Filed(parsed.key, "duplicate")
    row = MailMessage(
        key=parsed.key,
        message_id=parsed.message_id,
        mailbox_id=mailbox.id if mailbox else None,
        direction="inbound",
        kind="customer",
        status="received",
        from_addr=parsed.from_addr[:254],
        to_addr=(parsed.to[0] if parsed.to else "")[:254],
        subject=parsed.subject,
        in_reply_to=" ".join(parsed.in_reply_to)[:300],
        references=" ".join(parsed.references),
        body=parsed.full_text,
        auto_reason=parsed.auto[:120],
        imap_uid=uid,
        uidvalidity=uidvalidity,
        created_at=now,
    )  # added once complete: one INSERT, no UPDATEs after it
    if parsed.bounce is not None:
        row.kind = "bounce"
        note = _record_bounce(s, parsed, row, now)
        s.add(row)
        s.flush()
        return Filed(parsed.key, "bounce", mail_row_id=row.id, note=note)
    if not parsed.from_addr or parsed.from_addr in own_addresses(s):
        row.kind, row.status = "auto", "ignored"
        s.add(row)
        s.flush()
        return Filed(parsed.key, "ignored", mail_row_id=row.id, note="no sender or one of our own addresses")
    if parsed.auto:
        row.kind = "auto"
    agent = robot(s)
    customer_id = _customer(s, parsed)
    row.customer_id = customer_id
    text = parsed.text.strip()  # attachments are listed beside the thread, in the agent's language
    ticket = _threaded_ticket(s, parsed, customer_id)
    acknowledged = False
    answered = _survey_answer(s, parsed, ticket)
    if ticket is not None and (answered is not None or ticket.status is not TicketStatus.CLOSED):
        done = customer_actions.log_interaction(
            s,
            agent,
            ticket.customer_id,
            channel=ContactChannel.EMAIL.value,
            direction=Direction.INBOUND.value,
            body=_capped(text or "(empty message)"),
            now=now,
            order_id=ticket.order_id,
            ticket_id=ticket.id,
            wakes_ticket=answered is None and not parsed.auto,  # reopens it, starts its clock
        )
        row.interaction_id = done.id
        if answered is not None:
            csat.record_answer(s, *answered, now)
            outcome = "survey"
        else:
            if not parsed.auto:
                answer_bot.customer_message(s, ticket.id, text, now, ContactChannel.EMAIL)
            outcome = "updated"
    else:
        opened = tickets.open_ticket(
            s,
            agent,
            customer_id=customer_id,
            subject=(parsed.subject or "(no subject)")[:200],
            channel=ContactChannel.EMAIL,
            now=now,
            body=_capped(text),
            to_queue=True,
        )
        ticket = s.get_one(Ticket, opened.id)
        row.interaction_id = s.scalar(
            select(func.max(Interaction.id)).where(Interaction.ticket_id == ticket.id)
        )
        if mailbox is not None and mailbox.queue and ticket.queue != mailbox.queue:
            s.add(
                TicketEvent(
                    ticket_id=ticket.id,
                    at=now,
                    user_id=agent.id,
                    field="queue",
                    old=ticket.queue,
                    new=mailbox.queue,
                )
            )
            ticket.queue = mailbox.queue
        outcome = "opened"
        to = parsed.reply_to or parsed.from_addr
        # the bot's answer needs no acknowledgement before it
        bot_answered = not parsed.auto and answer_bot.customer_message(s, ticket.id, text, now).answered
        if not bot_answered and _may_acknowledge(s, mailbox, parsed, to, now):
            assert mailbox is not None
            _acknowledge(s, mailbox, ticket, parsed, to, agent, now)
            acknowledged = True
    row.ticket_id = ticket.id
    s.add(row)
    s.flush()
    for a in parsed.attachments:
        s.add(
            MailAttachment(
                message_id=row.id,
                filename=a.filename,
                content_type=a.content_type[:120],
                size=a.size,
                data=a.data,
            )
        )
    return Filed(parsed.key, outcome, ticket.number, row.id, acknowledged, parsed.auto)
