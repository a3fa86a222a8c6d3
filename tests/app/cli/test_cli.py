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
