"""mail: mailboxes, messages in and out, attachments, bounced addresses

The email channel keeps each mailbox's server settings (never its password: that stays in the
station settings file or the environment), its IMAP position (UIDVALIDITY, last UID), every
message received or sent with its threading ids, and the addresses that bounced.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mailboxes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(32), nullable=False, unique=True),
        sa.Column("address", sa.String(254), nullable=False),
        sa.Column("display_name", sa.String(120), nullable=False),
        sa.Column("queue", sa.String(32), nullable=False),
        sa.Column("imap_host", sa.String(255), nullable=False),
        sa.Column("imap_port", sa.Integer(), nullable=False),
        sa.Column("imap_tls", sa.String(8), nullable=False),
        sa.Column("imap_user", sa.String(254), nullable=False),
        sa.Column("imap_folder", sa.String(120), nullable=False),
        sa.Column("processed_folder", sa.String(120), nullable=False),
        sa.Column("smtp_host", sa.String(255), nullable=False),
        sa.Column("smtp_port", sa.Integer(), nullable=False),
        sa.Column("smtp_tls", sa.String(8), nullable=False),
        sa.Column("smtp_user", sa.String(254), nullable=False),
        sa.Column("auto_ack", sa.Boolean(), nullable=False),
        sa.Column("attachment_limit_kb", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("send_after_interaction", sa.Integer(), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("last_fetch_at", UtcDateTime(), nullable=True),
        sa.Column("last_error", sa.String(300), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "mail_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(300), nullable=False, unique=True),
        sa.Column("message_id", sa.String(300), nullable=False, index=True),
        sa.Column("mailbox_id", sa.Integer(), sa.ForeignKey("mailboxes.id"), nullable=True, index=True),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("tickets.id"), nullable=True, index=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customers.id"), nullable=True, index=True),
        sa.Column("interaction_id", sa.Integer(), sa.ForeignKey("interactions.id"), nullable=True,
                  unique=True),
        sa.Column("from_addr", sa.String(254), nullable=False),
        sa.Column("to_addr", sa.String(254), nullable=False),
        sa.Column("subject", sa.String(998), nullable=False),
        sa.Column("in_reply_to", sa.String(300), nullable=False),
        sa.Column("references", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("auto_reason", sa.String(120), nullable=False),
        sa.Column("error", sa.String(300), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UtcDateTime(), nullable=True),
        sa.Column("imap_uid", sa.BigInteger(), nullable=True),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("sent_at", UtcDateTime(), nullable=True),
    )
    op.create_index("ix_mail_messages_status_next", "mail_messages", ["status", "next_attempt_at"])
    op.create_index("ix_mail_messages_to_kind", "mail_messages", ["to_addr", "kind", "created_at"])
    op.create_table(
        "mail_attachments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message_id", sa.Integer(), sa.ForeignKey("mail_messages.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("content_type", sa.String(120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
    )
    op.create_table(
        "mail_bounced_addresses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("bounces", sa.Integer(), nullable=False),
        sa.Column("bounced_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("mail_bounced_addresses")
    op.drop_table("mail_attachments")
    op.drop_index("ix_mail_messages_to_kind", "mail_messages")
    op.drop_index("ix_mail_messages_status_next", "mail_messages")
    op.drop_table("mail_messages")
    op.drop_table("mailboxes")
