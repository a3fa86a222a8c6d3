"""What the CLI writes: one-line failures, escaped control characters, JSON."""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import Any, TextIO

# C0 (but tab and newline), DEL and C1: an ESC/OSC sequence in a customer's name must reach a
# terminal as text, not as a command to it.
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}


def escape_controls(text: str) -> str:
    return text.translate(_CONTROLS)


class SafeText(io.TextIOBase):
    """A text stream that escapes control characters on their way to the wrapped one."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(escape_controls(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", "utf-8")


def failure_message(exc: BaseException, lang: str = "en") -> str | None:
    """One line for a failure a user can act on, in ``lang``; None for a bug (which keeps its
    traceback)."""
    from app.i18n import Worded, word

    if isinstance(exc, Worded):  # the domain's errors, printing's and the devices'
        return word(exc, lang)
    if isinstance(exc, OSError):  # full disk, a folder given for a file, no such file, ...
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or exc}{where}"
    layer = type(exc).__module__.split(".")[0]
    if layer in ("printing", "devices") and str(exc):  # their own error types, worded for users
        return str(exc).splitlines()[0]
    return _database_failure(exc)


def _database_failure(exc: BaseException) -> str | None:
    """SQLAlchemy is looked at only if already loaded: commands without a database never load it."""
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    if isinstance(exc, OperationalError) and exc.orig is not None:
        return "database: " + str(exc.orig).strip().splitlines()[0]
    if isinstance(exc, SQLAlchemyError):
        return "database: " + str(exc).splitlines()[0]
    return None


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1, default=str))
