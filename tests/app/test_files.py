"""Files holding personal data or secrets are 0600 in folders 0700, whatever the umask: the
SQLite database with its -wal and -shm, its backups, and station.toml (the database password)."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app.config import StationSettings, config_dir, load_settings, save_settings, settings_path
from app.db import make_engine, upgrade
from app.services.backup import backup_sqlite


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """The common default, which makes new files 0644 and folders 0755."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> str:
    return stat.filemode(path.stat().st_mode)


def test_a_new_database_and_its_wal_and_shm_are_private(tmp_path: Path):
    db = tmp_path / "data" / "packdesk.sqlite"
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    with engine.begin() as conn:  # the connection stays open, so -wal and -shm exist
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('a', '1')"))
        files = {p.name: mode(p) for p in db.parent.iterdir()}
    engine.dispose()
    assert files == {
        "packdesk.sqlite": "-rw-------",
        "packdesk.sqlite-wal": "-rw-------",
        "packdesk.sqlite-shm": "-rw-------",
    }
    assert mode(db.parent) == "drwx------"


def test_an_older_world_readable_database_is_made_private_when_opened(tmp_path: Path):
    db = tmp_path / "old.sqlite"
    old = sqlite3.connect(db)  # as earlier versions left it: 0644, with 0644 -wal and -shm
    old.execute("PRAGMA journal_mode=WAL")
    old.execute("CREATE TABLE t (x)")
    old.commit()
    assert {mode(p) for p in tmp_path.iterdir()} == {"-rw-r--r--"}
    engine = make_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        conn.execute(text("SELECT COUNT(*) FROM t"))
        assert {p.name: mode(p) for p in tmp_path.iterdir()} == {
            "old.sqlite": "-rw-------",
            "old.sqlite-wal": "-rw-------",
            "old.sqlite-shm": "-rw-------",
        }
    engine.dispose()
    old.close()


def test_station_settings_holding_the_database_password_are_private():
    saved = save_settings(StationSettings(database_url="postgresql://packdesk:s3cret@db/packdesk"))
    assert saved == settings_path() and mode(saved) == "-rw-------"
    assert mode(config_dir()) == "drwx------"
    assert [p.name for p in config_dir().iterdir()] == ["station.toml"]  # no temp file left
    os.chmod(saved, 0o644)  # a file written by an earlier version
    assert load_settings().database_url.endswith("@db/packdesk")
    assert mode(saved) == "-rw-------"


def test_backups_are_private_in_a_private_folder(engine, tmp_path: Path):
    result = backup_sqlite(engine, tmp_path / "backups" / "monday.sqlite")
    assert mode(result.target) == "-rw-------"
    assert mode(result.target.parent) == "drwx------"
