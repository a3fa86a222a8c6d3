"""The email channel: mailboxes (server settings without passwords: those stay on the station),
every message received or sent with its threading ids, attachments, and addresses that bounced."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class Mailbox(Base):
    """One shop address, read by IMAP and sent from by SMTP; its tickets go to ``queue``."""

    __tablename__ = "mailboxes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)  # the password's key on the station
    address: Mapped[str] = mapped_column(String(254))
    display_name: Mapped[str] = mapped_column(String(120), default="")
    queue: Mapped[str] = mapped_column(String(32), default="")  # "" = route like any ticket
    imap_host: Mapped[str] = mapped_column(String(255))
    imap_port: Mapped[int] = mapped_column(default=993)
    imap_tls: Mapped[str] = mapped_column(String(8), default="ssl")  # ssl / starttls / none
    imap_user: Mapped[str] = mapped_column(String(254))
    imap_folder: Mapped[str] = mapped_column(String(120), default="INBOX")
    processed_folder: Mapped[str] = mapped_column(String(120), default="")  # "" = mark seen only
    smtp_host: Mapped[str] = mapped_column(String(255))
    smtp_port: Mapped[int] = mapped_column(default=465)
    smtp_tls: Mapped[str] = mapped_column(String(8), default="ssl")
    smtp_user: Mapped[str] = mapped_column(String(254), default="")  # "" = no SMTP login
    auto_ack: Mapped[bool] = mapped_column(default=True)
    attachment_limit_kb: Mapped[int] = mapped_column(default=10 * 1024)
    active: Mapped[bool] = mapped_column(default=True)
    # agents' email answers with a higher interaction id than this go out through the mail
    send_after_interaction: Mapped[int] = mapped_column(default=0)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    last_fetch_at: Mapped[dt.datetime | None] = mapped_column()
    last_error: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MailMessage(Base):
    """A message in or out. ``key`` (the Message-ID, or a hash of a message without one) makes a
    message arrive once however often it is fetched or imported."""

    __tablename__ = "mail_messages"
    __table_args__ = (
        Index("ix_mail_messages_status_next", "status", "next_attempt_at"),
        Index("ix_mail_messages_to_kind", "to_addr", "kind", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    message_id: Mapped[str] = mapped_column(String(300), index=True, default="")
    mailbox_id: Mapped[int | None] = mapped_column(ForeignKey("mailboxes.id"), index=True)
    direction: Mapped[str] = mapped_column(String(8))  # inbound / outbound
    # inbound: customer, auto (auto-reply, list), bounce; outbound: ack, reply, notice
    kind: Mapped[str] = mapped_column(String(16))
    # inbound: received, failed; outbound: queued, sent, failed, bounced
    status: Mapped[str] = mapped_column(String(16))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interactions.id"), unique=True)
    from_addr: Mapped[str] = mapped_column(String(254), default="")
    to_addr: Mapped[str] = mapped_column(String(254), default="")
    subject: Mapped[str] = mapped_column(String(998), default="")
    in_reply_to: Mapped[str] = mapped_column(String(300), default="")
    references: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")  # the whole text (a ticket message is capped)
    auto_reason: Mapped[str] = mapped_column(String(120), default="")
    error: Mapped[str] = mapped_column(String(300), default="")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column()
    imap_uid: Mapped[int | None] = mapped_column(BigInteger)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    # the server copy was marked seen / moved (only ever after this row was committed)
    flagged: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column()


class MailAttachment(Base):
    __tablename__ = "mail_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("mail_messages.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column()
    data: Mapped[bytes | None] = mapped_column(LargeBinary)  # None: over the mailbox's size limit


class BouncedAddress(Base):
    """An address mail could not be delivered to; nothing more is sent to it until cleared."""

    __tablename__ = "mail_bounced_addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    bounces: Mapped[int] = mapped_column(default=1)
    bounced_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
