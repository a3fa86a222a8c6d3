"""The dashboard's answer bot panel as a supervisor reads it: per week, the customer messages, the
share the bot answered, the share contained (no customer reply within 72 h) and the intent accuracy
from agents' labels."""

from __future__ import annotations

import dataclasses
import datetime as dt
from email.message import EmailMessage

import pytest

from app import reference
from app.db import unit_of_work
from app.models.accounts import Role
from app.services.mail import thread
from tests.conftest import make_ctx
from tests.support.service_world import T0, build_world
from ui.i18n import Translations
from ui.service.dashboard import DashboardWidget


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    Translations.for_app(qapp).install("en")


def _customer_mails(ctx, *texts: str) -> None:
    with unit_of_work(ctx.sessions) as s:
        for i, text in enumerate(texts):
            msg = EmailMessage()
            msg["From"], msg["To"], msg["Subject"] = "张伟 <zhang.wei@qq.com>", "shop@example.com", text[:10]
            msg["Message-ID"] = f"<d{i}@qq.com>"
            msg.set_content(text)
            thread.file_message(s, msg.as_bytes(), T0 + dt.timedelta(days=4, minutes=i))


def test_the_bot_panel_shows_answered_contained_and_accuracy_per_week(qtbot, engine):
    reference.ensure(engine)
    world = build_world(engine)
    ctx = dataclasses.replace(make_ctx(engine, Role.SUPERVISOR, world.super_id, "super1"),
                              clock=lambda: T0 + dt.timedelta(days=9))
    _customer_mails(ctx, f"我的快递到哪里了？订单号 {world.order}", "杯子用了两天就漏水了，质量太差")
    board = DashboardWidget(ctx)
    qtbot.addWidget(board)
    panel = board.bot
    assert panel.headline.text() == "Answer bot: 1 of 2 customer messages answered"
    row = [panel.table.item(0, c).text() for c in range(panel.table.columnCount())]
    assert row == ["2026-11-23", "2", "50% (1/2)", "100% (1/1)", "—"]
