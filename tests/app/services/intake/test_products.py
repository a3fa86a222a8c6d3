"""Products from a Shopify product export or PackDesk's CSV: bad rows by line, the rest imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.context import CurrentUser
from app.db import read_only, session_factory, unit_of_work
from app.errors import DomainError, PermissionDenied
from app.models.accounts import Role
from app.models.catalog import Product, ProductBarcode
from app.services.intake.products import barcode_kind, import_products

SHOPIFY = Path(__file__).parent / "data" / "shopify_products.csv"
ADMIN = CurrentUser(None, "admin", "Admin", Role.ADMIN)  # type: ignore[arg-type]


def _import(engine, text, fmt=None, user=ADMIN):
    with unit_of_work(session_factory(engine)) as s:
        return import_products(s, user, text, fmt, "test")


def test_a_shopify_export_gives_one_product_per_variant_in_grams_and_names_the_bad_lines(any_engine):
    report = _import(any_engine, SHOPIFY.read_text(encoding="utf-8-sig"), "shopify-csv")
    # line 2 spans two lines (a description with a line break); line 5 is an image-only row
    assert [(e.line, e.reason) for e in report.problems] == [
        (6, "variant of green-tea-mug has no SKU"),
        (7, "barcode 6901234567890: wrong check digit (expected 2)")]
    assert (report.added, report.barcodes_added) == (4, 4)
    with read_only(session_factory(any_engine)) as s:
        rows = {p.sku: p for p in s.scalars(select(Product))}
        codes = dict(s.execute(select(ProductBarcode.code, Product.sku).join(Product)).all())
    assert sorted(rows) == ["MUG-GRN", "MUG-WHT", "TEA-L", "TEA-S"]
    assert rows["MUG-WHT"].name == "Green Tea Mug White"  # the title from the handle's first row
    assert rows["MUG-GRN"].unit_weight_g == 350  # grams, though the shop shows kilograms
    assert rows["TEA-S"].unit_weight_g == 200 and str(rows["TEA-L"].price) == "69.90"
    assert rows["MUG-GRN"].image_url == "https://cdn.shopify.com/mug-green.jpg"
    assert codes == {"6901234567892": "MUG-GRN", "6901234567885": "MUG-WHT", "PDK-TEA-S": "TEA-S",
                     "00012345678905": "TEA-L"}
    again = _import(any_engine, SHOPIFY.read_bytes().decode("utf-8"), None)  # BOM left in, format guessed
    assert (again.added, again.updated, again.unchanged, again.barcodes_added) == (0, 0, 4, 0)


def test_packdesk_csv_with_several_barcodes_flags_and_dimensions_updates_by_sku(engine):
    text = ("sku,name,name_en,barcodes,weight_g,length_mm,width_mm,height_mm,fragile,liquid,bulky,battery,"
            "price,image_url\n"
            "VASE-1,青瓷花瓶,Celadon vase,6901234567892|VASE-INT-1,800,150,300,150,yes,,,,299,\n"
            "OIL-1,橄榄油,Olive oil,6901234567885,520,80,80,250,,1,,,88.5,\n"
            "BAD-1,坏,,6901234567890,10,,,,,,,,1,\n"
            ",无货号,,,,,,,,,,,,\n"
            "NEG-1,负重,,,-5,,,,,,,,1,\n")
    report = _import(engine, text, "packdesk-csv")
    assert [e.line for e in report.problems] == [4, 5, 6] and report.added == 2
    with read_only(session_factory(engine)) as s:
        vase = s.scalar(select(Product).where(Product.sku == "VASE-1"))
        assert (vase.length_mm, vase.width_mm, vase.height_mm) == (300, 150, 150)  # longest side first
        assert vase.fragile and not vase.liquid and len(vase.barcodes) == 2
    report = _import(engine, text.replace("Celadon vase", "Celadon vase L").replace(
        "VASE-INT-1", "VASE-INT-1|VASE-INT-2"), "packdesk-csv")
    assert (report.updated, report.unchanged, report.barcodes_added) == (1, 1, 1)
    stolen = _import(engine, "sku,name,barcodes\nCUP-1,杯子,6901234567885\n", "packdesk-csv")
    assert [(e.line, e.reason) for e in stolen.problems] == [(2, "barcode 6901234567885 belongs to OIL-1")]
    assert stolen.added == 0


def test_gtins_need_their_check_digit_internal_codes_need_a_shape_and_imports_need_the_role(engine):
    assert barcode_kind("96385074") == "ean8" and barcode_kind("036000291452") == "upc"
    assert barcode_kind("PDK0000001") == "code128"
    for bad in ("036000291453", "a b", "x"):
        with pytest.raises(DomainError):
            barcode_kind(bad)
    with pytest.raises(PermissionDenied):
        _import(engine, "sku,name\nA-1,a\n", "packdesk-csv", CurrentUser(1, "p", "p", Role.PACKER))
    with pytest.raises(DomainError, match="Not a Shopify product export"):
        _import(engine, "sku,name\nA-1,a\n", "shopify-csv")
