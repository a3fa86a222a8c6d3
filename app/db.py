"""Engine and session factory, and bringing a database to the newest migration.

SQLite gets WAL, foreign keys and a busy timeout on every connection, and its file is 0600 in a
0700 folder (SQLite gives its -wal and -shm files the database file's mode); PostgreSQL goes
through psycopg 3. Every URL problem surfaces as one ``ConfigError`` line a user can act on.
"""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, CursorResult, Result, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import ConfigError, Conflict
from app.files import create_private, private_dir, tighten

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
T = TypeVar("T")

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000
RETRY_ATTEMPTS = 5
# PostgreSQL rolled the transaction back to break a deadlock or a serialization conflict.
TRANSIENT_SQLSTATES = {"40001": "serialization failure", "40P01": "deadlock"}


def parse_url(url: str) -> URL:
    """Validate a database URL; ``postgresql://`` means psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(
            "Not a database URL: {url!r} (try sqlite:///path/file.sqlite or "
            "postgresql://user:password@host/dbname)", url=url
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError("Unsupported database {name!r}: use SQLite or PostgreSQL",
                          name=parsed.get_backend_name())
    return parsed


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # FULL: a confirmed scan survives a power cut too (NORMAL would only survive a process crash)
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # A writing unit of work takes the write lock up front (BEGIN IMMEDIATE), so two stations
    # queue on the busy timeout instead of one failing half-way with "database is locked";
    # read-only work stays DEFERRED so it never blocks on a writer under WAL.
    mode = "DEFERRED" if conn.get_execution_options().get("read_only") else "IMMEDIATE"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _private_sqlite_file(path: Path) -> None:
    """Before SQLite opens the file: create it 0600, or take others' access off an older one."""
    try:
        os.close(create_private(path))
    except FileExistsError:
        for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            tighten(name)


def make_engine(url: str, *, echo: bool = False) -> Engine:
    parsed = parse_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            engine = create_engine(
                parsed, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
            )
            if database and database != ":memory:" and not database.startswith("file:"):
                path = Path(database).expanduser()
                private_dir(path.parent)
                event.listen(engine, "do_connect", lambda *_: _private_sqlite_file(path))
            event.listen(engine, "connect", _sqlite_pragmas)
            # Let SQLAlchemy, not pysqlite, emit BEGIN so ours is IMMEDIATE.
            event.listen(engine, "connect", lambda c, r: setattr(c, "isolation_level", None))
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(
            parsed, echo=echo, pool_pre_ping=True, connect_args={"connect_timeout": 5}
        )
    except NoSuchModuleError as exc:
        raise ConfigError("Database driver missing for {driver}: {reason}", driver=parsed.drivername,
                          reason=exc) from None
    except ModuleNotFoundError as exc:
        raise ConfigError(
            "Database driver missing ({module}); install with: pip install 'packdesk[postgres]'",
            module=exc.name,
        ) from None


def describe(engine: Engine) -> str:
    """The URL with the password hidden, for status bars and messages."""
    return engine.url.render_as_string(hide_password=True)


def check_connection(engine: Engine) -> None:
    """Connect once; raise one clear line when the database cannot be reached."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise ConfigError("Cannot reach the database {url}: {reason}", url=describe(engine),
                          reason=reason) from None


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction per user action: committed on success, rolled back on any error."""
    with factory() as session, session.begin():
        yield session


def transient_failure(exc: BaseException) -> str | None:
    """What made the database roll back work that may simply run again, or None."""
    return TRANSIENT_SQLSTATES.get(getattr(getattr(exc, "orig", None), "sqlstate", None) or "")


def retrying(
    factory: sessionmaker[Session], work: Callable[[Session], T], *, attempts: int = RETRY_ATTEMPTS
) -> T:
    """Run ``work`` as one unit of work, again (up to ``attempts`` in all, after a short random
    pause) when the database rolled it back for a deadlock or serialization failure.

    ``work`` must only change the database: a retry repeats all of it.
    """
    attempt = 1
    while True:
        try:
            with unit_of_work(factory) as session:
                return work(session)
        except DBAPIError as exc:
            reason = transient_failure(exc)
            if reason is None:
                raise
            if attempt >= attempts:
                raise Conflict(
                    "The database stayed busy after {attempts} tries (other stations kept changing "
                    "the same rows); nothing was saved, try again.",
                    code="db.busy",
                    attempts=attempts,
                ) from exc
            log.warning("%s on try %d of %d; running the unit of work again", reason, attempt, attempts)
            # Jittered, growing pause so the two sides of a deadlock do not collide again.
            time.sleep(random.uniform(0, 0.005 * 2**attempt))
            attempt += 1


def affected(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE touched (``Session.execute`` is typed as returning any Result)."""
    return cast(CursorResult[Any], result).rowcount


@contextmanager
def read_only(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A transaction that only reads (searches, views): never waits for a writer."""
    with factory() as session, session.begin():
        session.connection(execution_options={"read_only": True})
        yield session


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None  # None = the database was empty
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def message(self) -> str:
        if not self.changed:
            return f"Database is up to date (revision {self.after})."
        if self.before is None:
            return f"Created a new database at revision {self.after}."
        return f"Upgraded the database from revision {self.before} to {self.after}."


def _alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(create_engine("sqlite://")))
    head = script.get_current_head()
    assert head is not None
    return head


def newest_file_revision() -> str:
    """The newest migration, read from the file names (``NNNN_what.py`` holds revision "NNNN",
    revising the one before; tests/app/test_db.py keeps the files to that rule): no alembic import."""
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py"))


def _stored_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return None  # a new database: no table yet


def upgrade(engine: Engine) -> UpgradeResult:
    """Bring a fresh or older database to head and say what changed."""
    check_connection(engine)
    stored = _stored_revision(engine)
    if stored is not None and stored == newest_file_revision():
        return UpgradeResult(before=stored, after=stored)  # the usual start: nothing to import or do
    from alembic import command

    before = current_revision(engine)
    if before is None and inspect(engine).has_table("orders"):
        raise ConfigError(
            "This database has PackDesk tables but no migration record; refusing to touch it."
        )
    command.upgrade(_alembic_config(engine), "head")
    return UpgradeResult(before=before, after=current_revision(engine) or "")
