"""Verify and hand-over: a packed parcel is re-checked (by a sampling rule) before it joins a
carrier's hand-over batch; closing the batch ships its orders and prints the manifest.

Hand-over reconciliation: a batch belongs to one carrier and pick-up slot; a parcel of another
carrier is refused. Closing compares the parcels packed for the carrier (and verified where
sampled) with those scanned into the batch and with the courier's count; the missing are listed
with where they were last seen, and a batch whose counts differ closes only by choice. The
manifest states all three counts. An order is shipped when every parcel of it is.

Sampling: every parcel whose weight was overridden, learnt or unchecked, every parcel of an
order above a value, and a fixed share of the rest (chosen by the tracking number, so every
station picks the same parcels and a packer cannot guess them) are re-scanned and re-weighed.
"""

from __future__ import annotations

import datetime as dt
import enum
import zlib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db import affected
from app.errors import Conflict, DomainError, NotFound
from app.models.catalog import Product
from app.models.fulfilment import (
    ExceptionKind,
    HandoverBatch,
    Package,
    PackageStatus,
    PackEvent,
    Shipment,
    ShipmentStatus,
    StationException,
)
from app.models.orders import Order, OrderLine, OrderStatus
from app.permissions import require
from app.services import audit, packing, print_queue, settings
from app.services.packing import Station
from devices.scanner.scan import Scan, ScanKind


class Check(enum.StrEnum):
    NONE = "none"  # not sampled: verified on the waybill scan
    FULL = "full"  # re-scan every item, then re-weigh


@dataclass(frozen=True)
class VerifyTask:
    package_id: int
    order_id: int
    order_number: str
    tracking_number: str
    carrier: str
    check: Check
    packed_g: Decimal
    expected: dict[str, int] = field(default_factory=dict)  # product code key -> units
    names: dict[str, str] = field(default_factory=dict)  # key -> SKU
    scanned: dict[str, int] = field(default_factory=dict)
    reason: str = ""  # why it was sampled
    status: str = "open"  # open / passed / failed
    items: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name, English name) to show

    @property
    def items_done(self) -> bool:
        return self.scanned == self.expected


@dataclass(frozen=True)
class VerifyResult:
    verdict: str  # passed / item_ok / wrong_item / extra_item / weigh / failed / garbled
    task: VerifyTask
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def level(self) -> str:
        return {"passed": "ok", "item_ok": "ok", "weigh": "ok"}.get(self.verdict, "error")


@dataclass(frozen=True)
class BatchView:
    id: int
    number: str
    carrier: str
    parcels: int
    status: str
    slot: str = ""


@dataclass(frozen=True)
class MissingParcel:
    tracking_number: str
    order_number: str
    last_seen: str  # packed / verified / waiting_verify: the last step it passed
    station: str
    at: dt.datetime | None


@dataclass(frozen=True)
class Reconciliation:
    batch: BatchView
    packed: int  # parcels packed for this carrier and not handed over (the batch's own included)
    scanned: int
    missing: tuple[MissingParcel, ...]
    courier: int | None = None

    @property
    def agrees(self) -> bool:
        return self.packed == self.scanned and (self.courier is None or self.courier == self.scanned)


def sampling_reason(session: Session, package: Package, order: Order, tracking: str) -> str:
    """Why this parcel must be re-checked, or '' when it need not be."""
    outcome = session.scalar(
        select(PackEvent.verdict)
        .where(PackEvent.package_id == package.id, PackEvent.kind.in_(("weight", "override")))
        .order_by(PackEvent.id.desc())
        .limit(1)
    )
    if outcome in ("override", "learnt", "unchecked"):
        return f"weight {outcome}"
    if order.total >= Decimal(str(settings.get(session, "verify.always_above", 2000))):
        return "high value"
    pct = int(settings.get(session, "verify.sample_pct", 10))
    return "sample" if zlib.crc32(tracking.encode()) % 100 < pct else ""


