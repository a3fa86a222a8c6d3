"""Pack station: open a parcel for a tote or order, a verdict for every item scan, the weight
check, and finishing (shipment, waybill and invoice print jobs, order packed).

Safety rules (DESIGN.md invariants):
- a station locks the order when it opens it (a conditional UPDATE: a second station is
  refused with who holds it); the lock is released when the parcel is packed or cancelled;
- every accepted item scan and weight is committed before its verdict is returned, and the
  parcel's state lives in the database, so a station that crashed reopens it where it was;
- the shipment row is unique per package and the order moves PACKING -> PACKED with a
  conditional UPDATE, so no order is ever packed or shipped twice.

- a supervisor's badge at another station takes over a parcel whose station died or left:
  the scans so far stay, the takeover is audited, and the old station is refused and told;
- an order split over warehouses is one parcel per warehouse, and a packer may split a
  warehouse's part into boxes (``CMD:NEWBOX``): each box is weighed against its own contents
  and gets its own waybill (the first box's is the master where the carrier takes one) and
  packing list; the order is packed when its last box is;
- a light item (lighter than the weight band) tightens the band to half its weight, never
  below the scale's resolution (docs/weight-check.md).

Verdicts carry a code and parameters, never display text: the UI words them in the user's
language. The hot path (an item scan) is one in-memory decision plus one small commit.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, true, update
from sqlalchemy.orm import Session

from app.db import affected
from app.errors import Conflict, DomainError, NotFound, PermissionDenied
from app.models.catalog import Bin, Product, ProductBarcode
from app.models.fulfilment import (
    ExceptionKind,
    Package,
    PackageStatus,
    PackEvent,
    PickStatus,
    PickTask,
    Shipment,
    StationException,
    Tote,
    ToteStatus,
    Wave,
)
from app.models.inventory import Reservation, ReservationStatus, Stock
from app.models.orders import Address, Order, OrderLine, OrderStatus
from app.permissions import require
from app.services import allocation, audit, carriers, packaging, print_queue, settings
from app.services.auth import login_badge
from app.timezone import fmt
from devices.scanner.scan import Scan, ScanKind

if TYPE_CHECKING:
    from app.context import CurrentUser

OPEN_STATES = (PackageStatus.OPEN, PackageStatus.WEIGHING, PackageStatus.BLOCKED)
# orders a station may pack: picked ones, and allocated ones packed straight from the shelf
PACKABLE = (OrderStatus.PICKED, OrderStatus.ALLOCATED)
MIN_PARCEL_G = Decimal(10)  # lighter than this the platter is empty


class Verdict(enum.StrEnum):
    OPENED = "opened"
    RESUMED = "resumed"
    ITEM_OK = "item_ok"
    LINE_DONE = "line_done"
    ALL_SCANNED = "all_scanned"  # place the parcel on the scale
    UNKNOWN_BARCODE = "unknown_barcode"
    WRONG_ITEM = "wrong_item"
    EXTRA_ITEM = "extra_item"
    GARBLED = "garbled"
    NO_PARCEL = "no_parcel"  # an item scanned before a tote/order
    NOT_READY = "not_ready"  # a weight before every item is scanned
    WEIGHT_OUT = "weight_out"
    PACKED = "packed"  # weight passed (or learnt / unchecked / overridden): printed
    CANCELLED = "cancelled"
    REWEIGH = "reweigh"
    OVERRIDE_NEEDS_SUPERVISOR = "override_needs_supervisor"
    BOX_CLOSED = "box_closed"  # CMD:NEWBOX: weigh this box, the rest goes in the next one
    BOX_PACKED = "box_packed"  # a box passed and printed; the next box is open
    TAKEN_OVER = "taken_over"  # this station took the parcel over from another


LEVELS = {
    Verdict.OPENED: "ok",
    Verdict.RESUMED: "warning",
    Verdict.ITEM_OK: "ok",
    Verdict.LINE_DONE: "ok",
    Verdict.ALL_SCANNED: "ok",
    Verdict.PACKED: "ok",
    Verdict.REWEIGH: "warning",
    Verdict.CANCELLED: "warning",
    Verdict.NOT_READY: "warning",
    Verdict.OVERRIDE_NEEDS_SUPERVISOR: "warning",
    Verdict.BOX_CLOSED: "ok",
    Verdict.BOX_PACKED: "ok",
    Verdict.TAKEN_OVER: "warning",
}


@dataclass(frozen=True)
class PackLine:
    line_id: int
    line_no: int
    product_id: int
    sku: str
    name: str
    quantity: int
    scanned: int
    unit_weight_g: int | None
    fragile: bool = False
    liquid: bool = False
    bulky: bool = False
    battery: bool = False
    name_en: str = ""  # the product's English name, for an English screen ('' when it has none)

    @property
    def remaining(self) -> int:
        return self.quantity - self.scanned


@dataclass(frozen=True)
class Parcel:
    package_id: int
    order_id: int
    order_number: str
    carrier: str
    recipient_city: str
    status: PackageStatus
    lines: tuple[PackLine, ...]
    suggestion: packaging.Suggestion
    tolerance: Tolerance  # the band the weight check applies (the last check's, once weighed)
    barcodes: Mapping[str, int] = field(repr=False)  # every barcode/SKU of this order -> product id
    measured_g: Decimal | None = None
    tracking_number: str = ""
    box_no: int = 1
    earlier: Mapping[int, int] = field(default_factory=dict)  # line id -> units in earlier boxes
    warehouse_id: int | None = None
    resolution_g: int = 1  # the scale's division: no band is tighter

    @property
    def complete(self) -> bool:
        return all(line.remaining == 0 for line in self.lines)

    @property
    def ready(self) -> bool:
        """Closed for weighing: every item scanned, or the box closed early (``CMD:NEWBOX``)."""
        return self.status in (PackageStatus.WEIGHING, PackageStatus.BLOCKED)

    def in_box(self, line: PackLine) -> int:
        return line.scanned - self.earlier.get(line.line_id, 0)

    def box_units(self, line: PackLine) -> int:
        """What this box holds of the line: its scans once closed early, else all not in earlier boxes."""
        if self.ready and not self.complete:
            return self.in_box(line)
        return line.quantity - self.earlier.get(line.line_id, 0)

    @property
    def lightest(self) -> PackLine | None:
        """The lightest item this box holds (the one whose absence is hardest to weigh)."""
        held = [ln for ln in self.lines if ln.unit_weight_g is not None and self.box_units(ln) > 0]
        return min(held, key=lambda ln: (ln.unit_weight_g, ln.line_no)) if held else None

    @property
    def light_item(self) -> PackLine | None:
        """An item lighter than the ordinary band: a missing one would pass it (the band tightens)."""
        expected, lightest = self.expected_g, self.lightest
        if expected is None or lightest is None or lightest.unit_weight_g is None:
            return None
        return lightest if lightest.unit_weight_g <= self.tolerance.allowed_g(expected) else None

    @property
    def ordinary_allowed_g(self) -> Decimal | None:
        expected = self.expected_g
        return None if expected is None else self.tolerance.allowed_g(expected).quantize(Decimal("0.1"))

    @property
    def scanned_units(self) -> int:
        return sum(line.scanned for line in self.lines)

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def expected_g(self) -> int | None:
        """Items + packaging; None while a product's weight is not known yet."""
        held = [line for line in self.lines if self.box_units(line) > 0]
        if any(line.unit_weight_g is None for line in held):
            return None
        items = sum((line.unit_weight_g or 0) * self.box_units(line) for line in held)
        return items + self.suggestion.weight_g

    @property
    def allowed_g(self) -> Decimal | None:
        """± grams the weight may be off (None while the expected weight is unknown): the ordinary
        band, or half the light item's weight (not below the scale's resolution) when it has one."""
        expected = self.expected_g
        if expected is None:
            return None
        light = self.light_item
        lightest = light.unit_weight_g if light is not None else None
        return self.tolerance.allowed_g(expected, lightest, self.resolution_g).quantize(Decimal("0.1"))

    def passes(self, measured_g: Decimal) -> bool:
        allowed, expected = self.allowed_g, self.expected_g
        return allowed is not None and expected is not None and abs(measured_g - expected) <= allowed


