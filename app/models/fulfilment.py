"""Waves, pick tasks, totes, packages, hand-over, print jobs; shipments and tracking events are in
``app.models.shipments`` (re-exported here)."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, str_enum, utcnow
from app.models.shipments import Shipment as Shipment
from app.models.shipments import ShipmentStatus as ShipmentStatus
from app.models.shipments import TrackingEvent as TrackingEvent


class WaveStatus(enum.StrEnum):
    PLANNED = "planned"
    RELEASED = "released"
    PICKING = "picking"
    PICKED = "picked"
    CLOSED = "closed"


class Wave(Base):
    __tablename__ = "waves"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    status: Mapped[WaveStatus] = mapped_column(str_enum(WaveStatus), default=WaveStatus.PLANNED)
    carrier: Mapped[str] = mapped_column(String(16), default="")
    zone: Mapped[str] = mapped_column(String(8), default="")
    cutoff_at: Mapped[dt.datetime | None] = mapped_column()
    picker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    tasks: Mapped[list[PickTask]] = relationship(back_populates="wave", order_by="PickTask.sequence")


class ToteStatus(enum.StrEnum):
    FREE = "free"
    PICKING = "picking"
    AT_PACK = "at_pack"


class Tote(Base):
    __tablename__ = "totes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)  # e.g. TOTE-0001
    status: Mapped[ToteStatus] = mapped_column(str_enum(ToteStatus), default=ToteStatus.FREE)
    wave_id: Mapped[int | None] = mapped_column(ForeignKey("waves.id"))


class PickStatus(enum.StrEnum):
    OPEN = "open"
    PICKED = "picked"
    SHORT = "short"


class PickTask(Base):
    __tablename__ = "pick_tasks"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("picked_qty >= 0 AND picked_qty <= quantity", name="picked_within"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("waves.id"), index=True)
    sequence: Mapped[int] = mapped_column()  # walking order within the wave
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    reservation_id: Mapped[int | None] = mapped_column(ForeignKey("reservations.id"))
    bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    tote_id: Mapped[int | None] = mapped_column(ForeignKey("totes.id"))
    quantity: Mapped[int] = mapped_column()
    picked_qty: Mapped[int] = mapped_column(default=0)
    status: Mapped[PickStatus] = mapped_column(str_enum(PickStatus), default=PickStatus.OPEN)
    short_reason: Mapped[str] = mapped_column(String(200), default="")  # a code: empty_bin / damaged / ...
    remainder_of_id: Mapped[int | None] = mapped_column(ForeignKey("pick_tasks.id"))  # after a short pick
    picker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    done_at: Mapped[dt.datetime | None] = mapped_column(index=True)

    wave: Mapped[Wave] = relationship(back_populates="tasks")


class PackageStatus(enum.StrEnum):
    OPEN = "open"  # items being scanned
    WEIGHING = "weighing"
    BLOCKED = "blocked"  # weight out of tolerance: re-weigh or supervisor override
    PACKED = "packed"
    VERIFIED = "verified"
    CANCELLED = "cancelled"


class Package(Base):
    """One parcel being packed. Rows of ``pack_events`` make it resumable after a crash."""

    __tablename__ = "packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    station: Mapped[str] = mapped_column(String(64))
    packer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"))  # a split order: one each
    box_no: Mapped[int] = mapped_column(default=1)  # the order's boxes from this warehouse, 1, 2, ...
    taken_from: Mapped[str | None] = mapped_column(String(64), index=True)  # the station taken over from
    taken_over_at: Mapped[dt.datetime | None] = mapped_column()
    taken_over_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[PackageStatus] = mapped_column(str_enum(PackageStatus), default=PackageStatus.OPEN)
    box_code: Mapped[str] = mapped_column(String(16), default="")
    expected_weight_g: Mapped[int | None] = mapped_column()
    measured_weight_g: Mapped[Decimal | None] = mapped_column()
    override_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    packed_at: Mapped[dt.datetime | None] = mapped_column()
    verified_at: Mapped[dt.datetime | None] = mapped_column()


class PackEvent(Base):
    """Every accepted or refused scan/weight at a station, committed before it is confirmed."""

    __tablename__ = "pack_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(16))  # item / weight / override / verify / command
    code: Mapped[str] = mapped_column(String(128), default="")
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"))
    verdict: Mapped[str] = mapped_column(String(32))  # ok / wrong_item / extra_item / ...
    grams: Mapped[Decimal | None] = mapped_column()
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class HandoverBatch(Base):
    __tablename__ = "handover_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    carrier: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / closed
    slot: Mapped[str] = mapped_column(String(16), default="")  # pick-up slot HH:MM ('' = the day)
    expected_count: Mapped[int | None] = mapped_column()  # parcels packed for it, at closing
    courier_count: Mapped[int | None] = mapped_column()  # what the courier counted
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column()


class PrintJobStatus(enum.StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    PRINTED = "printed"
    FAILED = "failed"  # retries exhausted or refused for good; a user must act
    UNKNOWN = "unknown"  # reached the printer unconfirmed: a user reprints it or marks it printed
    CANCELLED = "cancelled"


class PrintJob(Base):
    """A document persisted before it is sent; the queue retries and reprints from here."""

    __tablename__ = "print_jobs"
    __table_args__ = (Index("ix_print_jobs_status_next", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document: Mapped[str] = mapped_column(String(24))  # waybill / invoice / packing-slip / ...
    reference: Mapped[str] = mapped_column(String(64), index=True)  # order/tracking/wave number
    station: Mapped[str] = mapped_column(String(64), default="")
    printer: Mapped[str] = mapped_column(String(120))
    format: Mapped[str] = mapped_column(String(8))  # pdf / zpl / tspl
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[PrintJobStatus] = mapped_column(
        str_enum(PrintJobStatus), default=PrintJobStatus.QUEUED
    )
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column()
    reprint_of_id: Mapped[int | None] = mapped_column(ForeignKey("print_jobs.id"))
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    printed_at: Mapped[dt.datetime | None] = mapped_column()


class ExceptionKind(enum.StrEnum):
    SHORT_PICK = "short_pick"
    WRONG_ITEM = "wrong_item"
    WEIGHT_MISMATCH = "weight_mismatch"
    DAMAGED = "damaged"
    VERIFY_FAILED = "verify_failed"


class StationException(Base):
    """A problem on the floor for a supervisor to resolve."""

    __tablename__ = "station_exceptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ExceptionKind] = mapped_column(str_enum(ExceptionKind))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    package_id: Mapped[int | None] = mapped_column(ForeignKey("packages.id"))
    pick_task_id: Mapped[int | None] = mapped_column(ForeignKey("pick_tasks.id"))
    station: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open / resolved
    resolution: Mapped[str] = mapped_column(Text, default="")
    raised_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column()
