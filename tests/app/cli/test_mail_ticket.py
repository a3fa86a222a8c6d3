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


def test_a_supervisor_sets_up_a_mailbox_and_its_password_stays_out_of_the_database(
        demo_engine, cli_as, capsys, tmp_path):
    import os
    import stat

    from sqlalchemy import text

    secret = tmp_path / "pw"
    secret.write_text("s3cret-imap\n")
    cli_as(demo_engine, Role.SUPERVISOR)
    assert main(["mail", "mailbox", "shop", "--address", "service@shop.test", "--imap", "127.0.0.1:143",
                 "--imap-tls", "none", "--smtp", "127.0.0.1:25", "--smtp-tls", "none", "--login", "pdshop",
                 "--password-file", str(secret), "--db", _url(demo_engine)]) == 0
    assert "Mailbox shop <service@shop.test> saved" in capsys.readouterr().out
    settings = Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    assert "s3cret-imap" in settings.read_text() and stat.S_IMODE(settings.stat().st_mode) == 0o600
    with demo_engine.connect() as conn:
        dump = "\n".join(str(r) for r in conn.execute(text("SELECT * FROM mailboxes")))
    assert "s3cret" not in dump and "pdshop" in dump
    from app.config import load_settings, save_settings

    save_settings(load_settings())  # another part of the app saving the settings keeps the password
    assert "s3cret-imap" in settings.read_text()
