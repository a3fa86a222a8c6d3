"""The assist panel's actions as an agent uses them: the answer offers "change the delivery
details", the agent clicks it, confirms with the new details, and the order has them and the
conversation says so; a refused detail keeps the dialog open with the reason. The bot's answer
shows as the bot's in the conversation and the history."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
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


def _desk(qtbot, engine, message: str, *, allocated: str = "", supervisor: bool = False,
          address: bool = False):
    reference.ensure(engine)
    world: World = build_world(engine)
    role, user_id, name = (Role.SUPERVISOR, world.super_id, "super1") if supervisor else \
        (Role.AGENT, world.agent_id, "agent1")
    ctx = dataclasses.replace(make_ctx(engine, role, user_id, name), clock=lambda: NOW)
    with unit_of_work(ctx.sessions) as s:
        order_id = None
        if allocated:
            order = Order(number=allocated, channel=Channel.JD, channel_ref=allocated, customer_id=world.wei,
                          status=OrderStatus.ALLOCATED, total=Decimal("99.00"), subtotal=Decimal("99.00"),
                          placed_at=NOW - dt.timedelta(hours=3), carrier="SF")
            if address:
                at = Address(customer_id=world.wei, recipient="张伟", phone="13800138000", province="浙江省",
                             city="杭州市", district="西湖区", street="文三路 99 号")
                s.add(at)
                s.flush()
                order.address_id = at.id
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


def _delivered_to(mode, number: str) -> tuple[str, str, str]:
    with read_only(mode.ctx.sessions) as s:
        row = s.execute(select(Address.recipient, Address.phone, Address.street)
                        .join(Order, Order.address_id == Address.id).where(Order.number == number)).one()
    return tuple(row)


def test_the_dialog_starts_from_the_orders_details_and_says_what_the_agent_changed(qtbot, engine):
    mode, _, _ = _desk(qtbot, engine, "门牌号写错了，帮我改一下收货地址 PD9000000009",
                       allocated="PD9000000009", address=True)
    tv = mode.tickets.view
    qtbot.mouseClick(tv.action_button, Qt.MouseButton.LeftButton)
    dialog = tv.dialog
    shown = {name: dialog.fields[name].text() for name in ("recipient", "province", "city", "district",
                                                            "street")}
    assert shown == {"recipient": "张伟", "province": "浙江省", "city": "杭州市", "district": "西湖区",
                     "street": "文三路 99 号"}
    changed = dialog.findChild(QLabel, "changed")
    assert changed.text() == "Nothing changed yet: these are the order's delivery details now."
    # an agent may not see the whole phone number: the field shows it masked, and left empty it stays
    phone = dialog.fields["phone"]
    assert phone.text() == "" and phone.placeholderText() == "138****8000: stays unless you type a new number"
    dialog.fields["street"].setText("文三路 100 号")
    assert changed.text() == "You changed: Street."
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _delivered_to(mode, "PD9000000009") == ("张伟", "13800138000", "文三路 100 号")


def test_an_agent_who_types_a_new_phone_number_changes_it(qtbot, engine):
    mode, _, _ = _desk(qtbot, engine, "帮我改一下收货电话 PD9000000009", allocated="PD9000000009",
                       address=True)
    tv = mode.tickets.view
    qtbot.mouseClick(tv.action_button, Qt.MouseButton.LeftButton)
    dialog = tv.dialog
    qtbot.keyClicks(dialog.fields["phone"], "13912345678")
    assert dialog.findChild(QLabel, "changed").text() == "You changed: Phone."
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _delivered_to(mode, "PD9000000009") == ("张伟", "13912345678", "文三路 99 号")


def test_a_supervisor_changes_one_field_and_keeps_the_rest(qtbot, engine):
    mode, _, _ = _desk(qtbot, engine, "帮我改一下收货地址 PD9000000009", allocated="PD9000000009",
                       supervisor=True, address=True)
    tv = mode.tickets.view
    qtbot.mouseClick(tv.action_button, Qt.MouseButton.LeftButton)
    dialog = tv.dialog
    assert dialog.fields["phone"].text() == "13800138000"
    dialog.fields["recipient"].setText("王小明")
    assert dialog.findChild(QLabel, "changed").text() == "You changed: Recipient."
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _delivered_to(mode, "PD9000000009") == ("王小明", "13800138000", "文三路 99 号")


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
