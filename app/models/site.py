"""The site itself (name, return address, zone: ``app.models.site_record``, re-exported here), its
carriers' waybill number pools, sort-code tables and the rules that give an order its carrier,
service and cut-off."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, str_enum, utcnow
from app.models.site_record import Site as Site


class Carrier(Base):
    __tablename__ = "carriers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    check: Mapped[str] = mapped_column(String(16), default="")  # check-digit scheme: "" or "s10"
    provider: Mapped[str] = mapped_column(String(16), default="pool")  # where numbers come from
    low_water: Mapped[int] = mapped_column(default=200)  # warn when fewer free numbers are left
    active: Mapped[bool] = mapped_column(default=True)


class NumberStatus(enum.StrEnum):
    FREE = "free"
    ISSUED = "issued"
    VOID = "void"


class WaybillNumber(Base):
    """One electronic waybill number a carrier gave the site; issued once, voided never reused."""

    __tablename__ = "waybill_numbers"
    __table_args__ = (
        UniqueConstraint("carrier", "number"),
        Index("ix_waybill_numbers_next", "carrier", "status", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier: Mapped[str] = mapped_column(String(16))
    number: Mapped[str] = mapped_column(String(40))
    status: Mapped[NumberStatus] = mapped_column(str_enum(NumberStatus), default=NumberStatus.FREE)
    batch: Mapped[str] = mapped_column(String(120), default="")  # the file it came from
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    issued_at: Mapped[dt.datetime | None] = mapped_column()
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"))
    voided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    void_reason: Mapped[str] = mapped_column(String(200), default="")


class SortCode(Base):
    """A carrier's sort code (三段码 / 大头笔) for a destination; empty city/district = any."""

    __tablename__ = "sort_codes"
    __table_args__ = (UniqueConstraint("carrier", "province", "city", "district"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier: Mapped[str] = mapped_column(String(16))
    province: Mapped[str] = mapped_column(String(32))
    city: Mapped[str] = mapped_column(String(64), default="")
    district: Mapped[str] = mapped_column(String(64), default="")
    code: Mapped[str] = mapped_column(String(32))


class CarrierRule(Base):
    """Which carrier and service an order gets; the first matching rule by position wins, an empty
    condition matches anything."""

    __tablename__ = "carrier_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(default=100)
    channel: Mapped[str] = mapped_column(String(24), default="")
    province: Mapped[str] = mapped_column(String(32), default="")
    min_weight_g: Mapped[int | None] = mapped_column()
    max_weight_g: Mapped[int | None] = mapped_column()
    cod: Mapped[bool | None] = mapped_column()  # None: either
    carrier: Mapped[str] = mapped_column(String(16))
    service: Mapped[str] = mapped_column(String(32), default="")


class CarrierCutoff(Base):
    """When a carrier's van leaves a warehouse: the cut-off (local time) and its pick-up slots."""

    __tablename__ = "carrier_cutoffs"
    __table_args__ = (UniqueConstraint("warehouse_id", "carrier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    carrier: Mapped[str] = mapped_column(String(16))
    cutoff: Mapped[str] = mapped_column(String(5), default="16:00")  # HH:MM in the site's zone
    pickups: Mapped[str] = mapped_column(String(64), default="")  # "17:00,19:30"


class PackagingBox(Base):
    """A box or mailer the site packs in; the packaging suggestion picks the smallest that fits."""

    __tablename__ = "packaging_boxes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    length_mm: Mapped[int] = mapped_column()
    width_mm: Mapped[int] = mapped_column()
    height_mm: Mapped[int] = mapped_column()
    tare_g: Mapped[int] = mapped_column()
    max_weight_g: Mapped[int | None] = mapped_column()
    bag: Mapped[bool] = mapped_column(default=False)  # a mailer: no protection for fragile goods
    active: Mapped[bool] = mapped_column(default=True)
    # the handling flags it suits, comma-separated in packaging.FLAGS order ("fragile,liquid")
    suits: Mapped[str] = mapped_column(String(64), default="", server_default="")
