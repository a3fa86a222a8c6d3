"""Screenshot views of the Setup window's Products, Carriers and Replies-and-articles tabs on the
demo: a product chosen in the list, the carriers' number pools and their rules, and the "parcel on
its way" reply previewed for the demo's heavy customer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from ui.admin.carriers import CarriersTab
from ui.admin.content import ContentTab
from ui.admin.products import ProductsTab


def _products(ctx: AppContext) -> QWidget:
    tab = ProductsTab(ctx)
    if len(tab.products) > 2:
        tab.table.selectRow(2)
    return tab


def _carriers(ctx: AppContext) -> QWidget:
    tab = CarriersTab(ctx)
    codes = [c.code for c in tab.carrier_views]
    if "SF" in codes:
        tab.carrier_table.selectRow(codes.index("SF"))
    return tab


def _carrier_rules(ctx: AppContext) -> QWidget:
    """Two rules and a cut-off written on the screenshot's own copy of the database."""
    from app.db import unit_of_work
    from app.services import carriers, masterdata

    with unit_of_work(ctx.sessions) as s:
        carriers.save_rule(s, ctx.user, "SF", "特快", position=10, channel="tmall", cod=True)
        carriers.save_rule(s, ctx.user, "ZTO", "标快", position=20, province="浙江省", max_weight_g=3000)
        house = masterdata.warehouses(s)[0].code
        carriers.set_cutoff(s, ctx.user, house, "SF", "16:30", "17:00,19:30")
    tab = CarriersTab(ctx)
    tab.pages.setCurrentIndex(2)
    tab.rule_table.selectRow(1)
    return tab


def _content(ctx: AppContext) -> QWidget:
    from app.demo import HEAVY_CUSTOMER_NAME
    from ui.service.screens import heavy_customer

    tab = ContentTab(ctx)
    keys = [t.key for t in tab.texts]
    if "where_is_parcel" in keys:
        tab.list.setCurrentRow(keys.index("where_is_parcel"))
    tab.customer_query.setText(HEAVY_CUSTOMER_NAME)
    tab.choose_customer(heavy_customer(ctx), HEAVY_CUSTOMER_NAME)
    return tab


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "admin.products": _products,
    "admin.carriers": _carriers,
    "admin.carriers.rules": _carrier_rules,
    "admin.content": _content,
}
