"""Importing order records: idempotent by (channel, shop order id), customers matched by
phone or email, products by SKU or barcode, one transaction per chunk so a crash loses at most
one chunk. Every value was checked by the reader, so a chunk's inserts do not fail on data; an
order whose export changed is updated until it is released to the floor, and a conflict after."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.db import unit_of_work
from app.i18n import catalogue, word
from app.models.catalog import Product, ProductBarcode
from app.models.orders import (
    Address,
    Customer,
    CustomerEmail,
    CustomerPhone,
    Order,
    OrderLine,
    OrderStatus,
    PaymentStatus,
)
from app.services.intake.records import OrderRecord, RowError, RowFault, held_back

CHUNK = 2000
# once the warehouse has started on an order, a shop export may no longer change it
LOCKED = {
    OrderStatus.IN_WAVE,
    OrderStatus.PICKED,
    OrderStatus.PACKING,
    OrderStatus.PACKED,
    OrderStatus.SHIPPED,
    OrderStatus.DELIVERED,
    OrderStatus.RETURNED,
}
# allocated orders hold stock for their lines: from here on the lines are the warehouse's
RELEASED = LOCKED | {OrderStatus.ALLOCATED}
# PostgreSQL: chunks of concurrent imports take turns (as SQLite's BEGIN IMMEDIATE makes them),
# so each sees the customers and orders the other has just committed
IMPORT_LOCK = 0x50444B494D504F52  # "PDKIMPOR"
ID_BLOCK = 256  # sequence values fetched at a time
SUMMARY = "{created} created, {updated} updated, {skipped} skipped (unchanged), {rejected} rejected"
DRY_RUN = "DRY RUN, nothing written: "


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)

    def reject(self, error: RowError) -> None:
        self.rejected += 1
        self.errors.append(error)

    def summary(self, lang: str = "en") -> str:
        return _worded(SUMMARY, lang).format(created=self.created, updated=self.updated,
                                             skipped=self.skipped, rejected=self.rejected)

    @staticmethod
    def dry_run_prefix(lang: str = "en") -> str:
        return _worded(DRY_RUN, lang)

    def text(self, lang: str = "en") -> str:
        """The summary, then each refused row (``line 3: why``), in ``lang``."""
        lines = [self.summary(lang)]
        lines += [word(e, lang) for e in sorted(self.errors, key=lambda e: e.line)]
        return "\n".join(lines) + "\n"


def _worded(text: str, lang: str) -> str:
    """A report's own words in ``lang`` (context ImportReport of the intake catalogue)."""
    return catalogue(lang, "ImportReport").get(text, text)


def import_orders(
    factory: sessionmaker[Session],
    items: Iterable[OrderRecord | RowError],
    *,
    dry_run: bool = False,
    now: dt.datetime,
    progress: Callable[[int], None] = lambda _n: None,
) -> ImportReport:
    report = ImportReport()
    chunk: list[OrderRecord] = []
    done = 0
    with unit_of_work(factory) as s:
        products = _product_keys(s)
    for item in items:
        if isinstance(item, RowError):
            report.reject(item)
            continue
        chunk.append(item)
        if len(chunk) >= CHUNK:
            _chunk(factory, chunk, products, report, dry_run, now)
            done += len(chunk)
            progress(done)
            chunk = []
    if chunk:
        _chunk(factory, chunk, products, report, dry_run, now)
        progress(done + len(chunk))
    return report


def _product_keys(s: Session) -> dict[str, tuple[int, str, str]]:
    """SKU and every barcode -> (product id, sku, name)."""
    keys = {
        sku: (pid, sku, name) for pid, sku, name in s.execute(select(Product.id, Product.sku, Product.name))
    }
    by_id = {v[0]: v for v in keys.values()}
    for pid, code in s.execute(select(ProductBarcode.product_id, ProductBarcode.code)):
        keys[code] = by_id[pid]
        keys[code.zfill(14)] = by_id[pid]
    return keys


def _chunk(
    factory: sessionmaker[Session],
    records: list[OrderRecord],
    products: dict[str, tuple[int, str, str]],
    report: ImportReport,
    dry_run: bool,
    now: dt.datetime,
) -> None:
    with factory() as s:
        tx = s.begin()
        try:
            _apply(s, records, products, report, now)
        except BaseException:
            tx.rollback()
            raise
        if dry_run:
            tx.rollback()  # --dry-run: the report is real, the database unchanged
        else:
            tx.commit()


