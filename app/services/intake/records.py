"""Reading import files into validated records; a bad row becomes a RowError, never a crash.

Formats: ``packdesk-csv`` (one row per order line, order fields repeated), ``packdesk-json``
(a list of orders with nested lines) and ``shopify-csv`` (Shopify's orders export: one row per
line item, order fields on the first row of each order). See docs/import-formats.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

CHANNELS = {"tmall", "jd", "douyin", "pinduoduo", "shopify", "own_site"}
STATUSES = {"new", "cancelled", "shipped", "delivered", "returned"}
PAYMENTS = {"pending", "paid", "cod", "refunded", "partially_refunded", "failed"}
CN_MOBILE = re.compile(r"^1[3-9]\d{9}$")
POSTCODE = {"CN": re.compile(r"^\d{6}$"), "US": re.compile(r"^\d{5}(-\d{4})?$")}


@dataclass(frozen=True)
class RowError:
    line: int  # line number in the file (1 = first line)
    reason: str


@dataclass
class LineRecord:
    sku: str
    quantity: int
    unit_price: Decimal
    tax_rate: Decimal = Decimal("0.13")


@dataclass
class OrderRecord:
    line: int  # file line of the order's first row
    channel: str
    channel_ref: str
    status: str
    payment_status: str
    currency: str
    placed_at: dt.datetime
    name: str
    phone: str
    email: str
    country: str
    province: str
    city: str
    district: str
    street: str
    postcode: str
    shipping_fee: Decimal = Decimal(0)
    discount: Decimal = Decimal(0)
    lines: list[LineRecord] = field(default_factory=list)


def normalise_phone(raw: str) -> str:
    """Digits only; Chinese mobiles lose their +86 / 0086 prefix (stored as 11 national digits)."""
    digits = re.sub(r"\D", "", raw or "")
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and CN_MOBILE.match(digits[len(prefix) :]):
            return digits[len(prefix) :]
    return digits


def money(raw: str, what: str) -> Decimal:
    try:
        value = Decimal(str(raw).strip() or "0")
    except InvalidOperation:
        raise ValueError(f"{what} is not an amount: {raw!r}") from None
    if value < 0 or value != value.quantize(Decimal("0.01")):
        raise ValueError(f"{what} must be a non-negative amount with at most 2 decimals: {raw!r}")
    return value


def quantity(raw: str) -> int:
    text = str(raw).strip()
    if not text.isdigit() or int(text) <= 0:
        raise ValueError(f"quantity must be a whole number above 0: {raw!r}")
    return int(text)


def timestamp(raw: str) -> dt.datetime:
    text = str(raw).strip().replace("Z", "+00:00")
    try:
        value = dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        value = None
    if value is None:
        # Shopify writes "2026-11-20 10:15:02 +0800"
        try:
            value = dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z")
        except ValueError:
            raise ValueError(f"not a date and time: {raw!r}") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))  # shop back offices: CST
    return value.astimezone(dt.UTC)


def check_contact(rec: OrderRecord) -> None:
    if not rec.name.strip():
        raise ValueError("recipient name is missing")
    if not rec.phone and not rec.email:
        raise ValueError("a phone number or an email is required")
    if rec.country == "CN" and rec.phone and not CN_MOBILE.match(rec.phone) and len(rec.phone) < 7:
        raise ValueError(f"phone number looks wrong: {rec.phone!r}")
    if rec.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", rec.email):
        raise ValueError(f"email looks wrong: {rec.email!r}")
    pattern = POSTCODE.get(rec.country)
    if rec.postcode and pattern and not pattern.match(rec.postcode):
        raise ValueError(f"postcode {rec.postcode!r} does not fit {rec.country}")
    if not rec.street.strip() or not rec.city.strip():
        raise ValueError("the address needs at least a city and a street")
    seen = set()
    for line in rec.lines:
        if line.sku in seen:
            raise ValueError(f"duplicate line for SKU {line.sku}")
        seen.add(line.sku)
    if not rec.lines:
        raise ValueError("the order has no lines")


def csv_rows(text: str) -> Iterator[tuple[int, dict[str, str]] | RowError]:
    """(file line, row) pairs; a file that is not CSV at all ends in one RowError."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            yield reader.line_num, {k: v for k, v in row.items() if k is not None}
    except csv.Error as exc:
        yield RowError(reader.line_num, f"not a valid CSV file: {exc}")


