"""Reading import files into validated records; a bad row becomes a RowError, never a crash.

Formats: ``packdesk-csv`` (one row per order line, order fields repeated), ``packdesk-json``
(a list of orders with nested lines) and ``shopify-csv`` (Shopify's orders export: one row per
line item, order fields on the first row of each order). See docs/import-formats.md.

An order is read whole or not at all: when any of its rows is bad, every bad row is reported
with its file line and the order is held back. Every value is range- and length-checked here,
so what reaches the database always fits its columns. Each reason is a worded error (template and
parameters) that the dialog and the CLI word in the user's language. Standard library and
``app.errors`` only (the CLI imports this module at start-up).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from app.errors import DomainError

CHANNELS = {"tmall", "jd", "douyin", "pinduoduo", "shopify", "own_site"}
STATUSES = {"new", "cancelled", "shipped", "delivered", "returned"}
PAYMENTS = {"pending", "paid", "cod", "refunded", "partially_refunded", "failed"}
CN_MOBILE = re.compile(r"^1[3-9]\d{9}$")
POSTCODE = {"CN": re.compile(r"^\d{6}$"), "US": re.compile(r"^\d{5}(-\d{4})?$")}
CENT = Decimal("0.01")
# the columns' own limits (app/models/orders.py; tests/app/services/intake/test_records.py keeps them equal)
MAX_MONEY = Decimal("999999999999.99")  # Numeric(14, 2)
MAX_QUANTITY = 1_000_000  # far inside a 32-bit INTEGER
MAX_LENGTH = {
    "channel_ref": 64,
    "name": 120,
    "phone": 32,
    "email": 254,
    "province": 32,
    "city": 64,
    "district": 64,
    "street": 300,
    "postcode": 16,
    "sku": 64,
}
_WHOLE = re.compile(r"[0-9]{1,9}")
_LETTERS = {2: re.compile("[A-Z]{2}"), 3: re.compile("[A-Z]{3}")}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # what no name or address holds


class RowFault(DomainError):
    """What is wrong with a cell, a row, an order or the file itself."""


@dataclass(frozen=True)
class RowError:
    """A refused row: its file line and why; worded as a whole it reads ``line 3: why``."""

    line: int  # line number in the file (1 = first line)
    error: DomainError

    @property
    def reason(self) -> str:
        return self.error.message

    @property
    def template(self) -> str:
        return "line {line}: {reason}"

    @property
    def params(self) -> dict[str, object]:
        return {"line": self.line, "reason": self.error}

    @property
    def message(self) -> str:
        return self.template.format(line=self.line, reason=self.reason)


@dataclass
class LineRecord:
    sku: str
    quantity: int
    unit_price: Decimal
    tax_rate: Decimal = Decimal("0.13")
    line: int = 0  # file line of this row


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

    @property
    def subtotal(self) -> Decimal:
        return sum((line.unit_price * line.quantity for line in self.lines), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.shipping_fee - self.discount


def show(raw: object) -> str:
    """A cell as a message quotes it: a 5000-character cell must not make a 5000-character line."""
    text = repr(str(raw))
    return text if len(text) <= 42 else text[:40] + "…'"


def normalise_phone(raw: str) -> str:
    """Digits only (full-width digits too); Chinese mobiles lose their +86 / 0086 prefix."""
    digits = "".join(c for c in str(raw or "") if c.isdecimal())
    if not digits.isascii():
        digits = "".join(str(int(c)) for c in digits)
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and CN_MOBILE.match(digits[len(prefix) :]):
            return digits[len(prefix) :]
    return digits


def text_field(raw: object, what: str, limit: str | int | None = None) -> str:
    """Trimmed, inner whitespace (line breaks too) as single spaces, within the column's length."""
    value = " ".join(str(raw or "").split())
    bad = None if value.isprintable() else _CONTROL.search(value)
    if bad:
        raise RowFault("{what} contains a control character (U+{char})", what=what,
                       char=f"{ord(bad.group()):04X}")
    size = MAX_LENGTH[limit or what] if not isinstance(limit, int) else limit
    if len(value) > size:
        raise RowFault("{what} is longer than {size} characters ({length}): {value}", what=what, size=size,
                       length=len(value), value=show(value))
    return value


