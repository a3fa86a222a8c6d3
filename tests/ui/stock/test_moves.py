"""Moves between bins and adjustments with a reason code, by scanning, as a supervisor works them."""

from __future__ import annotations

from app.db import read_only, unit_of_work
from app.services import stock
from devices.scanner.scan import parse_scan
from tests.ui.stock.conftest import TEA_1
from ui.stock.moves import MovesView


def _on_hand(ctx) -> set[tuple[str, str, int]]:
    with read_only(ctx.sessions) as s:
        return {(r.sku, r.bin, r.on_hand) for r in stock.on_hand(s) if r.on_hand}


def _view(qtbot, ctx) -> MovesView:
    with unit_of_work(ctx.sessions) as s:
        stock.receive(s, ctx.user, "TEA-1", 10, "A-01-01-1", ctx.clock())
    view = MovesView(ctx)
    qtbot.addWidget(view)
    view.resize(480, 800)
    view.show()
    return view


def test_scan_product_quantity_and_two_bins_moves_the_stock(qtbot, site):
    view = _view(qtbot, site.supervisor)
    view.handle_scan(parse_scan("A-01-01-1"))
    assert view.banner.level == "warning" and "Scan the product first" in view.banner.text()
    view.handle_scan(parse_scan(TEA_1))
    assert "Scan the bin it comes from" in view.banner.text()
    view.quantity.setValue(4)
    view.handle_scan(parse_scan("A-01-01-1"))
    assert "Scan the bin it goes to" in view.banner.text() and "From A-01-01-1" in view.bins.text()
    view.handle_scan(parse_scan("A-01-01-1"))  # the same bin again: refused, nothing moved
    assert view.banner.level == "error" and "already in A-01-01-1" in view.banner.text()
    view.handle_scan(parse_scan("A-02-01-1"))
    assert "Moved 4 × TEA-1 from A-01-01-1 to A-02-01-1" in view.banner.text()
    assert _on_hand(site.supervisor) == {("TEA-1", "A-01-01-1", 6), ("TEA-1", "A-02-01-1", 4)}
    view.handle_scan(parse_scan(TEA_1))
    view.quantity.setValue(50)  # more than the bin holds
    view.handle_scan(parse_scan("A-02-01-1"))
    view.handle_scan(parse_scan("A-01-01-1"))
    assert view.banner.level == "error"
    assert _on_hand(site.supervisor) == {("TEA-1", "A-01-01-1", 6), ("TEA-1", "A-02-01-1", 4)}


def test_an_adjustment_needs_its_bin_and_takes_the_reason_chosen(qtbot, site):
    view = _view(qtbot, site.supervisor)
    view.adjust_mode.setChecked(True)
    assert view.adjust_button.isVisible() and not view.quantity.isVisible()
    view.adjust()
    assert "Scan the product and its bin first" in view.banner.text()
    view.handle_scan(parse_scan(TEA_1))
    view.handle_scan(parse_scan("A-01-01-1"))
    assert "Set the change and the reason" in view.banner.text()
    view.delta.setValue(-2)
    view.reason.setCurrentIndex(view.reason.findData("damaged"))
    view.adjust()
    assert "TEA-1 in A-01-01-1: -2 (damaged), now 8" in view.banner.text()
    view.handle_scan(parse_scan(TEA_1))
    view.handle_scan(parse_scan("A-01-01-1"))
    view.adjust()  # a change of 0 is refused in one line
    assert view.banner.level == "error" and "An adjustment changes the quantity." in view.banner.text()
    assert _on_hand(site.supervisor) == {("TEA-1", "A-01-01-1", 8)}