def _packdesk_row_order(row: dict[str, str], line: int) -> OrderRecord:
    channel = row.get("channel", "").strip().lower()
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {row.get('channel')!r} (one of {', '.join(sorted(CHANNELS))})")
    ref = row.get("order_ref", "").strip()
    if not ref:
        raise ValueError("order_ref is missing")
    status = (row.get("status") or "new").strip().lower()
    payment = (row.get("payment_status") or "paid").strip().lower()
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    if payment not in PAYMENTS:
        raise ValueError(f"unknown payment status {payment!r}")
    return OrderRecord(
        line=line,
        channel=channel,
        channel_ref=ref,
        status=status,
        payment_status=payment,
        currency=(row.get("currency") or "CNY").strip().upper(),
        placed_at=timestamp(row.get("placed_at", "")),
        name=row.get("name", "").strip(),
        phone=normalise_phone(row.get("phone", "")),
        email=row.get("email", "").strip().lower(),
        country=(row.get("country") or "CN").strip().upper(),
        province=row.get("province", "").strip(),
        city=row.get("city", "").strip(),
        district=row.get("district", "").strip(),
        street=row.get("street", "").strip(),
        postcode=row.get("postcode", "").strip(),
        shipping_fee=money(row.get("shipping_fee", ""), "shipping_fee"),
        discount=money(row.get("discount", ""), "discount"),
    )


def _line(row: dict[str, Any], sku_key: str, qty_key: str, price_key: str) -> LineRecord:
    sku = str(row.get(sku_key) or "").strip()
    if not sku:
        raise ValueError(f"{sku_key} is missing")
    tax = str(row.get("tax_rate") or "0.13")
    return LineRecord(
        sku, quantity(str(row.get(qty_key, ""))), money(str(row.get(price_key, "")), price_key), Decimal(tax)
    )


def read_packdesk_csv(text: str) -> Iterator[OrderRecord | RowError]:
    """Rows of one order are consecutive and share channel + order_ref."""
    current: OrderRecord | None = None
    bad_ref: tuple[str, str] | None = None
    for item in csv_rows(text):
        if isinstance(item, RowError):
            if current is not None:  # the rows before the break are good
                yield from _finished(current)
            yield item
            return
        line, row = item
        key = (row.get("channel", "").strip().lower(), row.get("order_ref", "").strip())
        if bad_ref == key:
            yield RowError(line, f"skipped: order {key[1]} already rejected above")
            continue
        try:
            if current is None or (current.channel, current.channel_ref) != key:
                if current is not None:
                    yield from _finished(current)
                current = _packdesk_row_order(row, line)
            current.lines.append(_line(row, "sku", "quantity", "unit_price"))
        except (ValueError, InvalidOperation) as exc:
            yield RowError(line, str(exc))
            bad_ref, current = key, None
    if current is not None:
        yield from _finished(current)


def _finished(rec: OrderRecord) -> Iterator[OrderRecord | RowError]:
    try:
        check_contact(rec)
    except ValueError as exc:
        yield RowError(rec.line, f"order {rec.channel_ref}: {exc}")
        return
    yield rec


