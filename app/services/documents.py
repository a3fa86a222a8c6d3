"""Snapshots for the printed documents, read from the database by the numbers people use:
order number or tracking number for waybills, order number for invoices and packing slips,
wave number for pick lists, hand-over batch number for manifests.

Masking is decided here, so the documents print what they are given. Waybills carry the masked
name and phone on every size (a carrier that needs the full contact on its label is set with
``print.waybill.full_contact.<CARRIER>``); packing slips, which travel inside the box, carry the
masked name and phone and no street; invoices carry the buyer's name and address and a masked
phone unless ``print.invoice.mask_phone`` is off.

Labels (a user's badge, bin labels, product labels) are snapshot, rendered and queued in one step
by ``queue_labels``, like any other print job."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import DomainError, NotFound
from app.models.accounts import User
from app.models.catalog import BarcodeKind, Bin, Product, ProductBarcode, Warehouse, Zone
from app.models.fulfilment import HandoverBatch, PickTask, Shipment, ShipmentStatus, Tote, Wave
from app.models.orders import Address, Order, OrderLine
from app.permissions import require
from app.privacy import mask_name, mask_phone
from app.services import audit, masterdata, print_queue, settings, site
from app.services.carriers import NAMES
from app.timezone import local
from printing import labels
from printing.snapshots import (
    InvoiceLine,
    InvoiceSnapshot,
    ManifestParcel,
    ManifestSnapshot,
    Money,
    PackingSlipSnapshot,
    Party,
    PickLine,
    PickListSnapshot,
    WaybillSnapshot,
)

if TYPE_CHECKING:
    from app.context import CurrentUser

MAX_LABELS = 5000  # one job: a typo in a bin range is not a day of label stock
LABEL_KINDS = {"badge": "admin.users", "bins": "admin.master_data", "product": "stock.receive"}


def _order(session: Session, number: str) -> Order:
    order = session.scalar(select(Order).options(selectinload(Order.lines)).where(Order.number == number))
    if order is None:
        raise NotFound("No order {number}.", number=number)
    return order


def _party(address: Address | None, fallback_name: str, *, mask_contact: bool = False,
           mask_phone_only: bool = False, with_street: bool = True) -> Party:
    if address is None:
        return Party(fallback_name)
    masked = mask_contact or mask_phone_only
    return Party(
        mask_name(address.recipient) if mask_contact else address.recipient,
        mask_phone(address.phone) if masked and address.phone else address.phone,
        address.province,
        address.city,
        address.district,
        address.street if with_street else "",
        address.postcode,
        address.country,
    )


def _sender(session: Session, warehouse_id: int | None) -> Party:
    """The site's name and phone from `packdesk init` (or Setup), its return address where it has
    one (returns go there), else the shipping warehouse's place."""
    info = site.current(session)
    wh = session.get(Warehouse, warehouse_id) if warehouse_id else None
    name = " ".join(part for part in (info.name if info else "", wh.name if wh else "") if part)
    phone = info.phone if info else ""
    if info and info.return_address:
        return Party(name, phone, street=info.return_address)
    return Party(name, phone, wh.province if wh else "", wh.city if wh else "")


def _items(lines: list[OrderLine]) -> str:
    text = ", ".join(f"{line.name} x{line.quantity}" for line in lines[:3])
    return text + (f" 等{len(lines)}种" if len(lines) > 3 else "")


def waybill(session: Session, ref: str, now: dt.datetime, reprint: bool = False) -> WaybillSnapshot:
    """``ref`` is a tracking number or an order number (its newest shipment)."""
    shipment = session.scalar(select(Shipment).where(Shipment.tracking_number == ref))
    if shipment is None:
        order = session.scalar(select(Order).where(Order.number == ref))
        if order is not None:
            shipment = session.scalar(
                select(Shipment).where(Shipment.order_id == order.id).order_by(Shipment.id.desc()).limit(1)
            )
    if shipment is None:
        raise NotFound("No shipment for {ref}: pack the order first.", ref=ref)
    order = session.get(Order, shipment.order_id)
    assert order is not None
    address = session.get(Address, order.address_id) if order.address_id else None
    full_contact = settings.get(session, f"print.waybill.full_contact.{shipment.carrier}", False)
    return WaybillSnapshot(
        carrier=shipment.carrier,
        carrier_name=NAMES.get(shipment.carrier, shipment.carrier),
        service=shipment.service or order.service,
        tracking_number=shipment.tracking_number,
        sort_code=shipment.sort_code or "—",
        recipient=_party(address, "?", mask_contact=not full_contact),
        sender=_sender(session, order.warehouse_id),
        order_number=order.number,
        weight_g=shipment.weight_g or 0,
        pieces=shipment.pieces,
        cod=Money(order.cod_amount, order.currency) if order.cod_amount else None,
        declared_value=Money(order.declared_value, order.currency) if order.declared_value else None,
        items_summary=_items(order.lines),
        printed_at=local(now),
        reprint=reprint,
    )


