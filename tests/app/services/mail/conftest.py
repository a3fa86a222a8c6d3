"""Fixtures for the mail tests: the saved messages and the shop's mailbox on the local servers,
in a lane of its own (see ``servers.Lane``) so tests running at once never read each other's mail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.db import session_factory, unit_of_work
from app.models.accounts import Role
from app.services.mail import mailboxes
from app.services.mail.mailboxes import MailboxInfo
from tests.app.services.mail import servers
from tests.conftest import make_ctx

MESSAGES = Path(__file__).parent / "messages"


def saved(name: str) -> bytes:
    return (MESSAGES / name).read_bytes()


def local_mailbox(engine: Engine, lane: servers.Lane | None = None, **changes: object) -> MailboxInfo:
    """The shop's mailbox on the local servers, configured by a supervisor: at the lane's address,
    reading the lane's folder (without a lane, the shop's shared INBOX, for tests that never fetch)."""
    values: dict[str, object] = dict(
        name="shop",
        address=lane.shop if lane else servers.address(servers.SHOP),
        imap_folder=lane.folder if lane else "INBOX",
        display_name="PackDesk 客服",
        imap_host=servers.HOST,
        imap_port=servers.IMAP_PORT,
        imap_tls="none",
        imap_user=servers.SHOP[0],
        smtp_host=servers.HOST,
        smtp_port=servers.SMTP_PORT,
        smtp_tls="none",
    )
    values.update(changes)
    supervisor = make_ctx(engine, Role.SUPERVISOR, 1, "super1").user
    with unit_of_work(session_factory(engine)) as s:
        return mailboxes.configure_mailbox(s, supervisor, **values)  # type: ignore[arg-type]


@pytest.fixture
def mail_servers(monkeypatch: pytest.MonkeyPatch) -> Iterator[servers.Lane]:
    """The local postfix + dovecot and this test's lane on them (its messages deleted after it);
    the shop's password in the environment."""
    servers.require_servers()
    monkeypatch.setenv(mailboxes.env_name("shop"), servers.SHOP[1])
    lane = servers.Lane().open()
    yield lane
    lane.close()