def _decimal(raw: object, what: str) -> Decimal:
    text = str(raw).strip()
    try:
        value = Decimal(text or "0")
    except InvalidOperation:
        raise RowFault("{what} is not an amount: {value}", what=what, value=show(raw)) from None
    if not value.is_finite():
        raise RowFault("{what} is not an amount: {value}", what=what, value=show(raw))
    return value


def money(raw: object, what: str) -> Decimal:
    value = _decimal(raw, what)
    if value < 0:
        raise RowFault("{what} must not be negative: {value}", what=what, value=show(raw))
    if value > MAX_MONEY:
        raise RowFault("{what} is too large (at most {limit}): {value}", what=what, limit=str(MAX_MONEY),
                       value=show(raw))
    if value != value.quantize(CENT):
        raise RowFault("{what} must be a non-negative amount with at most 2 decimals: {value}", what=what,
                       value=show(raw))
    return value


def tax_rate(raw: object, what: str = "tax_rate") -> Decimal:
    text = str(raw).strip()
    value = _decimal(text or "0.13", what)
    if not 0 <= value < 1 or value != value.quantize(Decimal("0.0001")):
        raise RowFault("{what} must be a rate from 0 to below 1 with at most 4 decimals: {value}", what=what,
                       value=show(raw))
    return value


def quantity(raw: object, what: str = "quantity") -> int:
    text = str(raw).strip()
    if not _WHOLE.fullmatch(text) or not 0 < int(text) <= MAX_QUANTITY:
        raise RowFault("{what} must be a whole number from 1 to {limit}: {value}", what=what,
                       limit=f"{MAX_QUANTITY:,}", value=show(raw))
    return int(text)


def timestamp(raw: object) -> dt.datetime:
    text = str(raw).strip().replace("Z", "+00:00")
    try:
        value = dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        value = None
    try:
        if value is None:
            # Shopify writes "2026-11-20 10:15:02 +0800"
            value = dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z")
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))  # shop back offices: CST
        return value.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        raise RowFault("not a date and time: {value}", value=show(raw)) from None


def _code(raw: object, what: str, size: int, default: str) -> str:
    value = str(raw or "").strip().upper() or default
    if not _LETTERS[size].fullmatch(value):
        raise RowFault("{what} must be {size} letters: {value}", what=what, size=size, value=show(raw))
    return value


def check_order(rec: OrderRecord) -> list[RowError]:
    """What makes a whole order unfit, each at the line that shows it."""
    out = []

    def fail(error: RowFault, line: int = rec.line) -> None:
        out.append(RowError(line, error))

    if not rec.name:
        fail(RowFault("recipient name is missing"))
    if not rec.phone and not rec.email:
        fail(RowFault("a phone number or an email is required"))
    if rec.country == "CN" and rec.phone and not CN_MOBILE.match(rec.phone) and len(rec.phone) < 7:
        fail(RowFault("phone number looks wrong: {phone}", phone=show(rec.phone)))
    if rec.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", rec.email):
        fail(RowFault("email looks wrong: {email}", email=show(rec.email)))
    pattern = POSTCODE.get(rec.country)
    if rec.postcode and pattern and not pattern.match(rec.postcode):
        fail(RowFault("postcode {postcode} does not fit {country}", postcode=show(rec.postcode),
                      country=rec.country))
    if not rec.street or not rec.city:
        fail(RowFault("the address needs at least a city and a street"))
    seen = set()
    for line in rec.lines:
        if line.sku in seen:
            fail(RowFault("duplicate line for SKU {sku}", sku=line.sku), line.line)
        seen.add(line.sku)
        if line.unit_price * line.quantity > MAX_MONEY:
            fail(RowFault("line amount {amount} is too large", amount=str(line.unit_price * line.quantity)),
                 line.line)
    if not rec.lines:
        fail(RowFault("the order has no lines"))
    elif out:
        pass  # the order's amounts follow from lines already refused
    elif (amount := rec.subtotal + rec.shipping_fee) > MAX_MONEY:
        fail(RowFault("order amount {amount} is too large", amount=str(amount)))
    elif amount < rec.discount:
        fail(RowFault("discount {discount} is more than the order's amount {amount}",
                      discount=str(rec.discount), amount=str(amount)))
    return out


