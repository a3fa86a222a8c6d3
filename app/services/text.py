"""Free text typed by an agent (subjects, messages, notes, reasons), checked the same everywhere;
and the check that no template placeholder (``{eta}``) reaches a customer."""

from __future__ import annotations

import re

from app.errors import DomainError

MAX_TEXT = 4000
# {name}, { name } or {{name}}: a template variable nobody filled in
PLACEHOLDER = re.compile(r"\{\{?\s*(\w+)\s*\}?\}")


def checked(value: str, what: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    """The text stripped; a clear message when it is empty (and required) or too long."""
    value = (value or "").strip()
    if required and not value:
        raise DomainError("{what} is empty.", what=what)
    if len(value) > limit:
        raise DomainError(
            "{what} is too long ({length} characters, at most {limit}).",
            what=what,
            length=len(value),
            limit=limit,
        )
    return value


def unfilled_placeholders(text: str) -> list[str]:
    """The names of the placeholders left in the text, each once, in order of appearance."""
    return list(dict.fromkeys(m.group(1) for m in PLACEHOLDER.finditer(text or "")))


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every placeholder in the text, for a view to highlight."""
    return [m.span() for m in PLACEHOLDER.finditer(text or "")]


def checked_reply(value: str) -> str:
    """A reply to a customer: `checked`, and refused while a placeholder remains (the names are
    in the error's ``names`` parameter)."""
    value = checked(value, "The reply")
    missing = unfilled_placeholders(value)
    if missing:
        raise DomainError(
            "Fill in {names} before sending: the reply still has placeholders.",
            code="reply.unfilled_placeholders",
            names=", ".join("{" + n + "}" for n in missing),
        )
    return value
