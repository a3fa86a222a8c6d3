"""packaging boxes: the handling flags a box suits (fragile, liquid, bulky, battery), comma-separated

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("packaging_boxes", sa.Column("suits", sa.String(length=64), nullable=False,
                                               server_default=""))
    # Cartons already took fragile and liquid orders (mailers never did); 400 mm and up is bulky's size.
    op.execute(sa.text("UPDATE packaging_boxes SET suits = CASE WHEN length_mm >= 400 "
                       "THEN 'fragile,liquid,bulky,battery' ELSE 'fragile,liquid,battery' END "
                       "WHERE bag = :no").bindparams(no=False))


def downgrade() -> None:
    with op.batch_alter_table("packaging_boxes") as batch:
        batch.drop_column("suits")
