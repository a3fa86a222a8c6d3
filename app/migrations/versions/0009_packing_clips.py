"""packing clips: the index of packing videos (one clip per parcel: file, times, SHA-256, gaps)

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "packing_clips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("packer_id", sa.Integer(), nullable=True),
        sa.Column("path", sa.String(1024), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("ended_reason", sa.String(24), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("ended_at", UtcDateTime(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("frames", sa.Integer(), nullable=True),
        sa.Column("size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("gaps", sa.JSON(), nullable=False),
        sa.Column("purged_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["package_id"], ["packages.id"], name="fk_packing_clips_package_id_packages"),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name="fk_packing_clips_order_id_orders"),
        sa.ForeignKeyConstraint(["packer_id"], ["users.id"], name="fk_packing_clips_packer_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_packing_clips"),
    )
    op.create_index("ix_packing_clips_package_id", "packing_clips", ["package_id"])
    op.create_index("ix_packing_clips_order_id", "packing_clips", ["order_id"])
    op.create_index("ix_packing_clips_station_started", "packing_clips", ["station", "started_at"])


def downgrade() -> None:
    op.drop_table("packing_clips")
