"""Receiving at a PDA by scanning: against an imported receipt (over and under shown) or blind."""

from __future__ import annotations

from app.db import read_only, unit_of_work
from app.services import stock
from devices.scanner.scan import parse_scan
from tests.ui.stock.conftest import CUP_1, TEA_1, TEA_2
from ui.stock.receive import ReceiveView


def _view(qtbot, ctx) -> ReceiveView:
    view = ReceiveView(ctx)
    qtbot.addWidget(view)
    view.resize(480, 800)
    view.show()
    return view


def test_a_picker_receives_a_delivery_by_scan_and_sees_over_and_under(qtbot, site):
    with unit_of_work(site.picker.sessions) as s:
        stock.import_receipts(s, site.picker.user, "reference,warehouse,sku,quantity\n"
                                                   "ASN-7,HZ01,TEA-1,3\nASN-7,HZ01,TEA-2,2\n")
    view = _view(qtbot, site.picker)
    view.receipt.setCurrentIndex(view.receipt.findData("ASN-7"))
    assert view.lines.rowCount() == 2 and view.warehouse.currentData() == "HZ01"
    view.handle_scan(parse_scan("A-01-01-1"))
    assert view.banner.level == "warning" and "Scan the product first" in view.banner.text()
    for _ in range(4):  # four tins in hand, one scan each
        view.handle_scan(parse_scan(TEA_1))
    assert view.quantity.value() == 4 and "TEA-1" in view.product.text() and "4 × TEA-1" in view.banner.text()
    view.handle_scan(parse_scan("A-01-01-1"))
    assert "Received 4 × TEA-1 into A-01-01-1 (now 4 there)" in view.banner.text()
    assert "ASN-7: 4 of 3 expected, over by 1" in view.banner.text() and view.banner.level == "warning"
    assert view.lines.item(0, 4).text() == "over by 1" and view.lines.item(1, 4).text() == "under by 2"
    view.handle_scan(parse_scan(TEA_2))
    view.quantity.setValue(2)  # a sealed pack of two: typed, not scanned twice
    view.handle_scan(parse_scan("A-01-01-2"))
    assert view.lines.item(1, 4).text() == "as expected"
    view.close_receipt()
    assert "Receipt ASN-7 closed: 1 line(s) over, 0 under" in view.banner.text()
    assert view.receipt.findData("ASN-7") == -1  # closed: no longer offered
    with read_only(site.picker.sessions) as s:
        assert {(r.sku, r.bin, r.on_hand) for r in stock.on_hand(s)} == {("TEA-1", "A-01-01-1", 4),
                                                                         ("TEA-2", "A-01-01-2", 2)}


def test_blind_receiving_and_bad_scans_lose_nothing(qtbot, site):
    view = _view(qtbot, site.picker)
    assert view.receipt.currentData() == "" and not view.close_button.isEnabled()
    view.handle_scan(parse_scan("6900000000007"))  # a valid EAN-13 of no product here
    assert view.banner.level == "error" and "No product 6900000000007." in view.banner.text()
    view.handle_scan(parse_scan(CUP_1))
    view.handle_scan(parse_scan("6918000000018"))  # misread: wrong check digit
    assert view.banner.level == "error" and "Unreadable scan" in view.banner.text()
    view.handle_scan(parse_scan("B-09-09-9"))  # no such bin: the cup is still in hand
    assert view.banner.level == "error" and "No bin B-09-09-9" in view.banner.text()
    assert view.pending is not None and view.pending[1].sku == "CUP-1"
    view.handle_scan(parse_scan("A-02-03-2"))
    assert "Received 1 × CUP-1 into A-02-03-2 (now 1 there)" in view.banner.text()
    assert view.banner.level == "ok" and view.pending is None


def test_a_bin_code_in_two_warehouses_asks_which_and_the_choice_receives(qtbot, site):
    from app.services import masterdata

    with unit_of_work(site.admin.sessions) as s:
        masterdata.save_warehouse(s, site.admin.user, "GZ01", "广州仓", "广东省", "广州市")
        masterdata.generate_bins(s, site.admin.user, "GZ01", "A-01-01-1..A-01-01-2")
    view = _view(qtbot, site.picker)
    assert [view.warehouse.itemData(i) for i in range(view.warehouse.count())] == ["", "GZ01", "HZ01"]
    view.handle_scan(parse_scan(TEA_1))
    view.handle_scan(parse_scan("A-01-01-1"))
    assert "Bin A-01-01-1 exists in GZ01, HZ01: say which warehouse." in view.banner.text()
    view.warehouse.setCurrentIndex(view.warehouse.findData("GZ01"))
    view.handle_scan(parse_scan("A-01-01-1"))
    assert "Received 1 × TEA-1 into A-01-01-1" in view.banner.text()
    with read_only(site.picker.sessions) as s:
        assert [(r.warehouse, r.on_hand) for r in stock.on_hand(s)] == [("GZ01", 1)]
