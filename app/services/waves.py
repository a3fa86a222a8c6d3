"""Waves: allocated orders batched by warehouse, carrier cut-off, priority and zone, with size
limits, each wave's pick tasks in serpentine walking order; totes are put on the cart when a
picker starts the wave (cluster picking: one tote per order).

Planning is set-based (one read of the reservations, bulk inserts, chunked updates): 10,000
open orders plan in well under the 2 s a supervisor will wait.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.db import affected
from app.errors import Conflict, NotFound
from app.models.catalog import Bin, Zone
from app.models.fulfilment import PickStatus, PickTask, Tote, ToteStatus, Wave, WaveStatus
from app.models.inventory import Reservation, ReservationStatus, Stock
from app.models.orders import Order, OrderLine, OrderStatus
from app.permissions import require
from app.services import settings

if TYPE_CHECKING:
    from app.context import CurrentUser

CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True)
class Limits:
    orders: int = 30  # totes on one cart
    lines: int = 150

    @classmethod
    def from_settings(cls, session: Session) -> Limits:
        """The site's wave size (shared settings ``waves.max_orders`` and ``waves.max_lines``)."""
        return cls(settings.get(session, "waves.max_orders"), settings.get(session, "waves.max_lines"))


@dataclass(frozen=True)
class WaveView:
    id: int
    number: str
    warehouse_id: int
    carrier: str
    zone: str
    cutoff_at: dt.datetime | None
    orders: int
    tasks: int
    status: str


_PARTS = re.compile(r"(\d+)")


def bin_sort_key(code: str) -> tuple[object, ...]:
    """Natural order of a bin code: numeric parts compare as numbers (A-2 before A-10)."""
    return tuple(int(p) if p.isdigit() else p for p in _PARTS.split(code.upper()) if p not in ("", "-"))


def walk_order(bins: Iterable[tuple[str, int, int, int]]) -> list[tuple[str, int, int, int]]:
    """Serpentine path through ``(zone, aisle, bay, level)``: zones in order, aisles in order,
    up the bays of one aisle and back down the next, so the picker never walks an aisle twice."""
    by_aisle: dict[tuple[str, int], list[tuple[str, int, int, int]]] = defaultdict(list)
    for b in bins:
        by_aisle[(b[0], b[1])].append(b)
    path = []
    for i, key in enumerate(sorted(by_aisle, key=lambda k: (bin_sort_key(k[0]), k[1]))):
        up = i % 2 == 0
        path += sorted(by_aisle[key], key=lambda b: (b[2] if up else -b[2], b[3]))
    return path


def plan_waves(
    session: Session, actor: CurrentUser | None, now: dt.datetime, limits: Limits | None = None
) -> list[WaveView]:
    """Every allocated order not yet in a wave goes into one (a split order into one per warehouse)."""
    require(actor, "station.plan")
    limits = limits or Limits.from_settings(session)
    rows = session.execute(
        select(
            Order.id,
            Order.carrier,
            Order.cutoff_at,
            Order.priority,
            Order.placed_at,
            OrderLine.id,
            Reservation.id,
            Reservation.quantity,
            Stock.product_id,
            Bin.id,
            Bin.warehouse_id,
            Zone.code,
            Bin.aisle,
            Bin.bay,
            Bin.level,
        )
        .join(OrderLine, OrderLine.order_id == Order.id)
        .join(Reservation, Reservation.order_line_id == OrderLine.id)
        .join(Stock, Stock.id == Reservation.stock_id)
        .join(Bin, Bin.id == Stock.bin_id)
        .join(Zone, Zone.id == Bin.zone_id)
        .where(Order.status == OrderStatus.ALLOCATED, Reservation.status == ReservationStatus.ACTIVE)
    ).all()
    # per (order, warehouse): its pick rows; the zone most of its picks are in
    picks: dict[tuple[int, int], list[tuple]] = defaultdict(list)
    meta: dict[int, tuple] = {}
    for r in rows:
        picks[(r[0], r[10])].append(r)
        meta[r[0]] = (r[1] or "", r[2], r[3], r[4])
    groups: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    this_hour = now.replace(minute=0, second=0, microsecond=0)
    for (oid, wid), prs in picks.items():
        zones = [p[11] for p in prs]
        zone = max(sorted(set(zones)), key=zones.count)  # a tie goes to the first name, every run
        carrier, cutoff, _prio, _placed = meta[oid]
        # a cut-off already past is as urgent as one this hour: those orders share one wave
        hour = max(cutoff.replace(minute=0, second=0, microsecond=0), this_hour) if cutoff else None
        groups[(wid, carrier, hour, zone)].append((oid, wid))
    seq = (session.scalar(select(func.count()).select_from(Wave)) or 0) + 1
    views: list[WaveView] = []
    tasks: list[dict[str, object]] = []
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    for (wid, carrier, hour, zone), members in sorted(
        groups.items(), key=lambda g: (g[0][2] or far, g[0][0], g[0][1], g[0][3])
    ):
        members.sort(key=lambda m: (-meta[m[0]][2], meta[m[0]][3]))  # priority, then oldest
        for batch in _chunks(members, picks, limits):
            number = f"W{now:%y%m%d}-{seq:05d}"
            seq += 1
            wave_id = session.execute(
                insert(Wave)
                .values(
                    number=number,
                    warehouse_id=wid,
                    carrier=carrier,
                    zone=zone,
                    cutoff_at=hour,
                    status=WaveStatus.RELEASED,
                    created_at=now,
                )
                .returning(Wave.id)
            ).scalar_one()
            prs = [p for m in batch for p in picks[m]]
            path = {b: i for i, b in enumerate(walk_order({(p[11], p[12], p[13], p[14]) for p in prs}))}
            prs.sort(key=lambda p: (path[(p[11], p[12], p[13], p[14])], p[0]))
            tasks += [
                dict(
                    wave_id=wave_id,
                    sequence=i,
                    order_line_id=p[5],
                    reservation_id=p[6],
                    bin_id=p[9],
                    product_id=p[8],
                    quantity=p[7],
                )
                for i, p in enumerate(prs, 1)
            ]
            views.append(
                WaveView(wave_id, number, wid, carrier, zone, hour, len(batch), len(prs), "released")
            )
    if tasks:
        session.execute(insert(PickTask), tasks)
    order_ids = list(meta)
    for i in range(0, len(order_ids), CHUNK):
        session.execute(
            update(Order)
            .where(Order.id.in_(order_ids[i : i + CHUNK]), Order.status == OrderStatus.ALLOCATED)
            .values(status=OrderStatus.IN_WAVE, updated_at=now)
            .execution_options(synchronize_session=False)
        )
    return views


