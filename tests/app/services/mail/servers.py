"""The local mail servers scripts/setup-system.sh starts (postfix on 127.0.0.1:25, dovecot on
127.0.0.1:143) and their users, as the mail tests and the bench use them."""

from __future__ import annotations

import imaplib
import os
import re
import shutil
import smtplib
import socket
import subprocess
import time
from collections.abc import Callable
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


def settle() -> None:
    """Wait (up to 20 s) for postfix to deliver what an earlier test sent, bounces included, so it
    cannot land in the next test's mailbox."""
    if shutil.which("mailq") is None:
        return
    wait_until(
        "an empty postfix queue",
        lambda: "is empty" in subprocess.run(["mailq"], capture_output=True, text=True).stdout,
    )


def empty(user: tuple[str, str]) -> None:
    """Every folder of the user emptied (what a previous run left behind)."""
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
