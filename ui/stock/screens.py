"""Screenshot views of the stock screens on the demo: a delivery half received against its
expected receipt (one line over, one under, a product in hand), a move half scanned, a bin counted
with a variance waiting for approval, and the supervisors' approval list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.services import catalog, masterdata, stock
from devices.scanner.scan import parse_scan
from ui.stock.count import ApprovalsView, CountView
from ui.stock.moves import MovesView
from ui.stock.receive import ReceiveView


def _place(ctx: AppContext) -> tuple[str, list[str], list[str]]:
    """The demo's first warehouse, three of its bins and three SKUs."""
    with read_only(ctx.sessions) as s:
        house = masterdata.warehouses(s)[0].code
        bins = [b.code for b in masterdata.bins(s, house)[:3]]
        skus = [p.sku for p in catalog.search_products(s, limit=3)]
    assert len(bins) == 3 and len(skus) == 3, "the demo has too few bins or products"
    return house, bins, skus


def _receive(ctx: AppContext) -> QWidget:
    house, bins, skus = _place(ctx)
    with unit_of_work(ctx.sessions) as s:
        rows = "".join(f"ASN-20261201,{house},{sku},{qty},杭州茶叶有限公司\n"
                       for sku, qty in zip(skus, (12, 6, 24), strict=True))
        stock.import_receipts(s, ctx.user, "reference,warehouse,sku,quantity,supplier\n" + rows)
        stock.receive(s, ctx.user, skus[0], 13, bins[0], ctx.clock(), warehouse=house, receipt="ASN-20261201")
        stock.receive(s, ctx.user, skus[1], 4, bins[1], ctx.clock(), warehouse=house, receipt="ASN-20261201")
    view = ReceiveView(ctx)
    view.resize(480, 800)
    view.receipt.setCurrentIndex(view.receipt.findData("ASN-20261201"))
    view.handle_scan(parse_scan(skus[2]))
    view.quantity.setValue(24)
    view.handle_scan(parse_scan(skus[2]))  # the 25th: one more than the note says
    return view


def _moves(ctx: AppContext) -> QWidget:
    house, bins, skus = _place(ctx)
    with unit_of_work(ctx.sessions) as s:
        stock.receive(s, ctx.user, skus[0], 10, bins[0], ctx.clock(), warehouse=house)
    view = MovesView(ctx)
    view.resize(480, 800)
    view.warehouse.setCurrentIndex(view.warehouse.findData(house))
    view.handle_scan(parse_scan(skus[0]))
    view.quantity.setValue(4)
    view.handle_scan(parse_scan(bins[0]))
    return view


def _counted(ctx: AppContext) -> CountView:
    house, bins, skus = _place(ctx)
    with unit_of_work(ctx.sessions) as s:
        stock.receive(s, ctx.user, skus[0], 3, bins[2], ctx.clock(), warehouse=house)
        stock.receive(s, ctx.user, skus[1], 20, bins[2], ctx.clock(), warehouse=house)
    view = CountView(ctx)
    view.resize(480, 800)
    view.warehouse.setCurrentIndex(view.warehouse.findData(house))
    view.handle_scan(parse_scan(bins[2]))
    for _ in range(4):
        view.handle_scan(parse_scan(skus[0]))
    view.handle_scan(parse_scan(skus[1]))
    view.set_count.setValue(12)
    view.finish()
    return view


def _approvals(ctx: AppContext) -> QWidget:
    _counted(ctx).deleteLater()
    return ApprovalsView(ctx)


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "stock.receive": _receive,
    "stock.moves": _moves,
    "stock.count": _counted,
    "stock.approvals": _approvals,
}