def _chunks(members: list[tuple[int, int]], picks: dict, limits: Limits) -> Iterable[list[tuple[int, int]]]:
    batch: list[tuple[int, int]] = []
    lines = 0
    for m in members:
        n = len(picks[m])
        if batch and (len(batch) >= limits.orders or lines + n > limits.lines):
            yield batch
            batch, lines = [], 0
        batch.append(m)
        lines += n
    if batch:
        yield batch


def start_wave(session: Session, actor: CurrentUser | None, wave_id: int, now: dt.datetime) -> WaveView:
    """The picker takes the wave: one free tote per order goes on the cart."""
    picker = require(actor, "station.pick")
    wave = session.get(Wave, wave_id)
    if wave is None:
        raise NotFound("No such wave.")
    claimed = affected(session.execute(
        update(Wave)
        .where(Wave.id == wave_id, Wave.status == WaveStatus.RELEASED)
        .values(status=WaveStatus.PICKING, picker_id=picker.id)
    ))  # synchronised: the wave already loaded above must not still say "released"
    if claimed != 1:
        raise Conflict("Wave {number} is already being picked.", number=wave.number)
    orders = session.scalars(
        select(OrderLine.order_id)
        .join(PickTask, PickTask.order_line_id == OrderLine.id)
        .where(PickTask.wave_id == wave_id)
        .group_by(OrderLine.order_id)
        .order_by(func.min(PickTask.sequence))
    ).all()
    totes = session.scalars(
        select(Tote)
        .where(Tote.status == ToteStatus.FREE)
        .order_by(Tote.code)
        .limit(len(orders))
        .with_for_update(skip_locked=True)
    ).all()
    if len(totes) < len(orders):
        raise Conflict("Wave {number} needs {needed} totes; only {free} are free.",
                       number=wave.number, needed=len(orders), free=len(totes))
    for oid, tote in zip(orders, totes, strict=False):
        tote.status, tote.wave_id = ToteStatus.PICKING, wave_id
        session.execute(
            update(PickTask)
            .where(
                PickTask.wave_id == wave_id,
                PickTask.order_line_id.in_(select(OrderLine.id).where(OrderLine.order_id == oid)),
            )
            .values(tote_id=tote.id)
            .execution_options(synchronize_session=False)
        )
    return wave_view(session, wave_id)


def wave_view(session: Session, wave_id: int) -> WaveView:
    wave = session.get(Wave, wave_id)
    assert wave is not None
    tasks, orders = session.execute(
        select(func.count(), func.count(func.distinct(OrderLine.order_id)))
        .select_from(PickTask)
        .join(OrderLine, OrderLine.id == PickTask.order_line_id)
        .where(PickTask.wave_id == wave_id)
    ).one()
    return WaveView(
        wave.id,
        wave.number,
        wave.warehouse_id,
        wave.carrier,
        wave.zone,
        wave.cutoff_at,
        orders,
        tasks,
        wave.status.value,
    )


def open_waves(session: Session, limit: int = 50) -> list[WaveView]:
    ids = session.scalars(
        select(Wave.id)
        .where(Wave.status.in_((WaveStatus.RELEASED, WaveStatus.PICKING)))
        .order_by(Wave.cutoff_at, Wave.id)
        .limit(limit)
    ).all()
    return [wave_view(session, i) for i in ids]


def open_tasks(session: Session, wave_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(PickTask)
            .where(PickTask.wave_id == wave_id, PickTask.status == PickStatus.OPEN)
        )
        or 0
    )
