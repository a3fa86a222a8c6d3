"""Reading a mailbox by IMAP: new messages by UID (a changed UIDVALIDITY starts the folder over;
Message-IDs keep that from duplicating anything), filed in batches, and marked seen or moved on
the server only after their tickets are committed. A crash before the commit refetches the
batch; a crash after it leaves rows not yet ``flagged``, which the next fetch marks first. So a
message is never lost and never makes two tickets. ``wait_for_mail`` uses IDLE where offered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import imaplib
import re
import select as selectlib
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db import unit_of_work
from app.errors import ConfigError
from app.i18n import reword, stored
from app.models.mail import Mailbox, MailMessage
from app.services.mail import mailboxes
from app.services.mail.mailboxes import MailboxInfo
from app.services.mail.thread import Filed, file_message, robot

TIMEOUT_S = 60
BATCH = 100  # messages fetched and committed together
STOP_CHECK_S = 0.5  # how soon an IDLE wait sees its stop event (a local check, no traffic)


def _no_checkpoint(where: str) -> None:
    return None


# Called at "fetched" (bytes in hand, nothing committed) and "committed" (tickets committed, the
# server not yet told); the crash tests stop the process there.
checkpoint: Callable[[str], None] = _no_checkpoint


@dataclass(frozen=True)
class FetchResult:
    mailbox: str
    filed: tuple[Filed, ...] = ()
    failed: tuple[str, ...] = ()  # "uid 12: why", left unseen on the server
    error: str = ""  # the mailbox could not be read at all, kept as app.i18n.stored keeps it

    @property
    def opened(self) -> int:
        return sum(f.outcome == "opened" for f in self.filed)

    def error_in(self, lang: str) -> str:
        return reword(self.error, lang)


class MailServerError(ConfigError):
    """A mail server refused us or could not be reached."""


def connect(mailbox: MailboxInfo, password: str | None = None) -> imaplib.IMAP4:
    """Signed in, with the mailbox's folder selected."""
    try:
        if mailbox.imap_tls == "ssl":
            conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                mailbox.imap_host,
                mailbox.imap_port,
                ssl_context=ssl.create_default_context(),
                timeout=TIMEOUT_S,
            )
        else:
            conn = imaplib.IMAP4(mailbox.imap_host, mailbox.imap_port, timeout=TIMEOUT_S)
            if mailbox.imap_tls == "starttls":
                conn.starttls(ssl.create_default_context())
        secret = password if password is not None else mailboxes.password(mailbox.name)
        try:
            conn.login(mailbox.imap_user, secret)
        except imaplib.IMAP4.error as exc:
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                conn.shutdown()
            raise MailServerError(
                "Mailbox {name}: cannot sign in to {host} as {user}: {reason}",
                name=mailbox.name,
                host=mailbox.imap_host,
                user=mailbox.imap_user,
                reason=server_reason(exc),
            ) from None
        typ, _ = conn.select(_quoted(mailbox.imap_folder))
        if typ != "OK":
            raise MailServerError(
                "Mailbox {name}: no folder {folder} on {host}.",
                name=mailbox.name,
                folder=mailbox.imap_folder,
                host=mailbox.imap_host,
            )
        return conn
    except (OSError, imaplib.IMAP4.error) as exc:
        raise MailServerError(
            "Mailbox {name}: IMAP {host}:{port}: {error}",
            name=mailbox.name,
            host=mailbox.imap_host,
            port=mailbox.imap_port,
            error=server_reason(exc),
        ) from None


def server_reason(exc: Exception) -> str:
    """What the server or the network said, without imaplib's or smtplib's wrapping (b'...')."""
    said = getattr(exc, "smtp_error", None)
    if said is None and exc.args and isinstance(exc.args[0], bytes):
        said = exc.args[0]
    text = said.decode(errors="replace") if isinstance(said, bytes) else str(exc)
    return " ".join(text.split())


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def uidvalidity(conn: imaplib.IMAP4) -> int:
    value = conn.untagged_responses.get("UIDVALIDITY", [b"0"])[-1]
    return int(value if isinstance(value, bytes) else value[0])