def packed_waybills(session: Session, now: dt.datetime, limit: int = 5000) -> list[WaybillSnapshot]:
    """Every parcel packed and labelled but not yet handed over (a batch print)."""
    refs = session.scalars(
        select(Shipment.tracking_number)
        .where(Shipment.status == ShipmentStatus.LABEL_CREATED)
        .order_by(Shipment.id)
        .limit(limit)
    ).all()
    return [waybill(session, ref, now) for ref in refs]


def _lines(order: Order) -> tuple[InvoiceLine, ...]:
    return tuple(
        InvoiceLine(line.sku, line.name, line.quantity, line.unit_price, line.tax_rate)
        for line in order.lines
    )


def invoice(session: Session, order_number: str, now: dt.datetime) -> InvoiceSnapshot:
    order = _order(session, order_number)
    address = session.get(Address, order.address_id) if order.address_id else None
    seller = _sender(session, order.warehouse_id)
    seller = Party(
        seller.name,
        seller.phone,
        seller.province,
        seller.city,
        "",
        seller.street,
        company="PackDesk 电子商务有限公司",
        tax_id="91310000MA1FL00000",
    )
    return InvoiceSnapshot(
        invoice_number=f"INV-{order.number[2:]}",
        order_number=order.number,
        issued_at=local(now),
        seller=seller,
        buyer=_party(address, "?", mask_phone_only=settings.get(session, "print.invoice.mask_phone", True)),
        lines=_lines(order),
        currency=order.currency,
        shipping_fee=order.shipping_fee,
        discount=order.discount,
    )


def packing_slip(session: Session, order_number: str) -> PackingSlipSnapshot:
    order = _order(session, order_number)
    address = session.get(Address, order.address_id) if order.address_id else None
    # the slip travels inside the box: whoever opens it needs no one's phone or street
    recipient = _party(address, "?", mask_contact=True, with_street=False)
    return PackingSlipSnapshot(order.number, local(order.placed_at), recipient, _lines(order), order.note)


def pick_list(session: Session, wave_number: str, picker: str = "") -> PickListSnapshot:
    wave = session.scalar(select(Wave).where(Wave.number == wave_number))
    if wave is None:
        raise NotFound("No wave {number}.", number=wave_number)
    rows = session.execute(
        select(PickTask, Bin.code, Product.sku, Product.name, Tote.code, Order.number)
        .join(Bin, Bin.id == PickTask.bin_id)
        .join(Product, Product.id == PickTask.product_id)
        .join(OrderLine, OrderLine.id == PickTask.order_line_id)
        .join(Order, Order.id == OrderLine.order_id)
        .outerjoin(Tote, Tote.id == PickTask.tote_id)
        .where(PickTask.wave_id == wave.id)
        .order_by(PickTask.sequence)
    ).all()
    barcodes = dict(
        session.execute(
            select(ProductBarcode.product_id, ProductBarcode.code).where(ProductBarcode.kind == "ean13")
        ).all()
    )
    return PickListSnapshot(
        wave.number,
        picker,
        tuple(
            PickLine(
                bin_code, sku, name, task.quantity, barcodes.get(task.product_id, sku), tote or "", number
            )
            for task, bin_code, sku, name, tote, number in rows
        ),
        local(wave.created_at),
    )


def manifest(session: Session, batch_number: str) -> ManifestSnapshot:
    batch = session.scalar(select(HandoverBatch).where(HandoverBatch.number == batch_number))
    if batch is None:
        raise NotFound("No hand-over batch {number}.", number=batch_number)
    rows = session.execute(
        select(Shipment, Order.number, Address.city)
        .join(Order, Order.id == Shipment.order_id)
        .outerjoin(Address, Address.id == Order.address_id)
        .where(Shipment.handover_batch_id == batch.id)
        .order_by(Shipment.id)
    ).all()
    return ManifestSnapshot(
        batch.number,
        batch.carrier,
        NAMES.get(batch.carrier, batch.carrier),
        "PackDesk",
        tuple(
            ManifestParcel(s.tracking_number, number, s.weight_g or 0, city or "") for s, number, city in rows
        ),
        local(batch.created_at),
    )


