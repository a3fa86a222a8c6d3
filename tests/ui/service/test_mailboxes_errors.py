"""The mailboxes screen words a mailbox's last error in the language the app shows: a wrong
password on the local dovecot reads in Chinese on a zh_CN station and in English on an en one."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel

from app.db import session_factory
from app.models.accounts import Role
from app.services.mail import fetch, mailboxes
from tests.app.services.mail.conftest import local_mailbox, mail_servers  # noqa: F401 - a fixture
from tests.conftest import make_ctx
from ui.i18n import Translations
from ui.service.mailboxes import MailboxDialog

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
DOVECOT_SAYS = "[AUTHENTICATIONFAILED] Authentication failed."  # the server's own words stay as they are


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("zh_CN", "邮箱 shop：无法以 pdshop 登录 127.0.0.1：" + DOVECOT_SAYS),
        ("en", "Mailbox shop: cannot sign in to 127.0.0.1 as pdshop: " + DOVECOT_SAYS),
    ],
)
def test_a_wrong_password_reads_in_the_stations_language_on_the_mailboxes_screen(
    qtbot, qapp, engine, mail_servers, monkeypatch, lang, shown  # noqa: F811
):
    local_mailbox(engine, mail_servers)
    monkeypatch.setenv(mailboxes.env_name("shop"), "not-the-password")  # the supervisor typed it wrong
    [result] = fetch.fetch_all(session_factory(engine), T0)
    assert result.error
    Translations.for_app(qapp).install(lang)
    try:
        dialog = MailboxDialog(make_ctx(engine, Role.SUPERVISOR, 1, "super1"))
        qtbot.addWidget(dialog)
        state = dialog.findChild(QLabel, "mailbox_state").text()
    finally:
        Translations.for_app(qapp).install("en")
    assert shown in state and "{" not in state
