"""Mail: fetch every active mailbox into tickets, and send what is queued (agents' answers,
acknowledgements, notices), retrying a server that was down. ``MailWatch`` keeps an IMAP IDLE on
each mailbox so new mail runs the fetch job at once, not at its next period."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import imaplib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from app.services.mail.mailboxes import MailboxInfo

log = logging.getLogger(__name__)
IDLE_S = 25 * 60  # RFC 2177: servers may drop an IDLE after 30 minutes, so it is renewed before
RETRY_S = 30.0  # a server that is away is tried again this much later
RESCAN_S = 15.0  # how soon a mailbox added, changed or disabled in Setup is watched or let go


def fetch_all(factory: sessionmaker[Session], now: dt.datetime) -> str:
    from app.services.mail import fetch

    results = fetch.fetch_all(factory, now)
    if not results:
        return "no mailboxes"
    parts = []
    for r in results:
        if r.error:
            parts.append(f"{r.mailbox}: {r.error_in('en')}")  # a job summary is English, as logs are
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
    server without IDLE is left to the job's polling; one that is away is tried again. The list of
    mailboxes is read again every ``rescan_s``: a mailbox added in Setup is watched, one disabled,
    deleted or pointed elsewhere is let go (or watched anew), all without restarting the worker."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        stop: threading.Event,
        on_mail: Callable[[str], None] | None = None,
        rescan_s: float = RESCAN_S,
    ) -> None:
        from app.jobs.worker import nudge

        self.factory = factory
        self.stop = stop
        self.on_mail = on_mail or (lambda _name: nudge("mail.fetch"))
        self.rescan_s = rescan_s
        self.state: dict[str, str] = {}  # mailbox -> "idle", "polling" (no IDLE) or "retrying: why"
        self.watching: dict[str, _Watched] = {}
        self.threads: list[threading.Thread] = []  # every thread started, the rescanning one first

    def start(self) -> MailWatch:
        self.rescan()  # the mailboxes there now are watched before start() returns
        self._spawn(self._rescan_until_stopped, "mail-idle-rescan")
        return self

    def join(self, timeout_s: float = 5.0) -> None:
        for thread in self.threads:
            thread.join(timeout_s)

    def rescan(self) -> None:
        """Watch the active mailboxes as the database lists them now."""
        from app.db import read_only
        from app.services.mail import mailboxes

        try:
            with read_only(self.factory) as s:
                boxes = {box.name: box for box in mailboxes.mailboxes(s)}
        except Exception as exc:  # a database away for a moment: keep what is watched, look again later
            log.warning("mail watch: cannot read the mailboxes (%s); again in %.0f s", exc, self.rescan_s)
            return
        for name, watched in list(self.watching.items()):
            if _where(boxes.get(name)) != _where(watched.box):
                log.info("mailbox %s: %s; its IDLE watch stops", name,
                         "changed" if name in boxes else "disabled or removed")
                watched.stop.set()
                del self.watching[name]
                self.state.pop(name, None)
        for name, box in boxes.items():
            if name not in self.watching and not self.stop.is_set():
                watched = _Watched(box, threading.Event())
                self.watching[name] = watched
                self._spawn(functools.partial(self._watch, watched), f"mail-idle-{name}")

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self.threads.append(thread)

    def _rescan_until_stopped(self) -> None:
        while not self.stop.wait(self.rescan_s):
            self.rescan()
        for watched in self.watching.values():
            watched.stop.set()

    def _watch(self, watched: _Watched) -> None:
        from app.services.mail import fetch

        box, stop = watched.box, watched.stop
        while not (stop.is_set() or self.stop.is_set()):
            try:
                conn = fetch.connect(box)
            except fetch.MailServerError as exc:
                self._retry(watched, exc)
                continue
            try:
                if "IDLE" not in conn.capabilities:
                    self._say(watched, "polling")
                    log.info("mailbox %s: the server has no IDLE; fetched every poll", box.name)
                    return
                self._say(watched, "idle")
                log.info("mailbox %s: waiting for mail (IDLE)", box.name)
                while not (stop.is_set() or self.stop.is_set()):
                    if fetch.wait_for_mail(conn, IDLE_S, stop):
                        self.on_mail(box.name)
            except (OSError, imaplib.IMAP4.error) as exc:
                self._retry(watched, exc)
            finally:
                with contextlib.suppress(OSError, imaplib.IMAP4.error):
                    conn.logout()

    def _say(self, watched: _Watched, state: str) -> None:
        if self.watching.get(watched.box.name) is watched:  # a watch let go says nothing any more
            self.state[watched.box.name] = state

    def _retry(self, watched: _Watched, exc: Exception) -> None:
        if watched.stop.is_set():
            return
        self._say(watched, f"retrying: {exc}")
        log.warning("mailbox %s: IDLE watch stopped (%s); again in %.0f s", watched.box.name, exc, RETRY_S)
        watched.stop.wait(RETRY_S)


@dataclass(frozen=True)
class _Watched:
    box: MailboxInfo
    stop: threading.Event  # set when the mailbox is let go, and for all when the worker stops


def _where(box: MailboxInfo | None) -> tuple[object, ...] | None:
    """What an IDLE connection depends on: a change of any of it needs a new connection."""
    if box is None:
        return None
    return (box.address, box.imap_host, box.imap_port, box.imap_tls, box.imap_user, box.imap_folder)
