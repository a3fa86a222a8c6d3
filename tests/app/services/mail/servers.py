"""The local mail servers scripts/setup-system.sh starts (postfix on 127.0.0.1:25, dovecot on
127.0.0.1:143) and their users, as the mail tests and the bench use them. Tests share the users'
mailboxes (with each other and with a test run next to theirs), so each test works in its own
``Lane``: addresses with its own token (postfix delivers ``pdshop+TOKEN@localhost`` to pdshop) and
its own folder, and it reads, moves and deletes only the messages delivered to its token."""

from __future__ import annotations

import imaplib
import os
import re
import smtplib
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage

import pytest

HOST = "127.0.0.1"
SMTP_PORT = 25
IMAP_PORT = 143
SHOP = ("pdshop", "packdesk-shop")  # the shop's service address: pdshop@localhost
CUSTOMER = ("pdcustomer", "packdesk-customer")
BENCH = ("pdbench", "packdesk-bench")


def address(user: tuple[str, str]) -> str:
    return f"{user[0]}@localhost"


def servers_running() -> str:
    """ "" when both servers answer, else why not."""
    for port, what in ((SMTP_PORT, "SMTP"), (IMAP_PORT, "IMAP")):
        try:
            socket.create_connection((HOST, port), timeout=2).close()
        except OSError as exc:
            return f"no {what} server on {HOST}:{port} ({exc}); run scripts/setup-system.sh"
    return ""


def require_servers() -> None:
    """Skip with the reason when the servers are not running; fail under PACKDESK_REQUIRE_MAIL=1."""
    why = servers_running()
    if why:
        if os.environ.get("PACKDESK_REQUIRE_MAIL") == "1":
            pytest.fail(f"PACKDESK_REQUIRE_MAIL=1 but {why}")
        pytest.skip(why)


def imap(user: tuple[str, str], folder: str = "INBOX") -> imaplib.IMAP4:
    conn = imaplib.IMAP4(HOST, IMAP_PORT, timeout=30)
    conn.login(*user)
    conn.select(folder)
    return conn


def empty(user: tuple[str, str]) -> None:
    """Every folder of the user emptied: only for a user one process has to itself (the bench's)."""
    conn = imap(user)
    _, folders = conn.list()
    for line in folders or []:
        found = re.match(r'\((.*?)\) (NIL|"[^"]*") (.+)$', line.decode() if isinstance(line, bytes) else "")
        name = found.group(3).strip('"') if found else "INBOX"
        if conn.select(f'"{name}"')[0] == "OK":
            conn.uid("STORE", "1:*", "+FLAGS.SILENT", r"(\Deleted)")
            conn.expunge()
    conn.logout()


def send(msg: EmailMessage) -> None:
    with smtplib.SMTP(HOST, SMTP_PORT, timeout=30) as smtp:
        smtp.send_message(msg)


def messages(
    user: tuple[str, str], folder: str = "INBOX", criteria: str = "ALL"
) -> list[tuple[int, bytes, bytes]]:
    """(uid, flags, raw bytes) of each message, read without marking anything seen."""
    conn = imap(user, folder)
    try:
        _, data = conn.uid("SEARCH", None, criteria)
        out = []
        for uid in (data[0] or b"").split():
            _, got = conn.uid("FETCH", uid, "(FLAGS BODY.PEEK[])")
            out.append((int(uid), got[0][0], got[0][1]))
        return out
    finally:
        conn.logout()


def wait_until(what: str, check: Callable[[], object], timeout_s: float = 20) -> object:
    """Poll `check` until it returns something true (mail delivery takes about a second)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(0.2)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class Lane:
    """One test's share of the shop's and the customer's mailboxes. Mail to ``shop`` lands in the
    shop's INBOX next to everyone else's; ``arrived`` moves this lane's messages (and the bounces
    of what it sent) into ``folder``, which the lane's mailbox reads, as a server-side sorting rule
    would. ``received`` is what reached the customer at this lane's addresses."""

    token: str = field(default_factory=lambda: "t" + uuid.uuid4().hex[:12])

    @property
    def shop(self) -> str:
        return f"{SHOP[0]}+{self.token}@localhost"

    def customer(self, n: int | None = None) -> str:
        return f"{CUSTOMER[0]}+{self.token}{'' if n is None else f'.{n}'}@localhost"

    @property
    def folder(self) -> str:
        return f"PD-{self.token}"

    @property
    def done_folder(self) -> str:
        return f"PD-{self.token}-done"

    def criteria(self) -> str:
        """This lane's messages: postfix names the address it delivered to, extension and all."""
        return f"HEADER Delivered-To {_quoted(self.token)}"

    def open(self) -> Lane:
        conn = imap(SHOP)
        try:
            conn.create(_quoted(self.folder))
        finally:
            conn.logout()
        return self

    def sort(self) -> int:
        """Move this lane's messages from the shop's INBOX into its folder; how many were moved."""
        conn = imap(SHOP)
        try:
            _, data = conn.uid("SEARCH", None, self.criteria())
            uids = (data[0] or b"").decode().split()
            if uids and conn.uid("MOVE", ",".join(uids), _quoted(self.folder))[0] != "OK":
                raise AssertionError(f"moving {uids} to {self.folder} failed")
            return len(uids)
        finally:
            conn.logout()

    def arrived(self, n: int, folder: str = "") -> list[tuple[int, bytes, bytes]]:
        """Wait until ``n`` messages of this lane are in its folder (or ``folder``), sorting them there."""

        def enough() -> list[tuple[int, bytes, bytes]]:
            self.sort()
            got = messages(SHOP, folder or self.folder)
            return got if len(got) >= n else []

        return wait_until(f"{n} messages in {folder or self.folder}", enough)  # type: ignore[return-value]

    def deliver(self, msg: EmailMessage, n: int = 1) -> list[tuple[int, bytes, bytes]]:
        """Send ``msg`` through postfix and wait until it is the ``n``-th message in the lane's folder."""
        send(msg)
        return self.arrived(n)

    def received(self) -> list[tuple[int, bytes, bytes]]:
        """What reached the customer at this lane's addresses."""
        return messages(CUSTOMER, criteria=self.criteria())

    def close(self) -> None:
        """This lane's messages deleted, its folders too; nobody else's touched."""
        for user, folders in ((SHOP, (self.folder, self.done_folder)), (CUSTOMER, ())):
            conn = imap(user)
            try:
                _, data = conn.uid("SEARCH", None, self.criteria())
                uids = (data[0] or b"").decode().split()
                if uids:
                    conn.uid("STORE", ",".join(uids), "+FLAGS.SILENT", r"(\Deleted)")
                    conn.expunge()
                conn.close()
                for name in folders:
                    conn.delete(_quoted(name))  # a folder never made answers NO: fine
            finally:
                conn.logout()
