"""go live: the site, carriers' number pools and sort codes, carrier rules and cut-offs, packaging
boxes, the stock ledger (append-only; existing stock rows get an opening move each), receipts and
counts; bins get a pick sequence and products an optional image

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The carriers every site knows by name; their number pools and sort codes are the site's to import.
KNOWN_CARRIERS = [
    ("SF", "顺丰速运", ""),
    ("YTO", "圆通速递", ""),
    ("ZTO", "中通快递", ""),
    ("JD", "京东物流", ""),
    ("EMS", "中国邮政 EMS", ""),
    ("EMSI", "EMS 国际 (UPU S10)", "s10"),
]


def upgrade() -> None:
    op.create_table(
        "carrier_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=24), nullable=False),
        sa.Column("province", sa.String(length=32), nullable=False),
        sa.Column("min_weight_g", sa.Integer(), nullable=True),
        sa.Column("max_weight_g", sa.Integer(), nullable=True),
        sa.Column("cod", sa.Boolean(), nullable=True),
        sa.Column("carrier", sa.String(length=16), nullable=False),
        sa.Column("service", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carrier_rules")),
    )
    op.create_table(
        "carriers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("check", sa.String(length=16), nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("low_water", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carriers")),
        sa.UniqueConstraint("code", name=op.f("uq_carriers_code")),
    )
    op.create_table(
        "packaging_boxes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("length_mm", sa.Integer(), nullable=False),
        sa.Column("width_mm", sa.Integer(), nullable=False),
        sa.Column("height_mm", sa.Integer(), nullable=False),
        sa.Column("tare_g", sa.Integer(), nullable=False),
        sa.Column("max_weight_g", sa.Integer(), nullable=True),
        sa.Column("bag", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packaging_boxes")),
        sa.UniqueConstraint("code", name=op.f("uq_packaging_boxes_code")),
    )
    op.create_table(
        "site",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("return_address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("languages", sa.String(length=64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site")),
    )
    op.create_table(
        "sort_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(length=16), nullable=False),
        sa.Column("province", sa.String(length=32), nullable=False),
        sa.Column("city", sa.String(length=64), nullable=False),
        sa.Column("district", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sort_codes")),
        sa.UniqueConstraint("carrier", "province", "city", "district", name=op.f("uq_sort_codes_carrier")),
    )
    op.create_table(
        "carrier_cutoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(length=16), nullable=False),
        sa.Column("cutoff", sa.String(length=5), nullable=False),
        sa.Column("pickups", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_carrier_cutoffs_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carrier_cutoffs")),
        sa.UniqueConstraint("warehouse_id", "carrier", name=op.f("uq_carrier_cutoffs_warehouse_id")),
    )
    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("supplier", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("closed_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_receipts_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
        sa.UniqueConstraint("reference", name=op.f("uq_receipts_reference")),
    )
    op.create_table(
        "receipt_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_receipt_lines_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["receipt_id"],
            ["receipts.id"],
            name=op.f("fk_receipt_lines_receipt_id_receipts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt_lines")),
        sa.UniqueConstraint("receipt_id", "product_id", name=op.f("uq_receipt_lines_receipt_id")),
    )
    op.create_index(op.f("ix_receipt_lines_receipt_id"), "receipt_lines", ["receipt_id"], unique=False)
    op.create_table(
        "stock_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bin_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("applied", "pending", "rejected", name="countstatus", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("counted_by", sa.Integer(), nullable=True),
        sa.Column("counted_at", UtcDateTime(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["bin_id"], ["bins.id"], name=op.f("fk_stock_counts_bin_id_bins")),
        sa.ForeignKeyConstraint(["counted_by"], ["users.id"], name=op.f("fk_stock_counts_counted_by_users")),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"], name=op.f("fk_stock_counts_decided_by_users")),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stock_counts_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_counts")),
    )
    op.create_table(
        "stock_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("bin_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "opening",
                "receive",
                "reserve",
                "pick",
                "pack",
                "move",
                "adjust",
                "count",
                name="movekind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("document", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("station", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["bin_id"], ["bins.id"], name=op.f("fk_stock_ledger_bin_id_bins")),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stock_ledger_product_id_products")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_stock_ledger_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_ledger")),
    )
    op.create_index(op.f("ix_stock_ledger_at"), "stock_ledger", ["at"], unique=False)
    op.create_index("ix_stock_ledger_product_bin", "stock_ledger", ["product_id", "bin_id"], unique=False)
    op.create_table(
        "waybill_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(length=16), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column(
            "status",
            sa.Enum("free", "issued", "void", name="numberstatus", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("batch", sa.String(length=120), nullable=False),
        sa.Column("imported_at", UtcDateTime(), nullable=False),
        sa.Column("issued_at", UtcDateTime(), nullable=True),
        sa.Column("shipment_id", sa.Integer(), nullable=True),
        sa.Column("voided_by", sa.Integer(), nullable=True),
        sa.Column("void_reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["shipment_id"], ["shipments.id"], name=op.f("fk_waybill_numbers_shipment_id_shipments")
        ),
        sa.ForeignKeyConstraint(["voided_by"], ["users.id"], name=op.f("fk_waybill_numbers_voided_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waybill_numbers")),
        sa.UniqueConstraint("carrier", "number", name=op.f("uq_waybill_numbers_carrier")),
    )
    op.create_index("ix_waybill_numbers_next", "waybill_numbers", ["carrier", "status", "id"], unique=False)
    op.add_column("bins", sa.Column("pick_seq", sa.Integer(), server_default="0", nullable=False))
    op.add_column(
        "products", sa.Column("image_url", sa.String(length=500), server_default="", nullable=False)
    )

    carriers = sa.table(
        "carriers",
        sa.column("code"),
        sa.column("name"),
        sa.column("check"),
        sa.column("provider"),
        sa.column("low_water"),
        sa.column("active"),
    )
    op.bulk_insert(
        carriers,
        [
            {"code": c, "name": n, "check": k, "provider": "pool", "low_water": 200, "active": True}
            for c, n, k in KNOWN_CARRIERS
        ],
    )
    op.execute(
        "INSERT INTO stock_ledger (at, product_id, bin_id, quantity, reserved, kind, reason, document) "
        "SELECT CURRENT_TIMESTAMP, product_id, bin_id, quantity, reserved, 'opening', 'before the ledger', '' "
        "FROM stock"
    )
    _ledger_append_only()


def _ledger_append_only() -> None:
    """Refuse UPDATE and DELETE on the stock ledger in the database itself, not only in the ORM."""
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER stock_ledger_no_{verb.lower()} BEFORE {verb} ON stock_ledger "
                "BEGIN SELECT RAISE(ABORT, 'the stock ledger is append-only'); END"
            )
    else:
        op.execute(
            "CREATE FUNCTION stock_ledger_refuse() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'the stock ledger is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER stock_ledger_append_only BEFORE UPDATE OR DELETE ON stock_ledger "
            "FOR EACH ROW EXECUTE FUNCTION stock_ledger_refuse()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS stock_ledger_append_only ON stock_ledger")
        op.execute("DROP FUNCTION IF EXISTS stock_ledger_refuse()")
    with op.batch_alter_table("products") as batch:
        batch.drop_column("image_url")
    with op.batch_alter_table("bins") as batch:
        batch.drop_column("pick_seq")
    op.drop_index("ix_waybill_numbers_next", table_name="waybill_numbers")
    op.drop_table("waybill_numbers")
    op.drop_index("ix_stock_ledger_product_bin", table_name="stock_ledger")
    op.drop_index(op.f("ix_stock_ledger_at"), table_name="stock_ledger")
    op.drop_table("stock_ledger")
    op.drop_table("stock_counts")
    op.drop_index(op.f("ix_receipt_lines_receipt_id"), table_name="receipt_lines")
    op.drop_table("receipt_lines")
    op.drop_table("receipts")
    op.drop_table("carrier_cutoffs")
    op.drop_table("sort_codes")
    op.drop_table("site")
    op.drop_table("packaging_boxes")
    op.drop_table("carriers")
    op.drop_table("carrier_rules")
