"""Screenshot view of the ticket desk on the demo data: a fresh "where is my parcel" ticket of the
heavy demo customer, open with its assist answer, beside a queue with running and breached clocks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.services import history, tickets
from app.services.tickets import ContactChannel
from ui.service.mode import ServiceMode
from ui.service.screens import heavy_customer


def _ticket(ctx: AppContext) -> QWidget:
    cid = heavy_customer(ctx)
    with read_only(ctx.sessions) as s:  # the newest order that has a parcel
        number = next(
            (o.number for o in history.orders(s, cid, limit=20) if history.order_detail(s, o.id).parcels), ""
        )
    with unit_of_work(ctx.sessions) as s:
        ticket = tickets.open_ticket(
            s,
            ctx.user,
            customer_id=cid,
            subject="我的快递到哪里了？",
            channel=ContactChannel.CHAT,
            now=ctx.clock(),
            body=f"我的快递到哪里了？订单号 {number}，已经三天了还没到。",
        )
        tid = ticket.id
    view = ServiceMode(ctx)
    view.resize(1400, 820)
    view.tabs.setCurrentWidget(view.tickets)
    view.tickets.scope.setCurrentIndex(view.tickets.scope.findData("all"))
    view.tickets.open_ticket(tid)
    view.tickets.view.assist_list.setCurrentRow(0)
    view.tickets.view._use_suggestion(view.tickets.view.assist_list.item(0))
    return view


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {"service.ticket": _ticket}
