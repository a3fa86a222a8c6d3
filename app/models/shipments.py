"""Shipments and their tracking events (part of fulfilment, in a module of its own so a customer
search declares them without the waves, packages and print jobs)."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, str_enum, utcnow


class ShipmentStatus(enum.StrEnum):
    LABEL_CREATED = "label_created"
    HANDED_OVER = "handed_over"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    EXCEPTION = "exception"
    RETURNED = "returned"


class Shipment(Base):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    # one shipment per package: the unique constraint is what stops a double ship
    package_id: Mapped[int | None] = mapped_column(ForeignKey("packages.id"), unique=True)
    carrier: Mapped[str] = mapped_column(String(16))
    service: Mapped[str] = mapped_column(String(32), default="")
    tracking_number: Mapped[str] = mapped_column(String(40), unique=True)
    master_tracking: Mapped[str] = mapped_column(String(40), default="")  # the first box's, multi-piece
    sort_code: Mapped[str] = mapped_column(String(32), default="")
    status: Mapped[ShipmentStatus] = mapped_column(
        str_enum(ShipmentStatus), default=ShipmentStatus.LABEL_CREATED
    )
    weight_g: Mapped[int | None] = mapped_column()
    pieces: Mapped[int] = mapped_column(default=1)
    handover_batch_id: Mapped[int | None] = mapped_column(ForeignKey("handover_batches.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    shipped_at: Mapped[dt.datetime | None] = mapped_column()
    delivered_at: Mapped[dt.datetime | None] = mapped_column()

    events: Mapped[list[TrackingEvent]] = relationship(
        back_populates="shipment", order_by="TrackingEvent.occurred_at"
    )


class TrackingEvent(Base):
    __tablename__ = "tracking_events"
    # the same event imported twice is the same row (idempotent tracking feeds)
    __table_args__ = (UniqueConstraint("shipment_id", "occurred_at", "status_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column()
    status_code: Mapped[str] = mapped_column(String(32))
    location: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(String(300), default="")

    shipment: Mapped[Shipment] = relationship(back_populates="events")
