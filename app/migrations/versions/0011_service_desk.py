"""service desk: business calendar days (public holidays, make-up working days), ticket tags,
next-response clock and paused clocks on tickets, SLA warnings to people, CSAT surveys

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UtcDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as t:
        t.add_column(sa.Column("next_response_due", UtcDateTime(), nullable=True))
        t.add_column(sa.Column("paused_at", UtcDateTime(), nullable=True))
    op.create_table(
        "service_calendar_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),  # holiday / workday
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("day", name="pk_service_calendar_days"),
    )
    from app.services.business_hours import shipped  # the shipped holidays and make-up working days

    op.bulk_insert(
        sa.table("service_calendar_days", sa.column("day", sa.Date()), sa.column("kind", sa.String()),
                 sa.column("name", sa.String()), sa.column("confirmed", sa.Boolean())),
        [{"day": d.day, "kind": d.kind, "name": d.name, "confirmed": d.confirmed} for d in shipped()],
    )
    op.create_table(
        "ticket_tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_ticket_tags_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("id", name="pk_ticket_tags"),
        sa.UniqueConstraint("ticket_id", "tag", name="uq_ticket_tags_ticket_id"),
    )
    op.create_index("ix_ticket_tags_tag", "ticket_tags", ["tag"])
    op.create_table(
        "service_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("seen_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_service_notices_user_id_users"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_service_notices_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("id", name="pk_service_notices"),
    )
    op.create_index("ix_service_notices_user_seen", "service_notices", ["user_id", "seen_at"])
    op.create_table(
        "csat_surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("queue", sa.String(32), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("mail_message_id", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("answered_at", UtcDateTime(), nullable=True),
        sa.Column("follow_up_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("score IS NULL OR (score >= 1 AND score <= 5)", name="ck_csat_surveys_score_range"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_csat_surveys_ticket_id_tickets"),
        sa.ForeignKeyConstraint(["agent_id"], ["users.id"], name="fk_csat_surveys_agent_id_users"),
        sa.ForeignKeyConstraint(["mail_message_id"], ["mail_messages.id"],
                                name="fk_csat_surveys_mail_message_id_mail_messages"),
        sa.ForeignKeyConstraint(["follow_up_id"], ["follow_ups.id"], name="fk_csat_surveys_follow_up_id_follow_ups"),
        sa.PrimaryKeyConstraint("id", name="pk_csat_surveys"),
    )
    op.create_index("ix_csat_surveys_ticket_id", "csat_surveys", ["ticket_id"])
    op.create_index("ix_csat_surveys_answered_at", "csat_surveys", ["answered_at"])


def downgrade() -> None:
    op.drop_table("csat_surveys")
    op.drop_table("service_notices")
    op.drop_table("ticket_tags")
    op.drop_table("service_calendar_days")
    with op.batch_alter_table("tickets") as t:
        t.drop_column("paused_at")
        t.drop_column("next_response_due")
