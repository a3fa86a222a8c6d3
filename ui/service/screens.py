"""Screenshot views of service mode on the demo data: a search mid-flow, the heavy demo
customer (thousands of events) opened with a phone call just logged, the supervisor's refunds
waiting for approval, and the merge dialog of a customer who ordered again under a new phone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.context import AppContext, CurrentUser
from app.db import read_only, unit_of_work
from app.demo import HEAVY_CUSTOMER_NAME
from app.services import customer_actions, customers, history, tickets
from app.services.intake.orders import import_orders
from app.services.intake.records import read_packdesk_csv
from ui.service.customer import MergeDialog
from ui.service.mode import ServiceMode


def heavy_customer(ctx: AppContext) -> int:
    """The demo customer with thousands of events."""
    with read_only(ctx.sessions) as s:
        found = customers.search(s, HEAVY_CUSTOMER_NAME).matches
    cid = next((m.customer_id for m in found if m.name == HEAVY_CUSTOMER_NAME), None)
    assert cid is not None, "load demo data first (packdesk demo)"
    return cid


def _search(ctx: AppContext) -> QWidget:
    view = ServiceMode(ctx)
    view.resize(1280, 800)
    view.desk.search.box.setText("张")
    view.desk.search.run()
    return view


def _customer(ctx: AppContext) -> QWidget:
    cid = heavy_customer(ctx)
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


def _refunds(ctx: AppContext) -> QWidget:
    """Three refunds an agent asked for above the approval limit, in the supervisor's list."""
    with read_only(ctx.sessions) as s:
        agent_id = tickets.least_loaded(s, tickets.Role.AGENT)
        assert agent_id is not None, "load demo data first (packdesk demo)"
        found = [m.customer_id for m in customers.search(s, "张").matches]
        orders = [(cid, o) for cid in found for o in history.orders(s, cid, limit=5) if o.total > 400][:3]
    agent = CurrentUser(agent_id, "agent", "agent", tickets.Role.AGENT)
    reasons = ("收到的商品破损，客户要求全额退款", "少发一件，退差价", "七天无理由退货，已寄回")
    with unit_of_work(ctx.sessions) as s:
        for i, ((cid, order), reason) in enumerate(zip(orders, reasons, strict=False)):
            customer_actions.request_refund(s, agent, cid, order_id=order.id, amount=order.total - 10 * i,
                                            reason=reason, now=ctx.clock() - dt.timedelta(hours=5 - 2 * i))
    view = ServiceMode(ctx)
    view.resize(1280, 800)
    assert view.refunds is not None
    view.tabs.setCurrentWidget(view.refunds)
    return view


def _merge(ctx: AppContext) -> QWidget:
    """A customer who ordered twice more under new phones with the same mailbox at another
    provider: both are offered, one is already merged."""
    with unit_of_work(ctx.sessions) as s:  # the admin's reveal is audited in the screenshot's copy
        chosen = None
        found = [m for q in ("张", "王", "李") for m in customers.search(s, q, limit=200).matches]
        for m in found:
            contacts = history.reveal_contacts(s, ctx.user, m.customer_id)
            emails = [c.value for c in contacts if c.kind == "email"]
            if emails:
                chosen = (m.customer_id, m.name, emails[0].split("@")[0])
                break
    assert chosen is not None, "load demo data first (packdesk demo)"
    cid, name, mailbox = chosen
    header = ("channel,order_ref,placed_at,name,phone,email,"
              "province,city,district,street,sku,quantity,unit_price")
    rows = [f"jd,JD-DUP-{i},2026-11-2{i}T10:00:00+08:00,{name},1370000000{i},{mailbox}@{domain},"
            f"浙江省,杭州市,西湖区,文三路{i}号,SKU-00001,1,99.00"
            for i, domain in ((1, "sina.com"), (2, "139.com"))]
    import_orders(ctx.sessions, read_packdesk_csv("\n".join([header, *rows]) + "\n"), now=ctx.clock())
    with unit_of_work(ctx.sessions) as s:
        first = customers.duplicate_candidates(s, cid)[0]
        customers.merge_customers(s, ctx.user, first.customer_id, cid, station=ctx.station)
    dialog = MergeDialog(ctx, cid)
    dialog.resize(700, 560)
    return dialog


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "service.search": _search,
    "service.customer": _customer,
    "service.refunds": _refunds,
    "service.merge": _merge,
}
