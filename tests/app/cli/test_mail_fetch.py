"""``packdesk mail fetch --once`` on the local dovecot: a mailbox whose password is wrong is one
line in the station's language, and the rest of the mailboxes are still fetched."""

from __future__ import annotations

from app.cli import main
from app.models.accounts import Role
from app.services.mail import mailboxes
from tests.app.services.mail.conftest import local_mailbox, mail_servers  # noqa: F401 - a fixture


def test_a_wrong_password_is_one_line_in_chinese_on_a_chinese_station(engine, mail_servers, cli_as,  # noqa: F811
                                                                         capsys, monkeypatch):
    local_mailbox(engine, mail_servers)
    monkeypatch.setenv(mailboxes.env_name("shop"), "not-the-password")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    cli_as(engine, Role.SUPERVISOR)
    assert main(["mail", "fetch", "--once", "--db", engine.url.render_as_string(hide_password=False)]) == 3
    out = capsys.readouterr().out
    assert out == ("shop: FAILED: 邮箱 shop：无法以 pdshop 登录 127.0.0.1："
                   "[AUTHENTICATIONFAILED] Authentication failed.\n")
