"""Fetching from the local dovecot: new mail by UID, marked seen (or moved) only after its
ticket is committed, a process killed with SIGKILL between fetch and commit or between commit
and marking loses nothing and duplicates nothing, UIDVALIDITY, IDLE, unreachable servers."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import read_only, session_factory, unit_of_work
from app.models.mail import Mailbox, MailMessage
from app.models.service import Ticket
from app.services.mail import fetch
from tests.app.services.mail import servers
from tests.app.services.mail.conftest import local_mailbox

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
ROOT = Path(__file__).resolve().parents[4]


def _customer_writes(lane: servers.Lane, n: int, subject: str = "我的包裹", before: int = 0) -> None:
    """``n`` customers write to the shop (``before`` messages are in the lane's folder already)."""
    for i in range(n):
        msg = EmailMessage()
        msg["From"] = f"顾客{i} <{lane.customer(before + i)}>"
        msg["To"] = lane.shop
        msg["Subject"] = f"{subject} {i}"
        msg.set_content(f"第{i}封：快递还没到")
        servers.send(msg)
    lane.arrived(before + n)


def _tickets(engine) -> int:
    with read_only(session_factory(engine)) as s:
        return s.scalar(select(func.count()).select_from(Ticket)) or 0


def _seen(lane: servers.Lane) -> list[bool]:
    return [b"\\Seen" in flags for _, flags, _ in servers.messages(servers.SHOP, lane.folder)]


def test_new_mail_is_filed_by_uid_and_marked_seen_after_its_ticket_is_committed(engine, mail_servers):
    box = local_mailbox(engine, mail_servers)
    factory = session_factory(engine)
    _customer_writes(mail_servers, 2)
    [result] = fetch.fetch_all(factory, T0)
    assert (result.error, result.opened, _tickets(engine), _seen(mail_servers)) == ("", 2, 2, [True, True])
    assert fetch.fetch_all(factory, T0)[0].filed == ()
    _customer_writes(mail_servers, 1, "又一封", before=2)
    [again] = fetch.fetch_all(factory, T0)
    assert [f.outcome for f in again.filed] == ["opened"] and _tickets(engine) == 3
    with read_only(factory) as s:
        row = s.get(Mailbox, box.id)
        last = max(uid for uid, _, _ in servers.messages(servers.SHOP, mail_servers.folder))
        assert row.last_uid == last and row.uidvalidity and row.last_error == ""


CHILD = textwrap.dedent(
    """
    import datetime as dt, sys
    from app.db import make_engine, session_factory
    from app.services.mail import fetch

    def stop(where):
        if where == sys.argv[2]:
            print("at", where, flush=True)
            sys.stdin.readline()  # the parent kills us here

    fetch.checkpoint = stop
    fetch.fetch_all(session_factory(make_engine(sys.argv[1])), dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    print("finished", flush=True)
    """
)


@pytest.mark.parametrize("point", ["fetched", "committed"])
def test_fetch_killed_with_sigkill_then_run_again_gives_exactly_one_ticket_per_message(
    engine, mail_servers, point
):
    local_mailbox(engine, mail_servers)
    _customer_writes(mail_servers, 3)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, engine.url.render_as_string(hide_password=False), point],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == f"at {point}"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert _seen(mail_servers) == [False, False, False]  # the server was not told before the kill
    assert _tickets(engine) == (3 if point == "committed" else 0)
    fetch.fetch_all(session_factory(engine), T0)
    assert _tickets(engine) == 3 and _seen(mail_servers) == [True, True, True]
    with read_only(session_factory(engine)) as s:
        inbound = MailMessage.direction == "inbound"
        assert s.scalar(select(func.count(func.distinct(MailMessage.key))).where(inbound)) == 3
        assert (
            s.scalar(
                select(func.count())
                .select_from(MailMessage)
                .where(MailMessage.flagged.is_(False), MailMessage.direction == "inbound")
            )
            == 0
        )


def test_a_changed_uidvalidity_reads_the_folder_again_without_duplicating_anything(engine, mail_servers):
    box = local_mailbox(engine, mail_servers)
    factory = session_factory(engine)
    _customer_writes(mail_servers, 2)
    fetch.fetch_all(factory, T0)
    with unit_of_work(factory) as s:
        s.get_one(Mailbox, box.id).uidvalidity = 1  # the server renumbered the folder since
    [again] = fetch.fetch_all(factory, T0)
    assert [f.outcome for f in again.filed] == ["duplicate", "duplicate"] and _tickets(engine) == 2


def test_processed_mail_is_moved_to_the_mailboxes_folder(engine, mail_servers):
    local_mailbox(engine, mail_servers, processed_folder=mail_servers.done_folder)
    _customer_writes(mail_servers, 2)
    fetch.fetch_all(session_factory(engine), T0)
    assert servers.messages(servers.SHOP, mail_servers.folder) == []
    assert len(servers.messages(servers.SHOP, mail_servers.done_folder)) == 2


def test_idle_returns_when_mail_arrives_and_after_its_timeout_when_none_does(engine, mail_servers):
    box = local_mailbox(engine, mail_servers)
    conn = fetch.connect(box)
    try:
        t0 = time.monotonic()
        assert fetch.wait_for_mail(conn, 0.5) is False and time.monotonic() - t0 < 3
        got: list[bool] = []
        waiter = threading.Thread(target=lambda: got.append(fetch.wait_for_mail(conn, 30)))
        waiter.start()
        time.sleep(0.3)
        t0 = time.monotonic()
        _customer_writes(mail_servers, 1)
        waiter.join(30)
        assert got == [True] and time.monotonic() - t0 < 15
        assert conn.noop()[0] == "OK"  # the connection is usable after IDLE
    finally:
        conn.logout()


def test_unreachable_server_or_wrong_password_is_one_clear_line_and_other_mailboxes_still_run(
    engine, mail_servers, monkeypatch
):
    local_mailbox(engine, mail_servers, name="down", imap_port=1)
    local_mailbox(engine, mail_servers, name="wrong", address="w@localhost")
    monkeypatch.setenv("PACKDESK_MAIL_WRONG_PASSWORD", "not-it")
    local_mailbox(engine, mail_servers)
    _customer_writes(mail_servers, 1)
    down, wrong, shop = fetch.fetch_all(session_factory(engine), T0)
    assert down.error_in("en").startswith("Mailbox down: IMAP 127.0.0.1:1: [Errno 111]")
    assert "\n" not in down.error_in("en")
    assert wrong.error_in("en") == (
        "Mailbox wrong: cannot sign in to 127.0.0.1 as pdshop: [AUTHENTICATIONFAILED] Authentication failed.")
    assert wrong.error_in("zh_CN").startswith("邮箱 wrong：无法以 pdshop 登录 127.0.0.1：")
    assert shop.opened == 1
    with read_only(session_factory(engine)) as s:
        assert s.scalar(select(Mailbox.last_error).where(Mailbox.name == "down")) == down.error


def test_missing_password_names_both_places_it_may_be(engine, mail_servers, monkeypatch):
    local_mailbox(engine, mail_servers, name="nopass")
    [result] = [r for r in fetch.fetch_all(session_factory(engine), T0) if r.mailbox == "nopass"]
    assert "set PACKDESK_MAIL_NOPASS_PASSWORD or password under [mail.nopass]" in result.error_in("en")
