"""One import file, from its path: read as UTF-8 text, its format guessed, its orders or tracking
events imported. Whatever is wrong with the file itself is one DomainError line a user can act
on (no such file, a folder, unreadable, not UTF-8); whatever is wrong inside it is a line error
in the report."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.errors import DomainError
from app.models.base import utcnow
from app.services.intake.orders import ImportReport, import_orders
from app.services.intake.records import READERS, guess_format, read
from app.services.intake.tracking import import_tracking

TRACKING = "tracking"


def read_text(path: Path) -> str:
    """The file's text; a FIFO or device is refused, not waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise DomainError("No such file: {path}", path=str(path)) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise DomainError("{path} is a folder, not a file", path=str(path))
        if not stat.S_ISREG(mode):
            raise DomainError("{path} is not a regular file", path=str(path))
        with open(fd, "rb", closefd=False) as fh:
            data = fh.read()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    finally:
        os.close(fd)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError("{path} is not UTF-8 text; save it as UTF-8 CSV or JSON", path=str(path)) from None


def _unreadable(path: Path, exc: OSError) -> DomainError:
    return DomainError("{path} cannot be read: {reason}", path=str(path), reason=exc.strerror or str(exc))


def import_text(
    factory: sessionmaker[Session],
    name: str,
    text: str,
    fmt: str | None = None,
    *,
    dry_run: bool = False,
    now: dt.datetime,
    progress: Callable[[int], None] = lambda _n: None,
) -> ImportReport:
    """Orders in ``fmt`` (guessed when None), or tracking events (``fmt="tracking"``, or no format
    and a file name starting with 'tracking')."""
    if fmt == TRACKING or (fmt is None and name.lower().startswith(TRACKING)):
        return import_tracking(factory, text, name, now, dry_run=dry_run)
    fmt = fmt or guess_format(name, text[:2000])
    if fmt not in READERS:
        known = ", ".join(sorted(READERS))
        raise DomainError("Unknown format {fmt} (one of {formats})", fmt=fmt, formats=known)
    return import_orders(factory, read(text, fmt), dry_run=dry_run, now=now, progress=progress)


def import_path(
    factory: sessionmaker[Session],
    path: Path,
    fmt: str | None = None,
    dry_run: bool = False,
    now: dt.datetime | None = None,
    progress: Callable[[int], None] = lambda _n: None,
) -> ImportReport:
    """Read, guess and import one file (what ``packdesk import orders|tracking`` and the hot
    folder do)."""
    path = Path(path)
    return import_text(
        factory, path.name, read_text(path), fmt, dry_run=dry_run, now=now or utcnow(), progress=progress
    )
