"""Products from a file: PackDesk's own CSV or a Shopify product export.

Shopify's export has one row per variant, and the first row of a handle carries the product's
title (later rows leave it empty); rows with an image but no variant add no product; ``Variant
Grams`` is grams whatever ``Variant Weight Unit`` says (the unit is only how the shop shows it).
A variant without SKU, or with a barcode whose GTIN check digit is wrong, is reported with its
file line and the rest is imported. Importing the same file again changes nothing; a changed
row updates its product (SKU is the key) and adds new barcodes.

GTIN: an all-digit barcode of 8, 12, 13 or 14 digits must carry a valid GS1 check digit; any
other code of letters, digits and ``-._`` is an internal code (Code128 labels).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError
from app.i18n import catalogue, word
from app.models.catalog import BarcodeKind, Product, ProductBarcode
from app.permissions import require
from app.services import audit
from app.services.intake.records import RowError
from devices.scanner.scan import gtin_check_digit

if TYPE_CHECKING:
    from app.context import CurrentUser

FORMATS = ("packdesk-csv", "shopify-csv")
PACKDESK_COLUMNS = ("sku", "name", "name_en", "barcodes", "weight_g", "length_mm", "width_mm", "height_mm",
                    "fragile", "liquid", "bulky", "battery", "price", "image_url")
_INTERNAL = re.compile(r"^[A-Za-z0-9._-]{3,64}$")
_KINDS = {8: BarcodeKind.EAN8, 12: BarcodeKind.UPC, 13: BarcodeKind.EAN13, 14: BarcodeKind.GTIN14}
SUMMARY = ("{added} products added, {updated} updated, {unchanged} unchanged, {barcodes} barcodes added, "
           "{refused} rows refused")


@dataclass
class ProductRow:
    line: int
    sku: str
    name: str
    name_en: str = ""
    barcodes: list[str] = field(default_factory=list)
    weight_g: int | None = None
    dims_mm: tuple[int, int, int] = (0, 0, 0)
    flags: dict[str, bool] = field(default_factory=dict)
    price: Decimal = Decimal(0)
    image_url: str = ""


@dataclass(frozen=True)
class ProductImport:
    added: int
    updated: int
    unchanged: int
    barcodes_added: int
    problems: tuple[RowError, ...]  # by file line

    def text(self, lang: str = "en") -> str:
        template = SUMMARY if lang == "en" else catalogue(lang, "ImportReport").get(SUMMARY, SUMMARY)
        head = template.format(added=self.added, updated=self.updated, unchanged=self.unchanged,
                               barcodes=self.barcodes_added, refused=len(self.problems))
        return head + "\n" + "".join(f"  {word(e, lang)}\n" for e in self.problems)


def barcode_kind(code: str) -> BarcodeKind:
    """The kind of a barcode, or DomainError saying why it is none."""
    if code.isdigit() and len(code) in _KINDS:
        if gtin_check_digit(code[:-1]) != int(code[-1]):
            raise DomainError("barcode {barcode}: wrong check digit (expected {digit})", barcode=code,
                              digit=gtin_check_digit(code[:-1]))
        return _KINDS[len(code)]
    if not _INTERNAL.match(code):
        raise DomainError("barcode {barcode!r}: neither a GTIN nor an internal code "
                          "(3-64 letters, digits, -._)", barcode=code)
    return BarcodeKind.CODE128


def _records(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """CSV rows with the file line each starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise DomainError("The file is empty.") from None
    rows = []
    start = reader.line_num + 1
    for cells in reader:
        if any(c.strip() for c in cells):
            rows.append((start, dict(zip(header, (c.strip() for c in cells), strict=False))))
        start = reader.line_num + 1
    return header, rows


def _int(value: str, what: str) -> int | None:
    if not value:
        return None
    try:
        n = Decimal(value)
    except InvalidOperation:
        raise DomainError("{what} {value!r} is not a number", what=what, value=value) from None
    if n < 0:
        raise DomainError("{what} cannot be negative", what=what)
    return int(n.to_integral_value())


def _price(value: str) -> Decimal:
    try:
        price = Decimal(value or "0")
    except InvalidOperation:
        raise DomainError("price {value!r} is not a number", value=value) from None
    if price < 0 or not price.is_finite():
        raise DomainError("price {value!r} is not a price", value=value)
    return price.quantize(Decimal("0.01"))


def _yes(value: str) -> bool:
    return value.strip().lower() in ("1", "yes", "y", "true", "x", "是")


def read_packdesk(text: str) -> tuple[list[ProductRow], list[RowError]]:
    header, records = _records(text)
    missing = [c for c in ("sku", "name") if c not in header]
    if missing:
        raise DomainError("Not a PackDesk product CSV: no column {columns}.", columns=", ".join(missing))
    rows, problems = [], []
    for line, r in records:
        try:
            if not r.get("sku"):
                raise DomainError("no SKU")
            weight = _int(r.get("weight_g", ""), "weight_g")
            length, width, height = (
                _int(r.get(k, ""), k) or 0 for k in ("length_mm", "width_mm", "height_mm")
            )
            rows.append(ProductRow(
                line, r["sku"], r.get("name") or r["sku"], r.get("name_en", ""),
                [b for b in re.split(r"[|;\s]+", r.get("barcodes", "")) if b],
                weight or None,
                (length, width, height),
                {f: _yes(r.get(f, "")) for f in ("fragile", "liquid", "bulky", "battery")},
                _price(r.get("price", "")), r.get("image_url", ""),
            ))
        except DomainError as exc:
            problems.append(RowError(line, exc))
    return rows, problems


