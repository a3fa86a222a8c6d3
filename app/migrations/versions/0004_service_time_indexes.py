"""service time windows: contacts and refunds by time

Incident rules and the dashboard count contacts and refund requests in time windows (the last
hour, the same hour a week before); without these indexes each count reads every row.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_interactions_occurred_at", "interactions", ["occurred_at"])
    op.create_index("ix_refunds_created_at", "refunds", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_refunds_created_at", "refunds")
    op.drop_index("ix_interactions_occurred_at", "interactions")
