"""Screenshot views of service mode on the demo data: a search mid-flow, and the heavy demo
customer (thousands of events) opened with a phone call just logged."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.demo import HEAVY_CUSTOMER_NAME
from app.models.orders import Customer
from app.services import customer_actions
from ui.service.mode import ServiceMode


def _search(ctx: AppContext) -> QWidget:
    view = ServiceMode(ctx)
    view.resize(1280, 800)
    view.desk.search.box.setText("张")
    view.desk.search.run()
    return view


def _customer(ctx: AppContext) -> QWidget:
    with read_only(ctx.sessions) as s:
        cid = s.scalar(select(Customer.id).where(Customer.name == HEAVY_CUSTOMER_NAME))
    assert cid is not None, "load demo data first (packdesk demo)"
    with unit_of_work(ctx.sessions) as s:
        customer_actions.log_interaction(
            s, ctx.user, cid, channel="phone", direction="inbound", now=ctx.clock(),
            body="客户来电询问最近订单的配送时间，已告知预计明天送达。")
    view = ServiceMode(ctx)
    view.resize(1280, 800)
    view.desk.search.box.setText(HEAVY_CUSTOMER_NAME)
    view.desk.search.run()
    view.desk.customer.load(cid)
    return view


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "service.search": _search,
    "service.customer": _customer,
}
