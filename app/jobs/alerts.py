"""Alert rules: raise an incident when contacts, refunds, waits or failures jump."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from app.db import unit_of_work


def run(factory: sessionmaker[Session], now: dt.datetime) -> str:
    from app.services import incidents

    with unit_of_work(factory) as s:
        opened = incidents.raise_alerts(s, now)
    return f"raised {', '.join(i.title for i in opened)}" if opened else "no new incidents"
