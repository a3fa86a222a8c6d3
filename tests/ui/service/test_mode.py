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
from app.db import read_only, session_factory, unit_of_work
from app.jobs import sla
from app.models.accounts import Role
from app.models.audit import AuditEntry
from app.models.orders import Customer
from app.models.service import FollowUp, Interaction, Refund, RefundStatus, Ticket, TicketStatus
from tests.conftest import make_ctx
from tests.support.service_world import T0, World, _customer, build_world
from ui.i18n import Translations
from ui.service.mode import ServiceMode


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    """These steps read the English texts, whatever language an earlier test left installed."""
    Translations.for_app(qapp).install("en")


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
    assert ticket.assignee_id == desk_world.agent_id  # opened during the call: it stays with the agent
    queue = mode.tickets
    mode.tabs.setCurrentWidget(queue)
    queue.scope.setCurrentIndex(queue.scope.findData("all"))
    queue.open_ticket(ticket.id)
    tv = queue.view
    assert "First response: 2:00:00 left" in tv.first_clock.text()  # normal priority by phone
    # the clock runs out: the countdown turns red; the worker's SLA job records the breach
    clock.at += dt.timedelta(minutes=121)
    queue.tick()
    assert "First response: 1 min overdue" in tv.first_clock.text()
    assert "#c62828" in tv.first_clock.styleSheet()
    row = next(i for i in range(queue.table.rowCount()) if queue.table.item(i, 0).text() == ticket.number)
    assert queue.table.item(row, 1).text() == "1 min overdue"
    assert sla.run(mode.ctx.sessions, clock.at) == "1 ticket(s) breached"
    mode.job_finished("sla", True, "1 ticket(s) breached")
    assert any("First response time breached" in tv.events.item(i).text() for i in range(tv.events.count()))
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
    assert "First response: late by 1 min" in tv.first_clock.text()
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


def test_a_refund_over_the_limit_waits_in_the_supervisors_list_until_approved_or_declined(
    qtbot, engine, desk_world
):
    agent = _mode(qtbot, engine, desk_world)
    assert agent.refunds is None  # an agent has no list to approve from
    _search(qtbot, agent, "13800138000")
    for amount, reason in (("500", "杯子碎了"), ("300", "少发一件")):
        dialog = agent.customer.refund()
        order = dialog.fields["order"]  # the ¥1,200 one
        order.setCurrentIndex(order.findText(desk_world.order, Qt.MatchFlag.MatchStartsWith))
        type_text(qtbot, dialog.fields["amount"], amount)
        type_text(qtbot, dialog.fields["reason"], reason)
        dialog.submit()
        assert "waiting for a supervisor's approval" in dialog.outcome
    later = Clock(T0 + dt.timedelta(days=4, hours=1))
    boss = _mode(qtbot, engine, desk_world, role=Role.SUPERVISOR, clock=later)
    refunds = boss.refunds
    assert boss.tabs.tabText(boss.tabs.indexOf(refunds)) == "Refunds to approve (2)"
    boss.tabs.setCurrentWidget(refunds)
    assert [refunds.table.item(i, 3).text() for i in range(2)] == ["¥500.00", "¥300.00"]
    assert refunds.table.item(0, 5).text() == "陈客服"
    qtbot.mouseClick(refunds.approve_button, Qt.MouseButton.LeftButton)
    assert refunds.table.rowCount() == 1 and boss.tabs.tabText(boss.tabs.indexOf(refunds)).endswith("(1)")
    dialog = refunds.decline()
    dialog.submit()
    assert "The reason is empty" in dialog.error.text() and dialog.isVisible()  # nothing decided
    type_text(qtbot, dialog.fields["reason"], "已补发")
    dialog.submit()
    assert refunds.table.rowCount() == 0 and "No refund is waiting" in refunds.summary.text()
    with read_only(boss.ctx.sessions) as s:
        statuses = s.scalars(select(Refund.status).order_by(Refund.id)).all()
    assert statuses == [RefundStatus.APPROVED, RefundStatus.REJECTED]
    agent.customer.load(desk_world.wei)  # the agent sees both decisions in the history
    details = [agent.customer.timeline.topLevelItem(i).text(5) for i in range(2)]
    assert "declined by Super1: 已补发" in details[0] and "approved by Super1" in details[1]


def test_a_supervisor_merges_a_duplicate_the_customer_screen_offers_and_undoes_it(qtbot, engine, desk_world):
    with unit_of_work(session_factory(engine)) as s:  # 张伟 again, with a new phone, at the same street
        again = _customer(s, "张伟", "13911112222").id
    agent = _mode(qtbot, engine, desk_world)
    _search(qtbot, agent, "13800138000")
    assert not agent.customer.merge_button.isVisible()
    boss = _mode(qtbot, engine, desk_world, role=Role.SUPERVISOR)
    _search(qtbot, boss, "13800138000")
    qtbot.mouseClick(boss.customer.merge_button, Qt.MouseButton.LeftButton)
    dialog = boss.customer.merge_dialog
    assert dialog.candidate_list.count() == 1
    assert dialog.candidate_list.item(0).text().startswith(f"张伟  #{again}  139****2222")
    assert "same name and street address" in dialog.candidate_list.item(0).text()
    type_text(qtbot, dialog.other_box, "#abc")
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert "Not a customer id" in dialog.error.text()
    dialog.other_box.clear()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.candidate_list.item(0).text().startswith("No likely duplicate")
    assert dialog.member_list.item(0).text() == f"张伟  #{again}"
    assert f"#{again}" in boss.customer.facts_label.text()  # includes merged customers
    qtbot.mouseClick(dialog.unmerge_button, Qt.MouseButton.LeftButton)
    assert dialog.member_list.count() == 0 and dialog.candidate_list.count() == 1
    with read_only(boss.ctx.sessions) as s:
        assert s.get(Customer, again).merged_into_id is None
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "customer")).all()
    assert actions == ["customer.merge", "customer.unmerge"]
