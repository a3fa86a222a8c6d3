"""Screenshot views of the answer bot and the assist actions on the demo data: a "where is my
parcel" email the bot answered (its reply and decisions in the ticket), a ticket whose answer offers
an action (one button), and the dashboard with the bot's week after a few such emails."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.services import answer_bot, history, tickets
from app.services.tickets import ContactChannel
from ui.service.insight_screens import _dashboard
from ui.service.mode import ServiceMode
from ui.service.screens import heavy_customer


def _emailed(ctx: AppContext, text: str) -> int:
    """The heavy demo customer emails `text` about their newest order with a parcel; the bot reads it."""
    cid = heavy_customer(ctx)
    with read_only(ctx.sessions) as s:
        number = next(
            (o.number for o in history.orders(s, cid, limit=20) if history.order_detail(s, o.id).parcels), ""
        )
    body = text.format(number=number)
    with unit_of_work(ctx.sessions) as s:
        tid = tickets.open_ticket(s, ctx.user, customer_id=cid, subject=body[:20],
                                  channel=ContactChannel.EMAIL, now=ctx.clock(), body=body, to_queue=True).id
        answer_bot.customer_message(s, tid, body, ctx.clock())  # what the mail channel's hook runs
    return tid


def _desk(ctx: AppContext, tid: int, side: int) -> QWidget:
    view = ServiceMode(ctx)
    view.resize(1400, 820)
    view.tabs.setCurrentWidget(view.tickets)
    view.tickets.scope.setCurrentIndex(view.tickets.scope.findData("all"))
    view.tickets.open_ticket(tid)
    view.tickets.view.findChild(QWidget, "ticket_side").setCurrentIndex(side)
    return view


def _bot(ctx: AppContext) -> QWidget:
    return _desk(ctx, _emailed(ctx, "我的快递到哪里了？订单号 {number}，好几天了还没到。"), 1)  # its history


def _action(ctx: AppContext) -> QWidget:
    return _desk(ctx, _emailed(ctx, "麻烦帮我开一张发票，订单号 {number}，公司抬头。"), 0)  # the assist


def _dashboard_bot(ctx: AppContext) -> QWidget:
    for text in ("我的快递到哪里了？订单号 {number}", "Where is my parcel? Order {number}",
                 "快递到哪了？转人工", "我要投诉你们的客服，态度太差了"):
        _emailed(ctx, text)
    return _dashboard(ctx)


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "service.ticket_bot": _bot,
    "service.ticket_action": _action,
    "service.dashboard_bot": _dashboard_bot,
}
