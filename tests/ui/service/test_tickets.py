"""The ticket view's assist as an agent uses it: a reply holding a {placeholder} is not sent and
its placeholders are marked; one click on the intent corrects it; a reply sent from a suggestion
labels the customer's message."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import reference
from app.db import read_only, unit_of_work
from app.models.accounts import Role
from app.models.service import Direction, IntentLabel, Interaction
from app.services import tickets
from app.services.tickets import ContactChannel
from tests.conftest import make_ctx
from tests.support.service_world import T0, World, build_world
from ui.i18n import Translations
from ui.service.mode import ServiceMode


@pytest.fixture
def desk(qtbot, engine):
    return _desk(qtbot, engine)


def _desk(qtbot, engine):
    reference.ensure(engine)
    world: World = build_world(engine)
    ctx = make_ctx(engine, Role.AGENT, world.agent_id, "agent1")
    ctx = dataclasses.replace(ctx, clock=lambda: T0 + dt.timedelta(days=4))
    with unit_of_work(ctx.sessions) as s:
        tid = tickets.open_ticket(
            s,
            ctx.user,
            customer_id=world.wei,
            subject="破损",
            channel=ContactChannel.CHAT,
            now=ctx.clock(),
            body="杯子收到的时候已经碎了",
        ).id
    mode = ServiceMode(ctx)
    qtbot.addWidget(mode)
    mode.show()
    mode.tabs.setCurrentWidget(mode.tickets)
    mode.tickets.scope.setCurrentIndex(mode.tickets.scope.findData("all"))
    mode.tickets.open_ticket(tid)
    return mode, tid, world


def _outbound(mode, tid) -> list[str]:
    with read_only(mode.ctx.sessions) as s:
        return list(
            s.scalars(
                select(Interaction.body).where(
                    Interaction.ticket_id == tid, Interaction.direction == Direction.OUTBOUND
                )
            )
        )


def test_a_reply_with_a_placeholder_is_not_sent_and_the_names_are_marked(qtbot, desk):
    mode, tid, _world = desk
    tv = mode.tickets.view
    said = []
    tv.status_message.connect(said.append)
    tv.reply_box.setPlainText("您好，预计 {eta} 送达")
    qtbot.mouseClick(tv.buttons["send"], Qt.MouseButton.LeftButton)
    assert _outbound(mode, tid) == [] and said[-1] == "Not sent: fill in {eta} first."
    [mark] = tv.reply_box.extraSelections()
    assert mark.cursor.selectedText() == "{eta}"
    tv.reply_box.setPlainText("您好，预计明天送达")  # filled in: the mark goes, the reply is sent
    assert tv.reply_box.extraSelections() == []
    qtbot.mouseClick(tv.buttons["send"], Qt.MouseButton.LeftButton)
    assert _outbound(mode, tid) == ["您好，预计明天送达"]


def test_intent_is_corrected_in_one_click_and_a_suggested_reply_labels_the_message(qtbot, desk):
    mode, tid, _world = desk
    tv = mode.tickets.view
    assert tv.intent_box.currentData() == "damaged"
    tv.intent_box.activated.emit(tv.intent_box.findData("quality_issue"))  # the agent picks another intent
    assert tv.intent_box.currentData() == "quality_issue" and tv.suggestions[0].key == "quality_issue"
    qtbot.mouseClick(
        tv.assist_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tv.assist_list.visualItemRect(tv.assist_list.item(0)).center(),
    )
    chosen = tv.suggestions[0].text
    qtbot.mouseClick(tv.buttons["send"], Qt.MouseButton.LeftButton)
    assert _outbound(mode, tid) == [chosen]
    with read_only(mode.ctx.sessions) as s:
        labels = [(x.intent, x.source) for x in s.scalars(select(IntentLabel).order_by(IntentLabel.id))]
    assert labels == [("quality_issue", "correction"), ("quality_issue", "reply")]


def test_the_history_wraps_in_the_narrow_side_pane(qtbot, desk):
    mode, _tid, _world = desk
    view = mode.tickets.view
    view.events.parentWidget().parentWidget().setCurrentWidget(view.events)  # the History tab
    view.events.setMaximumWidth(150)  # as narrow as it gets beside a ticket on a small screen
    qtbot.waitUntil(lambda: view.events.isVisible() and view.events.count() > 0)
    longest = max(view.events.fontMetrics().horizontalAdvance(view.events.item(i).text())
                  for i in range(view.events.count()))
    assert longest > view.events.viewport().width()  # entries longer than the pane ...
    assert view.events.horizontalScrollBar().maximum() == 0  # ... read whole, wrapped, no sideways scroll


@pytest.mark.parametrize(("language", "assigned", "escalated"), [
    ("en", "Assigned to: 陈客服", "Escalated: agent → supervisor: 客户要求主管处理"),
    ("zh_CN", "处理人：陈客服", "已升级：客服 → 主管：客户要求主管处理"),
])
def test_the_history_names_the_agent_in_the_apps_language(qtbot, qapp, engine, language, assigned, escalated):
    Translations.for_app(qapp).install(language)
    try:
        mode, tid, _world = _desk(qtbot, engine)
        with unit_of_work(mode.ctx.sessions) as s:
            tickets.escalate(s, mode.ctx.user, tid, "客户要求主管处理", mode.ctx.clock())
        view = mode.tickets.view
        view.load(tid)
        history = [view.events.item(i).text().split("  ", 1)[1] for i in range(view.events.count())]
    finally:
        Translations.for_app(qapp).install("en")
    assert assigned in history and escalated in history
    assert "#" not in "".join(history)  # a person, never a user number
    if language == "zh_CN":
        assert ":" not in "".join(history)  # Chinese text takes the full-width colon
