"""intent labels: what customers' messages meant, as agents showed it

Agent assist learns from the desk's own history: a reply sent from a suggestion labels the
customer's message with the suggestion's intent, and an agent's one-click correction labels it
too. The training job stamps ``trained_at`` on the labels it learnt from; every process rebuilds
its model from the stamped labels, so all agree without sharing a pickled model.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "intent_labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("intent", sa.String(32), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("trained_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_intent_labels_ticket_id_tickets"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_intent_labels_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_intent_labels"),
    )
    op.create_index("ix_intent_labels_trained_at", "intent_labels", ["trained_at"])
    op.create_index("ix_intent_labels_ticket_id", "intent_labels", ["ticket_id"])


def downgrade() -> None:
    op.drop_index("ix_intent_labels_ticket_id", "intent_labels")
    op.drop_index("ix_intent_labels_trained_at", "intent_labels")
    op.drop_table("intent_labels")
