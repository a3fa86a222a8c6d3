"""CLI commands that read personal data or change data run as a named user with the right role,
are audited, and never send a customer's control characters to the terminal."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli import main
from app.models.accounts import Role
from app.models.audit import AuditEntry
from app.models.orders import Customer


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_customer_find_needs_a_user(demo_engine, capsys, monkeypatch):
    monkeypatch.delenv("PACKDESK_USER")
    assert main(["customer", "find", "张", "--db", _url(demo_engine)]) == 1
    err = capsys.readouterr().err
    assert "needs a signed-in user: add --user NAME" in err and err.count("\n") == 1


def test_a_wrong_password_is_refused(demo_engine, capsys, monkeypatch):
    monkeypatch.setenv("PACKDESK_PASSWORD", "guess")
    assert main(["--user", "agent1", "customer", "find", "张", "--db", _url(demo_engine)]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err


def test_a_packer_may_not_search_customers_and_an_agent_may_not_allocate(demo_engine, capsys, cli_as):
    cli_as(demo_engine, Role.PACKER)
    assert main(["customer", "find", "张", "--db", _url(demo_engine)]) == 1
    assert "Your role may not work on customers and tickets." in capsys.readouterr().err
    cli_as(demo_engine, Role.AGENT)
    assert main(["station", "allocate", "--db", _url(demo_engine)]) == 1
    assert "Your role may not allocate stock and plan waves." in capsys.readouterr().err


def test_a_search_and_a_history_are_audited_with_the_user(demo_engine, capsys, cli_as):
    name = cli_as(demo_engine, Role.AGENT)
    assert main(["customer", "find", "张", "--db", _url(demo_engine)]) == 0
    assert main(["customer", "history", "1", "--json", "--db", _url(demo_engine)]) == 0
    with Session(demo_engine) as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action.like("customer.%"))).all()
        assert [e.action for e in entries] == ["customer.search", "customer.view"]
        assert all(e.user_id is not None and e.detail["via"] == "cli" for e in entries)
        assert name


def test_escape_sequences_in_a_name_reach_the_terminal_as_text(demo_engine, capsys):
    with Session(demo_engine) as s, s.begin():
        customer = s.get(Customer, 1)
        assert customer is not None
        customer.name = "张\x1b]0;owned\x07\x1b[2J伟"
    assert main(["customer", "history", "1", "--db", _url(demo_engine)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\\x1b]0;owned\\x07" in out
    assert main(["customer", "history", "1", "--json", "--db", _url(demo_engine)]) == 0
    assert json.loads(capsys.readouterr().out)["customer"]["name"].startswith("张\x1b")


def test_the_database_option_goes_before_or_after_the_command(demo_engine, capsys):
    assert main(["--db", _url(demo_engine), "customer", "find", "张", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["matches"]
