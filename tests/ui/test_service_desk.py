"""Service mode as an agent works it: find the caller by every key, open the history, log the
call, open a ticket, watch its SLA run out on a controlled clock, escalate, resolve, follow up;
an agent without the permission never sees an unmasked phone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import reference
from app.db import read_only
from app.models.accounts import Role
from app.models.audit import AuditEntry
from app.models.service import FollowUp, Interaction, Ticket, TicketStatus
from tests.app.service.conftest import T0, World, build_world
from tests.conftest import make_ctx
from ui.service.mode import ServiceMode


class Clock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def desk_world(engine) -> World:
    reference.ensure(engine)  # what the app does when it opens a database
    return build_world(engine)


def _mode(qtbot, engine, world: World, role=Role.AGENT, clock=None) -> ServiceMode:
    user_id = world.agent_id if role is Role.AGENT else world.super_id
    ctx = make_ctx(engine, role, user_id, "agent1" if role is Role.AGENT else "super1")
    ctx = dataclasses.replace(ctx, clock=clock or Clock(T0 + dt.timedelta(days=4)))
    mode = ServiceMode(ctx)
    qtbot.addWidget(mode)
    mode.resize(1400, 820)
    mode.show()
    return mode


def type_text(qtbot, widget, text: str) -> None:
    """Latin keys as key presses; Chinese as an input method commits it (QTest cannot press 张)."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def _search(qtbot, mode: ServiceMode, text: str) -> None:
    box = mode.desk.search.box
    box.clear()
    type_text(qtbot, box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("13800138000", "phone"),
        ("8000 张", "phone ends with"),
        ("zhang.wei@qq.com", "email"),
        ("PD9000000001", "order"),
        ("SF1400000777001", "tracking number"),
        ("T-000042", "ticket"),
        ("张伟", "name is"),
    ],
)
def test_every_key_type_finds_the_customer_and_says_why(qtbot, engine, desk_world, query, reason):
    mode = _mode(qtbot, engine, desk_world)
    _search(qtbot, mode, query)
    first = mode.desk.search.results.item(0).text()
    assert first.startswith("张伟  #") and reason in first
    if mode.desk.search.result.matches[0].score >= 100:  # a sure hit opens at once
        assert mode.customer.customer_id == desk_world.wei


