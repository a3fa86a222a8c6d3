"""Free text typed by an agent (subjects, messages, notes, reasons), checked the same everywhere."""

from __future__ import annotations

from app.errors import DomainError

MAX_TEXT = 4000


def checked(value: str, what: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    """The text stripped; a clear message when it is empty (and required) or too long."""
    value = (value or "").strip()
    if required and not value:
        raise DomainError(f"{what} is empty.")
    if len(value) > limit:
        raise DomainError(f"{what} is too long ({len(value)} characters, at most {limit}).")
    return value
