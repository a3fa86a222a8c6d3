"""Stock views carry both names of a product, so an English screen can show the English one: the
product a scan names, a receipt's lines, a count and its approval."""

from __future__ import annotations

from app.db import read_only, session_factory, unit_of_work
from app.models.accounts import Role
from app.services import masterdata, stock
from app.services.auth import create_user
from app.services.intake.products import import_products
from tests.app.services.test_stock import NOW
from tests.conftest import make_ctx


def test_every_stock_view_names_the_product_in_both_languages(engine):
    with unit_of_work(session_factory(engine)) as s:
        admin = make_ctx(engine, Role.ADMIN, create_user(s, "boss", "password-1", Role.ADMIN), "boss").user
        masterdata.save_warehouse(s, admin, "HZ01", "杭州仓", "浙江省", "杭州市")
        masterdata.generate_bins(s, admin, "HZ01", "A-01-01-1..A-01-01-2")
        import_products(s, admin, "sku,name,name_en,barcodes\nTEA-1,龙井,Longjing tea,6901234567892\n"
                                  "CUP-1,茶杯,,PDK-CUP-1\n", "packdesk-csv")
        stock.import_receipts(s, admin, "reference,warehouse,sku,quantity\nASN-1,HZ01,TEA-1,3\n")
        stock.receive(s, admin, "6901234567892", 2, "A-01-01-1", NOW, warehouse="HZ01", receipt="ASN-1")
        counted = stock.count(s, admin, "TEA-1", 40, "A-01-01-1", NOW, warehouse="HZ01")
    with read_only(session_factory(engine)) as s:
        assert stock.product(s, "6901234567892") == stock.ProductRef("TEA-1", "龙井", "Longjing tea")
        assert stock.product(s, "PDK-CUP-1") == stock.ProductRef("CUP-1", "茶杯", "")  # no English name
        (line,) = stock.receipt(s, "ASN-1").lines
        (pending,) = stock.pending_counts(s)
    assert (line.name, line.name_en) == ("龙井", "Longjing tea")
    assert (counted.name, counted.name_en) == (pending.name, pending.name_en) == ("龙井", "Longjing tea")