def read_shopify(text: str) -> tuple[list[ProductRow], list[RowError]]:
    header, records = _records(text)
    if "Handle" not in header or "Variant SKU" not in header:
        raise DomainError("Not a Shopify product export: it needs the Handle and Variant SKU columns.")
    titles: dict[str, str] = {}
    images: dict[str, str] = {}
    rows, problems = [], []
    for line, r in records:
        handle = r.get("Handle", "")
        if r.get("Title"):
            titles.setdefault(handle, r["Title"])
        if r.get("Image Src"):
            images.setdefault(handle, r["Image Src"])
        options = [r.get(f"Option{i} Value", "") for i in (1, 2, 3)]
        if not (r.get("Variant SKU") or r.get("Variant Price") or any(options) or r.get("Variant Barcode")):
            continue  # an image-only row: no variant, no product
        try:
            if not r.get("Variant SKU"):
                raise DomainError("variant of {handle} has no SKU", handle=handle)
            title = titles.get(handle) or handle
            variant = " / ".join(o for o in options if o and o != "Default Title")
            name = f"{title} {variant}".strip()
            grams = _int(r.get("Variant Grams", ""), "Variant Grams")
            barcode = r.get("Variant Barcode", "").lstrip("'")  # a spreadsheet's text marker
            if barcode:
                barcode_kind(barcode)
            rows.append(ProductRow(
                line, r["Variant SKU"], name, name if name.isascii() else "", [barcode] if barcode else [],
                grams or None, (0, 0, 0), {}, _price(r.get("Variant Price", "")),
                r.get("Variant Image") or images.get(handle, ""),
            ))
        except DomainError as exc:
            problems.append(RowError(line, exc))
    return rows, problems


READERS = {"packdesk-csv": read_packdesk, "shopify-csv": read_shopify}


def guess_format(text: str) -> str:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return "shopify-csv" if "Handle" in first and "Variant SKU" in first else "packdesk-csv"


def import_products(
    session: Session, user: CurrentUser | None, text: str, fmt: str | None = None, source: str = ""
) -> ProductImport:
    user = require(user, "admin.master_data")
    fmt = fmt or guess_format(text)
    if fmt not in READERS:
        raise DomainError("No product format {fmt}: use one of {known}.", fmt=fmt, known=", ".join(FORMATS))
    rows, problems = READERS[fmt](text)
    added = updated = unchanged = codes_added = 0
    seen: dict[str, int] = {}
    for row in rows:
        if row.sku in seen:
            problems.append(RowError(row.line, DomainError("SKU {sku} again (first on line {first})",
                                                           sku=row.sku, first=seen[row.sku])))
            continue
        seen[row.sku] = row.line
        try:
            with session.begin_nested():  # one bad row undoes only itself
                outcome, n = _save(session, row)
        except DomainError as exc:
            problems.append(RowError(row.line, exc))
            continue
        added += outcome == "added"
        updated += outcome == "updated"
        unchanged += outcome == "unchanged"
        codes_added += n
    audit.record(session, "products.import", "products", source or fmt, user_id=user.id, format=fmt,
                 added=added, updated=updated, refused=len(problems))
    problems.sort(key=lambda e: e.line)
    return ProductImport(added, updated, unchanged, codes_added, tuple(problems))


def _save(session: Session, row: ProductRow) -> tuple[str, int]:
    kinds = {code: barcode_kind(code) for code in row.barcodes}
    owners = dict(session.execute(
        select(ProductBarcode.code, Product.sku).join(Product).where(ProductBarcode.code.in_(kinds))).all())
    taken = [c for c, sku in owners.items() if sku != row.sku]
    if taken:
        raise DomainError("barcode {barcode} belongs to {sku}", barcode=taken[0], sku=owners[taken[0]])
    product = session.scalar(select(Product).where(Product.sku == row.sku))
    values = {"name": row.name[:200], "name_en": row.name_en[:200], "price": row.price,
              "image_url": row.image_url[:500]}
    if row.weight_g is not None:
        values["unit_weight_g"] = row.weight_g
        values["weight_learnt"] = False
    if any(row.dims_mm):
        values.update(zip(("length_mm", "width_mm", "height_mm"), sorted(row.dims_mm, reverse=True),
                          strict=True))
    values.update(row.flags)
    if product is None:
        product = Product(sku=row.sku, **values)
        session.add(product)
        outcome = "added"
    else:
        changed = {k: v for k, v in values.items() if getattr(product, k) != v}
        for k, v in changed.items():
            setattr(product, k, v)
        outcome = "updated" if changed else "unchanged"
    session.flush()
    new = [c for c in kinds if c not in owners]
    for code in new:
        session.add(ProductBarcode(product_id=product.id, code=code, kind=kinds[code]))
    if new and outcome == "unchanged":
        outcome = "updated"
    return outcome, len(new)