def start(session: Session, station: Station, scan: Scan, now: dt.datetime) -> VerifyResult:
    """A waybill scan: look the parcel up and say what to check."""
    require(station.user, "station.verify")
    if scan.kind is not ScanKind.WAYBILL and not scan.value:
        raise DomainError("Scan the parcel's waybill.")
    shipment = session.scalar(select(Shipment).where(Shipment.tracking_number == scan.value))
    if shipment is None or shipment.package_id is None:
        raise NotFound("No packed parcel has waybill {tracking}.", tracking=scan.value)
    package = session.get(Package, shipment.package_id)
    order = session.get(Order, shipment.order_id)
    assert package is not None and order is not None
    if package.status is PackageStatus.VERIFIED:
        raise Conflict(
            "Parcel {tracking} is already verified: put it with carrier {carrier}.",
            tracking=scan.value,
            carrier=shipment.carrier,
        )
    if package.status is not PackageStatus.PACKED:
        raise Conflict(
            "Parcel {tracking} is {status}, not packed.", tracking=scan.value, status=package.status.value
        )
    reason = sampling_reason(session, package, order, shipment.tracking_number)
    expected: dict[str, int] = {}
    names: dict[str, str] = {}
    items: dict[str, tuple[str, str]] = {}
    lines = session.execute(
        select(OrderLine, Product.name_en).join(Product).where(OrderLine.order_id == order.id)
    ).all()
    for line, name_en in lines:
        expected[str(line.product_id)] = expected.get(str(line.product_id), 0) + line.quantity
        names[str(line.product_id)] = line.sku
        items[str(line.product_id)] = (line.name, name_en or "")
    task = VerifyTask(
        package.id,
        order.id,
        order.number,
        shipment.tracking_number,
        shipment.carrier,
        Check.FULL if reason else Check.NONE,
        package.measured_weight_g or Decimal(0),
        expected,
        names,
        {},
        reason,
        items=items,
    )
    if not reason:
        return _pass(session, station, task, now)
    _event(session, station, task, "verify", scan.value, "started", now)
    return VerifyResult("started", task, {"reason": reason})


def scan_item(
    session: Session, station: Station, task: VerifyTask, scan: Scan, now: dt.datetime
) -> VerifyResult:
    require(station.user, "station.verify")
    if not scan.ok:
        return VerifyResult("garbled", task, {"code": scan.raw})
    product_id = _product_for(session, scan)
    key = str(product_id) if product_id is not None else ""
    if key not in task.expected:
        _event(session, station, task, "verify", scan.raw, "wrong_item", now)
        return _fail(session, station, task, now, f"scanned {scan.raw}, not in the order", "wrong_item")
    if task.scanned.get(key, 0) >= task.expected[key]:
        _event(session, station, task, "verify", scan.raw, "extra_item", now)
        return _fail(session, station, task, now, f"{task.names[key]} more than ordered", "extra_item")
    _event(session, station, task, "verify", scan.raw, "ok", now)
    task = replace(task, scanned={**task.scanned, key: task.scanned.get(key, 0) + 1})
    return VerifyResult("weigh" if task.items_done else "item_ok", task, {"sku": task.names[key]})


def weigh(
    session: Session, station: Station, task: VerifyTask, grams: Decimal, now: dt.datetime
) -> VerifyResult:
    require(station.user, "station.verify")
    if not task.items_done:
        left = sum(task.expected.values()) - sum(task.scanned.values())
        return VerifyResult("not_ready", task, {"left": left})
    _event(session, station, task, "verify", "", "weight", now, grams)
    if not packing.tolerance(session).passes(int(task.packed_g), grams):
        return _fail(
            session,
            station,
            task,
            now,
            f"re-weighed {grams} g, packed at {task.packed_g} g",
            "weight",
            measured=grams,
            packed=task.packed_g,
        )
    return _pass(session, station, task, now)


def _product_for(session: Session, scan: Scan) -> int | None:
    from app.models.catalog import Product, ProductBarcode

    pid = session.scalar(
        select(ProductBarcode.product_id).where(ProductBarcode.code.in_(packing.stored_forms(scan)))
    )
    return pid if pid is not None else session.scalar(select(Product.id).where(Product.sku == scan.value))


def _pass(session: Session, station: Station, task: VerifyTask, now: dt.datetime) -> VerifyResult:
    done = affected(session.execute(
        update(Package)
        .where(Package.id == task.package_id, Package.status == PackageStatus.PACKED)
        .values(status=PackageStatus.VERIFIED, verified_at=now)
    ))
    if done != 1:
        raise Conflict("Parcel {tracking} was verified at another station.", tracking=task.tracking_number)
    _event(session, station, task, "verify", task.tracking_number, "passed", now)
    return VerifyResult("passed", replace(task, status="passed"), {"carrier": task.carrier})


def _fail(
    session: Session,
    station: Station,
    task: VerifyTask,
    now: dt.datetime,
    detail: str,
    what: str,
    **params: Any,
) -> VerifyResult:
    session.add(
        StationException(
            kind=ExceptionKind.VERIFY_FAILED,
            order_id=task.order_id,
            package_id=task.package_id,
            station=station.name,
            detail=detail,
            raised_by=station.user_id,
            created_at=now,
        )
    )
    return VerifyResult("failed", replace(task, status="failed"), {"what": what, "detail": detail, **params})


