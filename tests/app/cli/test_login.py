"""``packdesk login`` signs the command line in for a shift: later commands ask no password, the
session is a private file, ``packdesk logout`` ends it, and a password given beats it."""

from __future__ import annotations

import os
import stat

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli import main
from app.config import data_dir
from app.models.accounts import Role
from app.models.audit import AuditEntry


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _session_files() -> list:
    folder = data_dir() / "cli-sessions"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_after_login_a_search_asks_no_password_and_logout_ends_it(demo_engine, capsys, cli_as, monkeypatch):
    name = cli_as(demo_engine, Role.AGENT)
    assert main(["login", "--db", _url(demo_engine)]) == 0
    assert f"Signed in as {name} until " in capsys.readouterr().out
    (token_file,) = _session_files()
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(token_file.parent.stat().st_mode) == 0o700

    monkeypatch.delenv("PACKDESK_PASSWORD")
    assert main(["customer", "find", "张", "--db", _url(demo_engine)]) == 0
    with Session(demo_engine) as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.action.in_(
            ["user.cli_login", "customer.search"]))).all()
    assert actions == ["user.cli_login", "customer.search"]

    assert main(["logout", "--db", _url(demo_engine)]) == 0
    assert "out of the command line" in capsys.readouterr().out
    assert _session_files() == []
    assert main(["customer", "find", "张", "--db", _url(demo_engine)]) == 1
    assert "No password: set PACKDESK_PASSWORD" in capsys.readouterr().err


def test_a_session_is_for_its_own_user_and_a_given_password_is_checked_instead(demo_engine, capsys, cli_as,
                                                                               monkeypatch):
    cli_as(demo_engine, Role.AGENT)
    assert main(["login", "--db", _url(demo_engine)]) == 0
    monkeypatch.delenv("PACKDESK_PASSWORD")
    assert main(["--user", "agent1", "customer", "find", "张", "--db", _url(demo_engine)]) == 1
    assert "No password" in capsys.readouterr().err
    monkeypatch.setenv("PACKDESK_PASSWORD", "wrong")
    assert main(["customer", "find", "张", "--db", _url(demo_engine)]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err


def test_a_session_file_others_can_read_is_not_trusted_and_goes(demo_engine, capsys, cli_as, monkeypatch):
    cli_as(demo_engine, Role.AGENT)
    assert main(["login", "--db", _url(demo_engine)]) == 0
    (token_file,) = _session_files()
    os.chmod(token_file, 0o644)
    monkeypatch.delenv("PACKDESK_PASSWORD")
    assert main(["customer", "find", "张", "--db", _url(demo_engine)]) == 1
    assert "No password" in capsys.readouterr().err
    assert _session_files() == []


def test_a_wrong_password_makes_no_session(demo_engine, capsys, cli_as, monkeypatch):
    cli_as(demo_engine, Role.AGENT)
    monkeypatch.setenv("PACKDESK_PASSWORD", "guess")
    assert main(["login", "--db", _url(demo_engine)]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    assert _session_files() == []
