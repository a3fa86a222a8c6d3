"""The worker's IDLE watch on the local dovecot: a customer's mail becomes a ticket within seconds
though the fetch job's next poll is an hour away; a mailbox added while the worker runs is watched
and one disabled is let go, without a restart; a server without IDLE is left to the poll; and
``packdesk worker`` holding an IDLE stops cleanly on SIGTERM."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from email.message import EmailMessage

from sqlalchemy import func, select

from app.cli import main
from app.db import read_only, session_factory
from app.jobs import Job
from app.jobs import mail as mail_jobs
from app.jobs.worker import Worker
from app.models.accounts import Role
from app.models.service import Ticket
from app.services import intents
from app.services.mail import mailboxes
from tests.app.services.mail import servers
from tests.app.services.mail.conftest import local_mailbox, mail_servers  # noqa: F401 - a fixture


def _tickets(factory) -> int:
    with read_only(factory) as s:
        return s.scalar(select(func.count()).select_from(Ticket)) or 0


def _customer_writes(lane: servers.Lane, subject: str, n: int = 1) -> None:
    """The customer's ``n``-th mail to the shop, delivered by postfix into the lane's folder."""
    msg = EmailMessage()
    msg["From"], msg["To"] = f"顾客 <{lane.customer()}>", lane.shop
    msg["Subject"] = subject
    msg.set_content("快递还没到，请帮我查一下。")
    lane.deliver(msg, n)


def _fetch_job() -> list[Job]:
    return [Job("mail.fetch", dt.timedelta(hours=1), mail_jobs.fetch_all, "fetch")]


def test_new_mail_becomes_a_ticket_within_seconds_not_at_the_next_poll(engine, mail_servers):  # noqa: F811
    local_mailbox(engine, mail_servers)
    factory = session_factory(engine)
    worker = Worker(factory, _fetch_job())
    worker.run_due()  # the hourly poll has just run: only the IDLE watch can fetch sooner
    with read_only(factory) as s:
        intents.model(s)  # the answer bot's model, trained once per worker, is not what is timed here
    stop = threading.Event()
    serving = threading.Thread(target=worker.serve, args=(stop, 1.0))
    serving.start()
    watch = mail_jobs.MailWatch(factory, stop).start()
    try:
        servers.wait_until("the IDLE watch", lambda: watch.state.get("shop") == "idle")
        sent = time.monotonic()
        _customer_writes(mail_servers, "包裹三天没动了")
        in_folder = time.monotonic()  # delivered and sorted into the lane's folder (the test's part)
        servers.wait_until("the ticket", lambda: _tickets(factory) == 1)
        took = time.monotonic() - in_folder
        print(f"\nmail sent -> in the folder {in_folder - sent:.2f} s -> ticket committed through IDLE "
              f"{took:.2f} s")
        assert took < 10
    finally:
        stop.set()
        t0 = time.monotonic()
        watch.join()
        serving.join(5)
    assert not any(t.is_alive() for t in watch.threads) and time.monotonic() - t0 < 3


def test_a_mailbox_added_while_the_worker_runs_is_watched_and_one_disabled_is_let_go(
    engine, mail_servers  # noqa: F811
):
    factory = session_factory(engine)
    worker = Worker(factory, _fetch_job())
    worker.run_due()  # no mailbox yet; the next poll is an hour away
    stop = threading.Event()
    serving = threading.Thread(target=worker.serve, args=(stop, 1.0))
    serving.start()
    watch = mail_jobs.MailWatch(factory, stop, rescan_s=0.5).start()
    try:
        assert watch.state == {}
        local_mailbox(engine, mail_servers)  # a supervisor adds the shop's mailbox in Setup
        servers.wait_until("the new mailbox's IDLE", lambda: watch.state.get("shop") == "idle")
        _customer_writes(mail_servers, "新邮箱的第一封")
        servers.wait_until("the ticket", lambda: _tickets(factory) == 1)

        first = watch.watching["shop"].stop
        local_mailbox(engine, mail_servers, active=False)  # and later turns it off
        servers.wait_until("the watch to let go", lambda: "shop" not in watch.watching)
        assert first.is_set() and "shop" not in watch.state
        local_mailbox(engine, mail_servers, active=True)
        servers.wait_until("the IDLE again", lambda: watch.state.get("shop") == "idle")
        _customer_writes(mail_servers, "又开了", n=2)
        servers.wait_until("the second ticket", lambda: _tickets(factory) == 2)
    finally:
        stop.set()
        watch.join()
        serving.join(5)
    assert not any(t.is_alive() for t in watch.threads)


def _imap_without_idle(listener: socket.socket) -> None:
    """A server that speaks enough IMAP to sign in and select, and offers no IDLE."""
    conn, _ = listener.accept()
    with conn, conn.makefile("rwb") as f:
        f.write(b"* OK ready\r\n")
        f.flush()
        for line in f:
            tag, command = [*line.split(), b""][:2]
            command = command.upper()
            if command == b"CAPABILITY":
                f.write(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n")
            elif command == b"SELECT":
                f.write(b"* 0 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n")
            elif command == b"LOGOUT":
                f.write(b"* BYE\r\n")
            f.write(tag + b" OK done\r\n")
            f.flush()
            if command == b"LOGOUT":
                return


def test_a_server_without_idle_is_left_to_the_poll(engine, monkeypatch):
    listener = socket.create_server(("127.0.0.1", 0))
    peer = threading.Thread(target=_imap_without_idle, args=(listener,), daemon=True)
    peer.start()
    local_mailbox(engine, imap_port=listener.getsockname()[1])
    monkeypatch.setenv(mailboxes.env_name("shop"), "x")
    stop = threading.Event()
    watch = mail_jobs.MailWatch(session_factory(engine), stop).start()
    servers.wait_until("the watch to give up", lambda: watch.state == {"shop": "polling"})
    stop.set()
    watch.join()
    listener.close()
    assert watch.state == {"shop": "polling"} and not any(t.is_alive() for t in watch.threads)


def test_the_worker_holding_an_idle_stops_cleanly_on_sigterm(engine, mail_servers):  # noqa: F811
    local_mailbox(engine, mail_servers)
    url = engine.url.render_as_string(hide_password=False)
    # every job run once before: SIGTERM then meets the IDLE, not a first round of training
    subprocess.run([sys.executable, "-m", "app.cli", "worker", "--once", "--db", url], check=True,
                   capture_output=True, env=os.environ.copy())
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "-v", "worker", "--db", url],
                            stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        lines: list[str] = []
        while not any("shop: waiting for mail (IDLE)" in line for line in lines):
            lines.append(proc.stderr.readline())  # type: ignore[union-attr]
            assert lines[-1] or proc.poll() is None, "".join(lines)
        t0 = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=15)[1]
    finally:
        proc.kill()
    assert proc.returncode == 0 and "Worker stopped." in rest and time.monotonic() - t0 < 5


def test_packdesk_worker_started_without_a_mailbox_fetches_one_added_later_without_a_restart(
    engine, mail_servers, cli_as, tmp_path  # noqa: F811
):
    url = engine.url.render_as_string(hide_password=False)
    cli_as(engine, Role.SUPERVISOR)
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "-v", "worker", "--db", url],
                            stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stderr.readline, "")), daemon=True)  # type: ignore[union-attr]
    reader.start()
    try:
        servers.wait_until("the worker", lambda: any("SIGTERM or Ctrl-C stops" in line for line in lines))
        secret = tmp_path / "pw"
        secret.write_text(servers.SHOP[1])
        assert main(["mail", "mailbox", "shop", "--address", mail_servers.shop, "--imap", "127.0.0.1:143",
                     "--imap-tls", "none", "--smtp", "127.0.0.1:25", "--smtp-tls", "none",
                     "--login", servers.SHOP[0], "--folder", mail_servers.folder,
                     "--password-file", str(secret), "--db", url]) == 0
        servers.wait_until("the new mailbox watched", timeout_s=mail_jobs.RESCAN_S + 15,
                           check=lambda: any("shop: waiting for mail (IDLE)" in line for line in lines))
        _customer_writes(mail_servers, "工作进程没重启")
        servers.wait_until("the ticket", lambda: _tickets(session_factory(engine)) == 1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
    finally:
        proc.kill()
        reader.join(5)
    assert "Worker stopped." in "".join(lines)
