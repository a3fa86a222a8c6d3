"""The outbox. Every outbound email interaction (an agent's reply, a follow-up, an incident notice,
a survey) written after a mailbox exists is queued with threading headers and the ticket number,
satisfaction surveys of resolved tickets are queued the same way,
then sent by SMTP; a server that is down leaves it queued for a retry with back-off, a refused
address is marked bounced, and each sent message is in the ticket's history with its Message-ID.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db import unit_of_work
from app.errors import ConfigError
from app.i18n import stored
from app.models.mail import BouncedAddress, Mailbox, MailMessage
from app.models.orders import CustomerEmail
from app.models.service import ContactChannel, Direction, Interaction, Ticket, TicketEvent
from app.services.customers import group_ids
from app.services.mail import mailboxes
from app.services.mail.fetch import MailServerError, server_reason
from app.services.mail.mailboxes import MailboxInfo
from app.services.mail.thread import new_message_id, reply_subject

TIMEOUT_S = 30
MAX_BACKOFF = dt.timedelta(hours=1)
GIVE_UP_AFTER = 48  # attempts (about two days at the longest back-off)


@dataclass(frozen=True)
class SendResult:
    queued: int
    sent: int
    deferred: int
    failed: int


def _latest_inbound(s: Session, ticket_id: int) -> MailMessage | None:
    return s.scalar(
        select(MailMessage)
        .where(
            MailMessage.ticket_id == ticket_id,
            MailMessage.direction == "inbound",
            MailMessage.kind != "bounce",
        )
        .order_by(MailMessage.created_at.desc(), MailMessage.id.desc())
        .limit(1)
    )


def _customer_address(s: Session, customer_id: int) -> str:
    return (
        s.scalar(
            select(CustomerEmail.email)
            .where(CustomerEmail.customer_id.in_(group_ids(s, customer_id)))
            .order_by(CustomerEmail.customer_id != customer_id, CustomerEmail.id)
            .limit(1)
        )
        or ""
    )


def _bounced(s: Session, address: str) -> bool:
    return s.scalar(select(BouncedAddress.id).where(BouncedAddress.email == address)) is not None


def _queue_one(s: Session, interaction: Interaction, default: Mailbox, now: dt.datetime) -> MailMessage:
    ticket = s.get(Ticket, interaction.ticket_id) if interaction.ticket_id else None
    last = _latest_inbound(s, ticket.id) if ticket else None
    mailbox = s.get(Mailbox, last.mailbox_id) if last and last.mailbox_id else None
    mailbox = mailbox or default
    to = (last.from_addr if last else "") or _customer_address(s, interaction.customer_id)
    if ticket is not None:
        subject = reply_subject(last.subject if last else ticket.subject, ticket)
    else:
        first_line = interaction.body.strip().splitlines()[0] if interaction.body.strip() else ""
        subject = f"{mailbox.display_name or mailbox.address}: {first_line[:60]}"
    message_id = new_message_id(mailbox.address)
    references = f"{last.references} {last.message_id}".split()[-10:] if last and last.message_id else []
    row = MailMessage(
        key=message_id,
        message_id=message_id,
        mailbox_id=mailbox.id,
        direction="outbound",
        kind="reply" if ticket else "notice",
        status="queued",
        ticket_id=ticket.id if ticket else None,
        customer_id=interaction.customer_id,
        interaction_id=interaction.id,
        from_addr=mailbox.address,
        to_addr=to,
        subject=subject,
        in_reply_to=last.message_id if last else "",
        references=" ".join(references),
        body=interaction.body,
        next_attempt_at=now,
        created_at=now,
    )
    if not to:
        row.status, row.error = "failed", "The customer has no email address."
    elif _bounced(s, to):
        row.status, row.error = "failed", f"{to} bounced before; not sent."
    s.add(row)
    return row


def queue_surveys(s: Session, now: dt.datetime, limit: int = 200) -> int:
    """Queue the satisfaction surveys of resolved tickets (a message on the ticket, in the thread of
    the customer's last email, so their reply comes back to it)."""
    from app.models.desk import CsatSurvey
    from app.services import csat

    boxes = list(s.scalars(select(Mailbox).where(Mailbox.active.is_(True)).order_by(Mailbox.id)))
    if not boxes:
        return 0
    surveys = list(
        s.scalars(
            select(CsatSurvey)
            .where(CsatSurvey.mail_message_id.is_(None), CsatSurvey.answered_at.is_(None),
                   CsatSurvey.created_at >= now - csat.SEND_WITHIN)
            .order_by(CsatSurvey.id)
            .limit(limit)
        )
    )
    for survey in surveys:
        ticket = s.get_one(Ticket, survey.ticket_id)
        last = _latest_inbound(s, ticket.id)
        mailbox = (s.get(Mailbox, last.mailbox_id) if last and last.mailbox_id else None) or boxes[0]
        subject, body = csat.survey_text(ticket, mailbox.display_name or mailbox.address)
        interaction = Interaction(customer_id=ticket.customer_id, ticket_id=ticket.id,
                                  order_id=ticket.order_id, channel=ContactChannel.EMAIL,
                                  direction=Direction.OUTBOUND, agent_id=survey.agent_id, body=body,
                                  occurred_at=now)
        s.add(interaction)
        s.flush()
        row = _queue_one(s, interaction, mailbox, now)
        row.kind, row.subject = "survey", f"Re: {subject}" if last else subject
        s.flush()
        survey.mail_message_id = row.id
    return len(surveys)


def queue_new_answers(s: Session, now: dt.datetime, limit: int = 500) -> int:
    """Queue the outbound email interactions not queued yet (written after the first mailbox)."""
    boxes = list(s.scalars(select(Mailbox).where(Mailbox.active.is_(True)).order_by(Mailbox.id)))
    if not boxes:
        return 0
    after = min(b.send_after_interaction for b in boxes)
    pending = list(
        s.scalars(
            select(Interaction)
            .outerjoin(MailMessage, MailMessage.interaction_id == Interaction.id)
            .where(
                Interaction.id > after,
                Interaction.channel == ContactChannel.EMAIL,
                Interaction.direction == Direction.OUTBOUND,
                MailMessage.id.is_(None),
            )
            .order_by(Interaction.id)
            .limit(limit)
        )
    )
    for interaction in pending:
        _queue_one(s, interaction, boxes[0], now)
    s.flush()
    return len(pending)


def compose(row: MailMessage, mailbox: MailboxInfo, ticket_number: str, now: dt.datetime) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = (
        email.utils.formataddr((mailbox.display_name, mailbox.address))
        if mailbox.display_name
        else mailbox.address
    )
    msg["To"] = row.to_addr
    msg["Subject"] = row.subject
    msg["Date"] = email.utils.format_datetime(now)
    msg["Message-ID"] = row.message_id
    if row.in_reply_to:
        msg["In-Reply-To"] = row.in_reply_to
    if row.references:
        msg["References"] = row.references
    if ticket_number:
        msg["X-PackDesk-Ticket"] = ticket_number
    if row.kind in ("ack", "notice", "survey"):
        # RFC 3834: other robots must not answer these, so two auto-responders never loop
        msg["Auto-Submitted"] = "auto-replied" if row.kind == "ack" else "auto-generated"
    msg.set_content(row.body)
    return msg


def _smtp(mailbox: MailboxInfo) -> smtplib.SMTP:
    """Connected and signed in; a worded MailServerError (or the missing password's) otherwise."""
    secret = mailboxes.password(mailbox.name) if mailbox.smtp_user else ""
    context = ssl.create_default_context()
    try:
        if mailbox.smtp_tls == "ssl":
            conn: smtplib.SMTP = smtplib.SMTP_SSL(
                mailbox.smtp_host, mailbox.smtp_port, timeout=TIMEOUT_S, context=context
            )
        else:
            conn = smtplib.SMTP(mailbox.smtp_host, mailbox.smtp_port, timeout=TIMEOUT_S)
            if mailbox.smtp_tls == "starttls":
                conn.starttls(context=context)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailServerError("Mailbox {name}: SMTP {host}:{port}: {reason}", name=mailbox.name,
                              host=mailbox.smtp_host, port=mailbox.smtp_port,
                              reason=server_reason(exc)) from None
    if mailbox.smtp_user:
        try:
            conn.login(mailbox.smtp_user, secret)
        except (OSError, smtplib.SMTPException) as exc:
            conn.close()
            raise MailServerError("Mailbox {name}: SMTP {host} refused the sign-in of {user}: {reason}",
                                  name=mailbox.name, host=mailbox.smtp_host, user=mailbox.smtp_user,
                                  reason=server_reason(exc)) from None
    return conn


def _retry(row: MailMessage, error: str, now: dt.datetime) -> None:
    row.attempts += 1
    row.error = error[:300]
    if row.attempts >= GIVE_UP_AFTER:
        row.status = "failed"
    else:
        row.next_attempt_at = now + min(MAX_BACKOFF, dt.timedelta(minutes=2 ** min(row.attempts - 1, 10)))


def _history(s: Session, row: MailMessage, what: str, now: dt.datetime) -> None:
    if row.ticket_id is not None:
        s.add(
            TicketEvent(
                ticket_id=row.ticket_id,
                at=now,
                user_id=None,
                field="email",
                old="",
                new=f"{what} {row.to_addr} {row.message_id}"[:200],
            )
        )


def _mark_bounced(s: Session, address: str, reason: str, now: dt.datetime) -> None:
    marked = s.scalar(select(BouncedAddress).where(BouncedAddress.email == address))
    if marked is None:
        s.add(BouncedAddress(email=address, status="refused", reason=reason[:200], bounced_at=now))
    else:
        marked.bounces, marked.reason, marked.bounced_at = marked.bounces + 1, reason[:200], now


def send_queued(factory: sessionmaker[Session], now: dt.datetime, limit: int = 200) -> SendResult:
    """Queue new answers, then send what is due, one mailbox connection at a time; each message's
    outcome is committed as soon as the server answered for it."""
    with unit_of_work(factory) as s:
        queued = queue_new_answers(s, now) + queue_surveys(s, now)
        due = s.execute(
            select(MailMessage.id, MailMessage.mailbox_id)
            .where(MailMessage.status == "queued", MailMessage.next_attempt_at <= now)
            .order_by(MailMessage.id)
            .limit(limit)
        ).all()
        boxes = {m.id: mailboxes.info(m) for m in s.scalars(select(Mailbox))}
    sent = deferred = failed = 0
    by_box: dict[int, list[int]] = {}
    for message_id, box_id in due:
        if box_id is not None:  # queued mail always names its mailbox
            by_box.setdefault(box_id, []).append(message_id)
    for box_id, ids in by_box.items():
        mailbox = boxes[box_id]
        try:
            conn = _smtp(mailbox)
        except ConfigError as exc:  # MailServerError or no password: worded where shown
            with unit_of_work(factory) as s:
                for row in s.scalars(select(MailMessage).where(MailMessage.id.in_(ids))):
                    _retry(row, str(exc), now)
                s.get_one(Mailbox, box_id).last_error = stored(exc, limit=300)
            deferred += len(ids)
            continue
        try:
            for mid in ids:
                outcome = _send_one(factory, conn, mailbox, mid, now)
                sent += outcome == "sent"
                deferred += outcome == "queued"
                failed += outcome in ("failed", "bounced")
        finally:
            try:
                conn.quit()
            except (OSError, smtplib.SMTPException):
                conn.close()
    return SendResult(queued, sent, deferred, failed)


def _send_one(
    factory: sessionmaker[Session], conn: smtplib.SMTP, mailbox: MailboxInfo, mid: int, now: dt.datetime
) -> str:
    with unit_of_work(factory) as s:
        row = s.get_one(MailMessage, mid)
        if row.status != "queued":
            return row.status
        if _bounced(s, row.to_addr):
            row.status, row.error = "failed", f"{row.to_addr} bounced before; not sent."
            return row.status
        ticket = s.get(Ticket, row.ticket_id) if row.ticket_id else None
        msg = compose(row, mailbox, ticket.number if ticket else "", now)
        try:
            refused = conn.send_message(msg, from_addr=mailbox.address, to_addrs=[row.to_addr])
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            reason = f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
            if code >= 500:
                row.status, row.error = "bounced", reason[:300]
                _mark_bounced(s, row.to_addr, reason, now)
                _history(s, row, "refused", now)
            else:
                _retry(row, reason, now)
            return row.status
        except (OSError, smtplib.SMTPException) as exc:
            _retry(row, f"SMTP: {exc}", now)
            return row.status
        if refused:
            _retry(row, f"refused: {refused}", now)
            return row.status
        row.status, row.sent_at, row.attempts, row.error = "sent", now, row.attempts + 1, ""
        _history(s, row, "sent", now)
        return row.status