def _apply(
    s: Session,
    records: list[OrderRecord],
    products: dict[str, tuple[int, str, str]],
    report: ImportReport,
    now: dt.datetime,
) -> None:
    if s.get_bind().dialect.name == "postgresql":
        s.execute(select(func.pg_advisory_xact_lock(IMPORT_LOCK)))
    existing = {
        (o.channel.value, o.channel_ref): o
        for o in s.scalars(
            select(Order)
            .where(Order.channel_ref.in_([r.channel_ref for r in records]))
            .options(selectinload(Order.lines))
        )
    }
    phones = dict(
        s.execute(
            select(CustomerPhone.phone, CustomerPhone.customer_id).where(
                CustomerPhone.phone.in_([r.phone for r in records if r.phone])
            )
        ).all()
    )
    emails = dict(
        s.execute(
            select(CustomerEmail.email, CustomerEmail.customer_id).where(
                CustomerEmail.email.in_([r.email for r in records if r.email])
            )
        ).all()
    )
    # explicit ids, so a chunk's new rows go in as a few executemany statements (Core inserts)
    ids = _NextIds(s)
    rows = _NewRows()
    for rec in records:
        unknown = [line for line in rec.lines if line.sku not in products]
        if unknown:
            for line in unknown:
                unknown_sku = RowFault("unknown SKU/barcode {sku}", sku=line.sku)
                report.reject(RowError(line.line, held_back(rec.channel_ref, unknown_sku)))
            continue
        order = existing.get((rec.channel, rec.channel_ref))
        if order is None:
            customer_id = _customer(rows, rec, phones, emails, ids, now)
            _create(rows, rec, customer_id, ids, products, now)
            report.created += 1
        else:
            outcome = _update(s, order, rec, ids, products, now)
            if isinstance(outcome, RowError):
                report.reject(outcome)
            elif outcome:
                report.updated += 1
            else:
                report.skipped += 1
    rows.insert(s)


class _NextIds:
    """New primary keys: PostgreSQL's own sequences, so concurrent imports and later ORM inserts
    never collide; on SQLite the write lock (BEGIN IMMEDIATE) makes max(id) + 1 safe."""

    def __init__(self, s: Session) -> None:
        self._s = s
        self._sequences = s.get_bind().dialect.name == "postgresql"
        self._free: dict[type[Any], list[int]] = {m: [] for m in (Order, Customer, Address)}
        if not self._sequences:
            self._next = {m: (s.scalar(select(func.max(m.id))) or 0) + 1 for m in self._free}

    def take(self, model: type[Any]) -> int:
        if not self._sequences:
            value = self._next[model]
            self._next[model] += 1
            return value
        free = self._free[model]
        if not free:
            sequence = func.pg_get_serial_sequence(model.__tablename__, "id")
            block = select(func.nextval(sequence)).select_from(func.generate_series(1, ID_BLOCK))
            free.extend(sorted(self._s.scalars(block), reverse=True))
        return free.pop()


@dataclass
class _NewRows:
    customers: list[dict[str, Any]] = field(default_factory=list)
    phones: list[dict[str, Any]] = field(default_factory=list)
    emails: list[dict[str, Any]] = field(default_factory=list)
    addresses: list[dict[str, Any]] = field(default_factory=list)
    orders: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)

    def insert(self, s: Session) -> None:
        """In foreign-key order."""
        for model, batch in (
            (Customer, self.customers),
            (CustomerPhone, self.phones),
            (CustomerEmail, self.emails),
            (Address, self.addresses),
            (Order, self.orders),
            (OrderLine, self.lines),
        ):
            if batch:
                s.execute(insert(model), batch)


def _customer(
    rows: _NewRows,
    rec: OrderRecord,
    phones: dict[str, int],
    emails: dict[str, int],
    ids: _NextIds,
    now: dt.datetime,
) -> int:
    """The same phone or email is the same person (identity resolution); new contacts are added."""
    customer_id = phones.get(rec.phone) or emails.get(rec.email)
    if customer_id is None:
        customer_id = ids.take(Customer)
        rows.customers.append(
            {
                "id": customer_id,
                "name": rec.name,
                "created_at": now,
                "language": "zh_CN" if rec.country == "CN" else "en",
            }
        )
    if rec.phone and rec.phone not in phones:
        rows.phones.append({"customer_id": customer_id, "phone": rec.phone, "last4": rec.phone[-4:]})
        phones[rec.phone] = customer_id
    if rec.email and rec.email not in emails:
        rows.emails.append({"customer_id": customer_id, "email": rec.email})
        emails[rec.email] = customer_id
    return customer_id


def _address_row(rec: OrderRecord, customer_id: int, ids: _NextIds) -> dict[str, Any]:
    return {
        "id": ids.take(Address),
        "customer_id": customer_id,
        "recipient": rec.name,
        "phone": rec.phone,
        "country": rec.country,
        "province": rec.province,
        "city": rec.city,
        "district": rec.district,
        "street": rec.street,
        "postcode": rec.postcode,
    }


