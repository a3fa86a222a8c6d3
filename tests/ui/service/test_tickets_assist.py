"""The assist panel's actions as an agent uses them: the answer offers "change the delivery
details", the agent clicks it, confirms with the new details, and the order has them and the
conversation says so; a refused detail keeps the dialog open with the reason. The bot's answer
shows as the bot's in the conversation and the history."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from app import reference
from app.db import read_only, unit_of_work
from app.models.accounts import Role
from app.models.orders import Address, Channel, Order, OrderStatus
from app.services import answer_bot, tickets
from app.services.tickets import ContactChannel
from tests.conftest import make_ctx
from tests.support.service_world import T0, World, build_world
from ui.service.mode import ServiceMode

NOW = T0 + dt.timedelta(days=4)


def _desk(qtbot, engine, message: str, *, allocated: str = ""):
    reference.ensure(engine)
    world: World = build_world(engine)
    ctx = dataclasses.replace(make_ctx(engine, Role.AGENT, world.agent_id, "agent1"), clock=lambda: NOW)
    with unit_of_work(ctx.sessions) as s:
        order_id = None
        if allocated:
            order = Order(number=allocated, channel=Channel.JD, channel_ref=allocated, customer_id=world.wei,
                          status=OrderStatus.ALLOCATED, total=Decimal("99.00"), subtotal=Decimal("99.00"),
                          placed_at=NOW - dt.timedelta(hours=3), carrier="SF")
            s.add(order)
            s.flush()
            order_id = order.id
        tid = tickets.open_ticket(s, ctx.user, customer_id=world.wei, subject=message[:20], order_id=order_id,
                                  channel=ContactChannel.EMAIL, now=NOW, body=message).id
    mode = ServiceMode(ctx)
    qtbot.addWidget(mode)
    mode.show()
    mode.tabs.setCurrentWidget(mode.tickets)
    mode.tickets.open_ticket(tid)
    return mode, tid, world


def test_the_agent_changes_the_address_from_the_assist_panel(qtbot, engine):
    mode, _, _ = _desk(qtbot, engine, "地址写错了，帮我改一下收货地址 PD9000000009", allocated="PD9000000009")
    tv = mode.tickets.view
    assert tv.action_button.isVisible()
    assert tv.action_button.text() == "Change the delivery details of PD9000000009…"
    qtbot.mouseClick(tv.action_button, Qt.MouseButton.LeftButton)
    dialog = tv.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.fields["phone"], "13912345678")
    typed = (("recipient", "王小明"), ("province", "浙江省"), ("city", "杭州市"), ("district", "西湖区"))
    for name, text in typed:
        dialog.fields[name].setText(text)  # an input method types Chinese; keyClicks sends keys only
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # no street yet: refused, nothing changed
    assert dialog.isVisible() and dialog.error.text() == "The street address is empty."
    dialog.fields["street"].setText("文三路 100 号")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with read_only(mode.ctx.sessions) as s:
        street = s.scalar(select(Address.street).join(Order, Order.address_id == Address.id)
                          .where(Order.number == "PD9000000009"))
    assert street == "文三路 100 号"
    shown = [tv.messages.item(i).text() for i in range(tv.messages.count())]
    assert any("Note" in m and "Delivery details of order PD9000000009 changed to 王小明" in m for m in shown)


def test_the_bots_answer_is_marked_as_the_bots(qtbot, engine):
    ask = "我的快递到哪里了？订单号 PD9000000001"
    mode, tid, _ = _desk(qtbot, engine, ask)
    with unit_of_work(mode.ctx.sessions) as s:
        assert answer_bot.customer_message(s, tid, ask, NOW).answered
    tv = mode.tickets.view
    tv.load(tid)
    shown = [tv.messages.item(i).text() for i in range(tv.messages.count())]
    assert "Bot · " in shown[-1] and "SF1400000777001" in shown[-1]
    history = [tv.events.item(i).text() for i in range(tv.events.count())]
    assert any("Bot: answered the customer; waiting for them" in h for h in history)
    assert any("Bot read the intent as Where is my parcel (" in h for h in history)
