"""What the ``packdesk mail`` and ``packdesk ticket`` commands do, as functions of a session
factory or a session: import saved .eml files, fetch every mailbox once, list and show tickets
as JSON-ready dicts (the email ids, delivery state and attachments of each message included)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.context import CurrentUser
from app.db import unit_of_work
from app.errors import DomainError, NotFound
from app.models.accounts import User
from app.models.mail import MailAttachment, MailMessage
from app.models.orders import Customer
from app.models.service import Interaction, Ticket, TicketEvent, TicketStatus
from app.permissions import require
from app.services.mail import fetch, mailboxes, thread

MAX_EML_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ImportReport:
    filed: tuple[tuple[str, thread.Filed], ...]  # (file, what became of it)
    failed: tuple[tuple[str, str], ...]  # (file, why)

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for _, f in self.filed:
            counts[f.outcome] = counts.get(f.outcome, 0) + 1
        parts = [f"{n} {what}" for what, n in sorted(counts.items())]
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts) or "no messages"


def import_path(
    factory: sessionmaker[Session],
    user: CurrentUser | None,
    path: Path,
    now: dt.datetime,
    mailbox: str | None = None,
) -> ImportReport:
    """``packdesk mail import FILE.eml|FOLDER``: each message filed in its own unit of work (a bad
    file is reported and costs only itself); a message imported twice is a duplicate."""
    require(user, "intake.import")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".eml" and p.is_file())
    elif path.is_file():
        files = [path]
    else:
        raise NotFound("No file or folder {path}.", path=path)
    box = None
    if mailbox is not None:
        with unit_of_work(factory) as s:
            box = mailboxes.mailbox_named(s, mailbox)
    filed: list[tuple[str, thread.Filed]] = []
    failed: list[tuple[str, str]] = []
    for file in files:
        try:
            if file.stat().st_size > MAX_EML_BYTES:
                raise DomainError("{file} is larger than {mb} MB.", file=file.name, mb=MAX_EML_BYTES // 2**20)
            with unit_of_work(factory) as s:
                filed.append((file.name, thread.file_message(s, file.read_bytes(), now, box)))
        except (DomainError, OSError) as exc:
            failed.append((file.name, str(exc)))
    return ImportReport(tuple(filed), tuple(failed))


def fetch_once(factory: sessionmaker[Session], now: dt.datetime) -> list[fetch.FetchResult]:
    """``packdesk mail fetch --once``: every active mailbox read once."""
    return fetch.fetch_all(factory, now)


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def ticket_list(
    s: Session, user: CurrentUser | None, status: str | None = None, limit: int = 500
) -> list[dict[str, Any]]:
    """``packdesk ticket list [--status S] --json``: newest first."""
    require(user, "service.use")
    query = (
        select(Ticket, Customer.name, User.display_name)
        .join(Customer, Customer.id == Ticket.customer_id)
        .outerjoin(User, User.id == Ticket.assignee_id)
        .order_by(Ticket.created_at.desc(), Ticket.id.desc())
        .limit(limit)
    )
    if status is not None:
        try:
            query = query.where(Ticket.status == TicketStatus(status))
        except ValueError:
            raise DomainError(
                "Unknown status {status!r}; use one of {known}.",
                status=status,
                known=", ".join(st.value for st in TicketStatus),
            ) from None
    return [
        {
            "number": t.number,
            "subject": t.subject,
            "status": t.status.value,
            "priority": t.priority.value,
            "channel": t.channel.value,
            "category": t.category,
            "queue": t.queue,
            "customer": name,
            "assignee": assignee or "",
            "created_at": _iso(t.created_at),
            "first_response_due": _iso(t.first_response_due),
            "resolution_due": _iso(t.resolution_due),
        }
        for t, name, assignee in s.execute(query)
    ]


def ticket_show(s: Session, user: CurrentUser | None, number: str) -> dict[str, Any]:
    """``packdesk ticket show NUMBER --json``: the ticket, its messages with their email ids,
    delivery state and attachments, and its history."""
    require(user, "service.use")
    ticket = s.scalar(select(Ticket).where(Ticket.number == number.strip().upper()))
    if ticket is None:
        raise NotFound("No ticket {number}.", number=number)
    customer = s.get(Customer, ticket.customer_id)
    mails = {
        m.interaction_id: m
        for m in s.scalars(select(MailMessage).where(MailMessage.ticket_id == ticket.id))
        if m.interaction_id is not None
    }
    attachments: dict[int, list[dict[str, Any]]] = {}
    for a in s.scalars(
        select(MailAttachment).where(MailAttachment.message_id.in_([m.id for m in mails.values()]))
    ):
        attachments.setdefault(a.message_id, []).append(
            {
                "id": a.id,
                "filename": a.filename,
                "content_type": a.content_type,
                "size": a.size,
                "stored": a.data is not None,
            }
        )
    messages = []
    for i in s.scalars(
        select(Interaction)
        .where(Interaction.ticket_id == ticket.id)
        .order_by(Interaction.occurred_at, Interaction.id)
    ):
        mail = mails.get(i.id)
        entry: dict[str, Any] = {
            "at": _iso(i.occurred_at),
            "direction": i.direction.value,
            "channel": i.channel.value,
            "body": i.body,
        }
        if mail is not None:
            entry["email"] = {
                "message_id": mail.message_id,
                "from": mail.from_addr,
                "to": mail.to_addr,
                "subject": mail.subject,
                "status": mail.status,
                "kind": mail.kind,
                "sent_at": _iso(mail.sent_at),
                "error": mail.error,
                "attachments": attachments.get(mail.id, []),
            }
        messages.append(entry)
    history = [
        {"at": _iso(e.at), "field": e.field, "old": e.old, "new": e.new, "user_id": e.user_id}
        for e in s.scalars(
            select(TicketEvent)
            .where(TicketEvent.ticket_id == ticket.id)
            .order_by(TicketEvent.at, TicketEvent.id)
        )
    ]
    return {
        "number": ticket.number,
        "subject": ticket.subject,
        "status": ticket.status.value,
        "priority": ticket.priority.value,
        "channel": ticket.channel.value,
        "category": ticket.category,
        "queue": ticket.queue,
        "language": ticket.language,
        "customer": customer.name if customer else "",
        "customer_id": ticket.customer_id,
        "created_at": _iso(ticket.created_at),
        "first_response_due": _iso(ticket.first_response_due),
        "resolution_due": _iso(ticket.resolution_due),
        "messages": messages,
        "history": history,
    }