def test_call_ticket_sla_breach_escalate_resolve_follow_up(qtbot, engine, desk_world):
    clock = Clock(T0 + dt.timedelta(days=4))
    mode = _mode(qtbot, engine, desk_world, clock=clock)
    _search(qtbot, mode, "13800138000")
    view = mode.customer
    assert view.customer_id == desk_world.wei and view.timeline.topLevelItemCount() > 0
    assert "138****8000" in view.contacts_label.text()
    # log the phone call
    dialog = view.log_interaction()
    type_text(qtbot, dialog.fields["body"], "客户来电询问包裹破损怎么处理")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "客户来电询问包裹破损怎么处理" in view.timeline.topLevelItem(0).text(5)
    # open a ticket from the history
    dialog = view.open_ticket()
    type_text(qtbot, dialog.fields["subject"], "包裹破损")
    type_text(qtbot, dialog.fields["body"], "收到的杯子碎了，想要退款")
    dialog.submit()
    with read_only(mode.ctx.sessions) as s:
        ticket = s.scalar(select(Ticket).order_by(Ticket.id.desc()).limit(1))
    assert ticket.category == "quality" and ticket.queue == "after_sales"
    queue = mode.tickets
    mode.tabs.setCurrentWidget(queue)
    queue.scope.setCurrentIndex(queue.scope.findData("all"))
    queue.open_ticket(ticket.id)
    tv = queue.view
    assert "First response: 2:00:00 left" in tv.first_clock.text()  # normal priority by phone
    # the clock runs out: the countdown turns red, the watcher records the breach
    clock.at += dt.timedelta(minutes=121)
    queue.tick()
    assert "BREACHED 0:01:00 ago" in tv.first_clock.text() and "#c62828" in tv.first_clock.styleSheet()
    assert queue.watch_sla() == [ticket.number]
    assert any("first_response breached" in tv.events.item(i).text() for i in range(tv.events.count()))
    # answer with the assist suggestion, then escalate to the supervisor
    assert tv.suggestions, "assist has suggestions for the customer's message"
    weather = next(i for i in range(tv.canned_box.count()) if "天气原因物流延误" in tv.canned_box.itemText(i))
    tv.canned_box.activated.emit(weather)  # an incident template, filled for this customer
    assert tv.reply_box.toPlainText().startswith("张伟您好，受极端天气影响")
    qtbot.mouseClick(
        tv.assist_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tv.assist_list.visualItemRect(tv.assist_list.item(0)).center(),
    )
    assert tv.reply_box.toPlainText() == tv.suggestions[0].text
    qtbot.mouseClick(tv.buttons["send"], Qt.MouseButton.LeftButton)
    assert "First response: late by 0:01:00" in tv.first_clock.text()
    dialog = tv.escalate()
    type_text(qtbot, dialog.fields["text"], "客户要求赔偿")
    dialog.submit()
    with read_only(mode.ctx.sessions) as s:
        t = s.get(Ticket, ticket.id)
        assert t.status is TicketStatus.ESCALATED and t.assignee_id == desk_world.super_id
    # resolve: the follow-up is scheduled 24 h later
    clock.at += dt.timedelta(hours=2)
    dialog = tv.resolve()
    type_text(qtbot, dialog.fields["text"], "已退款 ¥39")
    dialog.submit()
    assert "Resolution: met" in tv.resolution_clock.text()
    with read_only(mode.ctx.sessions) as s:
        follow = s.scalar(select(FollowUp).where(FollowUp.ticket_id == ticket.id))
        assert follow.due_at == clock.at + dt.timedelta(hours=24)
        notes = s.scalars(select(Interaction.body).where(Interaction.ticket_id == ticket.id)).all()
    assert "已退款 ¥39" in notes
    # a day later the follow-up is due in the agent's list; done with what was said
    clock.at += dt.timedelta(hours=24, minutes=1)
    queue.refresh()
    assert queue.left.tabText(1).endswith("(1)") and queue.follow_list.count() == 1
    queue.follow_list.setCurrentRow(0)
    dialog = queue.complete_follow_up()
    type_text(qtbot, dialog.fields["text"], "客户已收到退款，满意")
    dialog.submit()
    assert queue.follow_list.count() == 0 and queue.left.tabText(1).endswith("(0)")
    # the follow-up shows in the customer's history; the ticket button leads back there
    qtbot.mouseClick(tv.customer_button, Qt.MouseButton.LeftButton)
    assert mode.tabs.currentWidget() is mode.desk
    kinds = {view.timeline.topLevelItem(i).text(1) for i in range(view.timeline.topLevelItemCount())}
    assert "Follow-up" in kinds


def test_an_agent_never_sees_an_unmasked_phone_a_supervisor_reveals_with_audit(qtbot, engine, desk_world):
    agent = _mode(qtbot, engine, desk_world)
    _search(qtbot, agent, "13800138000")
    assert not agent.customer.reveal_button.isEnabled()
    texts = [agent.customer.contacts_label.text()]
    texts += [agent.desk.search.results.item(i).text() for i in range(agent.desk.search.results.count())]
    assert all("13800138000" not in t for t in texts)
    boss = _mode(qtbot, engine, desk_world, role=Role.SUPERVISOR)
    _search(qtbot, boss, "13800138000")
    qtbot.mouseClick(boss.customer.reveal_button, Qt.MouseButton.LeftButton)
    assert "13800138000" in boss.customer.contacts_label.text()
    with read_only(boss.ctx.sessions) as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action.like("%reveal%")))
    assert entry is not None and entry.user_id == desk_world.super_id
