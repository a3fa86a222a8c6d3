"""Station statistics: parcels per hour and errors caught, per station and per packer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.models.accounts import User
from app.models.fulfilment import Package, PackageStatus, PackEvent

REFUSALS = ("wrong_item", "extra_item", "unknown_barcode", "garbled", "weight_out")


@dataclass(frozen=True)
class StationStats:
    station: str
    packer: str
    parcels: int
    per_hour: float
    errors_caught: int  # refused scans and weights out of tolerance
    weight_out: int
    overrides: int


def stats(session: Session, since: dt.datetime, until: dt.datetime) -> list[StationStats]:
    """One row per station and packer over [since, until); busiest first."""
    hours = max((until - since).total_seconds() / 3600, 1 / 60)
    packed = (
        select(Package.station, Package.packer_id, func.count().label("parcels"))
        .where(
            Package.packed_at >= since,
            Package.packed_at < until,
            Package.status.in_((PackageStatus.PACKED, PackageStatus.VERIFIED)),
        )
        .group_by(Package.station, Package.packer_id)
        .subquery()
    )
    events = (
        select(
            Package.station,
            PackEvent.user_id.label("packer_id"),
            func.sum(case((PackEvent.verdict.in_(REFUSALS), 1), else_=0)).label("errors"),
            func.sum(case((PackEvent.verdict == "weight_out", 1), else_=0)).label("weight_out"),
            func.sum(case((PackEvent.kind == "override", 1), else_=0)).label("overrides"),
        )
        .join(Package, Package.id == PackEvent.package_id)
        .where(PackEvent.at >= since, PackEvent.at < until)
        .group_by(Package.station, PackEvent.user_id)
        .subquery()
    )
    keys = session.execute(
        select(packed.c.station, packed.c.packer_id).union(select(events.c.station, events.c.packer_id))
    ).all()
    counts = {(r.station, r.packer_id): r.parcels for r in session.execute(select(packed))}
    errs = {(r.station, r.packer_id): r for r in session.execute(select(events))}
    names = dict(session.execute(select(User.id, User.display_name)).all())
    out = []
    for station, packer_id in keys:
        n = counts.get((station, packer_id), 0)
        e = errs.get((station, packer_id))
        out.append(
            StationStats(
                station,
                names.get(packer_id, "—"),
                n,
                round(n / hours, 1),
                int(e.errors or 0) if e else 0,
                int(e.weight_out or 0) if e else 0,
                int(e.overrides or 0) if e else 0,
            )
        )
    return sorted(out, key=lambda s: (-s.parcels, s.station, s.packer))
