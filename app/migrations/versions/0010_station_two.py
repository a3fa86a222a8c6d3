"""station II: remainder picks and who picked when, lines back-ordered or cancelled after a short
pick, parcels per warehouse and per box (taken over from another station), master waybills,
hand-over batches per pick-up slot with their counts

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UtcDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("order_lines") as batch:
        batch.add_column(sa.Column("backordered_qty", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("cancelled_qty", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("pick_tasks") as batch:
        batch.add_column(sa.Column("remainder_of_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("picker_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("done_at", UtcDateTime(), nullable=True))
        batch.create_foreign_key("fk_pick_tasks_remainder_of_id_pick_tasks", "pick_tasks",
                                 ["remainder_of_id"], ["id"])
        batch.create_foreign_key("fk_pick_tasks_picker_id_users", "users", ["picker_id"], ["id"])
    with op.batch_alter_table("packages") as batch:
        batch.add_column(sa.Column("warehouse_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("box_no", sa.Integer(), server_default="1", nullable=False))
        batch.add_column(sa.Column("taken_from", sa.String(64), nullable=True))
        batch.add_column(sa.Column("taken_over_at", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("taken_over_by", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_packages_warehouse_id_warehouses", "warehouses", ["warehouse_id"], ["id"])
        batch.create_foreign_key("fk_packages_taken_over_by_users", "users", ["taken_over_by"], ["id"])
    op.create_index("ix_packages_taken_from", "packages", ["taken_from"])
    with op.batch_alter_table("shipments") as batch:
        batch.add_column(sa.Column("master_tracking", sa.String(40), server_default="", nullable=False))
    with op.batch_alter_table("handover_batches") as batch:
        batch.add_column(sa.Column("slot", sa.String(16), server_default="", nullable=False))
        batch.add_column(sa.Column("expected_count", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("courier_count", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("closed_by", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_handover_batches_closed_by_users", "users", ["closed_by"], ["id"])
    op.create_index("ix_pick_tasks_done_at", "pick_tasks", ["done_at"])


def downgrade() -> None:
    op.drop_index("ix_pick_tasks_done_at", "pick_tasks")
    op.drop_index("ix_packages_taken_from", "packages")
    with op.batch_alter_table("handover_batches") as batch:
        batch.drop_constraint("fk_handover_batches_closed_by_users", type_="foreignkey")
        for name in ("slot", "expected_count", "courier_count", "closed_by"):
            batch.drop_column(name)
    with op.batch_alter_table("shipments") as batch:
        batch.drop_column("master_tracking")
    with op.batch_alter_table("packages") as batch:
        batch.drop_constraint("fk_packages_warehouse_id_warehouses", type_="foreignkey")
        batch.drop_constraint("fk_packages_taken_over_by_users", type_="foreignkey")
        for name in ("warehouse_id", "box_no", "taken_from", "taken_over_at", "taken_over_by"):
            batch.drop_column(name)
    with op.batch_alter_table("pick_tasks") as batch:
        batch.drop_constraint("fk_pick_tasks_remainder_of_id_pick_tasks", type_="foreignkey")
        batch.drop_constraint("fk_pick_tasks_picker_id_users", type_="foreignkey")
        for name in ("remainder_of_id", "picker_id", "done_at"):
            batch.drop_column(name)
    with op.batch_alter_table("order_lines") as batch:
        batch.drop_column("backordered_qty")
        batch.drop_column("cancelled_qty")
