"""Pack station: open a parcel for a tote or order, a verdict for every item scan, the weight
check, and finishing (shipment, waybill and invoice print jobs, order packed).

Safety rules (DESIGN.md invariants):
- a station locks the order when it opens it (a conditional UPDATE: a second station is
  refused with who holds it); the lock is released when the parcel is packed or cancelled;
- every accepted item scan and weight is committed before its verdict is returned, and the
  parcel's state lives in the database, so a station that crashed reopens it where it was;
- the shipment row is unique per package and the order moves PACKING -> PACKED with a
  conditional UPDATE, so no order is ever packed or shipped twice.

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

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.errors import Conflict, DomainError, NotFound, PermissionDenied
from app.models.catalog import Product, ProductBarcode
from app.models.fulfilment import (
    ExceptionKind,
    Package,
    PackageStatus,
    PackEvent,
    PickTask,
    Shipment,
    StationException,
    Tote,
    ToteStatus,
)
from app.models.orders import Address, Order, OrderLine, OrderStatus
from app.permissions import require
from app.services import allocation, audit, carriers, packaging, print_queue, settings
from app.services.auth import login_badge
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

    @property
    def complete(self) -> bool:
        return all(line.remaining == 0 for line in self.lines)

    @property
    def scanned_units(self) -> int:
        return sum(line.scanned for line in self.lines)

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def expected_g(self) -> int | None:
        """Items + packaging; None while a product's weight is not known yet."""
        if any(line.unit_weight_g is None for line in self.lines):
            return None
        items = sum((line.unit_weight_g or 0) * line.quantity for line in self.lines)
        return items + self.suggestion.weight_g

    @property
    def allowed_g(self) -> Decimal | None:
        """± grams the weight may be off, whole grams (None while the expected weight is unknown)."""
        expected = self.expected_g
        return None if expected is None else self.tolerance.allowed_g(expected).quantize(Decimal(1))


