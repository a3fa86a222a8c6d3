"""SLA watch: record each clock that ran out, escalate tickets whose resolution is overdue, and warn
the assignee and the supervisors shortly before a clock runs out."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from app.db import unit_of_work


def run(factory: sessionmaker[Session], now: dt.datetime) -> str:
    from app.services import tickets

    with unit_of_work(factory) as s:
        touched = tickets.watch_sla(s, now)
        warned = tickets.warn_sla(s, now)
    said = [f"{len(set(touched))} ticket(s) breached" if touched else "no new breaches"]
    return ", ".join(said + ([f"{len(set(warned))} warned"] if warned else []))
