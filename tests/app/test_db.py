"""Database layer: URLs, pragmas, migrations on SQLite and PostgreSQL, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from app.db import head_revision, make_engine, read_only, session_factory, unit_of_work, upgrade
from app.errors import ConfigError
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
