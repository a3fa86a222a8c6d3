"""Snapshots for the printed documents, read from the database by the numbers people use:
order number or tracking number for waybills, order number for invoices and packing slips,
wave number for pick lists, hand-over batch number for manifests.

Masking is decided here, so the documents print what they are given. Waybills carry the masked
name and phone on every size (a carrier that needs the full contact on its label is set with
``print.waybill.full_contact.<CARRIER>``); packing slips, which travel inside the box, carry the
masked name and phone and no street; invoices carry the buyer's name and address and a masked
phone unless ``print.invoice.mask_phone`` is off."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import NotFound
from app.models.catalog import Bin, Product, ProductBarcode, Warehouse
from app.models.fulfilment import HandoverBatch, PickTask, Shipment, ShipmentStatus, Tote, Wave
from app.models.orders import Address, Order, OrderLine
from app.privacy import mask_name, mask_phone
from app.services import settings
from app.services.carriers import NAMES
from app.timezone import local
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


def _order(session: Session, number: str) -> Order:
    order = session.scalar(select(Order).options(selectinload(Order.lines)).where(Order.number == number))
    if order is None:
        raise NotFound(f"No order {number}.")
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
    wh = session.get(Warehouse, warehouse_id) if warehouse_id else None
    if wh is None:
        return Party("PackDesk")
    return Party(f"PackDesk {wh.name}", "400-820-8820", wh.province, wh.city, "", f"{wh.name}发货区")


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
        raise NotFound(f"No shipment for {ref}: pack the order first.")
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
        raise NotFound(f"No wave {wave_number}.")
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
        raise NotFound(f"No hand-over batch {batch_number}.")
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