@dataclass(frozen=True)
class Tolerance:
    """``max(abs_g, pct % of expected)``; built from the shared settings only (``tolerance``)."""

    abs_g: int
    pct: Decimal

    def allowed_g(self, expected_g: int) -> Decimal:
        return max(Decimal(self.abs_g), Decimal(expected_g) * self.pct / 100)

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
            f"Order {order.number} is being packed at station {order.locked_by} "
            f"(since {order.locked_at:%H:%M}); it cannot be packed here too."
        )
    if order.status not in PACKABLE:
        raise Conflict(_not_packable(session, order))
    claimed = session.execute(
        update(Order)
        .where(Order.id == order.id, Order.locked_by.is_(None), Order.status.in_(PACKABLE))
        .values(locked_by=station.name, locked_at=now, status=OrderStatus.PACKING, version=Order.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        raise Conflict(f"Order {order.number} was just taken by another station.")
    package = Package(order_id=order.id, station=station.name, packer_id=station.user_id, started_at=now)
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


def _order_for(session: Session, scan: Scan) -> Order:
    if scan.kind is ScanKind.ORDER:
        order = session.scalar(select(Order).where(Order.number == scan.value))
        if order is None:
            raise NotFound(f"No order {scan.value}.")
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
            raise NotFound(f"Tote {scan.value} holds no order waiting to be packed.")
        return order
    raise DomainError(f"Scan a tote or an order barcode to start a parcel (got {scan.value!r}).")


def _not_packable(session: Session, order: Order) -> str:
    if order.status in (OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        done = session.scalar(
            select(Package).where(
                Package.order_id == order.id,
                Package.status.in_((PackageStatus.PACKED, PackageStatus.VERIFIED)),
            )
        )
        where = (
            f" at station {done.station} ({done.packed_at:%Y-%m-%d %H:%M})" if done and done.packed_at else ""
        )
        return f"Order {order.number} is already packed{where}: it is never packed twice."
    if order.status in (OrderStatus.NEW, OrderStatus.BACKORDERED):
        return f"Order {order.number} has no stock allocated yet ({order.status.value})."
    if order.status is OrderStatus.IN_WAVE:
        return f"Order {order.number} is still being picked."
    return f"Order {order.number} is {order.status.value} and cannot be packed."


def _load(session: Session, package: Package) -> Parcel:
    order = session.get(Order, package.order_id)
    assert order is not None
    rows = session.execute(
        select(OrderLine, Product)
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order.id)
        .order_by(OrderLine.line_no)
    ).all()
    lines = tuple(
        PackLine(
            ol.id,
            ol.line_no,
            p.id,
            ol.sku,
            ol.name,
            ol.quantity,
            ol.packed_qty,
            p.unit_weight_g,
            p.fragile,
            p.liquid,
            p.bulky,
            p.battery,
        )
        for ol, p in rows
    )
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
    items = [
        packaging.Item(
            line.quantity, (p.length_mm, p.width_mm, p.height_mm), p.fragile, p.liquid, p.bulky, p.battery
        )
        for (_ol, p), line in zip(rows, lines, strict=True)
    ]
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
        packaging.suggest(items),
        tolerance(session),
        barcodes,
        package.measured_weight_g,
        shipment.tracking_number if shipment else "",
    )


# --- item scans --------------------------------------------------------------------------


def scan_item(session: Session, station: Station, parcel: Parcel, scan: Scan, now: dt.datetime) -> Result:
    """Tick the order line the scanned product belongs to, or refuse the scan."""
    require(station.user, "station.pack")
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
        name = session.scalar(select(Product.name).where(Product.id == known)) if known else ""
        return _refuse(session, station, parcel, scan, verdict, now, name=name or "")
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
    ticked = session.execute(
        update(OrderLine)
        .where(OrderLine.id == line.line_id, OrderLine.packed_qty < OrderLine.quantity)
        .values(packed_qty=OrderLine.packed_qty + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    if ticked != 1:
        raise Conflict(
            f"Line {line.line_no} of {parcel.order_number} changed at another station: scan the order again."
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
                detail=f"scanned {scan.raw} ({params.get('name', '')}), not in the order",
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
    if not parcel.complete:
        return Result(Verdict.NOT_READY, parcel, {"left": parcel.units - parcel.scanned_units})
    rule = tolerance(session)
    parcel = replace(parcel, tolerance=rule)
    expected = parcel.expected_g
    params: dict[str, Any] = {"measured": grams, "expected": expected}
    if expected is None:
        learnt = _learn(session, parcel, grams)
        outcome = "learnt" if learnt else "unchecked"
        params.update(learnt=learnt)
    else:
        params.update(allowed=parcel.allowed_g, diff=grams - expected)
        if not rule.passes(expected, grams):
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
    _event(session, parcel, station, "command", "REWEIGH", "reweigh", now)
    status = PackageStatus.WEIGHING if parcel.complete else PackageStatus.OPEN
    session.execute(
        update(Package).where(Package.id == parcel.package_id).values(status=status, measured_weight_g=None)
    )
    return Result(Verdict.REWEIGH, replace(parcel, status=status, measured_g=None))


def cancel(session: Session, station: Station, parcel: Parcel, now: dt.datetime) -> Result:
    """Give the order back (items out of the box): scanned counts reset, lock released."""
    require(station.user, "station.pack")
    _event(session, parcel, station, "command", "CANCEL", "cancelled", now)
    session.execute(
        update(Package).where(Package.id == parcel.package_id).values(status=PackageStatus.CANCELLED)
    )
    session.execute(update(OrderLine).where(OrderLine.order_id == parcel.order_id).values(packed_qty=0))
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
    done = session.execute(
        update(Order)
        .where(
            Order.id == parcel.order_id, Order.status == OrderStatus.PACKING, Order.locked_by == station.name
        )
        .values(status=OrderStatus.PACKED, locked_by=None, locked_at=None, version=Order.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    if done != 1:
        raise Conflict(f"Order {parcel.order_number} is no longer held by this station; nothing was packed.")
    allocation.consume_order(session, parcel.order_id)
    order = session.get(Order, parcel.order_id)
    assert order is not None
    address = session.get(Address, order.address_id) if order.address_id else None
    shipment = Shipment(
        order_id=order.id,
        package_id=parcel.package_id,
        carrier=parcel.carrier,
        service=order.service,
        tracking_number=f"pending-{parcel.package_id}",
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
    session.execute(
        update(Tote)
        .where(
            Tote.id.in_(
                select(PickTask.tote_id)
                .join(OrderLine, OrderLine.id == PickTask.order_line_id)
                .where(OrderLine.order_id == order.id)
            )
        )
        .values(status=ToteStatus.FREE, wave_id=None)
    )
    session.flush()
    jobs = _print(session, station, order.number, shipment.tracking_number, now)
    parcel = replace(
        parcel, status=PackageStatus.PACKED, measured_g=grams, tracking_number=shipment.tracking_number
    )
    return Result(
        Verdict.PACKED, parcel, {**params, "tracking": shipment.tracking_number}, print_job_ids=jobs
    )


def _print(
    session: Session, station: Station, order_number: str, tracking: str, now: dt.datetime
) -> tuple[int, ...]:
    """Waybill and invoice, rendered now and queued in the same transaction as the packing."""
    from app.services import documents
    from printing.documents import render_invoice, render_waybill
    from printing.thermal import render_thermal

    ids = []
    uri, fmt = print_queue.printer_for(station.printers, "waybill")
    waybill = documents.waybill(session, tracking, now)
    payload = render_waybill(waybill) if fmt == "pdf" else render_thermal(waybill, fmt)
    ids.append(
        print_queue.enqueue(
            session,
            "waybill",
            tracking,
            uri,
            fmt,
            payload,
            station=station.name,
            user_id=station.user_id,
            now=now,
        )
    )
    uri, _fmt = print_queue.printer_for(station.printers, "invoice")
    invoice = render_invoice(documents.invoice(session, order_number, now))
    ids.append(
        print_queue.enqueue(
            session,
            "invoice",
            order_number,
            uri,
            "pdf",
            invoice,
            station=station.name,
            user_id=station.user_id,
            now=now,
        )
    )
    return tuple(ids)
