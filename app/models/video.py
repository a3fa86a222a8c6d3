"""Packing videos: one row per recorded clip of a parcel (the file, its times, hash and gaps), so
service mode finds the clip of an order and a claim can prove the file was not altered."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class PackingClip(Base):
    __tablename__ = "packing_clips"
    __table_args__ = (Index("ix_packing_clips_station_started", "station", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    station: Mapped[str] = mapped_column(String(64))
    packer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    path: Mapped[str] = mapped_column(String(1024))  # as the recording station wrote it
    status: Mapped[str] = mapped_column(String(16), default="recording")  # recording/complete/failed/purged
    ended_reason: Mapped[str] = mapped_column(String(24), default="")  # packed/cancelled/stopped/disk_low/...
    started_at: Mapped[dt.datetime]
    ended_at: Mapped[dt.datetime | None]
    duration_ms: Mapped[int | None]
    frames: Mapped[int | None]
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    # [{"from": iso, "to": iso, "reason": "..."}]: the camera was gone for that while
    gaps: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    purged_at: Mapped[dt.datetime | None]
