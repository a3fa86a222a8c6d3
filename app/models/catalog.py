"""Warehouses, zones, bin locations, products and their barcodes."""

from __future__ import annotations

import enum
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Rate, str_enum


class Warehouse(Base):
    __tablename__ = "warehouses"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    province: Mapped[str] = mapped_column(String(32), default="")
    city: Mapped[str] = mapped_column(String(32), default="")
    cost_rank: Mapped[int] = mapped_column(default=0)  # lower ships cheaper (allocation rule)


class Zone(Base):
    __tablename__ = "zones"
    __table_args__ = (UniqueConstraint("warehouse_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    code: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(64), default="")


class Bin(Base):
    """A bin location; ``code`` is zone-aisle-bay-level, e.g. ``A-02-13-3``."""

    __tablename__ = "bins"
    __table_args__ = (UniqueConstraint("warehouse_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    zone_id: Mapped[int] = mapped_column(ForeignKey("zones.id"))
    code: Mapped[str] = mapped_column(String(32))
    aisle: Mapped[int] = mapped_column()
    bay: Mapped[int] = mapped_column()
    level: Mapped[int] = mapped_column()
    pick_seq: Mapped[int] = mapped_column(default=0, server_default="0")  # walking order within the warehouse


class BarcodeKind(enum.StrEnum):
    EAN13 = "ean13"
    EAN8 = "ean8"
    UPC = "upc"
    GTIN14 = "gtin14"
    CODE128 = "code128"  # internal labels


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("unit_weight_g IS NULL OR unit_weight_g > 0", name="weight_positive"),
        CheckConstraint("price >= 0", name="price_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    # grams; NULL = not known yet (learnt from verified single-item parcels)
    unit_weight_g: Mapped[int | None] = mapped_column(Integer)
    weight_learnt: Mapped[bool] = mapped_column(default=False)
    length_mm: Mapped[int] = mapped_column(default=0)
    width_mm: Mapped[int] = mapped_column(default=0)
    height_mm: Mapped[int] = mapped_column(default=0)
    fragile: Mapped[bool] = mapped_column(default=False)
    liquid: Mapped[bool] = mapped_column(default=False)
    bulky: Mapped[bool] = mapped_column(default=False)
    battery: Mapped[bool] = mapped_column(default=False)
    price: Mapped[Decimal] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    tax_rate: Mapped[Decimal] = mapped_column(Rate, default=Decimal("0.13"))
    image_url: Mapped[str] = mapped_column(String(500), default="", server_default="")

    barcodes: Mapped[list[ProductBarcode]] = relationship(
        back_populates="product", cascade="all, delete-orphan"
    )


class ProductBarcode(Base):
    __tablename__ = "product_barcodes"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[BarcodeKind] = mapped_column(str_enum(BarcodeKind))

    product: Mapped[Product] = relationship(back_populates="barcodes")
