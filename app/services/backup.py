"""A consistent copy of a live SQLite database, made while stations keep writing.

The copy is taken with SQLite's online backup API in large steps inside one read transaction on
the source: under WAL that transaction is a fixed snapshot, so writers carry on and the backup
never restarts (without it, every write by another process restarts the copy from page one).
It is written to a hidden ``.NAME.partial`` file (0600) next to the target, checked with
``PRAGMA integrity_check`` and only then linked to the target name, so the target is either a
verified backup or absent. A failed run removes its partial file; a killed run's leftovers are
removed by the next run.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from app.errors import ConfigError
from app.files import create_private, private_dir

STEP_PAGES = 16_384  # 64 MB of 4 KB pages per step: few steps, each short for the WAL
LEFTOVER_SUFFIXES = ("", "-journal", "-wal", "-shm")


@dataclass(frozen=True)
class BackupResult:
    source: Path
    target: Path
    bytes: int
    pages: int
    seconds: float


def backup_sqlite(
    engine_or_path: Engine | str | os.PathLike[str],
    target: str | os.PathLike[str],
    progress: Callable[[int, int], None] | None = None,
    *,
    step_pages: int = STEP_PAGES,
) -> BackupResult:
    """Copy the database to ``target`` (a new file); ``progress(copied_pages, total_pages)``
    is called after each step. Raises ``ConfigError`` with one line on any failure."""
    target = Path(target).expanduser()
    source = _source_path(engine_or_path, target)
    if target.exists():
        raise _exists(target)
    private_dir(target.parent)
    partial = target.with_name(f".{target.name}.partial")
    _remove(partial)  # what a killed run left behind
    started = time.monotonic()
    try:
        os.close(create_private(partial))
        pages = _copy(source, partial, progress, step_pages)
        _verify(partial)
        _publish(partial, target)
    except (sqlite3.Error, OSError) as exc:
        raise ConfigError(
            "Backup of {source} failed: {reason}", source=str(source), reason=str(exc)
        ) from None
    finally:
        _remove(partial)
    _sync_dir(target.parent)
    return BackupResult(source, target, target.stat().st_size, pages, time.monotonic() - started)


def _source_path(engine_or_path: Engine | str | os.PathLike[str], target: Path) -> Path:
    if isinstance(engine_or_path, Engine):
        url = engine_or_path.url
        if url.get_backend_name() != "sqlite":
            raise ConfigError(
                "Backups of PostgreSQL are made with pg_dump, e.g. pg_dump -Fc -f {target} '{url}'",
                target=str(target),
                url=url.set(drivername="postgresql").render_as_string(hide_password=True),  # libpq's form
            )
        path = Path(url.database or "")
    else:
        path = Path(engine_or_path)
    if not path.name or str(path) == ":memory:" or not path.expanduser().is_file():
        raise ConfigError("No SQLite database file at {path}.", path=str(path))
    return path.expanduser()


def _copy(source: Path, partial: Path, progress: Callable[[int, int], None] | None, step: int) -> int:
    src = sqlite3.connect(source, isolation_level=None, timeout=10)
    dst = sqlite3.connect(partial, isolation_level=None)
    try:
        dst.execute("PRAGMA journal_mode=OFF")  # an unfinished copy is thrown away, never rolled back
        dst.execute("PRAGMA synchronous=OFF")  # made durable once, by the fsync below
        src.execute("BEGIN")
        src.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # pins the snapshot
        total = 0

        def step_done(_status: int, remaining: int, pages: int) -> None:
            nonlocal total
            total = pages
            if progress is not None:
                progress(pages - remaining, pages)

        src.backup(dst, pages=step, progress=step_done)
        src.execute("COMMIT")
    finally:
        dst.close()
        src.close()
    with open(partial, "rb+") as f:
        os.fsync(f.fileno())
    return total


def _verify(partial: Path) -> None:
    # immutable: a check of a closed file, so it leaves no -wal or -shm beside it
    conn = sqlite3.connect(f"{partial.resolve().as_uri()}?immutable=1", uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    finally:
        conn.close()
    if rows != ["ok"]:
        raise ConfigError(
            "The copy failed its integrity check ({reason}); nothing was kept.", reason=rows[0]
        )


def _publish(partial: Path, target: Path) -> None:
    """Give the verified copy its name, never replacing a file made meanwhile."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise _exists(target) from None
    except OSError:  # no hard links (FAT or exFAT backup disks): a rename, after one more look
        if target.exists():
            raise _exists(target) from None
        os.rename(partial, target)


def _exists(target: Path) -> ConfigError:
    return ConfigError("{target} exists already; choose a new file name.", target=str(target))


def _remove(partial: Path) -> None:
    for suffix in LEFTOVER_SUFFIXES:
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _sync_dir(folder: Path) -> None:
    """The new name survives a power cut too (directories cannot be opened on Windows)."""
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