def csv_rows(text: str) -> Iterator[tuple[int, dict[str, str]] | RowError]:
    """(file line, row) pairs; short rows read as empty cells, a row the csv module refuses is one
    RowError and reading goes on."""
    if not text.strip():
        yield RowError(1, RowFault("the file is empty"))
        return
    # the whole file is in memory already, so no field can be larger than it; the default
    # limit (128 KiB) made a long Shopify note cost every row after it
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.DictReader(io.StringIO(text, newline=""), restval="")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RowError(reader.line_num, RowFault("not a valid CSV row: {reason}", reason=str(exc)))
            continue
        yield reader.line_num, {k: v or "" for k, v in row.items() if k is not None}


def _header(rows: Iterator[tuple[int, dict[str, str]] | RowError], fmt: str, required: tuple[str, ...]):
    """The rows, or one RowError when the header lacks a column the format needs."""
    first = next(rows, None)
    if first is None:
        return
    if not isinstance(first, RowError):
        missing = [c for c in required if c not in first[1]]
        if missing:
            yield RowError(1, RowFault("not a {fmt} file: the header has no {columns} column", fmt=fmt,
                                       columns=", ".join(missing)))
            return
    yield first
    yield from rows


Row = dict[str, Any]


def _orders(
    rows: Iterable[tuple[int, Row] | RowError],
    key: Callable[[Row], tuple[str, str]],
    head: Callable[[Row, int], OrderRecord],
    line: Callable[[Row], LineRecord],
) -> Iterator[OrderRecord | RowError]:
    """Rows grouped into orders by key (in order of first appearance), each order whole or held back."""
    groups: dict[tuple[str, str], list[tuple[int, Row]]] = {}
    for item in rows:
        if isinstance(item, RowError):
            yield item
        else:
            groups.setdefault(key(item[1]), []).append(item)
    for (_channel, ref), group in groups.items():
        first_line, first_row = group[0]
        errors = []
        rec = None
        try:
            rec = head(first_row, first_line)
        except RowFault as exc:
            errors.append(RowError(first_line, exc))
        for n, row in group:
            try:
                rec_line = line(row)
            except RowFault as exc:
                errors.append(RowError(n, exc))
                continue
            rec_line.line = n
            if rec is not None:
                rec.lines.append(rec_line)
        yield from _whole(rec, errors, partial(held_back, ref) if ref else None)


def held_back(ref: str, why: DomainError) -> RowFault:
    """Why an order of the file was not imported, the order named."""
    return RowFault("order {order} held back: {reason}", order=_ref_label(ref), reason=why)


def _nth_held_back(n: int, why: DomainError) -> RowFault:
    return RowFault("order #{n} held back: {reason}", n=n, reason=why)


def _ref_label(ref: str) -> str:
    try:
        return text_field(ref, "order", "channel_ref")
    except RowFault:
        return show(ref)


def _whole(
    rec: OrderRecord | None, errors: list[RowError], name: Callable[[DomainError], RowFault] | None
) -> Iterator[OrderRecord | RowError]:
    """The order when nothing is wrong with it, else every error, the order named in each."""
    if rec is not None and not errors:
        errors = check_order(rec)
    if rec is not None and not errors:
        yield rec
        return
    for error in errors:
        yield RowError(error.line, name(error.error) if name else error.error)


