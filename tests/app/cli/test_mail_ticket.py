"""``packdesk mail import`` files saved messages into tickets; ``ticket list`` and ``ticket show``
read them back as a person or a program would."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli import main
from app.models.accounts import Role

MESSAGES = Path(__file__).resolve().parents[1] / "services" / "mail" / "messages"


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_saved_messages_become_tickets_listed_and_shown(demo_engine, cli_as, capsys):
    url = _url(demo_engine)
    cli_as(demo_engine, Role.SUPERVISOR)
    assert main(["mail", "import", str(MESSAGES / "gbk_mislabelled_gb2312.eml"), "--db", url]) == 0
    out = capsys.readouterr().out
    assert "gbk_mislabelled_gb2312.eml: opened T-" in out
    number = out.split("opened ")[1].split()[0]
    assert main(["mail", "import", str(MESSAGES / "gbk_mislabelled_gb2312.eml"), "--db", url]) == 0
    assert "duplicate" in capsys.readouterr().out  # the same message twice is one ticket
    assert main(["ticket", "list", "--json", "--db", url]) == 0
    assert number in [t["number"] for t in json.loads(capsys.readouterr().out)]
    assert main(["ticket", "show", number, "--json", "--db", url]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["messages"][0]["direction"] == "inbound" and shown["messages"][0]["channel"] == "email"
    assert main(["ticket", "show", number, "--db", url]) == 0
    assert number in capsys.readouterr().out


def test_a_packer_may_not_import_mail_and_a_missing_file_is_one_line(demo_engine, cli_as, capsys, tmp_path):
    cli_as(demo_engine, Role.PACKER)
    assert main(["mail", "import", str(MESSAGES), "--db", _url(demo_engine)]) == 1
    assert "Your role may not import files." in capsys.readouterr().err
    cli_as(demo_engine, Role.SUPERVISOR)
    assert main(["mail", "import", str(tmp_path / "nope.eml"), "--db", _url(demo_engine)]) == 1
    assert capsys.readouterr().err.count("\n") == 1