@dataclass(frozen=True)
class Tolerance:
    """``max(abs_g, pct % of expected)``; built from the shared settings only (``tolerance``)."""

    abs_g: int
    pct: Decimal

    def allowed_g(self, expected_g: int, lightest_g: int | None = None, resolution_g: int = 1) -> Decimal:
        """The band; a lighter item than it (``lightest_g``) narrows it to half that item's weight,
        never below the scale's resolution: then a missing one is outside the band."""
        ordinary = max(Decimal(self.abs_g), Decimal(expected_g) * self.pct / 100)
        if lightest_g is None or lightest_g > ordinary:
            return ordinary
        return min(ordinary, max(Decimal(lightest_g) / 2, Decimal(resolution_g)))

    def passes(self, expected_g: int, measured_g: Decimal) -> bool:
        return abs(measured_g - expected_g) <= self.allowed_g(expected_g)


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    parcel: Parcel | None
    params: dict[str, Any] = field(default_factory=dict)  # for the message: sku, expected, ...
    line_id: int | None = None
    print_job_ids: tuple[int, ...] = ()

    @property
    def level(self) -> str:
        return LEVELS.get(self.verdict, "error")


@dataclass(frozen=True)
class Station:
    """Who packs where (the signed-in user: every call checks their role), and where this
    station's documents print."""

    name: str
    user: CurrentUser | None
    printers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user is not None else None


def tolerance(session: Session) -> Tolerance:
    return Tolerance(settings.get(session, "pack.tolerance_g"), settings.get(session, "pack.tolerance_pct"))


# --- opening -----------------------------------------------------------------------------


def open_parcel(session: Session, station: Station, scan: Scan, now: dt.datetime) -> Result:
    """A tote or order barcode opens (or resumes) its order's parcel, locked to this station."""
    require(station.user, "station.pack")
    order = _order_for(session, scan)
    package = session.scalar(
        select(Package).where(Package.order_id == order.id, Package.status.in_(OPEN_STATES))
    )
    if package is not None and package.station == station.name:
        return Result(Verdict.RESUMED, _load(session, package))
    if order.locked_by and order.locked_by != station.name:
        raise Conflict(
            "Order {number} is being packed at station {station} (since {since}); it cannot be packed "
            "here too. A supervisor may take it over: scan their badge now.",
            code="pack.locked",
            number=order.number,
            station=order.locked_by,
            since=fmt(order.locked_at, "time"),
        )
    if order.status not in PACKABLE:
        raise _not_packable(session, order)
    claimed = affected(session.execute(
        update(Order)
        .where(Order.id == order.id, Order.locked_by.is_(None), Order.status.in_(PACKABLE))
        .values(locked_by=station.name, locked_at=now, status=OrderStatus.PACKING, version=Order.version + 1)
        .execution_options(synchronize_session=False)
    ))
    if claimed != 1:
        raise Conflict("Order {number} was just taken by another station.", number=order.number)
    warehouse_id = _warehouse_for(session, order.id, scan)
    box_no = 1 + (
        session.scalar(
            select(func.count())
            .select_from(Package)
            .where(
                Package.order_id == order.id,
                Package.status.in_((PackageStatus.PACKED, PackageStatus.VERIFIED)),
                Package.warehouse_id.is_(warehouse_id)
                if warehouse_id is None
                else Package.warehouse_id == warehouse_id,
            )
        )
        or 0
    )
    package = Package(
        order_id=order.id,
        station=station.name,
        packer_id=station.user_id,
        started_at=now,
        warehouse_id=warehouse_id,
        box_no=box_no,
    )
    session.add(package)
    session.flush()
    parcel = _load(session, package)
    package.box_code = parcel.suggestion.box.code
    package.expected_weight_g = parcel.expected_g
    return Result(Verdict.OPENED, parcel)