def _order_fields(row: Row, line: int) -> OrderRecord:
    channel = str(row.get("channel") or "").strip().lower()
    if channel not in CHANNELS:
        raise RowFault("unknown channel {channel} (one of {channels})", channel=show(row.get("channel")),
                       channels=", ".join(sorted(CHANNELS)))
    ref = text_field(row.get("order_ref"), "order_ref", "channel_ref")
    if not ref:
        raise RowFault("{what} is missing", what="order_ref")
    status = str(row.get("status") or "new").strip().lower()
    payment = str(row.get("payment_status") or "paid").strip().lower()
    if status not in STATUSES:
        raise RowFault("unknown status {status}", status=show(status))
    if payment not in PAYMENTS:
        raise RowFault("unknown payment status {status}", status=show(payment))
    return OrderRecord(
        line=line,
        channel=channel,
        channel_ref=ref,
        status=status,
        payment_status=payment,
        currency=_code(row.get("currency"), "currency", 3, "CNY"),
        placed_at=timestamp(row.get("placed_at", "")),
        name=text_field(row.get("name"), "name"),
        phone=text_field(normalise_phone(row.get("phone", "")), "phone"),
        email=text_field(row.get("email"), "email").lower(),
        country=_code(row.get("country"), "country", 2, "CN"),
        province=text_field(row.get("province"), "province"),
        city=text_field(row.get("city"), "city"),
        district=text_field(row.get("district"), "district"),
        street=text_field(row.get("street"), "street"),
        postcode=text_field(row.get("postcode"), "postcode"),
        shipping_fee=money(row.get("shipping_fee", ""), "shipping_fee"),
        discount=money(row.get("discount", ""), "discount"),
    )


def _line(row: Row, sku_key: str, qty_key: str, price_key: str) -> LineRecord:
    sku = text_field(row.get(sku_key), sku_key, "sku")
    if not sku:
        raise RowFault("{what} is missing", what=sku_key)
    return LineRecord(
        sku,
        quantity(row.get(qty_key, ""), qty_key),
        money(row.get(price_key, ""), price_key),
        tax_rate(row.get("tax_rate") or ""),
    )


def _packdesk_key(row: Row) -> tuple[str, str]:
    return str(row.get("channel") or "").strip().lower(), str(row.get("order_ref") or "").strip()


def read_packdesk_csv(text: str) -> Iterator[OrderRecord | RowError]:
    """The rows of one order share channel + order_ref."""
    required = ("channel", "order_ref", "sku", "quantity", "unit_price")
    rows = _header(csv_rows(text), "packdesk-csv", required)
    yield from _orders(rows, _packdesk_key, _order_fields, _packdesk_line)


def _packdesk_line(row: Row) -> LineRecord:
    return _line(row, "sku", "quantity", "unit_price")


def _json_order(order: Any) -> Row:
    if not isinstance(order, dict):
        raise RowFault("an order must be an object")
    address = order.get("address") or {}
    lines = order.get("lines") or []
    if not isinstance(address, dict):
        raise RowFault("address must be an object")
    if not isinstance(lines, list) or not all(isinstance(x, dict) for x in lines):
        raise RowFault("lines must be a list of objects")
    return {
        k: "" if v is None else str(v)
        for k, v in [*order.items(), *address.items()]
        if not isinstance(v, dict | list)
    }


def read_packdesk_json(text: str) -> Iterator[OrderRecord | RowError]:
    """Line numbers are the order's position in the list (1 = first order)."""
    if not text.strip():
        yield RowError(1, RowFault("the file is empty"))
        return
    try:
        # integers as decimals too: a 5000-digit number is refused as a value, not a parse failure
        data = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as exc:
        yield RowError(exc.lineno, not_json(exc))
        return
    except (RecursionError, ValueError):
        yield RowError(1, RowFault("not valid JSON: nested too deeply or a number too long"))
        return
    orders = data.get("orders") if isinstance(data, dict) else data
    if not isinstance(orders, list):
        yield RowError(1, RowFault("expected a list of orders (or {example})", example='{"orders": [...]}'))
        return
    for i, order in enumerate(orders, start=1):
        rec: OrderRecord | None = None
        errors: list[RowError] = []
        try:
            rec = _order_fields(_json_order(order), i)
        except RowFault as exc:
            errors.append(RowError(i, exc))
        lines = order.get("lines") if isinstance(order, dict) else None
        for n, raw in enumerate(lines if isinstance(lines, list) else [], start=1):
            try:
                rec_line = _line(raw if isinstance(raw, dict) else {}, "sku", "quantity", "unit_price")
            except RowFault as exc:
                errors.append(RowError(i, RowFault("line {n}: {reason}", n=n, reason=exc)))
                continue
            rec_line.line = i
            if rec is not None:
                rec.lines.append(rec_line)
        yield from _whole(rec, errors, partial(_nth_held_back, i))


