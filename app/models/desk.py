"""The service desk's clock and feedback: the business calendar (public holidays and the make-up
working days of the Chinese calendar, 调休), ticket tags, notices to people (an SLA about to be
breached) and customer satisfaction surveys."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class CalendarDay(Base):
    """A day that is not what its weekday says: a holiday on a weekday, a working weekend day."""

    __tablename__ = "service_calendar_days"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # holiday / workday
    name: Mapped[str] = mapped_column(String(60), default="")
    confirmed: Mapped[bool] = mapped_column(default=True)  # False: a draft a supervisor must confirm


class TicketTag(Base):
    __tablename__ = "ticket_tags"
    __table_args__ = (UniqueConstraint("ticket_id", "tag"), Index("ix_ticket_tags_tag", "tag"))

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    tag: Mapped[str] = mapped_column(String(40))


class ServiceNotice(Base):
    """Something one person should see now (an SLA about to run out on their ticket)."""

    __tablename__ = "service_notices"
    __table_args__ = (Index("ix_service_notices_user_seen", "user_id", "seen_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[str] = mapped_column(String(24))
    text: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    seen_at: Mapped[dt.datetime | None] = mapped_column()


class CsatSurvey(Base):
    """One survey after a resolution: sent by email, answered with 1-5 and a comment."""

    __tablename__ = "csat_surveys"
    __table_args__ = (
        CheckConstraint("score IS NULL OR (score >= 1 AND score <= 5)", name="score_range"),
        Index("ix_csat_surveys_ticket_id", "ticket_id"),
        Index("ix_csat_surveys_answered_at", "answered_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # who resolved it
    queue: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    mail_message_id: Mapped[int | None] = mapped_column(ForeignKey("mail_messages.id"))
    score: Mapped[int | None] = mapped_column()
    comment: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[dt.datetime | None] = mapped_column()
    follow_up_id: Mapped[int | None] = mapped_column(ForeignKey("follow_ups.id"))