# -- labels ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LabelJob:
    document: str  # badge-label, bin-labels, product-label
    reference: str
    labels: int  # distinct labels in the job (each printed ``copies`` times)
    queued: print_queue.Queued


def badge_labels(session: Session, username: str) -> list[labels.BadgeLabel]:
    u = session.scalar(select(User).where(User.username == username.strip()))
    if u is None:
        raise NotFound("No user {name}.", name=username)
    if not u.badge_code:
        raise DomainError("{name} has no badge code: give one with packdesk users badge.", name=u.username)
    return [labels.BadgeLabel(u.display_name or u.username, u.username, u.role.value, u.badge_code)]


def bin_labels(session: Session, warehouse: str, first: str = "", last: str = "") -> list[labels.BinLabel]:
    """The warehouse's bins from ``first`` to ``last`` (natural order, both included; empty: all)."""
    rows = masterdata.bins(session, warehouse)
    code = warehouse.strip().upper()
    zones = dict(session.execute(select(Zone.code, Zone.name).where(
        Zone.warehouse_id == masterdata.warehouse_id(session, code))).all())
    known = [b.code for b in rows]
    for end in (first, last):
        if end and end.strip().upper() not in known:
            raise NotFound("No bin {bin} in warehouse {warehouse}.", bin=end, warehouse=code)
    start = known.index(first.strip().upper()) if first else 0
    stop = known.index(last.strip().upper()) + 1 if last else len(known)
    if start >= stop:
        raise DomainError("The range {first} .. {last} ends before it starts.", first=first, last=last)
    return [labels.BinLabel(b.code, zones.get(b.zone) or b.zone, code) for b in rows[start:stop]]


def product_labels(session: Session, ref: str) -> list[labels.ProductLabel]:
    """``ref`` is a SKU or one of its barcodes; the label carries its EAN-13 if it has one."""
    key = ref.strip()
    product = session.scalar(select(Product).where(Product.sku == key)) or session.scalar(
        select(Product).join(ProductBarcode).where(ProductBarcode.code == key))
    if product is None:
        raise NotFound("No product {sku}.", sku=ref)
    codes = session.execute(select(ProductBarcode.code, ProductBarcode.kind)
                            .where(ProductBarcode.product_id == product.id).order_by(ProductBarcode.id)).all()
    ean = next((c for c, kind in codes if kind == BarcodeKind.EAN13), None)
    code = ean or (codes[0][0] if codes else product.sku)
    return [labels.ProductLabel(product.sku, product.name, product.name_en, code, ean13=ean is not None)]


def queue_labels(session: Session, user: CurrentUser | None, kind: str, ref: str, *, printer: str, fmt: str,
                 now: dt.datetime, station: str = "", copies: int = 1, first: str = "", last: str = "",
                 dpi: int = 203) -> LabelJob:
    """Snapshot the labels of ``kind`` (badge: a user name; bins: a warehouse, optionally a range;
    product: a SKU or barcode), render them for the printer's format and queue one job."""
    if kind not in LABEL_KINDS:
        raise DomainError("No label kind {kind}; kinds: {kinds}.", kind=kind, kinds=", ".join(LABEL_KINDS))
    actor = require(user, LABEL_KINDS[kind])
    if not 1 <= copies <= 100:
        raise DomainError("Copies must be between 1 and 100, not {copies}.", copies=copies)
    snaps: Sequence[labels.Label]
    if kind == "badge":
        snaps, document, reference = badge_labels(session, ref), "badge-label", ref.strip()
    elif kind == "bins":
        bins = bin_labels(session, ref, first, last)
        if not bins:
            raise NotFound("Warehouse {warehouse} has no bins to label.", warehouse=ref)
        snaps, document = bins, "bin-labels"
        reference = f"{ref.strip().upper()}:{bins[0].bin_code}..{bins[-1].bin_code}"
    else:
        snaps, document, reference = product_labels(session, ref), "product-label", ref.strip()
    if len(snaps) * copies > MAX_LABELS:
        raise DomainError("{count} labels in one job; at most {most}: print a shorter range.",
                          count=len(snaps) * copies, most=MAX_LABELS)
    payload = labels.render(snaps, fmt, copies, dpi)
    queued = print_queue.request(session, document, reference, printer, fmt, payload, station=station,
                                 user_id=actor.id, now=now)
    audit.record(session, "label.print", document, reference, user_id=actor.id, station=station or None,
                 printer=printer, labels=len(snaps), copies=copies, job=queued.job_id)
    return LabelJob(document, reference, len(snaps), queued)