def new_uids(conn: imaplib.IMAP4, after: int) -> list[int]:
    typ, data = conn.uid("SEARCH", f"UID {after + 1}:*")  # no CHARSET: the criteria are ASCII
    if typ != "OK":
        raise imaplib.IMAP4.error(f"UID SEARCH failed: {data!r}")
    # "n:*" names the last message even when its UID is below n
    return sorted(u for u in (int(x) for x in (data[0] or b"").split()) if u > after)


def fetch_raw(conn: imaplib.IMAP4, uids: list[int]) -> dict[int, bytes]:
    """The whole messages, without setting \\Seen (BODY.PEEK)."""
    typ, data = conn.uid("FETCH", ",".join(map(str, uids)), "(UID BODY.PEEK[])")
    if typ != "OK":
        raise imaplib.IMAP4.error(f"UID FETCH failed: {data!r}")
    out: dict[int, bytes] = {}
    for item in data:
        if isinstance(item, tuple):
            found = re.search(rb"UID (\d+)", item[0])
            if found:
                out[int(found.group(1))] = item[1]
    return out


def mark_done(conn: imaplib.IMAP4, mailbox: MailboxInfo, uids: list[int]) -> None:
    """Seen, or moved to the processed folder when the mailbox names one."""
    if not uids:
        return
    ids = ",".join(map(str, uids))
    if not mailbox.processed_folder:
        conn.uid("STORE", ids, "+FLAGS.SILENT", r"(\Seen)")
        return
    folder = _quoted(mailbox.processed_folder)
    conn.create(folder)  # already there is fine: the answer is ignored
    if "MOVE" in conn.capabilities:
        typ, data = conn.uid("MOVE", ids, folder)
    else:
        typ, data = conn.uid("COPY", ids, folder)
        if typ == "OK":
            conn.uid("STORE", ids, "+FLAGS.SILENT", r"(\Seen \Deleted)")
            conn.expunge()
    if typ != "OK":
        raise imaplib.IMAP4.error(f"moving to {mailbox.processed_folder} failed: {data!r}")


def _unflagged(factory: sessionmaker[Session], mailbox_id: int, validity: int) -> list[int]:
    with unit_of_work(factory) as s:
        return list(
            s.scalars(
                select(MailMessage.imap_uid).where(
                    MailMessage.mailbox_id == mailbox_id,
                    MailMessage.uidvalidity == validity,
                    MailMessage.flagged.is_(False),
                    MailMessage.imap_uid.is_not(None),
                    MailMessage.direction == "inbound",
                )
            )
        )


def _set_flagged(factory: sessionmaker[Session], mailbox_id: int, validity: int, uids: list[int]) -> None:
    with unit_of_work(factory) as s:
        for row in s.scalars(
            select(MailMessage).where(
                MailMessage.mailbox_id == mailbox_id,
                MailMessage.uidvalidity == validity,
                MailMessage.imap_uid.in_(uids),
            )
        ):
            row.flagged = True


def _file_batch(
    factory: sessionmaker[Session],
    mailbox: MailboxInfo,
    validity: int,
    raws: dict[int, bytes],
    now: dt.datetime,
) -> tuple[list[Filed], list[str], list[int]]:
    """One transaction for the batch, a savepoint per message so one bad message costs only itself."""
    filed: list[Filed] = []
    failed: list[str] = []
    done: list[int] = []
    with unit_of_work(factory) as s:
        robot(s)  # outside the savepoints: a message rolled back never takes the robot with it
        for uid in sorted(raws):
            try:
                with s.begin_nested():
                    result = file_message(s, raws[uid], now, mailbox, uid=uid, uidvalidity=validity)
                filed.append(result)
                done.append(uid)
            except Exception as exc:  # a message we cannot file stays unseen on the server for a person
                failed.append(f"uid {uid}: {type(exc).__name__}: {exc}"[:300])
        row = s.get_one(Mailbox, mailbox.id)
        row.last_uid = max(row.last_uid, max(raws))
        row.uidvalidity = validity
        row.last_fetch_at, row.last_error = now, ("; ".join(failed))[:300]
    return filed, failed, done


