"""Shared business settings (weight tolerance, sampling rates, thresholds) kept in the database,
so every station of a warehouse applies the same rule; a missing key means the default."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.models.service import Setting

T = TypeVar("T")


def get(session: Session, key: str, default: T) -> T:
    row = session.get(Setting, key)
    if row is None:
        return default
    value: Any = row.value
    # coerce to the default's type, so a JSON int stored for a float setting still works
    return type(default)(value) if default is not None and not isinstance(value, type(default)) else value


def put(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