def _amounts(rec: OrderRecord) -> dict[str, Any]:
    total = rec.total
    return {
        "currency": rec.currency,
        "subtotal": rec.subtotal,
        "shipping_fee": rec.shipping_fee,
        "discount": rec.discount,
        "tax": (total - total / Decimal("1.13")).quantize(Decimal("0.01")),
        "total": total,
        "cod_amount": total if rec.payment_status == "cod" else None,
    }


def _line_rows(rec: OrderRecord, products: dict[str, tuple[int, str, str]]) -> list[dict[str, Any]]:
    out = []
    for n, line in enumerate(rec.lines, start=1):
        pid, sku, name = products[line.sku]
        out.append(
            {
                "line_no": n,
                "product_id": pid,
                "sku": sku,
                "name": name,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "tax_rate": line.tax_rate,
                "amount": line.unit_price * line.quantity,
            }
        )
    return out


def _create(
    rows: _NewRows,
    rec: OrderRecord,
    customer_id: int,
    ids: _NextIds,
    products: dict[str, tuple[int, str, str]],
    now: dt.datetime,
) -> None:
    address = _address_row(rec, customer_id, ids)
    rows.addresses.append(address)
    order_id = ids.take(Order)
    rows.orders.append(
        {
            "id": order_id,
            "number": f"PD{order_id:010d}",
            "channel": rec.channel,
            "channel_ref": rec.channel_ref,
            "customer_id": customer_id,
            "address_id": address["id"],
            "status": rec.status,
            "payment_status": rec.payment_status,
            **_amounts(rec),
            "placed_at": rec.placed_at,
            "updated_at": now,
            "version": 1,
        }
    )
    rows.lines += [{"order_id": order_id, **line} for line in _line_rows(rec, products)]


def _update(
    s: Session,
    order: Order,
    rec: OrderRecord,
    ids: _NextIds,
    products: dict[str, tuple[int, str, str]],
    now: dt.datetime,
) -> bool | RowError:
    """True when something changed, False when the export says nothing new."""
    address = s.get(Address, order.address_id) if order.address_id else None
    new_address = (
        rec.name,
        rec.phone,
        rec.country,
        rec.province,
        rec.city,
        rec.district,
        rec.street,
        rec.postcode,
    )
    old_address = (
        (
            address.recipient,
            address.phone,
            address.country,
            address.province,
            address.city,
            address.district,
            address.street,
            address.postcode,
        )
        if address
        else None
    )
    # what the shop sold: (sku, quantity, price, tax rate) per line, then the order's amounts
    new_lines = _line_rows(rec, products)
    new_contents = [(x["sku"], x["quantity"], x["unit_price"], x["tax_rate"]) for x in new_lines]
    old_contents = [(x.sku, x.quantity, x.unit_price, x.tax_rate) for x in order.lines]
    contents_changed = (new_contents, rec.currency, rec.shipping_fee, rec.discount) != (
        old_contents,
        order.currency,
        order.shipping_fee,
        order.discount,
    )
    status_changed = rec.status != "new" and rec.status != order.status.value
    payment_changed = rec.payment_status != order.payment_status.value
    address_changed = new_address != old_address
    if not (status_changed or payment_changed or address_changed or contents_changed):
        return False
    if contents_changed and order.status in RELEASED:
        return RowError(rec.line, RowFault(
            "conflict: order {order} is already {status} in the warehouse and this file has other lines "
            "or amounts for it: change it there, not by import",
            order=rec.channel_ref, status=order.status.value,
        ))
    if order.status in LOCKED and (address_changed or rec.status == "cancelled"):
        return RowError(rec.line, RowFault(
            "order {order} is already {status} in the warehouse: change it there, not by import",
            order=rec.channel_ref, status=order.status.value,
        ))
    if address_changed:
        replacement = Address(**_address_row(rec, order.customer_id, ids))
        s.add(replacement)
        s.flush()  # the address row must exist before the order points at it
        order.address_id = replacement.id
    if contents_changed:
        order.lines.clear()
        s.flush()  # the old lines go before the new ones take their line numbers
        order.lines.extend(OrderLine(**line) for line in new_lines)
        for name, value in _amounts(rec).items():
            setattr(order, name, value)
    if status_changed and order.status not in LOCKED:
        order.status = OrderStatus(rec.status)
    if payment_changed:
        order.payment_status = PaymentStatus(rec.payment_status)
        order.cod_amount = order.total if rec.payment_status == "cod" else None
    order.updated_at = now
    return True