def fetch_mailbox(
    factory: sessionmaker[Session],
    mailbox: MailboxInfo,
    now: dt.datetime,
    *,
    password: str | None = None,
    batch: int = BATCH,
) -> FetchResult:
    """Everything new in the mailbox's folder, filed; the server told only after each commit."""
    conn = connect(mailbox, password)
    try:
        validity = uidvalidity(conn)
        leftovers = _unflagged(factory, mailbox.id, validity)
        if leftovers:  # committed by a run that stopped before telling the server
            mark_done(conn, mailbox, leftovers)
            _set_flagged(factory, mailbox.id, validity, leftovers)
        after = mailbox.last_uid if mailbox.uidvalidity == validity else 0
        uids = new_uids(conn, after)
        filed: list[Filed] = []
        failed: list[str] = []
        for start in range(0, len(uids), batch):
            raws = fetch_raw(conn, uids[start : start + batch])
            if not raws:
                continue
            checkpoint("fetched")
            got, bad, done = _file_batch(factory, mailbox, validity, raws, now)
            checkpoint("committed")
            mark_done(conn, mailbox, done)
            _set_flagged(factory, mailbox.id, validity, done)
            filed += got
            failed += bad
        if not uids:
            with unit_of_work(factory) as s:
                row = s.get_one(Mailbox, mailbox.id)
                row.uidvalidity, row.last_fetch_at, row.last_error = validity, now, ""
        return FetchResult(mailbox.name, tuple(filed), tuple(failed))
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            conn.logout()


def fetch_all(factory: sessionmaker[Session], now: dt.datetime) -> list[FetchResult]:
    """Every active mailbox once; a mailbox that cannot be read is reported and the rest go on."""
    with unit_of_work(factory) as s:
        boxes = mailboxes.mailboxes(s)
    results = []
    for mailbox in boxes:
        try:
            results.append(fetch_mailbox(factory, mailbox, now))
        except (ConfigError, OSError, imaplib.IMAP4.error) as exc:
            kept = stored(exc, limit=300)  # worded by each screen in its own language
            with unit_of_work(factory) as s:
                row = s.get_one(Mailbox, mailbox.id)
                row.last_error, row.last_fetch_at = kept, now
            results.append(FetchResult(mailbox.name, error=kept))
    return results


def wait_for_mail(conn: imaplib.IMAP4, timeout_s: float, stop: threading.Event | None = None) -> bool:
    """Block until the server reports new mail (IDLE), `timeout_s` passes or `stop` is set; True
    when mail came. Without IDLE it returns False at once and the caller polls."""
    if "IDLE" not in conn.capabilities:
        return False
    tag = conn._new_tag()  # imaplib before 3.14 has no idle(): speak RFC 2177 on its socket
    conn.send(tag + b" IDLE\r\n")
    if not conn.readline().startswith(b"+"):
        raise imaplib.IMAP4.error("the server did not accept IDLE")
    deadline = time.monotonic() + timeout_s
    arrived = False
    try:
        # select, not a socket timeout: a timed-out socket file cannot be read again
        while not arrived and not (stop is not None and stop.is_set()):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            if not selectlib.select([conn.socket()], [], [], min(left, STOP_CHECK_S))[0]:
                continue
            line = conn.readline()
            if not line:
                raise imaplib.IMAP4.abort("the server closed the connection during IDLE")
            arrived = bool(re.match(rb"\* \d+ (EXISTS|RECENT)", line))
    finally:
        conn.send(b"DONE\r\n")
        while True:
            line = conn.readline()
            if not line or line.startswith(tag):
                break
    return arrived
