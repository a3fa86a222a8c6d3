"""Customers (any number of phones, emails, addresses), orders and order lines."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Rate, str_enum, utcnow


class Tier(enum.StrEnum):
    NEW = "new"
    REGULAR = "regular"
    SILVER = "silver"
    GOLD = "gold"
    VIP = "vip"


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    tier: Mapped[Tier] = mapped_column(str_enum(Tier), default=Tier.NEW)
    tags: Mapped[str] = mapped_column(String(200), default="")  # comma-separated
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    lifetime_value: Mapped[Decimal] = mapped_column(default=Decimal(0))
    # set when an agent merges this customer into another (un-merge clears it)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    phones: Mapped[list[CustomerPhone]] = relationship(cascade="all, delete-orphan")
    emails: Mapped[list[CustomerEmail]] = relationship(cascade="all, delete-orphan")
    addresses: Mapped[list[Address]] = relationship(cascade="all, delete-orphan")


class CustomerPhone(Base):
    """A phone number, digits only with country code when known (e.g. 8613800138000)."""

    __tablename__ = "customer_phones"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    phone: Mapped[str] = mapped_column(String(32), unique=True)
    last4: Mapped[str] = mapped_column(String(4), index=True)


class CustomerEmail(Base):
    __tablename__ = "customer_emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-case


class Address(Base):
    """A postal address as Chinese addresses need it: province/city/district/street."""

    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(32))
    country: Mapped[str] = mapped_column(String(2), default="CN")
    province: Mapped[str] = mapped_column(String(32), default="")
    city: Mapped[str] = mapped_column(String(64), default="")
    district: Mapped[str] = mapped_column(String(64), default="")
    street: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(16), default="")
    is_default: Mapped[bool] = mapped_column(default=False)


class Channel(enum.StrEnum):
    TMALL = "tmall"
    JD = "jd"
    DOUYIN = "douyin"
    PINDUODUO = "pinduoduo"
    SHOPIFY = "shopify"
    OWN_SITE = "own_site"


class OrderStatus(enum.StrEnum):
    NEW = "new"
    ALLOCATED = "allocated"
    BACKORDERED = "backordered"
    IN_WAVE = "in_wave"
    HELD = "held"  # a short pick no bin could make up: a supervisor decides in the exception queue
    PICKED = "picked"
    PACKING = "packing"
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    RETURNED = "returned"


class PaymentStatus(enum.StrEnum):
    PENDING = "pending"
    PAID = "paid"
    COD = "cod"  # cash on delivery: releasable unpaid
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"
    FAILED = "failed"


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("channel", "channel_ref"),
        CheckConstraint("total >= 0", name="total_not_negative"),
        Index("ix_orders_status_cutoff", "status", "cutoff_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    channel: Mapped[Channel] = mapped_column(str_enum(Channel))
    channel_ref: Mapped[str] = mapped_column(String(64))  # the shop's own order id
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    address_id: Mapped[int | None] = mapped_column(ForeignKey("addresses.id"))
    warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"))
    status: Mapped[OrderStatus] = mapped_column(str_enum(OrderStatus), default=OrderStatus.NEW)
    payment_status: Mapped[PaymentStatus] = mapped_column(
        str_enum(PaymentStatus), default=PaymentStatus.PENDING
    )
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    subtotal: Mapped[Decimal] = mapped_column(default=Decimal(0))
    shipping_fee: Mapped[Decimal] = mapped_column(default=Decimal(0))
    discount: Mapped[Decimal] = mapped_column(default=Decimal(0))
    tax: Mapped[Decimal] = mapped_column(default=Decimal(0))
    total: Mapped[Decimal] = mapped_column(default=Decimal(0))
    cod_amount: Mapped[Decimal | None] = mapped_column()
    declared_value: Mapped[Decimal | None] = mapped_column()
    priority: Mapped[int] = mapped_column(default=0)  # higher goes first
    carrier: Mapped[str] = mapped_column(String(16), default="")
    service: Mapped[str] = mapped_column(String(32), default="")
    cutoff_at: Mapped[dt.datetime | None] = mapped_column()
    placed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")
    # which station is packing it; a second station is refused while this is set
    locked_by: Mapped[str | None] = mapped_column(String(64))
    locked_at: Mapped[dt.datetime | None] = mapped_column()
    version: Mapped[int] = mapped_column(default=1)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.line_no"
    )

    __mapper_args__ = {"version_id_col": version}


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "line_no"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("picked_qty >= 0 AND picked_qty <= quantity", name="picked_within"),
        CheckConstraint("packed_qty >= 0 AND packed_qty <= quantity", name="packed_within"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int] = mapped_column()
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column()
    unit_price: Mapped[Decimal] = mapped_column()
    tax_rate: Mapped[Decimal] = mapped_column(Rate, default=Decimal("0.13"))
    amount: Mapped[Decimal] = mapped_column()
    picked_qty: Mapped[int] = mapped_column(default=0)
    packed_qty: Mapped[int] = mapped_column(default=0)
    backordered_qty: Mapped[int] = mapped_column(default=0)  # short-picked, shipped later
    cancelled_qty: Mapped[int] = mapped_column(default=0)  # short-picked, cancelled and refunded

    order: Mapped[Order] = relationship(back_populates="lines")