def not_json(exc: json.JSONDecodeError) -> RowFault:
    return RowFault("not valid JSON: {reason}", reason=exc.msg)


SHOPIFY_STATUS = {
    "paid": "paid",
    "pending": "pending",
    "refunded": "refunded",
    "partially_refunded": "partially_refunded",
    "authorized": "pending",
    "voided": "failed",
}


def _shopify_fields(row: Row, line: int) -> OrderRecord:
    name = text_field(row.get("Name"), "Name", "channel_ref")
    if not name:
        raise RowFault("Name (the order number) is missing")
    financial = (row.get("Financial Status") or "pending").strip().lower()
    cancelled = bool((row.get("Cancelled at") or "").strip())
    fulfilled = (row.get("Fulfillment Status") or "").strip().lower() == "fulfilled"
    street = " ".join(x for x in (row.get("Shipping Address1") or "", row.get("Shipping Address2") or ""))
    return OrderRecord(
        line=line,
        channel="shopify",
        channel_ref=name,
        status="cancelled" if cancelled else "shipped" if fulfilled else "new",
        payment_status=SHOPIFY_STATUS.get(financial, "pending"),
        currency=_code(row.get("Currency"), "Currency", 3, "USD"),
        placed_at=timestamp(row.get("Created at") or row.get("Paid at") or ""),
        name=text_field(row.get("Shipping Name") or row.get("Billing Name"), "Shipping Name", "name"),
        phone=text_field(normalise_phone(row.get("Shipping Phone") or row.get("Phone") or ""), "phone"),
        email=text_field(row.get("Email"), "Email", "email").lower(),
        country=_code(row.get("Shipping Country"), "Shipping Country", 2, "US"),
        province=text_field(row.get("Shipping Province"), "Shipping Province", "province"),
        city=text_field(row.get("Shipping City"), "Shipping City", "city"),
        district="",
        street=text_field(street, "Shipping Address1", "street"),
        postcode=text_field((row.get("Shipping Zip") or "").strip().lstrip("'"), "Shipping Zip", "postcode"),
        shipping_fee=money(row.get("Shipping") or "0", "Shipping"),
        discount=money(row.get("Discount Amount") or "0", "Discount Amount"),
    )


def read_shopify_csv(text: str) -> Iterator[OrderRecord | RowError]:
    """Shopify's orders export: order fields on the first row of each order (``Name`` = #1001)."""
    rows = _header(
        csv_rows(text), "shopify-csv", ("Name", "Lineitem sku", "Lineitem quantity", "Lineitem price")
    )
    yield from _orders(
        rows,
        lambda r: ("shopify", (r.get("Name") or "").strip()),
        _shopify_fields,
        lambda r: _line(r, "Lineitem sku", "Lineitem quantity", "Lineitem price"),
    )


READERS = {
    "packdesk-csv": read_packdesk_csv,
    "packdesk-json": read_packdesk_json,
    "shopify-csv": read_shopify_csv,
}


def guess_format(name: str, head: str) -> str:
    if name.lower().endswith(".json") or head.lstrip("\ufeff \t\r\n").startswith(("[", "{")):
        return "packdesk-json"
    first = head.lstrip("\ufeff").partition("\n")[0]
    return "shopify-csv" if first.startswith("Name,") or "Lineitem sku" in first else "packdesk-csv"


def read(text: str, fmt: str) -> Iterable[OrderRecord | RowError]:
    return READERS[fmt](text)
