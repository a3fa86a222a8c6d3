"""Mail: fetch every active mailbox into tickets, and send what is queued (agents' answers,
acknowledgements, notices), retrying a server that was down. ``MailWatch`` keeps an IMAP IDLE on
each mailbox so new mail runs the fetch job at once, not at its next period."""

from __future__ import annotations

import contextlib
import datetime as dt
import imaplib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from app.services.mail.mailboxes import MailboxInfo

log = logging.getLogger(__name__)
IDLE_S = 25 * 60  # RFC 2177: servers may drop an IDLE after 30 minutes, so it is renewed before
RETRY_S = 30.0  # a server that is away is tried again this much later


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


class MailWatch:
    """One thread per active mailbox holding an IMAP IDLE: mail arriving nudges the worker's
    ``mail.fetch`` job (the fetch itself stays the job's, with its lease and crash safety). A
    server without IDLE is left to the job's polling; one that is away is tried again."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        stop: threading.Event,
        on_mail: Callable[[str], None] | None = None,
    ) -> None:
        from app.jobs.worker import nudge

        self.factory = factory
        self.stop = stop
        self.on_mail = on_mail or (lambda _name: nudge("mail.fetch"))
        self.state: dict[str, str] = {}  # mailbox -> "idle", "polling" (no IDLE) or "retrying: why"
        self.threads: list[threading.Thread] = []

    def start(self) -> MailWatch:
        from app.db import read_only
        from app.services.mail import mailboxes

        with read_only(self.factory) as s:
            boxes = mailboxes.mailboxes(s)
        for box in boxes:
            thread = threading.Thread(target=self._watch, args=(box,), name=f"mail-idle-{box.name}",
                                      daemon=True)
            thread.start()
            self.threads.append(thread)
        return self

    def join(self, timeout_s: float = 5.0) -> None:
        for thread in self.threads:
            thread.join(timeout_s)

    def _watch(self, box: MailboxInfo) -> None:
        from app.services.mail import fetch

        while not self.stop.is_set():
            try:
                conn = fetch.connect(box)
            except fetch.MailServerError as exc:
                self._retry(box, exc)
                continue
            try:
                if "IDLE" not in conn.capabilities:
                    self.state[box.name] = "polling"
                    log.info("mailbox %s: the server has no IDLE; fetched every poll", box.name)
                    return
                self.state[box.name] = "idle"
                log.info("mailbox %s: waiting for mail (IDLE)", box.name)
                while not self.stop.is_set():
                    if fetch.wait_for_mail(conn, IDLE_S, self.stop):
                        self.on_mail(box.name)
            except (OSError, imaplib.IMAP4.error) as exc:
                self._retry(box, exc)
            finally:
                with contextlib.suppress(OSError, imaplib.IMAP4.error):
                    conn.logout()

    def _retry(self, box: MailboxInfo, exc: Exception) -> None:
        self.state[box.name] = f"retrying: {exc}"
        log.warning("mailbox %s: IDLE watch stopped (%s); again in %.0f s", box.name, exc, RETRY_S)
        self.stop.wait(RETRY_S)
