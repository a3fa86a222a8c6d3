"""Mail: fetch every active mailbox into tickets, and send what is queued (agents' answers,
acknowledgements, notices), retrying a server that was down."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker


def fetch_all(factory: sessionmaker[Session], now: dt.datetime) -> str:
    from app.services.mail import fetch

    results = fetch.fetch_all(factory, now)
    if not results:
        return "no mailboxes"
    parts = []
    for r in results:
        if r.error:
            parts.append(f"{r.mailbox}: {r.error}")
        else:
            failed = f", {len(r.failed)} not filed" if r.failed else ""
            parts.append(f"{r.mailbox}: {len(r.filed)} messages, {r.opened} new tickets{failed}")
    return "; ".join(parts)


def send_queued(factory: sessionmaker[Session], now: dt.datetime) -> str:
    from app.services.mail import send

    r = send.send_queued(factory, now)
    return f"queued {r.queued}, sent {r.sent}, deferred {r.deferred}, failed {r.failed}"
