"""The packdesk command: demo, db upgrade/backup, screenshot, and one-line errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main


def test_bad_url_is_one_line_and_exit_1(capsys):
    assert main(["--db", "bogus", "db", "upgrade"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("packdesk: error: Not a database URL") and "\n" not in err


def test_unreachable_postgresql_is_one_line(capsys):
    assert main(["db", "upgrade", "--db", "postgresql://u:secret@127.0.0.1:1/x"]) == 1
    err = capsys.readouterr().err.strip()
    assert "Cannot reach the database" in err and "secret" not in err and "\n" not in err


def test_unknown_command_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["fly"])
    assert exit_.value.code == 2


def test_demo_then_screenshot_then_backup(tmp_path: Path, capsys):
    db = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert main(["demo", "--db", db, "--customers", "50", "--orders", "150", "--no-gui"]) == 0
    out = capsys.readouterr().out
    assert "150 orders" in out and "admin / admin123" in out
    png = tmp_path / "main.png"
    assert main(["screenshot", "--db", db, "--view", "main", "--out", str(png), "--lang", "zh_CN"]) == 0
    assert png.stat().st_size > 10_000
    assert main(["screenshot", "--db", db, "--view", "nope", "--out", str(png)]) == 1
    assert "Unknown view 'nope'" in capsys.readouterr().err
    backup = tmp_path / "backup.sqlite"
    assert main(["db", "backup", str(backup), "--db", db]) == 0
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0] == 150
    assert main(["db", "backup", str(backup), "--db", db]) == 1  # never overwrites


def test_backup_of_postgresql_points_to_pg_dump(capsys):
    assert main(["db", "backup", "x.dump", "--db", "postgresql://u@127.0.0.1:1/x"]) == 1
    assert "pg_dump" in capsys.readouterr().err


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_never_touches_the_station_settings_and_refuses_a_used_database(tmp_path, capsys, monkeypatch):
    import os

    station = Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    station.parent.mkdir(parents=True, exist_ok=True)
    station.write_text('station = "PACK-01"\nlanguage = "en"\n', encoding="utf-8")
    before = _sha(station)
    db = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert main(["demo", "--db", db, "--customers", "20", "--orders", "40", "--no-gui"]) == 0
    assert f"Demo settings, printed files and log: {tmp_path / 'demo-profile'}" in capsys.readouterr().out
    assert _sha(station) == before
    assert main(["demo", "--db", db, "--customers", "20", "--orders", "40", "--no-gui"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("packdesk: error: This database already has users") and err.count("\n") == 1


def test_screenshot_lists_views_without_out_and_never_changes_the_database(tmp_path, capsys):
    db_file = tmp_path / "demo.sqlite"
    small = ["--customers", "20", "--orders", "40", "--no-gui"]
    assert main(["demo", "--db", f"sqlite:///{db_file}", *small]) == 0
    assert main(["screenshot"]) == 0
    names = capsys.readouterr().out.split()
    assert {"login", "main", "station.pack", "station.verify"} <= set(names)
    before = _sha(db_file)
    for view in ("station.verify", "station.verify", "service.ticket"):
        out = tmp_path / f"{view}.png"
        assert main(["screenshot", "--db", f"sqlite:///{db_file}", "--view", view, "--out", str(out)]) == 0
        assert out.stat().st_size > 5_000
    assert _sha(db_file) == before


def test_os_errors_are_one_line(tmp_path, demo_engine, capsys):
    db = demo_engine.url.render_as_string(hide_password=False)
    assert main(["import", "orders", str(tmp_path), "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.startswith("packdesk: error: ") and err.count("\n") == 1 and str(tmp_path) in err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["db", "backup", str(blocker / "sub" / "b.sqlite"), "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.startswith("packdesk: error: ") and err.count("\n") == 1


def test_the_pg_dump_hint_is_a_url_pg_dump_takes(capsys):
    assert main(["db", "backup", "x.dump", "--db", "postgresql+psycopg://u:pw@127.0.0.1:1/x"]) == 1
    err = capsys.readouterr().err
    assert "pg_dump -Fc -f x.dump 'postgresql://u:***@127.0.0.1:1/x'" in err


def test_each_command_word_names_the_module_that_registers_it():
    import argparse
    import importlib

    from app.cli import COMMANDS, NOUNS
    from app.cli.runtime import common_options

    registered = {}
    for noun in NOUNS:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"app.cli.{noun}").register(sub, common_options())
        registered.update(dict.fromkeys(sub.choices, noun))
    assert registered == COMMANDS


def test_help_and_a_mistyped_command_still_name_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--db", "sqlite://", "--help"])
    assert "warehouses" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["custmer", "find", "x"])
    err = capsys.readouterr().err
    assert "invalid choice: 'custmer'" in err and "customer" in err
