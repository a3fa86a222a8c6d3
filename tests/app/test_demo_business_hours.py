"""The demo desk keeps business hours: 09:00-21:00 for every queue, a split shift for
after-sales, the shipped 2027 calendar (a draft until a supervisor confirms it): after-sales'
clock waits over lunch, and an hour asked on New Year's Day is due on the next working day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.db import read_only, session_factory
from app.models.service import Ticket
from app.services import business_hours


def test_the_demo_queues_keep_business_hours_and_the_2027_calendar(demo_engine):
    with read_only(session_factory(demo_engine)) as s:
        calendar = business_hours.load(s)
        years = business_hours.years(s)
    assert calendar.for_queue("general").describe() == "09:00-21:00"
    assert calendar.for_queue("after_sales").describe() == "09:00-12:00, 13:00-21:00"
    assert years.get(2027) is False  # shipped as a draft
    zone = calendar.zone
    lunch = dt.datetime(2027, 3, 3, 12, 30, tzinfo=zone)  # a Wednesday
    assert calendar.add("after_sales", lunch, 30) == dt.datetime(2027, 3, 3, 13, 30, tzinfo=zone)
    assert calendar.add("general", lunch, 30) == dt.datetime(2027, 3, 3, 13, 0, tzinfo=zone)
    new_year = dt.datetime(2027, 1, 1, 10, 0, tzinfo=zone)  # 元旦, off until Sunday the 3rd
    assert calendar.add("general", new_year, 60) == dt.datetime(2027, 1, 4, 10, 0, tzinfo=zone)


def test_the_demo_tickets_sit_in_the_queues_their_routes_name(demo_engine):
    with read_only(session_factory(demo_engine)) as s:
        pairs = set(s.execute(select(Ticket.category, Ticket.queue)).all())
    assert ("return", "after_sales") in pairs and ("quality", "after_sales") in pairs  # the split shift
    assert {queue for _, queue in pairs} <= {"after_sales", "logistics", "payments", "social", "general"}
