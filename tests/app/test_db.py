"""Database layer: URLs, pragmas, migrations on SQLite and PostgreSQL, one-line errors."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from app.db import (
    head_revision,
    make_engine,
    read_only,
    retrying,
    session_factory,
    unit_of_work,
    upgrade,
)
from app.errors import ConfigError, Conflict
from app.models import Base


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


def test_fresh_database_is_created_at_head_and_second_upgrade_is_a_no_op(tmp_path: Path):
    eng = make_engine(f"sqlite:///{tmp_path / 'new' / 'db.sqlite'}")
    first = upgrade(eng)
    assert first.before is None and first.after == head_revision()
    assert "Created a new database" in first.message()
    second = upgrade(eng)
    assert not second.changed and "up to date" in second.message()


def test_migrations_create_every_model_table_on_both_backends(any_engine):
    tables = set(inspect(any_engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_a_database_with_tables_but_no_migration_record_is_left_alone(tmp_path: Path):
    eng = make_engine(f"sqlite:///{tmp_path / 'foreign.sqlite'}")
    with eng.begin() as conn:
        conn.execute(text("CREATE TABLE orders (id INTEGER PRIMARY KEY)"))
    with pytest.raises(ConfigError, match="no migration record"):
        upgrade(eng)


@pytest.mark.parametrize("url", ["nonsense", "mysql://u@h/db", "://"])
def test_bad_urls_give_one_clear_line(url: str):
    with pytest.raises(ConfigError) as err:
        make_engine(url)
    assert "\n" not in str(err.value)


def test_unreachable_postgresql_is_one_clear_line():
    eng = make_engine("postgresql://nobody:x@127.0.0.1:1/none")
    with pytest.raises(ConfigError, match="Cannot reach the database") as err:
        upgrade(eng)
    assert "x@" not in str(err.value)  # the password is never shown


def test_unit_of_work_rolls_back_on_error(engine):
    factory = session_factory(engine)
    with pytest.raises(RuntimeError), unit_of_work(factory) as s:
        s.execute(text("INSERT INTO settings (key, value) VALUES ('a', '1')"))
        raise RuntimeError("boom")
    with read_only(factory) as s:
        assert s.execute(text("SELECT COUNT(*) FROM settings")).scalar() == 0


def _raise_sqlstate(session, sqlstate: str) -> None:
    """PostgreSQL itself fails the statement with this SQLSTATE."""
    session.execute(text(f"DO $$ BEGIN RAISE EXCEPTION 'test' USING ERRCODE = '{sqlstate}'; END $$"))


@pytest.mark.postgres
def test_a_deadlock_victim_runs_again_and_both_stations_commit(pg_url, caplog):
    """Two stations take the same two rows in opposite orders; PostgreSQL rolls one back, and
    the retry runs that station's work again instead of showing it "deadlock detected"."""
    factory = session_factory(make_engine(pg_url))
    with unit_of_work(factory) as s:
        s.execute(text("CREATE TABLE counters (key TEXT PRIMARY KEY, n INTEGER NOT NULL)"))
        s.execute(text("INSERT INTO counters VALUES ('a', 0), ('b', 0)"))
    both_hold_one = threading.Barrier(2)

    def station(first: str, second: str):
        tries = 0

        def work(s):
            nonlocal tries
            tries += 1
            s.execute(text("UPDATE counters SET n = n + 1 WHERE key = :k"), {"k": first})
            if tries == 1:
                both_hold_one.wait(timeout=10)
            s.execute(text("UPDATE counters SET n = n + 1 WHERE key = :k"), {"k": second})

        retrying(factory, work)

    with caplog.at_level(logging.WARNING, logger="app.db"):
        threads = [threading.Thread(target=station, args=pair) for pair in (("a", "b"), ("b", "a"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    with read_only(factory) as s:
        assert dict(s.execute(text("SELECT key, n FROM counters")).all()) == {"a": 2, "b": 2}
    retried = [r.getMessage() for r in caplog.records]
    assert retried == ["deadlock on try 1 of 5; running the unit of work again"]


@pytest.mark.postgres
def test_retries_are_bounded_and_end_in_one_clear_line(pg_url):
    factory = session_factory(make_engine(pg_url))
    calls = []

    def always_conflicting(s):
        calls.append(1)
        _raise_sqlstate(s, "40001")

    with pytest.raises(Conflict) as err:
        retrying(factory, always_conflicting, attempts=3)
    assert len(calls) == 3 and err.value.code == "db.busy"
    assert str(err.value) == (
        "The database stayed busy after 3 tries (other stations kept changing the same rows); "
        "nothing was saved, try again."
    )


@pytest.mark.postgres
def test_other_database_errors_are_not_retried(pg_url):
    factory = session_factory(make_engine(pg_url))
    calls = []

    def duplicate(s):
        calls.append(1)
        _raise_sqlstate(s, "23505")

    with pytest.raises(IntegrityError):
        retrying(factory, duplicate)
    assert len(calls) == 1


def test_migration_files_are_one_numbered_chain():
    """upgrade() skips alembic when the stored revision is the newest file's number: every file
    must hold the revision its name says and revise the one before."""
    import re

    from app.db import MIGRATIONS_DIR, head_revision, newest_file_revision

    files = sorted((MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py"))
    previous = None
    for f in files:
        source = f.read_text(encoding="utf-8")
        number = f.name.split("_", 1)[0]
        assert re.search(rf'^revision = "{number}"$', source, re.M), f.name
        expected = "None" if previous is None else f'"{previous}"'
        assert re.search(rf"^down_revision = {expected}$", source, re.M), f.name
        previous = number
    assert newest_file_revision() == head_revision() == previous


def test_opening_an_up_to_date_database_does_not_load_alembic(engine):
    import subprocess
    import sys

    code = ("import sys; from app.db import make_engine, upgrade; "
            f"r = upgrade(make_engine({str(engine.url)!r})); "
            "print(r.changed, 'alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_reference_data_every_start_checks_loads_no_machine_learning(engine):
    """The sign-in window waits for reference.ensure: scikit-learn (a second under load) loads
    only when the first suggestion is asked for."""
    import subprocess
    import sys

    code = ("import sys; from app.db import make_engine; from app import reference; "
            f"reference.ensure(make_engine({str(engine.url)!r})); "
            "print(sorted(m for m in ('sklearn', 'scipy', 'numpy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
