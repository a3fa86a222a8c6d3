"""An admin manages the site's users: add, disable, reset a password, change a role or badge."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.cli import main
from app.context import CurrentUser
from app.db import read_only, session_factory, unit_of_work
from app.errors import Conflict, DomainError, PermissionDenied
from app.models.accounts import Role
from app.models.audit import AuditEntry
from app.services import users
from app.services.auth import LoginFailed, create_user, login_badge, login_password


@pytest.fixture
def admin(engine) -> CurrentUser:
    with unit_of_work(session_factory(engine)) as s:
        uid = create_user(s, "boss", "boss-pass-1", Role.ADMIN)
    return CurrentUser(uid, "boss", "boss", Role.ADMIN)


def test_an_admin_adds_a_packer_who_signs_in_by_password_and_badge_until_disabled(engine, admin):
    sessions = session_factory(engine)
    with unit_of_work(sessions) as s:
        anna = users.add_user(s, admin, "anna", Role.PACKER, "anna-pass-1", "Anna Li")
    assert anna.badge_code.startswith("B") and anna.active
    with read_only(sessions) as s:
        assert login_password(s, "anna", "anna-pass-1").role is Role.PACKER
        assert login_badge(s, anna.badge_code).username == "anna"
    with unit_of_work(sessions) as s:
        users.reset_password(s, admin, "anna", "new-pass-22")
        users.set_role(s, admin, "anna", Role.SUPERVISOR)
        users.set_badge(s, admin, "anna", "BADGE-ANNA")
    with read_only(sessions) as s:
        assert login_password(s, "anna", "new-pass-22").role is Role.SUPERVISOR
        assert login_badge(s, "BADGE-ANNA").username == "anna"
        with pytest.raises(LoginFailed):
            login_badge(s, anna.badge_code)  # the old badge no longer works
    with unit_of_work(sessions) as s:
        users.disable(s, admin, "anna")
    with read_only(sessions) as s:
        with pytest.raises(LoginFailed, match="disabled"):
            login_password(s, "anna", "new-pass-22")
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["user.add", "user.password_reset", "user.role", "user.badge", "user.disable"]


def test_bad_names_short_passwords_duplicates_and_the_last_admin_are_refused(engine, admin):
    sessions = session_factory(engine)
    cases = [
        (lambda s: users.add_user(s, admin, "a b", Role.PACKER, "long-enough"), DomainError, "User name"),
        (lambda s: users.add_user(s, admin, "bob", Role.PACKER, "short"), DomainError, "at least 8"),
        (lambda s: users.add_user(s, admin, "boss", Role.PACKER, "long-enough"), Conflict, "exists already"),
        (lambda s: users.disable(s, admin, "boss"), Conflict, "last active admin"),
        (lambda s: users.set_role(s, admin, "boss", Role.PACKER), Conflict, "last active admin"),
        (lambda s: users.disable(s, admin, "nobody"), DomainError, "No user nobody"),
        (lambda s: users.add_user(s, CurrentUser(admin.id, "x", "x", Role.SUPERVISOR), "bob", Role.PACKER,
                                  "long-enough"), PermissionDenied, "manage users"),
    ]
    for action, error, says in cases:
        with pytest.raises(error, match=says), unit_of_work(sessions) as s:
            action(s)
    with read_only(sessions) as s:
        assert [u.username for u in users.list_users(s, admin)] == ["boss"]


def test_the_users_commands(engine, admin, tmp_path, capsys, monkeypatch):
    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("PACKDESK_USER", "boss")
    monkeypatch.setenv("PACKDESK_PASSWORD", "boss-pass-1")
    pw = tmp_path / "pw"
    pw.write_text("carol-pass-1\n")
    assert main(["users", "add", "carol", "--role", "picker", "--password-file", str(pw), "--db", url]) == 0
    assert "Added carol" in capsys.readouterr().out
    assert main(["users", "list", "--json", "--db", url]) == 0
    listed = {u["username"]: u for u in json.loads(capsys.readouterr().out)}
    assert listed["carol"]["role"] == "picker" and listed["carol"]["active"]
    assert main(["users", "disable", "carol", "--db", url]) == 0
    assert "disabled" in capsys.readouterr().out
    assert main(["users", "add", "dave", "--role", "packer", "--db", url]) == 1  # stdin is no terminal
    assert "--password-file" in capsys.readouterr().err
