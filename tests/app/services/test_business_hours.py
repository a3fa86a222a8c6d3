"""Business time: shifts per queue, split shifts, public holidays and make-up working days (调休),
the shipped calendar and a supervisor's import, on the site's zone (Asia/Shanghai)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.db import read_only, session_factory, unit_of_work
from app.errors import ConfigError, DomainError
from app.services import business_hours
from app.services.business_hours import Calendar, parse_hours
from tests.conftest import make_ctx

SH = ZoneInfo("Asia/Shanghai")
DAY_SHIFT = parse_hours({"shifts": ["09:00-21:00"], "weekdays": [1, 2, 3, 4, 5]})
SPLIT = parse_hours({"shifts": ["13:00-18:00", "09:00-12:00"], "weekdays": [1, 2, 3, 4, 5, 6, 7]})
HOLIDAYS = {dt.date(2026, 10, d): "holiday" for d in range(1, 8)} | {dt.date(2026, 10, 10): "workday"}


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SH)


def cal(**hours: business_hours.Hours) -> Calendar:
    return Calendar({"*": DAY_SHIFT, **hours}, HOLIDAYS, SH)


def test_a_ticket_written_after_closing_on_friday_is_due_on_monday_morning():
    # Friday 2026-11-20 20:30: 30 minutes today, 30 on Monday
    assert cal().add("general", at(2026, 11, 20, 20, 30), 60) == at(2026, 11, 23, 9, 30)


def test_the_lunch_break_of_a_split_shift_does_not_count():
    c = cal(after_sales=SPLIT)
    assert c.add("after_sales", at(2026, 11, 21, 11, 30), 60) == at(2026, 11, 21, 13, 30)
    assert c.between("after_sales", at(2026, 11, 21, 11, 0), at(2026, 11, 21, 14, 0)) == 120


def test_national_day_is_off_and_the_make_up_saturday_is_worked():
    c = cal()
    # the evening before the holiday week: the clock goes on after it
    assert c.add("general", at(2026, 9, 30, 20, 30), 60) == at(2026, 10, 8, 9, 30)
    # Friday evening before the make-up Saturday (10-10 is worked)
    assert c.add("general", at(2026, 10, 9, 20, 50), 30) == at(2026, 10, 10, 9, 20)
    assert c.between("general", at(2026, 10, 1, 9), at(2026, 10, 7, 21)) == 0


def test_a_queue_that_ignores_the_calendar_works_through_holidays():
    c = cal(social=parse_hours({"shifts": ["09:00-21:00"], "calendar": False}))
    assert c.add("social", at(2026, 10, 2, 10, 0), 30) == at(2026, 10, 2, 10, 30)


def test_no_hours_at_all_means_round_the_clock():
    c = Calendar({}, HOLIDAYS, SH)
    assert c.add("general", at(2026, 10, 2, 3, 0), 90) == at(2026, 10, 2, 4, 30)


def test_a_night_shift_runs_past_midnight():
    c = cal(night=parse_hours({"shifts": ["22:00-06:00"], "calendar": False}))
    assert c.add("night", at(2026, 11, 20, 23, 0), 120) == at(2026, 11, 21, 1, 0)


@given(
    start=st.datetimes(min_value=dt.datetime(2026, 9, 1), max_value=dt.datetime(2026, 12, 31)),
    minutes=st.integers(min_value=1, max_value=20 * 60),
)
def test_business_minutes_between_a_start_and_its_due_time_are_the_minutes_asked(start, minutes):
    c = cal(after_sales=SPLIT)
    begin = start.replace(tzinfo=SH)
    for queue in ("general", "after_sales"):
        due = c.add(queue, begin, minutes)
        assert c.between(queue, begin, due) == pytest.approx(minutes)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"shifts": ["9-21"]}, "'9-21' is not a time range such as 09:00-21:00."),
        ({"shifts": ["09:00-25:00"]}, "'09:00-25:00' is not a time range"),
        ({"shifts": ["09:00-21:00"], "weekdays": [0, 8]}, "Weekdays are numbers 1 (Monday) to 7"),
    ],
)
def test_bad_hours_are_refused_with_one_line(value, message):
    with pytest.raises(ConfigError) as exc:
        parse_hours(value)
    assert str(exc.value).startswith(message) and "\n" not in str(exc.value)


def test_the_shipped_calendar_has_2026_confirmed_and_2027_as_a_draft(engine):
    with read_only(session_factory(engine)) as s:
        years = business_hours.years(s)
        days_2026 = business_hours.days_of(s, 2026)
    assert years == {2026: True, 2027: False}
    assert (dt.date(2026, 2, 14), "workday") in {(d.day, d.kind) for d in days_2026}  # 春节 调休上班
    assert sum(d.kind == "holiday" for d in days_2026) == 33


def test_a_supervisor_imports_a_year_and_a_bad_line_changes_nothing(engine, tmp_path):
    boss = make_ctx(engine).user
    bad = tmp_path / "2027.csv"
    bad.write_text("day,kind,name\n2027-01-01,holiday,元旦\n2027-02-30,holiday,春节\n", encoding="utf-8")
    with unit_of_work(session_factory(engine)) as s, pytest.raises(DomainError, match=r"2027\.csv line 3"):
        business_hours.import_calendar(s, boss, bad)
    good = tmp_path / "official-2027.csv"
    good.write_text("day,kind,name\n2027-01-01,holiday,元旦\n2027-02-07,workday,春节 调休上班\n",
                    encoding="utf-8")
    with unit_of_work(session_factory(engine)) as s:
        assert business_hours.import_calendar(s, boss, good) == {2027: 2}
    with read_only(session_factory(engine)) as s:
        assert business_hours.years(s) == {2026: True, 2027: True}
        assert [d.day.day for d in business_hours.days_of(s, 2027)] == [1, 7]


def test_a_supervisor_confirms_the_drafted_year_and_marks_a_day(engine):
    boss = make_ctx(engine).user
    with unit_of_work(session_factory(engine)) as s:
        assert business_hours.confirm_year(s, boss, 2027) > 0
        business_hours.set_day(s, boss, dt.date(2027, 12, 24), "holiday", "公司年会")
    with read_only(session_factory(engine)) as s:
        assert business_hours.years(s)[2027] is True
        assert business_hours.load(s).days[dt.date(2027, 12, 24)] == "holiday"
