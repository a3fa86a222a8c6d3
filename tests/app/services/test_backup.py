"""Backing up a live SQLite database: finishes while a station writes, never leaves a half copy
under the target's name, and a killed run does not block the next one."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.db import make_engine
from app.errors import ConfigError
from app.i18n import word
from app.services.backup import backup_sqlite

# A station committing one small row at a time, as fast as it can, until it is stopped.
WRITER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
    print("writing", flush=True)
    n = 0
    while True:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO scans (n, payload) VALUES (?, randomblob(200))", (n,))
        conn.execute("COMMIT")
        n += 1
""")

# A backup run that stops dead after its first step (a frozen process); the test kills it.
FROZEN_BACKUP = textwrap.dedent("""
    import sys, time
    from app.services.backup import backup_sqlite
    def progress(done, total):
        print(f"copied {done} of {total}", flush=True)
        time.sleep(60)
    backup_sqlite(sys.argv[1], sys.argv[2], progress, step_pages=16)
""")


@pytest.fixture
def db(engine) -> Path:
    """The station's database with a few megabytes in it: a backup takes many small steps."""
    path = Path(engine.url.database)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE scans (n INTEGER, payload BLOB)")
        conn.execute(
            "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 5000) "
            "INSERT INTO scans SELECT -n, randomblob(600) FROM i"
        )
    engine.dispose()
    return path


def _scans(path: Path) -> int:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0]


def test_backup_finishes_while_a_station_keeps_writing(db: Path, tmp_path: Path):
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline() == "writing\n"
        before = _scans(db)
        copied = []

        def progress(done: int, total: int) -> None:
            assert done > (copied[-1] if copied else 0), "the backup restarted from page one"
            copied.append(done)
            seen = _scans(db)
            while _scans(db) == seen:  # the station commits between every two steps
                time.sleep(0.005)

        target = tmp_path / "backups" / "monday.sqlite"
        result = backup_sqlite(make_engine(f"sqlite:///{db}"), target, progress, step_pages=64)
        after = _scans(db)
    finally:
        writer.kill()
        writer.wait()
    assert len(copied) > 10
    assert copied[-1] == result.pages and result.bytes == result.target.stat().st_size
    assert sorted(p.name for p in result.target.parent.iterdir()) == ["monday.sqlite"]
    with sqlite3.connect(result.target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        in_copy = conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0]
    assert before <= in_copy < after  # one moment's snapshot, taken while the writer went on


def test_a_killed_backup_leaves_nothing_that_blocks_the_retry(db: Path, tmp_path: Path):
    target = tmp_path / "backups" / "monday.sqlite"
    run = subprocess.Popen(
        [sys.executable, "-c", FROZEN_BACKUP, str(db), str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert run.stdout.readline().startswith("copied 16 of ")
    finally:
        run.kill()  # kill -9, mid-copy
        run.wait()
    assert not target.exists() and (target.parent / ".monday.sqlite.partial").exists()
    result = backup_sqlite(db, target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["monday.sqlite"]
    assert result.target == target and _scans(target) == _scans(db)


def test_a_backup_cancelled_half_way_cleans_up_after_itself(db: Path, tmp_path: Path):
    class Cancelled(Exception):
        pass

    def progress(done: int, total: int) -> None:
        raise Cancelled  # the user pressed Cancel on the progress bar

    with pytest.raises(Cancelled):
        backup_sqlite(db, tmp_path / "out" / "b.sqlite", progress, step_pages=16)
    assert list((tmp_path / "out").iterdir()) == []


def test_an_existing_file_is_never_overwritten(db: Path, tmp_path: Path):
    target = tmp_path / "monday.sqlite"
    target.write_text("last week's backup")
    with pytest.raises(ConfigError, match="exists already; choose a new file name") as err:
        backup_sqlite(db, target)
    assert target.read_text() == "last week's backup"
    assert word(err.value, "zh_CN") == f"{target} 已存在；请换一个新文件名。"


def test_what_cannot_be_backed_up_is_one_clear_line(tmp_path: Path):
    with pytest.raises(ConfigError, match="No SQLite database file at"):
        backup_sqlite(tmp_path / "missing.sqlite", tmp_path / "b.sqlite")
    dump = tmp_path / "b.dump"
    with pytest.raises(ConfigError) as err:
        backup_sqlite(make_engine("postgresql://u:secret@127.0.0.1:1/x"), dump)
    assert f"pg_dump -Fc -f {dump} 'postgresql://u:***@127.0.0.1:1/x'" in str(err.value)
    assert "secret" not in str(err.value) and "\n" not in str(err.value)
    assert list(tmp_path.iterdir()) == []
