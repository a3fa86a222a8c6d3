"""The incident bar and dialog, and the dashboard, as a supervisor uses them."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select, update

from app import reference
from app.db import read_only, unit_of_work
from app.demo import NOW
from app.jobs import alerts
from app.models.accounts import Role
from app.models.service import AlertRule, ContactChannel, Direction, Incident, Interaction
from tests.conftest import make_ctx
from tests.support.service_world import T0, build_world
from tests.ui.service.test_mode import Clock, type_text
from ui.i18n import Translations
from ui.service.alerts import AlertBanner
from ui.service.dashboard import DashboardWidget


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    """These steps read the English texts, whatever language an earlier test left installed."""
    Translations.for_app(qapp).install("en")


def test_a_spike_raises_the_bar_and_a_supervisor_closes_the_incident(qtbot, engine):
    reference.ensure(engine)
    world = build_world(engine)
    clock = Clock(T0 + dt.timedelta(days=9))
    ctx = dataclasses.replace(make_ctx(engine, Role.SUPERVISOR, world.super_id, "super1"), clock=clock)
    with unit_of_work(ctx.sessions) as s:
        s.execute(update(AlertRule).values(enabled=AlertRule.metric == "contacts_vs_last_week"))
    window = QWidget()  # the bar lives in service mode's window, hidden while all is well
    qtbot.addWidget(window)
    banner = AlertBanner(ctx, window, interval_ms=20)
    window.show()
    assert banner.isHidden()
    with unit_of_work(ctx.sessions) as s:
        for i in range(30):  # a burst of chats in the last hour, nothing a week ago
            s.add(
                Interaction(
                    customer_id=world.wei if i % 2 else world.li,
                    channel=ContactChannel.CHAT,
                    direction=Direction.INBOUND,
                    body="支付不了",
                    occurred_at=clock.at - dt.timedelta(minutes=i + 1),
                )
            )
    qtbot.wait(100)  # several looks of the bar
    assert banner.isHidden()  # the bar only reads: the worker's alerts job raises incidents
    alerts.run(ctx.sessions, clock.at)
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert "30 in the hour, 0 a week ago" in banner.label.text()
    dialog = banner.show_incident()
    assert "2 affected customers" in dialog.affected.text()
    type_text(qtbot, dialog.ticket_box, world.ticket)
    qtbot.mouseClick(dialog.findChild(type(dialog.close_button), "link"), Qt.MouseButton.LeftButton)
    assert dialog.tickets.count() == 1
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert "5W1H" in dialog.error.text() and dialog.isVisible()
    for field, text in zip(
        ("what", "why", "where", "when", "who", "how"),
        ("咨询量激增", "支付通道故障", "支付网关", "09:00-10:00", "30 位客户", "切换备用通道"),
        strict=True,
    ):
        type_text(qtbot, dialog.review[field], text)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with read_only(ctx.sessions) as s:
        incident = s.scalar(select(Incident))
    assert incident.status == "closed" and incident.review["why"] == "支付通道故障"
    clock.at += dt.timedelta(hours=2)  # the burst is over: the bar goes away
    qtbot.waitUntil(banner.isHidden, timeout=2000)


def test_dashboard_shows_the_demo_figures_and_exports(qtbot, demo_ctx, tmp_path):
    ctx = dataclasses.replace(demo_ctx, clock=lambda: NOW)
    view = DashboardWidget(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    assert int(view.figures["tickets"].text()) > 0 and view.figures["sla_first"].text().endswith("%")
    assert len(view.volume_view.chart().series()[0].barSets()) == 4
    view.start.setDate(view.end.date().addDays(1))  # a range that ends before it starts
    assert view.board is not None and view.board.start <= view.board.end
    path = tmp_path / "dash.csv"
    assert view.export_to(path)
    header = next(csv.reader(path.open(encoding="utf-8-sig")))
    assert header == ["day", "phone", "chat", "email", "social", "total"]