def resume(session: Session, station: str) -> Parcel | None:
    """The parcel this station had open when it stopped (crash, power loss, sign-out)."""
    package = session.scalar(
        select(Package)
        .where(Package.station == station, Package.status.in_(OPEN_STATES))
        .order_by(Package.id.desc())
        .limit(1)
    )
    return _load(session, package) if package is not None else None


@dataclass(frozen=True)
class Moved:
    """A parcel this station had open that another station took over."""

    order_number: str
    station: str
    by: str
    at: dt.datetime


def moved_away(session: Session, station: str) -> Moved | None:
    """The last parcel taken over from this station since it last opened one (what it is told)."""
    from app.models.accounts import User

    last_own = session.scalar(select(func.max(Package.started_at)).where(Package.station == station))
    row = session.execute(
        select(Order.number, Package.station, User.display_name, Package.taken_over_at)
        .join(Order, Order.id == Package.order_id)
        .outerjoin(User, User.id == Package.taken_over_by)
        .where(Package.taken_from == station)
        .order_by(Package.taken_over_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    number, holder, by, at = row
    if at is None or (last_own is not None and at < last_own):
        return None
    return Moved(number, holder, by or "", at)


def take_over(session: Session, station: Station, scan: Scan, badge: str, now: dt.datetime) -> Result:
    """A supervisor's badge at this station takes over the order another station holds (crashed,
    renamed or left): its open parcel moves here with every scan so far; audited."""
    require(station.user, "station.pack")
    supervisor = login_badge(session, badge)
    if not supervisor.may("station.takeover"):
        raise PermissionDenied(
            "{name} may not take over another station's parcel.",
            code="permission.denied",
            name=supervisor.display_name,
        )
    order = _order_for(session, scan)
    old = order.locked_by
    package = session.scalar(
        select(Package).where(Package.order_id == order.id, Package.status.in_(OPEN_STATES))
    )
    if not old or old == station.name or package is None:
        raise Conflict(
            "Order {number} is not held by another station: nothing to take over.", number=order.number
        )
    moved = affected(session.execute(
        update(Order)
        .where(Order.id == order.id, Order.locked_by == old)
        .values(locked_by=station.name, locked_at=now, version=Order.version + 1)
        .execution_options(synchronize_session=False)
    ))
    if moved != 1:
        raise Conflict("Order {number} was just taken by another station.", number=order.number)
    session.execute(
        update(Package)
        .where(Package.id == package.id)
        .values(station=station.name, taken_from=old, taken_over_at=now, taken_over_by=supervisor.id)
        .execution_options(synchronize_session=False)
    )
    session.expire(package)
    parcel = _load(session, package)
    _event(session, parcel, station, "takeover", old[:128], "taken_over", now)
    audit.record(
        session,
        "pack.takeover",
        "package",
        package.id,
        user_id=supervisor.id,
        station=station.name,
        order=order.number,
        from_station=old,
        scanned=parcel.scanned_units,
        packer_id=station.user_id,
    )
    return Result(Verdict.TAKEN_OVER, parcel, {"from": old, "by": supervisor.display_name})


def _held_here(session: Session, station: Station, parcel: Parcel) -> None:
    """Refuse work on a parcel another station took over (this one crashed or was left)."""
    holder = session.scalar(select(Package.station).where(Package.id == parcel.package_id))
    if holder != station.name:
        raise Conflict(
            "Order {number} was taken over by station {station}: it is no longer packed here.",
            code="pack.moved",
            number=parcel.order_number,
            station=holder or "?",
        )


def _warehouse_for(session: Session, order_id: int, scan: Scan) -> int | None:
    """The warehouse whose part of the order this parcel packs: the tote's wave's, else the first
    with units not packed yet (None: the order ships from one warehouse only)."""
    split = _split(session, order_id)
    if len(split) <= 1:
        return None
    if scan.kind is ScanKind.TOTE:
        wid = session.scalar(
            select(Wave.warehouse_id).join(Tote, Tote.wave_id == Wave.id).where(Tote.code == scan.value)
        )
        if wid is None:  # the tote is already free again: the wave its last task was in
            wid = session.scalar(
                select(Wave.warehouse_id)
                .join(PickTask, PickTask.wave_id == Wave.id)
                .join(Tote, Tote.id == PickTask.tote_id)
                .where(Tote.code == scan.value)
                .order_by(PickTask.id.desc())
                .limit(1)
            )
        if wid in split:
            return wid
    packed = _packed_by_warehouse(session, order_id)
    for wid in sorted(split):
        if any(packed.get((wid, line), 0) < units for line, units in split[wid].items()):
            return wid
    return min(split)


def _split(session: Session, order_id: int) -> dict[int, dict[int, int]]:
    """Per warehouse, the units of each line it ships: picked ones, else the reservations."""
    out: dict[int, dict[int, int]] = {}
    picked = session.execute(
        select(Bin.warehouse_id, PickTask.order_line_id, func.sum(PickTask.picked_qty))
        .join(Bin, Bin.id == PickTask.bin_id)
        .join(OrderLine, OrderLine.id == PickTask.order_line_id)
        .where(OrderLine.order_id == order_id, PickTask.status != PickStatus.OPEN)
        .group_by(Bin.warehouse_id, PickTask.order_line_id)
    ).all()
    rows = (
        picked
        or session.execute(
            select(Bin.warehouse_id, Reservation.order_line_id, func.sum(Reservation.quantity))
            .join(Stock, Stock.id == Reservation.stock_id)
            .join(Bin, Bin.id == Stock.bin_id)
            .join(OrderLine, OrderLine.id == Reservation.order_line_id)
            .where(OrderLine.order_id == order_id, Reservation.status == ReservationStatus.ACTIVE)
            .group_by(Bin.warehouse_id, Reservation.order_line_id)
        ).all()
    )
    for wid, line_id, units in rows:
        if units:
            out.setdefault(wid, {})[line_id] = int(units)
    return out


def _packed_by_warehouse(session: Session, order_id: int) -> dict[tuple[int | None, int], int]:
    """Units of each line already in packed boxes, per (warehouse, line)."""
    rows = session.execute(
        select(Package.warehouse_id, PackEvent.order_line_id, func.count())
        .join(Package, Package.id == PackEvent.package_id)
        .where(
            Package.order_id == order_id,
            Package.status.in_((PackageStatus.PACKED, PackageStatus.VERIFIED)),
            PackEvent.kind == "item",
            PackEvent.verdict == "ok",
        )
        .group_by(Package.warehouse_id, PackEvent.order_line_id)
    ).all()
    return {(wid, line): n for wid, line, n in rows if line is not None}  # item scans name their line


def _order_for(session: Session, scan: Scan) -> Order:
    if scan.kind is ScanKind.ORDER:
        order = session.scalar(select(Order).where(Order.number == scan.value))
        if order is None:
            raise NotFound("No order {number}.", number=scan.value)
        return order
    if scan.kind is ScanKind.TOTE:
        order = session.scalar(
            select(Order)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .join(PickTask, PickTask.order_line_id == OrderLine.id)
            .join(Tote, Tote.id == PickTask.tote_id)
            .where(Tote.code == scan.value, Order.status.in_((*PACKABLE, OrderStatus.PACKING)))
            .order_by(PickTask.id.desc())
            .limit(1)
        )
        if order is None:
            raise NotFound("Tote {tote} holds no order waiting to be packed.", tote=scan.value)
        return order
    raise DomainError("Scan a tote or an order barcode to start a parcel (got {code!r}).", code=scan.value)


def _not_packable(session: Session, order: Order) -> Conflict:
    number = order.number
    if order.status in (OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        done = session.scalar(
            select(Package)
            .where(
                Package.order_id == order.id,
                Package.status.in_((PackageStatus.PACKED, PackageStatus.VERIFIED)),
            )
            .order_by(Package.id)
            .limit(1)
        )
        if done and done.packed_at:
            return Conflict(
                "Order {number} is already packed at station {station} ({at}): it is never packed twice.",
                number=number,
                station=done.station,
                at=fmt(done.packed_at),
            )
        return Conflict("Order {number} is already packed: it is never packed twice.", number=number)
    if order.status in (OrderStatus.NEW, OrderStatus.BACKORDERED):
        return Conflict(
            "Order {number} has no stock allocated yet ({status}).", number=number, status=order.status.value
        )
    if order.status is OrderStatus.IN_WAVE:
        return Conflict("Order {number} is still being picked.", number=number)
    if order.status is OrderStatus.HELD:
        return Conflict(
            "Order {number} waits for a supervisor's decision on a short pick (exception queue).",
            number=number,
        )
    return Conflict(
        "Order {number} is {status} and cannot be packed.", number=number, status=order.status.value
    )


def _items_per_line(session: Session, order_id: int, warehouse_id: int | None, *which: Any) -> dict[int, int]:
    """Good item scans per order line in this warehouse's boxes of the order (``which`` picks the boxes)."""
    rows = session.execute(
        select(PackEvent.order_line_id, func.count())
        .join(Package, Package.id == PackEvent.package_id)
        .where(
            Package.order_id == order_id,
            *which,
            Package.warehouse_id.is_(None) if warehouse_id is None else Package.warehouse_id == warehouse_id,
            PackEvent.kind == "item",
            PackEvent.verdict == "ok",
        )
        .group_by(PackEvent.order_line_id)
    ).all()
    return {line: n for line, n in rows if line is not None}  # item scans name their line


def _load(session: Session, package: Package) -> Parcel:
    order = session.get(Order, package.order_id)
    assert order is not None
    rows = session.execute(
        select(OrderLine, Product)
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order.id)
        .order_by(OrderLine.line_no)
    ).all()
    split = _split(session, order.id).get(package.warehouse_id, {}) if package.warehouse_id else None
    # earlier boxes of this warehouse's part, and what every box of it holds so far
    in_boxes = _items_per_line(session, order.id, package.warehouse_id,
                               Package.status != PackageStatus.CANCELLED)
    earlier = _items_per_line(session, order.id, package.warehouse_id, Package.id != package.id,
                              Package.status.in_((PackageStatus.PACKED, PackageStatus.VERIFIED)))
    lines = tuple(
        PackLine(
            ol.id,
            ol.line_no,
            p.id,
            ol.sku,
            ol.name,
            split.get(ol.id, 0) if split is not None else ol.quantity - ol.backordered_qty - ol.cancelled_qty,
            in_boxes.get(ol.id, 0),
            p.unit_weight_g,
            p.fragile,
            p.liquid,
            p.bulky,
            p.battery,
            name_en=p.name_en or "",
        )
        for ol, p in rows
    )
    products = {p.id: p for _ol, p in rows}
    lines = tuple(line for line in lines if line.quantity > 0)
    product_ids = {line.product_id for line in lines}
    barcodes = {
        _key(code): pid
        for code, pid in session.execute(
            select(ProductBarcode.code, ProductBarcode.product_id).where(
                ProductBarcode.product_id.in_(product_ids)
            )
        )
    }
    barcodes.update({_key(line.sku): line.product_id for line in lines})
    box_earlier = {k: v for k, v in earlier.items() if v}
    items = []
    for line in lines:
        p = products[line.product_id]
        units = line.quantity - box_earlier.get(line.line_id, 0)
        if units > 0:
            items.append(
                packaging.Item(
                    units, (p.length_mm, p.width_mm, p.height_mm), p.fragile, p.liquid, p.bulky, p.battery,
                    p.unit_weight_g or 0,
                )
            )
    address = session.get(Address, order.address_id) if order.address_id else None
    shipment = session.scalar(select(Shipment).where(Shipment.package_id == package.id))
    return Parcel(
        package.id,
        order.id,
        order.number,
        order.carrier or carriers.DEFAULT_CARRIER,
        address.city if address else "",
        package.status,
        lines,
        packaging.suggest(items, packaging.boxes(session)),
        tolerance(session),
        barcodes,
        package.measured_weight_g,
        shipment.tracking_number if shipment else "",
        package.box_no,
        box_earlier,
        package.warehouse_id,
        settings.get(session, "pack.scale_resolution_g"),
    )


# --- item scans --------------------------------------------------------------------------


def scan_item(session: Session, station: Station, parcel: Parcel, scan: Scan, now: dt.datetime) -> Result:
    """Tick the order line the scanned product belongs to, or refuse the scan."""
    require(station.user, "station.pack")
    _held_here(session, station, parcel)
    if parcel.ready and not parcel.complete:  # closed early for weighing: nothing more goes in
        return _refuse(session, station, parcel, scan, Verdict.NOT_READY, now, left=0, closed=True)
    if not scan.ok:
        return _refuse(session, station, parcel, scan, Verdict.GARBLED, now, reason=scan.error)
    product_id = parcel.barcodes.get(_key(scan.gtin or scan.value))
    if product_id is None:
        known = session.scalar(
            select(ProductBarcode.product_id).where(ProductBarcode.code.in_(stored_forms(scan)))
        )
        if known is None:
            known = session.scalar(select(Product.id).where(Product.sku == scan.value))
        verdict = Verdict.UNKNOWN_BARCODE if known is None else Verdict.WRONG_ITEM
        names = session.execute(select(Product.name, Product.name_en).where(Product.id == known)).first()
        name, name_en = names if names else ("", "")
        return _refuse(session, station, parcel, scan, verdict, now, name=name, name_en=name_en or "")
    line = next((ln for ln in parcel.lines if ln.product_id == product_id and ln.remaining > 0), None)
    if line is None:
        done = next(ln for ln in parcel.lines if ln.product_id == product_id)
        return _refuse(
            session,
            station,
            parcel,
            scan,
            Verdict.EXTRA_ITEM,
            now,
            line_id=done.line_id,
            sku=done.sku,
            name=done.name,
            quantity=done.quantity,
        )
    ticked = affected(session.execute(
        update(OrderLine)
        .where(OrderLine.id == line.line_id, OrderLine.packed_qty < OrderLine.quantity)
        .values(packed_qty=OrderLine.packed_qty + 1)
        .execution_options(synchronize_session=False)
    ))
    if ticked != 1:
        raise Conflict(
            "Line {line} of {number} changed at another station: scan the order again.",
            line=line.line_no,
            number=parcel.order_number,
        )
    _event(session, parcel, station, "item", scan.raw, "ok", now, line_id=line.line_id)
    new_line = replace(line, scanned=line.scanned + 1)
    parcel = replace(
        parcel, lines=tuple(new_line if ln.line_id == line.line_id else ln for ln in parcel.lines)
    )
    params = {"sku": line.sku, "name": line.name, "scanned": new_line.scanned, "quantity": line.quantity}
    if parcel.complete:
        session.execute(
            update(Package).where(Package.id == parcel.package_id).values(status=PackageStatus.WEIGHING)
        )
        # weigh now: the band shown from here on is the one in force now
        parcel = replace(parcel, status=PackageStatus.WEIGHING, tolerance=tolerance(session))
        return Result(Verdict.ALL_SCANNED, parcel, params, line.line_id)
    verdict = Verdict.LINE_DONE if new_line.remaining == 0 else Verdict.ITEM_OK
    return Result(verdict, parcel, params, line.line_id)


def _key(code: str) -> str:
    """Numeric product codes compare as GTIN-14 (an EAN-13 and its GTIN-14 are one product)."""
    return code.zfill(14) if code.isdigit() and len(code) <= 14 else code.strip().upper()


def stored_forms(scan: Scan) -> list[str]:
    """The forms a scanned GTIN may be stored in: GTIN-14, EAN-13, UPC-A, EAN-8."""
    if not scan.gtin:
        return [scan.value]
    return [scan.gtin[-n:] for n in (14, 13, 12, 8) if set(scan.gtin[:-n] or "0") == {"0"}]


def _refuse(
    session: Session,
    station: Station,
    parcel: Parcel,
    scan: Scan,
    verdict: Verdict,
    now: dt.datetime,
    line_id: int | None = None,
    **params: Any,
) -> Result:
    """A refused scan is logged (and a wrong item goes to the exception queue) before it is shown."""
    _event(session, parcel, station, "item", scan.raw, verdict.value, now, line_id=line_id)
    if verdict is Verdict.WRONG_ITEM:
        session.add(
            StationException(
                kind=ExceptionKind.WRONG_ITEM,
                order_id=parcel.order_id,
                package_id=parcel.package_id,
                station=station.name,
                detail=f"scanned {scan.raw}, not in the order",  # the desk names the product in its language
                raised_by=station.user_id,
                created_at=now,
            )
        )
    return Result(verdict, parcel, {"code": scan.raw, **params}, line_id)


def _event(
    session: Session,
    parcel: Parcel,
    station: Station,
    kind: str,
    code: str,
    verdict: str,
    now: dt.datetime,
    line_id: int | None = None,
    grams: Decimal | None = None,
) -> None:
    session.execute(
        insert(PackEvent).values(
            package_id=parcel.package_id,
            at=now,
            kind=kind,
            code=code[:128],
            order_line_id=line_id,
            verdict=verdict,
            grams=grams,
            user_id=station.user_id,
        )
    )


# --- weighing and finishing --------------------------------------------------------------


def weigh(session: Session, station: Station, parcel: Parcel, grams: Decimal, now: dt.datetime) -> Result:
    """Check a stable weight of the closed parcel; pass packs and prints, a miss blocks it. A
    blocked parcel is checked again on every new weight: putting it right is enough to pass.
    The verdict's parcel carries the band applied, so the screen shows the rule that judged."""
    require(station.user, "station.pack")
    _held_here(session, station, parcel)
    if not parcel.ready:
        return Result(Verdict.NOT_READY, parcel, {"left": parcel.units - parcel.scanned_units})
    parcel = replace(
        parcel, tolerance=tolerance(session), resolution_g=settings.get(session, "pack.scale_resolution_g")
    )
    expected = parcel.expected_g
    params: dict[str, Any] = {"measured": grams, "expected": expected}
    if expected is None:
        learnt = _learn(session, parcel, grams)
        outcome = "learnt" if learnt else "unchecked"
        params.update(learnt=learnt)
    else:
        params.update(allowed=parcel.allowed_g, diff=grams - expected)
        light = parcel.light_item
        if light is not None:
            params.update(
                light_sku=light.sku, light_g=light.unit_weight_g, ordinary=parcel.ordinary_allowed_g
            )
        if not parcel.passes(grams):
            _event(session, parcel, station, "weight", "", "weight_out", now, grams=grams)
            session.execute(
                update(Package)
                .where(Package.id == parcel.package_id)
                .values(status=PackageStatus.BLOCKED, measured_weight_g=grams)
            )
            if parcel.status is not PackageStatus.BLOCKED:
                session.add(
                    StationException(
                        kind=ExceptionKind.WEIGHT_MISMATCH,
                        order_id=parcel.order_id,
                        package_id=parcel.package_id,
                        station=station.name,
                        raised_by=station.user_id,
                        created_at=now,
                        detail=f"measured {grams} g, expected {expected} g ± {params['allowed']} g",
                    )
                )
            return Result(
                Verdict.WEIGHT_OUT, replace(parcel, status=PackageStatus.BLOCKED, measured_g=grams), params
            )
        outcome = "ok"
        if parcel.status is PackageStatus.BLOCKED:
            fixed = f"re-weighed {grams} g, within ± {params['allowed']} g"
            _resolve_mismatch(session, station, parcel, fixed, now)
    _event(session, parcel, station, "weight", "", outcome, now, grams=grams)
    return _finish(session, station, parcel, grams, now, {**params, "outcome": outcome})


def override(
    session: Session, station: Station, parcel: Parcel, badge: str, reason: str, now: dt.datetime
) -> Result:
    """A supervisor accepts a blocked parcel's weight by scanning their badge at the station;
    audited with who, why and the numbers. The badge, not an id, says who: nobody can name
    a supervisor who is not there."""
    require(station.user, "station.pack")
    _held_here(session, station, parcel)
    supervisor = login_badge(session, badge)
    if not supervisor.may("station.override"):
        raise PermissionDenied(
            "{name} may not override a weight check.", code="permission.denied", name=supervisor.display_name
        )
    supervisor_id = supervisor.id
    if parcel.status is not PackageStatus.BLOCKED or parcel.measured_g is None:
        raise DomainError("Only a parcel blocked by its weight can be overridden.")
    _event(session, parcel, station, "override", reason[:128], "override", now, grams=parcel.measured_g)
    session.execute(update(Package).where(Package.id == parcel.package_id).values(override_by=supervisor_id))
    audit.record(
        session,
        "pack.weight_override",
        "package",
        parcel.package_id,
        user_id=supervisor_id,
        station=station.name,
        order=parcel.order_number,
        measured_g=parcel.measured_g,
        expected_g=parcel.expected_g,
        reason=reason,
        packer_id=station.user_id,
    )
    _resolve_mismatch(session, station, parcel, f"override: {reason}", now, supervisor_id)
    return _finish(
        session,
        station,
        parcel,
        parcel.measured_g,
        now,
        {"outcome": "override", "measured": parcel.measured_g},
    )


def _resolve_mismatch(
    session: Session,
    station: Station,
    parcel: Parcel,
    resolution: str,
    now: dt.datetime,
    by: int | None = None,
) -> None:
    """The parcel's open weight-mismatch exception is settled (by an override or a good weight)."""
    session.execute(
        update(StationException)
        .where(
            StationException.package_id == parcel.package_id,
            StationException.status == "open",
            StationException.kind == ExceptionKind.WEIGHT_MISMATCH,
        )
        .values(status="resolved", resolution=resolution, resolved_by=by or station.user_id, resolved_at=now)
    )


def reweigh(session: Session, station: Station, parcel: Parcel, now: dt.datetime) -> Result:
    """Forget the last weight: the next stable reading is checked again."""
    require(station.user, "station.pack")
    _held_here(session, station, parcel)
    _event(session, parcel, station, "command", "REWEIGH", "reweigh", now)
    status = PackageStatus.WEIGHING if parcel.ready else PackageStatus.OPEN
    session.execute(
        update(Package).where(Package.id == parcel.package_id).values(status=status, measured_weight_g=None)
    )
    return Result(Verdict.REWEIGH, replace(parcel, status=status, measured_g=None))


def new_box(session: Session, station: Station, parcel: Parcel, now: dt.datetime) -> Result:
    """``CMD:NEWBOX``: this box holds what is scanned so far and is weighed against that; the rest
    goes into the next box once it passed."""
    require(station.user, "station.pack")
    _held_here(session, station, parcel)
    if parcel.ready:
        raise DomainError("This box is already closed: weigh it.")
    if not any(parcel.in_box(line) for line in parcel.lines):
        raise DomainError("Box {box} is empty: scan at least one item into it first.", box=parcel.box_no)
    _event(session, parcel, station, "command", "NEWBOX", "box_closed", now)
    session.execute(
        update(Package).where(Package.id == parcel.package_id).values(status=PackageStatus.WEIGHING)
    )
    parcel = replace(parcel, status=PackageStatus.WEIGHING)
    return Result(Verdict.BOX_CLOSED, parcel, {"box": parcel.box_no, "units": _box_count(parcel)})


def _box_count(parcel: Parcel) -> int:
    return sum(parcel.in_box(line) for line in parcel.lines)


def cancel(session: Session, station: Station, parcel: Parcel, now: dt.datetime) -> Result:
    """Give the box back (items out of it): its scans undone, the lock released (boxes already
    packed stay packed)."""
    require(station.user, "station.pack")
    _held_here(session, station, parcel)
    _event(session, parcel, station, "command", "CANCEL", "cancelled", now)
    session.execute(
        update(Package).where(Package.id == parcel.package_id).values(status=PackageStatus.CANCELLED)
    )
    for line in parcel.lines:
        if parcel.in_box(line):
            session.execute(
                update(OrderLine)
                .where(OrderLine.id == line.line_id)
                .values(packed_qty=OrderLine.packed_qty - parcel.in_box(line))
            )
    picked = session.scalar(
        select(func.count())
        .select_from(PickTask)
        .join(OrderLine, OrderLine.id == PickTask.order_line_id)
        .where(OrderLine.order_id == parcel.order_id)
    )
    session.execute(
        update(Order)
        .where(Order.id == parcel.order_id, Order.locked_by == station.name)
        .values(
            locked_by=None,
            locked_at=None,
            version=Order.version + 1,
            status=OrderStatus.PICKED if picked else OrderStatus.ALLOCATED,
        )
    )
    return Result(Verdict.CANCELLED, replace(parcel, status=PackageStatus.CANCELLED))


def _learn(session: Session, parcel: Parcel, grams: Decimal) -> bool:
    """A single-product parcel teaches the product its unit weight (the first verified sample)."""
    unknown = [ln for ln in parcel.lines if ln.unit_weight_g is None]
    if len(parcel.lines) != 1 or len(unknown) != 1:
        return False
    line = unknown[0]
    per_unit = (grams - parcel.suggestion.weight_g) / line.quantity
    if per_unit <= 0:
        return False
    session.execute(
        update(Product)
        .where(Product.id == line.product_id, Product.unit_weight_g.is_(None))
        .values(unit_weight_g=int(per_unit.to_integral_value()), weight_learnt=True)
    )
    return True


def _finish(
    session: Session,
    station: Station,
    parcel: Parcel,
    grams: Decimal,
    now: dt.datetime,
    params: dict[str, Any],
) -> Result:
    """The box passed: its shipment, waybill and papers. The last box of the order packs the
    order; a box closed early opens the next; the last box of one warehouse's part hands the
    order back (unlocked) for the other warehouse's station."""
    box_only = not parcel.complete
    lines = session.execute(
        select(
            OrderLine.quantity - OrderLine.backordered_qty - OrderLine.cancelled_qty, OrderLine.packed_qty
        ).where(OrderLine.order_id == parcel.order_id)
    ).all()
    order_done = not box_only and all(packed >= wanted for wanted, packed in lines)
    held = Order.id == parcel.order_id, Order.status == OrderStatus.PACKING, Order.locked_by == station.name
    if order_done:
        values: dict[str, Any] = dict(status=OrderStatus.PACKED, locked_by=None, locked_at=None)
    elif box_only:
        values = {}
    else:
        picked = session.scalar(
            select(func.count())
            .select_from(PickTask)
            .join(OrderLine, OrderLine.id == PickTask.order_line_id)
            .where(OrderLine.order_id == parcel.order_id)
        )
        values = dict(
            status=OrderStatus.PICKED if picked else OrderStatus.ALLOCATED, locked_by=None, locked_at=None
        )
    done = affected(session.execute(
        update(Order)
        .where(*held)
        .values(**values, version=Order.version + 1)
        .execution_options(synchronize_session=False)
    ))
    if done != 1:
        raise Conflict(
            "Order {number} is no longer held by this station; nothing was packed.",
            number=parcel.order_number,
        )
    if order_done:
        allocation.consume_order(session, parcel.order_id)
    order = session.get(Order, parcel.order_id)
    assert order is not None
    address = session.get(Address, order.address_id) if order.address_id else None
    first = session.scalar(
        select(Shipment.tracking_number).where(Shipment.order_id == order.id).order_by(Shipment.id).limit(1)
    )
    multi_piece = bool(settings.get(session, f"carriers.multi_piece.{parcel.carrier}"))
    shipment = Shipment(
        order_id=order.id,
        package_id=parcel.package_id,
        carrier=parcel.carrier,
        service=order.service,
        tracking_number=f"pending-{parcel.package_id}",
        master_tracking=first if first and multi_piece else "",
        weight_g=int(grams.to_integral_value()),
        created_at=now,
        sort_code=(
            carriers.sort_code(session, parcel.carrier, address.province, address.city, address.district)
            if address
            else ""
        ),
    )
    session.add(shipment)
    session.flush()  # the waybill number records the shipment it went to
    shipment.tracking_number = carriers.tracking_number(session, parcel.carrier, shipment.id, now)
    session.execute(
        update(Package)
        .where(Package.id == parcel.package_id)
        .values(status=PackageStatus.PACKED, measured_weight_g=grams, packed_at=now)
    )
    if not box_only:  # this warehouse's part is packed: its totes go back to picking
        session.execute(
            update(Tote)
            .where(
                Tote.id.in_(
                    select(PickTask.tote_id)
                    .join(OrderLine, OrderLine.id == PickTask.order_line_id)
                    .join(Bin, Bin.id == PickTask.bin_id)
                    .where(
                        OrderLine.order_id == order.id,
                        Bin.warehouse_id == parcel.warehouse_id if parcel.warehouse_id else true(),
                    )
                )
            )
            .values(status=ToteStatus.FREE, wave_id=None)
        )
    session.flush()
    boxed = box_only or parcel.box_no > 1
    jobs = _print(session, station, parcel, shipment, now, invoice=order_done, slip=boxed)
    packed = replace(
        parcel, status=PackageStatus.PACKED, measured_g=grams, tracking_number=shipment.tracking_number
    )
    params = {
        **params,
        "tracking": shipment.tracking_number,
        "master": shipment.master_tracking,
        "box": parcel.box_no,
    }
    if not box_only:
        return Result(Verdict.PACKED, packed, {**params, "order_done": order_done}, print_job_ids=jobs)
    package = Package(
        order_id=order.id,
        station=station.name,
        packer_id=station.user_id,
        started_at=now,
        warehouse_id=parcel.warehouse_id,
        box_no=parcel.box_no + 1,
    )
    session.add(package)
    session.flush()
    nxt = _load(session, package)
    package.box_code = nxt.suggestion.box.code
    package.expected_weight_g = nxt.expected_g
    return Result(Verdict.BOX_PACKED, nxt, {**params, "next_box": package.box_no}, print_job_ids=jobs)


def _print(
    session: Session,
    station: Station,
    parcel: Parcel,
    shipment: Shipment,
    now: dt.datetime,
    *,
    invoice: bool,
    slip: bool,
) -> tuple[int, ...]:
    """The box's waybill (and packing list when the order ships in several boxes), the order's
    invoice with its last box: rendered now and queued in the same transaction as the packing."""
    from app.services import documents
    from printing.documents import render_invoice, render_packing_slip, render_waybill
    from printing.snapshots import InvoiceLine
    from printing.thermal import render_thermal

    order_number, tracking = parcel.order_number, shipment.tracking_number
    contents = [(line, parcel.in_box(line)) for line in parcel.lines if parcel.in_box(line)]
    summary = ", ".join(f"{line.sku}×{n}" for line, n in contents)
    ids = []
    uri, fmt_ = print_queue.printer_for(station.printers, "waybill")
    waybill = documents.waybill(session, tracking, now)
    if slip:
        master = f"M {shipment.master_tracking} · " if shipment.master_tracking else ""
        waybill = replace(waybill, pieces=parcel.box_no, items_summary=f"{master}#{parcel.box_no}: {summary}")
    payload = render_waybill(waybill) if fmt_ == "pdf" else render_thermal(waybill, fmt_)
    ids.append(
        print_queue.enqueue(
            session,
            "waybill",
            tracking,
            uri,
            fmt_,
            payload,
            station=station.name,
            user_id=station.user_id,
            now=now,
        )
    )
    if slip:
        uri, _fmt = print_queue.printer_for(station.printers, "packing-slip")
        full = documents.packing_slip(session, order_number)
        prices = {line.sku: line for line in full.lines}
        box_lines = tuple(
            replace(prices[line.sku], quantity=n)
            if line.sku in prices
            else InvoiceLine(line.sku, line.name, n, Decimal(0), Decimal(0))
            for line, n in contents
        )
        note = f"#{parcel.box_no} · {tracking}" + (
            f" (M {shipment.master_tracking})" if shipment.master_tracking else ""
        )
        ids.append(
            print_queue.enqueue(
                session,
                "packing-slip",
                tracking,
                uri,
                "pdf",
                render_packing_slip(replace(full, lines=box_lines, note=note)),
                station=station.name,
                user_id=station.user_id,
                now=now,
            )
        )
    if invoice:
        uri, _fmt = print_queue.printer_for(station.printers, "invoice")
        pdf = render_invoice(documents.invoice(session, order_number, now))
        ids.append(
            print_queue.enqueue(
                session,
                "invoice",
                order_number,
                uri,
                "pdf",
                pdf,
                station=station.name,
                user_id=station.user_id,
                now=now,
            )
        )
    return tuple(ids)
