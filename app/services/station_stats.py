"""Station statistics: parcels per hour and errors caught, per station and per packer."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

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


IDLE = dt.timedelta(minutes=5)  # a longer gap between two scans is a break, not work


@dataclass(frozen=True)
class Productivity:
    """One person's work on one day at one station (pickers: the station is "pick")."""

    day: dt.date
    station: str
    user: str
    role: str  # pack / pick
    active_h: float  # time signed in and working: gaps over 5 minutes left out
    orders: int
    lines: int
    items: int
    refused: int  # refused item scans (pack)
    parcels: int
    weight_failures: int
    shorts: int  # short-picked lines (pick)
    by_hour: tuple[tuple[int, int], ...] = ()  # (local hour, lines done in it)

    @property
    def orders_per_hour(self) -> float:
        return round(self.orders / self.active_h, 1) if self.active_h else 0.0

    @property
    def lines_per_hour(self) -> float:
        return round(self.lines / self.active_h, 1) if self.active_h else 0.0

    @property
    def refused_per_100_items(self) -> float:
        return round(100 * self.refused / self.items, 1) if self.items else 0.0

    @property
    def weight_failures_per_100_parcels(self) -> float:
        return round(100 * self.weight_failures / self.parcels, 1) if self.parcels else 0.0

    @property
    def shorts_per_100_lines(self) -> float:
        return round(100 * self.shorts / self.lines, 1) if self.lines else 0.0


def active_hours(times: list[dt.datetime]) -> float:
    """Working time from the first event to the last, breaks longer than ``IDLE`` left out (at
    least a minute for anyone who did anything)."""
    times = sorted(times)
    worked = sum((b - a for a, b in itertools.pairwise(times) if b - a <= IDLE), dt.timedelta())
    return max(worked, dt.timedelta(minutes=1) if times else dt.timedelta()).total_seconds() / 3600


def _counters() -> dict[str, Any]:
    """One person's tallies for a day at a station (or at picking)."""
    return {"times": [], "orders": set(), "lines": set(), "items": 0, "refused": 0, "parcels": set(),
            "weight_out": 0, "hours": {}, "shorts": 0}


def productivity(session: Session, since: dt.datetime, until: dt.datetime) -> list[Productivity]:
    """Per packer and picker, per site day and station over [since, until): rates over the time
    actually worked, and accuracy as rates."""
    from app.models.fulfilment import PickStatus, PickTask
    from app.models.orders import OrderLine
    from app.timezone import local

    names = dict(session.execute(select(User.id, User.display_name)).all())
    pack: dict[tuple, dict] = {}
    rows = session.execute(
        select(
            PackEvent.at,
            PackEvent.user_id,
            Package.station,
            PackEvent.kind,
            PackEvent.verdict,
            Package.order_id,
            PackEvent.order_line_id,
            Package.id,
        )
        .join(Package, Package.id == PackEvent.package_id)
        .where(
            PackEvent.at >= since,
            PackEvent.at < until,
            PackEvent.user_id.is_not(None),
            PackEvent.kind.in_(("item", "weight", "override")),
        )
    ).all()
    for at, user_id, station, kind, verdict, order_id, line_id, package_id in rows:
        key = (local(at).date(), station, user_id, "pack")
        g = pack.setdefault(key, _counters())
        g["times"].append(at)
        if kind == "item" and verdict == "ok":
            g["items"] += 1
            if (package_id, line_id) not in g["lines"]:
                g["lines"].add((package_id, line_id))
                hour = local(at).hour
                g["hours"][hour] = g["hours"].get(hour, 0) + 1
        elif kind == "item":
            g["refused"] += 1
            g["items"] += 1
        elif verdict == "weight_out":
            g["weight_out"] += 1
        if kind in ("weight", "override") and verdict in ("ok", "learnt", "unchecked", "override"):
            g["parcels"].add(package_id)
            g["orders"].add(order_id)
    picks = session.execute(
        select(PickTask.done_at, PickTask.picker_id, PickTask.status, OrderLine.order_id)
        .join(OrderLine, OrderLine.id == PickTask.order_line_id)
        .where(PickTask.done_at >= since, PickTask.done_at < until, PickTask.picker_id.is_not(None))
    ).all()
    for done_at, user_id, status, order_id in picks:
        if done_at is None:  # the query keeps done tasks only
            continue
        key = (local(done_at).date(), "pick", user_id, "pick")
        g = pack.setdefault(key, _counters())
        g["times"].append(done_at)
        g["orders"].add(order_id)
        g["lines"].add(("task", len(g["lines"])))  # every pick task is one line
        g["shorts"] += status is PickStatus.SHORT
        hour = local(done_at).hour
        g["hours"][hour] = g["hours"].get(hour, 0) + 1
    out = [
        Productivity(
            day,
            station,
            names.get(user_id, "—"),
            role,
            round(active_hours(g["times"]), 3),
            len(g["orders"]),
            len(g["lines"]),
            g["items"],
            g["refused"],
            len(g["parcels"]),
            g["weight_out"],
            g["shorts"],
            tuple(sorted(g["hours"].items())),
        )
        for (day, station, user_id, role), g in pack.items()
    ]
    return sorted(out, key=lambda p: (p.day, p.role, p.station, p.user))


CSV_COLUMNS = (
    "day",
    "station",
    "user",
    "role",
    "active_h",
    "orders",
    "lines",
    "orders_per_hour",
    "lines_per_hour",
    "refused_per_100_items",
    "weight_failures_per_100_parcels",
    "shorts_per_100_lines",
)


def to_csv(rows: list[Productivity]) -> str:
    """The rows as CSV (UTF-8 text, a header line; days as ISO dates)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in rows:
        w.writerow([r.day.isoformat() if c == "day" else getattr(r, c) for c in CSV_COLUMNS])
    return buf.getvalue()
