"""A product edited by hand: found by SKU, name or barcode, saved whole or not at all."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.context import CurrentUser
from app.db import read_only, session_factory, unit_of_work
from app.errors import Conflict, DomainError, PermissionDenied
from app.models.accounts import Role
from app.models.catalog import Product, ProductBarcode
from app.services import catalog

ADMIN = CurrentUser(None, "admin", "Admin", Role.ADMIN)  # type: ignore[arg-type]
PACKER = CurrentUser(None, "packer", "Packer", Role.PACKER)  # type: ignore[arg-type]


def _save(engine, **kw) -> catalog.ProductView:
    values = {"sku": "TEA-01", "name": "龙井茶 250g", "name_en": "Longjing tea",
              "barcodes": ("6901234567892",), "weight_g": 280, "dims_mm": (200, 100, 60),
              "flags": frozenset({"fragile"})} | kw
    with unit_of_work(session_factory(engine)) as s:
        return catalog.save_product(s, ADMIN, **values)


def test_an_admin_adds_a_product_then_swaps_a_barcode_and_finds_it_by_each_key(any_engine):
    first = _save(any_engine)
    assert first.barcodes == ("6901234567892",) and first.flags == {"fragile"}
    again = _save(any_engine, product_id=first.id, barcodes=("TEA-01-INT", "96385074"), weight_g=None,
                  flags=frozenset({"liquid", "battery"}))
    assert again.barcodes == ("96385074", "TEA-01-INT") and again.weight_g is None
    with read_only(session_factory(any_engine)) as s:
        assert [p.sku for p in catalog.search_products(s, "longjing")] == ["TEA-01"]
        assert [p.sku for p in catalog.search_products(s, "96385074")] == ["TEA-01"]
        assert catalog.search_products(s, "6901234567892") == []  # the old barcode is gone
        assert catalog.search_products(s, "TEA")[0].flags == {"liquid", "battery"}


@pytest.mark.parametrize(("fields", "message"), [
    ({"barcodes": ("6901234567891",)}, "barcode 6901234567891: wrong check digit (expected 2)"),
    ({"barcodes": ("ab",)}, "barcode 'ab': neither a GTIN nor an internal code"),
    ({"sku": "TEA 01"}, "SKU 'TEA 01': 1-64 characters without spaces."),
    ({"name": " "}, "Product TEA-01 needs a name."),
    ({"weight_g": 0}, "Weight 0 g"),
    ({"dims_mm": (10, -1, 5)}, "Each side in mm must be between 0 and 10000."),
])
def test_a_bad_field_is_named_in_one_line_and_nothing_is_saved(any_engine, fields, message):
    with pytest.raises(DomainError) as err:
        _save(any_engine, **fields)
    assert str(err.value).startswith(message)
    with read_only(session_factory(any_engine)) as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 0


def test_a_barcode_or_sku_of_another_product_is_refused_and_a_packer_may_not_edit(any_engine):
    _save(any_engine)
    with pytest.raises(Conflict, match="Barcode 6901234567892 belongs to TEA-01"):
        _save(any_engine, sku="TEA-02")
    other = _save(any_engine, sku="TEA-02", barcodes=())
    with pytest.raises(Conflict, match="SKU TEA-01 is another product's"):
        _save(any_engine, sku="TEA-01", barcodes=(), product_id=other.id)
    with pytest.raises(PermissionDenied), unit_of_work(session_factory(any_engine)) as s:
        catalog.save_product(s, PACKER, "TEA-03", "x")
    with read_only(session_factory(any_engine)) as s:
        assert s.scalar(select(func.count()).select_from(ProductBarcode)) == 1
