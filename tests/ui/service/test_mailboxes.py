"""The desk's clock and feedback screens as a supervisor and an agent use them: the SLA calendar
(2027 drafted until confirmed, business hours saved per queue), a typed ticket number opening the
ticket, tags and an email attachment on the ticket (saved to a file), CSAT on the dashboard, the
mailbox settings, and a change made by another station showing without a click."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import reference
from app.db import read_only, session_factory, unit_of_work
from app.models.accounts import Role
from app.models.desk import CsatSurvey
from app.models.service import Incident
from app.services import business_hours, csat, tickets
from app.services.mail import mailboxes, thread
from tests.app.services.mail.conftest import MESSAGES
from tests.conftest import make_ctx
from tests.support.service_world import build_world
from ui.i18n import Translations
from ui.live import LiveUpdates
from ui.service.mailboxes import MailboxDialog
from ui.service.mode import ServiceMode

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    Translations.for_app(qapp).install("en")


@pytest.fixture
def desk(engine):
    reference.ensure(engine)
    world = build_world(engine)
    boss = make_ctx(engine, Role.SUPERVISOR, world.super_id, "super1")
    boss = dataclasses.replace(boss, clock=lambda: NOW)
    with unit_of_work(session_factory(engine)) as s:
        filed = thread.file_message(s, (MESSAGES / "attachment.eml").read_bytes(), NOW)
    return engine, world, boss, filed.ticket_number


def _mode(qtbot, ctx) -> ServiceMode:
    mode = ServiceMode(ctx)
    qtbot.addWidget(mode)
    mode.resize(1400, 860)
    mode.show()
    return mode


def test_the_supervisor_confirms_the_drafted_year_and_sets_a_queues_hours(qtbot, desk):
    engine, _, boss, _ = desk
    mode = _mode(qtbot, boss)
    page = mode.sla_calendar
    assert page.year.value() == 2027 and "DRAFT" in page.state.text() and page.confirm.isEnabled()
    qtbot.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
    assert page.state.text() == "2027: confirmed." and not page.confirm.isEnabled()
    qtbot.mouseClick(page.findChild(type(page.confirm), "add_queue"), Qt.MouseButton.LeftButton)
    page.hours.item(0, 0).setText("after_sales")
    page.hours.item(0, 1).setText("09:00-12:00, 13:00-21:00")
    assert page.save_hours()
    with read_only(session_factory(engine)) as s:
        hours = business_hours.load(s).for_queue("after_sales")
    assert hours.describe() == "09:00-12:00, 13:00-21:00" and hours.weekdays == frozenset(range(1, 6))
    assert page.hours.item(0, 0).text() == "After-sales"  # the queue's name, not its key
    assert page.save_hours()  # saved again under its key
    with read_only(session_factory(engine)) as s:
        assert set(business_hours.load(s).hours) == {"after_sales"}
    page.hours.item(0, 2).setText("1,2,x")
    messages = []
    page.status_message.connect(messages.append)
    assert not page.save_hours() and messages == ["Weekdays are numbers 1 (Monday) to 7 (Sunday), separated "
                                                  "by commas."]


def test_a_typed_number_opens_the_ticket_with_its_attachment_and_tags(qtbot, desk, tmp_path):
    _, _, boss, number = desk
    mode = _mode(qtbot, boss)
    queue = mode.tickets
    queue.finder.box.setText(number.lower())
    queue.finder.run()
    view = queue.view
    assert view.title.text().startswith(number)
    assert view.extras.files.count() == 1 and "发票照片.pdf" in view.extras.files.item(0).text()
    saved = view.extras.save_attachment(tmp_path / "发票照片.pdf")
    assert saved is not None and saved.stat().st_size > 0
    assert view.extras.save_attachment(saved) is None  # never over an existing file
    assert oct(os.stat(saved).st_mode & 0o777) == "0o600"
    view.extras.tags.setText("发票, 重开")
    assert view.extras.save_tags()
    queue.finder.box.setText("重开")
    rows = queue.finder.run()
    assert [r.number for r in rows] == [number]


def test_the_dashboard_shows_satisfaction_per_agent_queue_and_week(qtbot, desk):
    engine, world, boss, number = desk
    with unit_of_work(session_factory(engine)) as s:
        tid = tickets.ticket_by_number(s, number)
        tickets.assign(s, boss.user, tid, world.agent_id, NOW)
        tickets.set_status(s, boss.user, tid, tickets.TicketStatus.RESOLVED, NOW)
        survey = s.scalars(select(CsatSurvey).where(CsatSurvey.ticket_id == tid)).one()
        csat.record_answer(s, survey, 4, "很快", NOW)
    mode = _mode(qtbot, boss)
    board = mode.dashboard
    board.start.setDate(NOW.date() - dt.timedelta(days=6))
    board.end.setDate(NOW.date())
    assert board.csat.headline.text() == "Satisfaction 4.0 / 5 from 1 answers"
    assert board.csat.tables["agent"].item(0, 0).text() == "陈客服"


def test_the_mailbox_dialog_saves_a_mailbox_and_keeps_the_password_on_the_station(qtbot, desk):
    engine, _, boss, _ = desk
    dialog = MailboxDialog(boss)
    qtbot.addWidget(dialog)
    fields = dialog.fields
    fields["name"].setText("shop")
    fields["address"].setText("not-an-address")
    assert not dialog.save() and dialog.state.text() == "Not an email address: 'not-an-address'."
    fields["address"].setText("kefu@shop.example")
    for key, value in (("imap_host", "imap.shop.example"), ("imap_user", "kefu"),
                       ("smtp_host", "smtp.shop.example"), ("password", "s3cret")):
        fields[key].setText(value)
    assert dialog.save()
    with read_only(session_factory(engine)) as s:
        assert mailboxes.mailbox_named(s, "shop").imap_host == "imap.shop.example"
    assert mailboxes.password("shop") == "s3cret"
    assert dialog.list.count() == 1 and not fields["name"].isEnabled()


def test_an_incident_raised_by_another_station_shows_without_a_click(qtbot, desk):
    engine, _, boss, _ = desk
    mode = _mode(qtbot, boss)
    updates = LiveUpdates(engine).start()
    updates.changed.connect(mode.live_changed)
    try:
        with unit_of_work(session_factory(engine)) as s:
            s.add(Incident(title="顺丰华南延误", opened_at=NOW))
        qtbot.waitUntil(lambda: "顺丰华南延误" in mode.alert_banner.label.text(), timeout=2000)
    finally:
        updates.stop()
