"""tickets: agent availability, ticket indexes for routing, SLA watch and reports

Routing picks the least-loaded *available* agent: ``users.available`` is the agent's own
"available / away" switch. ``ix_tickets_assignee_status`` counts an agent's open tickets;
``ix_tickets_created_at`` serves the dashboard's and alerts' time windows.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("available", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.create_index("ix_tickets_assignee_status", "tickets", ["assignee_id", "status"])
    op.create_index("ix_tickets_created_at", "tickets", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_tickets_created_at", "tickets")
    op.drop_index("ix_tickets_assignee_status", "tickets")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("available")
