"""Service tickets (part of service, in a module of its own so a customer search declares them
without the rest of the service desk)."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, str_enum, utcnow


class ContactChannel(enum.StrEnum):
    CHAT = "chat"
    PHONE = "phone"
    EMAIL = "email"
    SOCIAL = "social"  # WeChat, Weibo, Douyin DMs ...
    NOTE = "note"  # internal note by an agent


class Priority(enum.StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class TicketStatus(enum.StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"  # waiting on the customer
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status_queue", "status", "queue"),
        Index("ix_tickets_assignee_status", "assignee_id", "status"),
        Index("ix_tickets_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)  # e.g. T-000123
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32), default="general")
    priority: Mapped[Priority] = mapped_column(str_enum(Priority), default=Priority.NORMAL)
    status: Mapped[TicketStatus] = mapped_column(str_enum(TicketStatus), default=TicketStatus.NEW)
    channel: Mapped[ContactChannel] = mapped_column(str_enum(ContactChannel))
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    queue: Mapped[str] = mapped_column(String(32), default="general")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    escalation_tier: Mapped[int] = mapped_column(default=0)  # 0 agent, 1 supervisor, 2 manager
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    first_response_due: Mapped[dt.datetime | None] = mapped_column()
    resolution_due: Mapped[dt.datetime | None] = mapped_column()
    first_responded_at: Mapped[dt.datetime | None] = mapped_column()
    resolved_at: Mapped[dt.datetime | None] = mapped_column()
    next_response_due: Mapped[dt.datetime | None] = mapped_column()  # the customer wrote again
    paused_at: Mapped[dt.datetime | None] = mapped_column()  # waiting for the customer since
