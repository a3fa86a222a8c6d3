"""Scheduled work (SLA escalation, alert rules, print retries, mail, training): one row per job
with its schedule and last outcome, which is also how workers on several machines agree that a
job runs on one of them at a time (a lease claimed by a conditional UPDATE)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class JobRun(Base):
    __tablename__ = "job_runs"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    next_due: Mapped[dt.datetime]
    lease_owner: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[dt.datetime | None]
    last_started: Mapped[dt.datetime | None]
    last_finished: Mapped[dt.datetime | None]
    last_ok: Mapped[bool | None]
    last_summary: Mapped[str | None] = mapped_column(Text)
    last_error: Mapped[str | None] = mapped_column(Text)
    runs: Mapped[int] = mapped_column(default=0)
