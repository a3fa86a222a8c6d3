"""Late tickets as an agent reads them: waits and lateness in days, hours and minutes (not 11658
minutes or -8d 22:27:20), and one count in the status bar that opens the queue."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy import update

from app import reference
from app.db import unit_of_work
from app.jobs import alerts
from app.models.accounts import Role
from app.models.service import AlertRule, ContactChannel, Ticket
from tests.conftest import make_ctx
from tests.support.service_world import T0, build_world
from tests.ui.service.test_mode import Clock
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.service.alerts import AlertBanner

NOW = T0 + dt.timedelta(days=10)
WAITED = dt.timedelta(minutes=11658)  # 8 days, 2 hours and 18 minutes


@pytest.fixture
def late_world(engine):
    reference.ensure(engine)
    world = build_world(engine)
    ctx = dataclasses.replace(make_ctx(engine, Role.SUPERVISOR, world.super_id, "super1"), clock=Clock(NOW))
    with unit_of_work(ctx.sessions) as s:
        s.execute(update(Ticket).values(first_responded_at=NOW, resolution_due=NOW + dt.timedelta(days=1)))
        s.execute(update(AlertRule).values(enabled=AlertRule.metric == "queue_wait"))
        s.add(Ticket(number="T-600001", customer_id=world.li, subject="在吗", category="general",
                     channel=ContactChannel.CHAT, created_at=NOW - WAITED, assignee_id=world.super_id,
                     first_response_due=NOW - WAITED + dt.timedelta(hours=1),
                     resolution_due=NOW - WAITED + dt.timedelta(days=1)))
    return ctx


@pytest.mark.parametrize(("language", "text"),
                         [("en", "has waited 8 d 2 h"), ("zh_CN", "已等待 8 天 2 小时")])
def test_the_red_bar_says_how_long_the_oldest_ticket_waited(qtbot, qapp, late_world, language, text):
    Translations.for_app(qapp).install(language)
    try:
        alerts.run(late_world.sessions, NOW)  # the worker's job raises the incident
        window = QWidget()
        qtbot.addWidget(window)
        banner = AlertBanner(late_world, window)
        window.show()
        assert banner.isVisible() and text in banner.label.text()
        assert "11658" not in banner.label.text()
    finally:
        Translations.for_app(qapp).install("en")


@pytest.mark.parametrize(("language", "late", "count"),
                         [("en", "8 d overdue", "1 ticket overdue"), ("zh_CN", "超时 8 天", "1 张工单超时")])
def test_an_overdue_ticket_reads_in_days_and_the_status_bar_links_to_it(qtbot, qapp, late_world, language,
                                                                       late, count):
    Translations.for_app(qapp).install(language)
    try:
        window = MainWindow(late_world)
        qtbot.addWidget(window)
        window.show()
        mode = window.tabs.widget(window.tabs.count() - 1)
        queue = mode.tickets
        queue.scope.setCurrentIndex(queue.scope.findData("mine"))
        cells = [queue.table.item(i, 1).text() for i in range(queue.table.rowCount())]
        assert late in cells
        link = window.findChild(QLabel, "sla_status")
        assert link.isVisible() and count in link.text() and "T-600001" not in link.text()
        mode.tabs.setCurrentWidget(mode.desk)
        link.linkActivated.emit("overdue")
        assert mode.tabs.currentWidget() is queue and queue.scope.currentData() == "all"
    finally:
        Translations.for_app(qapp).install("en")
