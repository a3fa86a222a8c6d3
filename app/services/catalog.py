"""Products one at a time, as the Setup window shows and edits them: a search over SKU, names and
barcodes, and a save that checks the whole product (GTIN check digits, internal codes, a barcode
another product owns) before it changes anything. Files of products go through
``app.services.intake.products``; both use the same barcode rule."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, selectinload

from app.errors import Conflict, DomainError, NotFound
from app.models.catalog import Product, ProductBarcode
from app.permissions import require
from app.services import audit
from app.services.intake.products import barcode_kind

if TYPE_CHECKING:
    from app.context import CurrentUser

FLAGS = ("fragile", "liquid", "bulky", "battery")
MAX_WEIGHT_G = 1_000_000  # a tonne: anything heavier is a typo
MAX_SIDE_MM = 10_000


@dataclass(frozen=True)
class ProductView:
    id: int
    sku: str
    name: str
    name_en: str
    barcodes: tuple[str, ...]
    weight_g: int | None  # None: not known yet
    dims_mm: tuple[int, int, int]  # length, width, height; 0 = not measured
    flags: frozenset[str]  # of FLAGS


def _view(p: Product) -> ProductView:
    return ProductView(p.id, p.sku, p.name, p.name_en, tuple(sorted(b.code for b in p.barcodes)),
                       p.unit_weight_g, (p.length_mm, p.width_mm, p.height_mm),
                       frozenset(f for f in FLAGS if getattr(p, f)))


def search_products(s: Session, text: str = "", limit: int = 200) -> list[ProductView]:
    """Products whose SKU or name holds ``text``, or that carry it as a barcode; by SKU."""
    query = select(Product).options(selectinload(Product.barcodes)).order_by(Product.sku).limit(limit)
    needle = text.strip()
    if needle:
        like = f"%{needle}%"
        query = query.where(or_(
            Product.sku.ilike(like), Product.name.ilike(like), Product.name_en.ilike(like),
            Product.id.in_(select(ProductBarcode.product_id).where(ProductBarcode.code == needle))))
    return [_view(p) for p in s.scalars(query)]


def _count(value: int | None, what: str, most: int) -> None:
    if value is not None and not 0 <= value <= most:
        raise DomainError("{what} must be between 0 and {most}.", what=what, most=most)


def save_product(
    s: Session,
    user: CurrentUser | None,
    sku: str,
    name: str,
    name_en: str = "",
    barcodes: tuple[str, ...] = (),
    weight_g: int | None = None,
    dims_mm: tuple[int, int, int] = (0, 0, 0),
    flags: frozenset[str] = frozenset(),
    product_id: int | None = None,
) -> ProductView:
    """Add a product (``product_id`` None) or change one, its barcodes becoming exactly ``barcodes``."""
    user = require(user, "admin.master_data")
    sku, name = sku.strip(), name.strip()
    if not sku or len(sku) > 64 or any(c.isspace() for c in sku):
        raise DomainError("SKU {sku!r}: 1-64 characters without spaces.", sku=sku)
    if not name:
        raise DomainError("Product {sku} needs a name.", sku=sku)
    if weight_g is not None and not 0 < weight_g <= MAX_WEIGHT_G:
        raise DomainError("Weight {grams} g: give the unit weight in grams, more than 0.", grams=weight_g)
    for side in dims_mm:
        _count(side, "Each side in mm", MAX_SIDE_MM)
    unknown = set(flags) - set(FLAGS)
    if unknown:
        raise DomainError("No handling flag {flag}.", flag=", ".join(sorted(unknown)))
    codes = tuple(dict.fromkeys(c.strip() for c in barcodes if c.strip()))
    kinds = {code: barcode_kind(code) for code in codes}
    product = s.get(Product, product_id) if product_id is not None else None
    if product_id is not None and product is None:
        raise NotFound("No product #{id}.", id=product_id)
    other = s.scalar(select(Product.id).where(Product.sku == sku, Product.id != (product_id or 0)))
    if other is not None:
        raise Conflict("SKU {sku} is another product's.", sku=sku)
    if codes:
        owner = s.execute(select(ProductBarcode.code, Product.sku).join(Product).where(
            ProductBarcode.code.in_(codes), ProductBarcode.product_id != (product_id or 0))).first()
        if owner is not None:
            raise Conflict("Barcode {barcode} belongs to {sku}.", barcode=owner.code, sku=owner.sku)
    if product is None:
        product = Product(sku=sku, name=name, price=Decimal(0))
        s.add(product)
    product.sku, product.name, product.name_en = sku, name[:200], name_en.strip()[:200]
    if weight_g != product.unit_weight_g:
        product.unit_weight_g, product.weight_learnt = weight_g, False
    product.length_mm, product.width_mm, product.height_mm = dims_mm
    for f in FLAGS:
        setattr(product, f, f in flags)
    s.flush()
    s.execute(delete(ProductBarcode).where(ProductBarcode.product_id == product.id,
                                           ProductBarcode.code.not_in(codes)))
    have = set(s.scalars(select(ProductBarcode.code).where(ProductBarcode.product_id == product.id)))
    s.add_all(ProductBarcode(product_id=product.id, code=c, kind=kinds[c]) for c in codes if c not in have)
    s.flush()
    s.expire(product, ["barcodes"])
    audit.record(s, "product.save", "product", sku, user_id=user.id, barcodes=list(codes),
                 weight_g=weight_g)
    return _view(product)
