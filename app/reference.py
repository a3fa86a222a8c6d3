"""Reference data every database starts with (canned replies, knowledge-base articles, alert
rules): added where missing each time the app opens a database, never overwriting a site's edits."""

from __future__ import annotations

from sqlalchemy import Engine

from app.db import session_factory, unit_of_work
from app.extensions import import_optional
from app.services import assist


def ensure(engine: Engine) -> int:
    """Rows added (0 once everything is there)."""
    with unit_of_work(session_factory(engine)) as s:
        added = assist.ensure_defaults(s)
        incidents = import_optional("app.services.incidents")
        if incidents is not None and hasattr(incidents, "ensure_default_rules"):
            added += incidents.ensure_default_rules(s) or 0
    return added
