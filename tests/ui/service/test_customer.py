"""The customer's history as an agent works it: a double-click on a ticket in the timeline opens
that ticket in the queue tab (an order row stays put), and a call logged on the customer's
resolved ticket opens it again."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import reference
from app.db import read_only
from app.models.accounts import Role
from app.models.service import Ticket, TicketStatus
from tests.conftest import make_ctx
from tests.support.service_world import T0, World, build_world
from ui.i18n import Translations
from ui.service.mode import ServiceMode


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    Translations.for_app(qapp).install("en")


@pytest.fixture
def mode(qtbot, engine) -> tuple[ServiceMode, World]:
    reference.ensure(engine)
    world = build_world(engine)
    ctx = make_ctx(engine, Role.AGENT, world.agent_id, "agent1")
    mode = ServiceMode(dataclasses.replace(ctx, clock=lambda: T0 + dt.timedelta(days=4)))
    qtbot.addWidget(mode)
    mode.resize(1400, 820)
    mode.show()
    mode.customer.load(world.wei)
    return mode, world


def _row(view, kind: str):
    tree = view.timeline
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return next(item for item in items if item.data(0, Qt.ItemDataRole.UserRole)[0] == kind)


def _double_click(qtbot, view, item) -> None:
    tree = view.timeline
    tree.scrollToItem(item)
    at = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=at)  # the view opens what was pressed
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=at)


def test_double_click_on_a_ticket_in_the_timeline_opens_it(qtbot, mode):
    mode, world = mode
    view = mode.customer
    row = _row(view, "ticket")
    assert row.text(2) == world.ticket and row.toolTip(2) == "Double-click to open the ticket"
    _double_click(qtbot, view, _row(view, "order"))
    assert mode.tabs.currentWidget() is mode.desk  # an order row opens no ticket
    _double_click(qtbot, view, row)
    assert mode.tabs.currentWidget() is mode.tickets
    assert mode.tickets.view.detail.ticket.number == world.ticket
    mode.tabs.setCurrentWidget(mode.desk)
    mode.desk.search.box.setText("T-999999")  # no such ticket: the search says so, nothing opens
    assert mode.desk.search.run().matches == ()
    assert mode.tabs.currentWidget() is mode.desk and "T-999999" in mode.desk.search.hint.text()


def test_a_ticket_number_typed_in_the_search_box_opens_the_ticket(qtbot, mode):
    mode, world = mode
    mode.tabs.setCurrentWidget(mode.desk)
    mode.desk.search.box.setText(world.ticket.lower())  # t-000001, as typed
    mode.desk.search.run()
    assert mode.tabs.currentWidget() is mode.tickets
    assert mode.tickets.view.detail.ticket.number == world.ticket


def test_a_call_logged_on_the_resolved_ticket_opens_it_again(qtbot, mode):
    mode, world = mode
    view = mode.customer
    dialog = view.log_interaction()
    tickets_box = dialog.fields["ticket"]
    assert tickets_box.itemData(0) == ""  # a call need not be about a ticket
    tickets_box.setCurrentIndex(tickets_box.findText(world.ticket, Qt.MatchFlag.MatchStartsWith))
    dialog.fields["body"].setPlainText("客户来电：换货还没收到")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    with read_only(mode.ctx.sessions) as s:
        ticket = s.scalar(select(Ticket).where(Ticket.number == world.ticket))
    assert ticket.status is TicketStatus.OPEN and ticket.resolved_at is None


def test_a_refusal_on_a_chinese_service_screen_reads_in_chinese(qtbot, engine, chinese):
    from ui.service.customer import MergeDialog

    reference.ensure(engine)
    world = build_world(engine)
    dialog = MergeDialog(make_ctx(engine, Role.SUPERVISOR, world.agent_id, "super1"), world.wei)
    qtbot.addWidget(dialog)
    dialog.other_box.setText("abc")
    assert dialog.merge() is False
    assert dialog.error.text().startswith("不是客户编号"), dialog.error.text()
