"""Reference data every database starts with (canned replies, knowledge-base articles, alert
rules): added where missing each time the app opens a database, never overwriting a site's edits."""

from __future__ import annotations

from sqlalchemy import Engine

from app.db import session_factory, unit_of_work
from app.services import assist, incidents


def ensure(engine: Engine) -> int:
    """Rows added (0 once everything is there)."""
    with unit_of_work(session_factory(engine)) as s:
        added = assist.ensure_defaults(s)
        added += incidents.ensure_default_rules(s)
    return added