def read_packdesk_json(text: str) -> Iterator[OrderRecord | RowError]:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        yield RowError(exc.lineno, f"not valid JSON: {exc.msg}")
        return
    orders = data.get("orders") if isinstance(data, dict) else data
    if not isinstance(orders, list):
        yield RowError(1, 'expected a list of orders (or {"orders": [...]})')
        return
    for i, order in enumerate(orders, start=1):
        try:
            if not isinstance(order, dict):
                raise ValueError("an order must be an object")
            flat = {
                k: "" if v is None else str(v) for k, v in order.items() if not isinstance(v, dict | list)
            }
            address = order.get("address") or {}
            flat.update({k: str(v) for k, v in address.items()})
            rec = _packdesk_row_order(flat, i)
            for line in order.get("lines") or []:
                rec.lines.append(_line(line, "sku", "quantity", "unit_price"))
        except (ValueError, InvalidOperation, AttributeError, TypeError) as exc:
            yield RowError(i, f"order #{i}: {exc}")
            continue
        yield from _finished(rec)


SHOPIFY_STATUS = {
    "paid": "paid",
    "pending": "pending",
    "refunded": "refunded",
    "partially_refunded": "partially_refunded",
    "authorized": "pending",
    "voided": "failed",
}


def read_shopify_csv(text: str) -> Iterator[OrderRecord | RowError]:
    """Shopify's orders export: order fields on the first row of each order (``Name`` = #1001)."""
    current: OrderRecord | None = None
    for item in csv_rows(text):
        if isinstance(item, RowError):
            if current is not None:  # the rows before the break are good
                yield from _finished(current)
            yield item
            return
        line, row = item
        name = (row.get("Name") or "").strip()
        try:
            if current is None or current.channel_ref != name:
                if current is not None:
                    yield from _finished(current)
                current = None
                if not name:
                    raise ValueError("Name (the order number) is missing")
                financial = (row.get("Financial Status") or "pending").strip().lower()
                cancelled = bool((row.get("Cancelled at") or "").strip())
                fulfilled = (row.get("Fulfillment Status") or "").strip().lower() == "fulfilled"
                country = (row.get("Shipping Country") or "US").strip().upper()
                current = OrderRecord(
                    line=line,
                    channel="shopify",
                    channel_ref=name,
                    status="cancelled" if cancelled else "shipped" if fulfilled else "new",
                    payment_status=SHOPIFY_STATUS.get(financial, "pending"),
                    currency=(row.get("Currency") or "USD").strip().upper(),
                    placed_at=timestamp(row.get("Created at") or row.get("Paid at") or ""),
                    name=(row.get("Shipping Name") or row.get("Billing Name") or "").strip(),
                    phone=normalise_phone(row.get("Shipping Phone") or row.get("Phone") or ""),
                    email=(row.get("Email") or "").strip().lower(),
                    country=country,
                    province=(row.get("Shipping Province") or "").strip(),
                    city=(row.get("Shipping City") or "").strip(),
                    district="",
                    street=" ".join(
                        x
                        for x in (
                            (row.get("Shipping Address1") or "").strip(),
                            (row.get("Shipping Address2") or "").strip(),
                        )
                        if x
                    ),
                    postcode=(row.get("Shipping Zip") or "").strip().lstrip("'"),
                    shipping_fee=money(row.get("Shipping") or "0", "Shipping"),
                    discount=money(row.get("Discount Amount") or "0", "Discount Amount"),
                )
            current.lines.append(_line(row, "Lineitem sku", "Lineitem quantity", "Lineitem price"))
        except (ValueError, InvalidOperation) as exc:
            yield RowError(line, str(exc))
    if current is not None:
        yield from _finished(current)


READERS = {
    "packdesk-csv": read_packdesk_csv,
    "packdesk-json": read_packdesk_json,
    "shopify-csv": read_shopify_csv,
}


def guess_format(name: str, head: str) -> str:
    if name.endswith(".json"):
        return "packdesk-json"
    return (
        "shopify-csv"
        if head.startswith("Name,") or "Lineitem sku" in head.splitlines()[0]
        else "packdesk-csv"
    )


def read(text: str, fmt: str) -> Iterable[OrderRecord | RowError]:
    return READERS[fmt](text)
