"""Master data a site keeps itself: warehouses, their zones and bins (generated as a range in
natural order with a pick sequence), carriers' cut-offs and the rules that give an imported order
its carrier. Every change needs ``admin.master_data``, is idempotent (the same request twice
changes nothing the second time) and is audited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.errors import DomainError, NotFound
from app.models.catalog import Bin, Warehouse, Zone
from app.permissions import require
from app.services import audit
from app.services.waves import bin_sort_key, walk_order

if TYPE_CHECKING:
    from app.context import CurrentUser

MAX_BINS = 50_000  # one generate call (a typo in a range is not a million bins)
_BIN = re.compile(r"^([A-Z][A-Z0-9]{0,7})-(\d{1,3})-(\d{1,3})-(\d{1,2})$")


@dataclass(frozen=True)
class WarehouseView:
    id: int
    code: str
    name: str
    province: str
    city: str
    cost_rank: int
    bins: int


@dataclass(frozen=True)
class BinRange:
    warehouse: str
    added: int
    existing: int
    first: str
    last: str


def warehouse_id(session: Session, code: str) -> int:
    wid = session.scalar(select(Warehouse.id).where(Warehouse.code == code.strip().upper()))
    if wid is None:
        raise NotFound("No warehouse {warehouse}.", warehouse=code)
    return wid


def save_warehouse(
    session: Session,
    user: CurrentUser | None,
    code: str,
    name: str,
    province: str = "",
    city: str = "",
    cost_rank: int = 0,
) -> WarehouseView:
    """Add the warehouse, or change its name, place and cost rank."""
    user = require(user, "admin.master_data")
    code = code.strip().upper()
    if not re.match(r"^[A-Z0-9_-]{1,16}$", code):
        raise DomainError("Warehouse code {warehouse!r}: up to 16 letters, digits, dashes.", warehouse=code)
    if not name.strip():
        raise DomainError("Warehouse {warehouse} needs a name.", warehouse=code)
    row = session.scalar(select(Warehouse).where(Warehouse.code == code))
    if row is None:
        row = Warehouse(code=code, name="", cost_rank=0)
        session.add(row)
    row.name, row.province, row.city, row.cost_rank = name.strip(), province.strip(), city.strip(), cost_rank
    session.flush()
    audit.record(session, "warehouse.save", "warehouse", code, user_id=user.id, name=row.name)
    return _view(session, row)


def _view(session: Session, w: Warehouse) -> WarehouseView:
    n = len(session.scalars(select(Bin.id).where(Bin.warehouse_id == w.id)).all())
    return WarehouseView(w.id, w.code, w.name, w.province, w.city, w.cost_rank, n)


def warehouses(session: Session) -> list[WarehouseView]:
    return [_view(session, w) for w in session.scalars(select(Warehouse).order_by(Warehouse.code))]


def parse_bin(code: str) -> tuple[str, int, int, int]:
    m = _BIN.match(code.strip().upper())
    if m is None:
        raise DomainError("Bin {bin!r} is not ZONE-AISLE-BAY-LEVEL such as A-01-01-1.", bin=code)
    return m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))


def generate_bins(session: Session, user: CurrentUser | None, warehouse: str, pattern: str) -> BinRange:
    """``A-01-01-1..A-20-10-4``: every aisle, bay and level between, in zone A (made if missing),
    codes in the first code's widths; pick sequence = the walking order of all the warehouse's bins."""
    user = require(user, "admin.master_data")
    wid = warehouse_id(session, warehouse)
    first, sep, last = pattern.strip().upper().partition("..")
    if not sep:
        raise DomainError("A bin range is FIRST..LAST, such as A-01-01-1..A-20-10-4.")
    z1, a1, b1, l1 = parse_bin(first)
    z2, a2, b2, l2 = parse_bin(last)
    if z1 != z2:
        raise DomainError("A bin range stays in one zone ({first} .. {last}).", first=first, last=last)
    if a2 < a1 or b2 < b1 or l2 < l1:
        raise DomainError("The range {pattern} ends before it starts.", pattern=pattern)
    count = (a2 - a1 + 1) * (b2 - b1 + 1) * (l2 - l1 + 1)
    if count > MAX_BINS:
        raise DomainError("{count} bins in one range; at most {most}.", count=count, most=MAX_BINS)
    widths = [len(p) for p in first.split("-")[1:]]
    zone_id = session.scalar(select(Zone.id).where(Zone.warehouse_id == wid, Zone.code == z1))
    if zone_id is None:
        zone = Zone(warehouse_id=wid, code=z1, name=f"{z1} 区")
        session.add(zone)
        session.flush()
        zone_id = zone.id
    have = set(session.scalars(select(Bin.code).where(Bin.warehouse_id == wid)))
    new = []
    for a in range(a1, a2 + 1):
        for b in range(b1, b2 + 1):
            for lv in range(l1, l2 + 1):
                code = f"{z1}-{a:0{widths[0]}d}-{b:0{widths[1]}d}-{lv:0{widths[2]}d}"
                if code not in have:
                    new.append({"warehouse_id": wid, "zone_id": zone_id, "code": code, "aisle": a, "bay": b,
                                "level": lv, "pick_seq": 0})
    if new:
        session.execute(insert(Bin), new)
        _sequence(session, wid)
    audit.record(session, "bins.generate", "warehouse", warehouse, user_id=user.id, pattern=pattern,
                 added=len(new))
    codes = sorted((str(n["code"]) for n in new), key=bin_sort_key)
    return BinRange(warehouse.upper(), len(new), count - len(new), codes[0] if codes else first,
                    codes[-1] if codes else last)


def _sequence(session: Session, wid: int) -> None:
    """Pick sequence of every bin of the warehouse: the serpentine walk waves use."""
    rows = session.execute(
        select(Bin.id, Zone.code, Bin.aisle, Bin.bay, Bin.level).join(Zone, Zone.id == Bin.zone_id)
        .where(Bin.warehouse_id == wid)
    ).all()
    by_key = {(z, a, b, lv): bid for bid, z, a, b, lv in rows}
    session.execute(update(Bin), [{"id": by_key[key], "pick_seq": seq}
                                  for seq, key in enumerate(walk_order(by_key), start=1)])


@dataclass(frozen=True)
class BinView:
    code: str
    zone: str
    pick_seq: int


def bins(session: Session, warehouse: str) -> list[BinView]:
    """The warehouse's bins in natural order (A-2 before A-10)."""
    wid = warehouse_id(session, warehouse)
    rows = session.execute(
        select(Bin.code, Zone.code, Bin.pick_seq)
        .join(Zone, Zone.id == Bin.zone_id)
        .where(Bin.warehouse_id == wid)
    ).all()
    return sorted((BinView(*r) for r in rows), key=lambda b: bin_sort_key(b.code))


def add_totes(session: Session, user: CurrentUser | None, count: int, prefix: str = "TOTE-") -> list[str]:
    """Register ``count`` new totes (the codes their labels carry), numbered after the last one."""
    from app.models.fulfilment import Tote, ToteStatus

    user = require(user, "admin.master_data")
    if not 0 < count <= 1000:
        raise DomainError("Add between 1 and 1000 totes at a time, not {count}.", count=count)
    codes = set(session.scalars(select(Tote.code)))
    made: list[str] = []
    n = 0
    while len(made) < count:
        n += 1
        code = f"{prefix}{n:04d}"
        if code not in codes:
            made.append(code)
    session.execute(insert(Tote), [{"code": c, "status": ToteStatus.FREE} for c in made])
    audit.record(session, "totes.add", "totes", prefix, user_id=user.id, added=count)
    return made