def _event(
    session: Session,
    station: Station,
    task: VerifyTask,
    kind: str,
    code: str,
    verdict: str,
    now: dt.datetime,
    grams: Decimal | None = None,
) -> None:
    session.add(
        PackEvent(
            package_id=task.package_id,
            at=now,
            kind=kind,
            code=code[:128],
            verdict=verdict,
            grams=grams,
            user_id=station.user_id,
        )
    )


# --- hand-over -----------------------------------------------------------------------------


def hand_over(
    session: Session, station: Station, scan: Scan, now: dt.datetime, carrier: str | None = None
) -> tuple[BatchView, str]:
    """Put a verified parcel in its carrier's open batch (``carrier``: the batch the screen is
    filling; a parcel of another carrier is refused); (batch, tracking number)."""
    require(station.user, "station.handover")
    shipment = session.scalar(select(Shipment).where(Shipment.tracking_number == scan.value))
    if shipment is None:
        raise NotFound("No parcel has waybill {tracking}.", tracking=scan.value)
    if carrier and shipment.carrier != carrier:
        raise Conflict(
            "Parcel {tracking} goes with {parcel_carrier}, not {carrier}: keep it out of this batch.",
            code="handover.carrier",
            tracking=scan.value,
            parcel_carrier=shipment.carrier,
            carrier=carrier,
        )
    if shipment.handover_batch_id is not None:
        batch = session.get(HandoverBatch, shipment.handover_batch_id)
        assert batch is not None
        raise Conflict(
            "Parcel {tracking} is already in hand-over batch {carrier} {pickup}: never twice.",
            tracking=scan.value,
            **_batch_words(batch),
        )
    package = session.get(Package, shipment.package_id) if shipment.package_id else None
    if package is None or package.status is not PackageStatus.VERIFIED:
        raise Conflict("Parcel {tracking} has not passed verify: verify it first.", tracking=scan.value)
    batch = session.scalar(
        select(HandoverBatch).where(HandoverBatch.carrier == shipment.carrier, HandoverBatch.status == "open")
    )
    if batch is None:
        batch = HandoverBatch(
            number=f"HO-{shipment.carrier}-{now:%Y%m%d%H%M%S}",
            carrier=shipment.carrier,
            created_at=now,
            slot=pickup_slot(session, shipment.carrier, now),
        )
        session.add(batch)
        session.flush()
    claimed = affected(session.execute(
        update(Shipment)
        .where(Shipment.id == shipment.id, Shipment.handover_batch_id.is_(None))
        .values(handover_batch_id=batch.id)
        .execution_options(synchronize_session=False)
    ))
    if claimed != 1:
        raise Conflict("Parcel {tracking} was just added to a batch at another station.", tracking=scan.value)
    return _batch_view(session, batch), shipment.tracking_number


def _batch_words(batch: HandoverBatch) -> dict[str, str]:
    """A batch as a message names it, the way the dock reads it: carrier and pick-up time ("EMS
    14:05", "today" without one, worded in the catalogue); the number stays a parameter for programs."""
    return {"carrier": batch.carrier, "pickup": batch.slot or "today", "batch": batch.number}


def open_batches(session: Session) -> list[BatchView]:
    batches = session.scalars(
        select(HandoverBatch).where(HandoverBatch.status == "open").order_by(HandoverBatch.id)
    ).all()
    return [_batch_view(session, b) for b in batches]


def pickup_slot(session: Session, carrier: str, now: dt.datetime) -> str:
    """The carrier's next pick-up today (HH:MM, site time) from its cut-offs; '' when none is set."""
    from app.models.site import CarrierCutoff
    from app.timezone import fmt

    slots = sorted(
        {
            p.strip()
            for row in session.scalars(select(CarrierCutoff.pickups).where(CarrierCutoff.carrier == carrier))
            for p in (row or "").split(",")
            if p.strip()
        }
    )
    here = fmt(now, "time")
    return next((p for p in slots if p >= here), slots[-1] if slots else "")


