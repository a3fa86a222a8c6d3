"""The one row describing the site (a module of its own: every command reads its time zone, and
needs none of the carrier tables declared for it)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class Site(Base):
    """One row: what ``packdesk init`` asked for (a database with a site is not initialised again)."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    return_address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    time_zone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    languages: Mapped[str] = mapped_column(String(64), default="zh_CN,en")  # comma-separated
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
