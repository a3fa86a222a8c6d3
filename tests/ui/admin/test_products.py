"""The Products tab as an admin uses it: add a product with two barcodes, find it by a barcode, fix
a wrong check digit told in one line, and import a Shopify export whose bad rows are listed by line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.app.services.intake.test_products import SHOPIFY
from ui.admin.products import ProductsTab
from ui.i18n import Translations


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    Translations.for_app(qapp).install("en")


@pytest.fixture
def tab(qtbot, admin_ctx) -> ProductsTab:
    page = ProductsTab(admin_ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def _type_product(qtbot, tab: ProductsTab, barcodes: str, weight: str = "280") -> None:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.sku, "TEA-01")
    tab.name.setText("龙井茶 250g")  # typed through an input method, not key by key
    qtbot.keyClicks(tab.name_en, "Longjing tea")
    qtbot.keyClicks(tab.barcodes, barcodes)
    qtbot.keyClicks(tab.weight, weight)
    tab.sides[0].setValue(200)
    tab.flags["fragile"].setChecked(True)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)


def test_an_admin_adds_a_product_with_two_barcodes_and_finds_it_by_one(qtbot, tab):
    _type_product(qtbot, tab, "6901234567892 TEA-01-INT")
    assert tab.notice.level == "ok" and tab.notice.text() == "Product TEA-01 saved."
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 3).text() == "6901234567892 TEA-01-INT"
    qtbot.keyClicks(tab.search_box, "TEA-01-INT")
    qtbot.keyClick(tab.search_box, Qt.Key.Key_Return)
    assert [p.sku for p in tab.products] == ["TEA-01"]
    assert tab.flags["fragile"].isChecked() and tab.sides[0].value() == 200


@pytest.mark.parametrize(("barcodes", "weight", "message"), [
    ("6901234567891", "280", "barcode 6901234567891: wrong check digit (expected 2)"),
    ("6901234567892", "2 kg", "Weight '2 kg': give the unit weight in whole grams."),
])
def test_bad_input_is_one_line_in_the_form_keeps_what_was_typed_and_saves_nothing(
        qtbot, tab, barcodes, weight, message):
    _type_product(qtbot, tab, barcodes, weight)
    assert tab.notice.level == "error" and tab.notice.text() == message
    assert tab.table.rowCount() == 0
    assert (tab.sku.text(), tab.barcodes.text(), tab.weight.text()) == ("TEA-01", barcodes, weight)
    tab.barcodes.setText("6901234567892")  # corrected, the same form saves
    tab.weight.setText("280")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.notice.level == "ok" and tab.table.rowCount() == 1


def test_a_shopify_export_imported_from_the_tab_lists_its_refused_lines(qtbot, tab):
    tab.format.setCurrentIndex(tab.format.findData("shopify-csv"))
    with qtbot.waitSignal(tab.imported, timeout=20_000) as done:
        tab.import_file(SHOPIFY)
    assert done.args[0].added == 4
    assert tab.notice.text() == "4 added, 0 updated, 0 unchanged, 2 rows refused."
    assert tab.report.toPlainText().splitlines() == [
        "line 6: variant of green-tea-mug has no SKU",
        "line 7: barcode 6901234567890: wrong check digit (expected 2)"]
    assert sorted(p.sku for p in tab.products) == ["MUG-GRN", "MUG-WHT", "TEA-L", "TEA-S"]
    assert tab.import_button.isEnabled()


def test_a_file_that_is_not_utf8_is_refused_in_one_line(qtbot, tab, tmp_path: Path):
    legacy = tmp_path / "products-gbk.csv"
    legacy.write_bytes("sku,name\nTEA-01,龙井茶\n".encode("gbk"))
    with qtbot.waitSignal(tab.imported, timeout=20_000):
        tab.import_file(legacy)
    assert tab.notice.level == "error"
    assert tab.notice.text() == "products-gbk.csv is not UTF-8 text; save it as UTF-8."
    assert tab.table.rowCount() == 0 and not tab.report.isVisible()


def test_a_long_catalogue_lists_the_first_200_and_says_a_search_finds_the_rest(qtbot, admin_ctx):
    from app.db import unit_of_work
    from app.services import catalog

    with unit_of_work(admin_ctx.sessions) as s:
        for n in range(201):
            catalog.save_product(s, admin_ctx.user, f"SKU-{n:04d}", f"商品 {n}")
    tab = ProductsTab(admin_ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.table.rowCount() == 200 and tab.more.isVisible()
    assert "search to find the others" in tab.more.text()
    qtbot.keyClicks(tab.search_box, "SKU-0200")
    qtbot.keyClick(tab.search_box, Qt.Key.Key_Return)
    assert [p.sku for p in tab.products] == ["SKU-0200"] and not tab.more.isVisible()