def reconcile(session: Session, batch_id: int, courier: int | None = None) -> Reconciliation:
    """The batch against what was packed for its carrier: counts and the parcels not scanned in."""
    batch = session.get(HandoverBatch, batch_id)
    if batch is None:
        raise NotFound("No hand-over batch #{id}.", id=batch_id)
    rows = session.execute(
        select(Shipment.id, Shipment.tracking_number, Shipment.handover_batch_id, Order.number, Package)
        .join(Order, Order.id == Shipment.order_id)
        .join(Package, Package.id == Shipment.package_id)
        .where(
            Shipment.carrier == batch.carrier,
            Shipment.status == ShipmentStatus.LABEL_CREATED,
            (Shipment.handover_batch_id.is_(None)) | (Shipment.handover_batch_id == batch.id),
            Package.status.in_((PackageStatus.PACKED, PackageStatus.VERIFIED)),
        )
        .order_by(Shipment.id)
    ).all()
    scanned = sum(1 for r in rows if r[2] == batch.id)
    missing = []
    for _sid, tracking, in_batch, number, package in rows:
        if in_batch == batch.id:
            continue
        verified = package.status is PackageStatus.VERIFIED
        order = session.scalar(select(Order).where(Order.number == number))
        assert order is not None
        step = (
            "verified"
            if verified
            else ("waiting_verify" if sampling_reason(session, package, order, tracking) else "packed")
        )
        at = package.verified_at if verified else package.packed_at
        missing.append(MissingParcel(tracking, number, step, package.station, at))
    return Reconciliation(_batch_view(session, batch), len(rows), scanned, tuple(missing), courier)


def close_batch(
    session: Session,
    station: Station,
    batch_id: int,
    now: dt.datetime,
    courier_count: int | None = None,
    accept_difference: bool = False,
) -> tuple[BatchView, int]:
    """The carrier takes the batch: its parcels are shipped (an order when all its parcels are)
    and the manifest prints with the three counts; (batch, job id). Counts that differ (packed,
    scanned, the courier's) close the batch only with ``accept_difference``."""
    user = require(station.user, "station.handover")
    from app.services import documents
    from printing.documents import render_manifest

    batch = session.get(HandoverBatch, batch_id)
    if batch is None or batch.status != "open":
        raise Conflict("That hand-over batch is already closed.")
    shipment_ids = select(Shipment.id).where(Shipment.handover_batch_id == batch.id)
    if not session.scalar(select(func.count()).select_from(shipment_ids.subquery())):
        raise DomainError("Batch {carrier} {pickup} is empty: scan parcels into it first.",
                          **_batch_words(batch))
    if courier_count is None or courier_count < 0:
        raise DomainError("Enter the number of parcels the courier counted.")
    rec = reconcile(session, batch.id, courier_count)
    if not rec.agrees and not accept_difference:
        raise Conflict(
            "Batch {carrier} {pickup}: {packed} packed, {scanned} scanned, the courier counted {courier}. "
            "Find the missing parcels, or close it anyway by choice.",
            code="handover.differs",
            **_batch_words(batch),
            packed=rec.packed,
            scanned=rec.scanned,
            courier=courier_count,
        )
    batch.status, batch.closed_at = "closed", now
    batch.expected_count, batch.courier_count, batch.closed_by = rec.packed, courier_count, user.id
    session.execute(
        update(Shipment)
        .where(Shipment.handover_batch_id == batch.id)
        .values(status=ShipmentStatus.HANDED_OVER, shipped_at=now)
    )
    session.flush()
    not_yet = (
        select(Shipment.order_id).where(Shipment.status == ShipmentStatus.LABEL_CREATED).scalar_subquery()
    )
    session.execute(
        update(Order)
        .where(
            Order.id.in_(select(Shipment.order_id).where(Shipment.handover_batch_id == batch.id)),
            Order.status == OrderStatus.PACKED,
            Order.id.not_in(not_yet),
        )
        .values(status=OrderStatus.SHIPPED, version=Order.version + 1)
        .execution_options(synchronize_session=False)
    )
    session.flush()
    uri, _fmt = print_queue.printer_for(station.printers, "manifest")
    manifest = documents.manifest(session, batch.number)
    counts = f"packed {rec.packed} · scanned {rec.scanned} · courier {courier_count}"
    manifest = replace(
        manifest, warehouse=f"{manifest.warehouse} · {counts}" if manifest.warehouse else counts
    )
    pdf = render_manifest(manifest)
    job = print_queue.enqueue(
        session,
        "manifest",
        batch.number,
        uri,
        "pdf",
        pdf,
        station=station.name,
        user_id=station.user_id,
        now=now,
    )
    audit.record(
        session,
        "handover.close",
        "handover_batch",
        batch.id,
        user_id=station.user_id,
        station=station.name,
        carrier=batch.carrier,
        packed=rec.packed,
        scanned=rec.scanned,
        courier=courier_count,
        missing=", ".join(m.tracking_number for m in rec.missing),
        by_choice=not rec.agrees,
    )
    return _batch_view(session, batch), job


def _batch_view(session: Session, batch: HandoverBatch) -> BatchView:
    count = session.scalar(
        select(func.count()).select_from(Shipment).where(Shipment.handover_batch_id == batch.id)
    )
    return BatchView(batch.id, batch.number, batch.carrier, count or 0, batch.status, batch.slot)
