"""Business time: when each queue works (shifts on its weekdays, split shifts allowed, in the
site's zone), the public holidays and make-up working days (调休) of the calendar table a
supervisor keeps per year, and the two sums SLA clocks need: a due time ``minutes`` of business
time after an instant, and the business minutes between two instants.

The setting ``service.business_hours`` maps a queue (``*`` for every other queue) to
``{"shifts": ["09:00-12:00", "13:00-21:00"], "weekdays": [1, 2, 3, 4, 5], "calendar": true}``;
a queue with no entry (and no ``*``) works round the clock, as before business hours existed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sqlalchemy import delete, extract, select
from sqlalchemy.orm import Session

from app import timezone
from app.context import CurrentUser
from app.errors import ConfigError, DomainError
from app.models.desk import CalendarDay
from app.permissions import require
from app.services import settings

KINDS = ("holiday", "workday")
SHIFT = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
MAX_DAYS = 800  # a search for working time further than this means the hours have none
PERMISSION = "service.dashboard"  # supervisors keep the calendar


@dataclass(frozen=True)
class Hours:
    """One queue's working time; no shifts means round the clock."""

    shifts: tuple[tuple[dt.time, dt.time], ...] = ()
    weekdays: frozenset[int] = frozenset(range(1, 8))  # ISO: 1 Monday .. 7 Sunday
    calendar: bool = True  # public holidays are off and make-up days (调休) are worked

    @property
    def round_the_clock(self) -> bool:
        return not self.shifts

    def describe(self) -> str:
        if self.round_the_clock:
            return "24/7"
        return ", ".join(f"{a:%H:%M}-{'24:00' if b == dt.time() else f'{b:%H:%M}'}" for a, b in self.shifts)


def _time(h: str, m: str, text: str) -> dt.time:
    hour, minute = int(h), int(m)
    if hour == 24 and minute == 0:
        return dt.time()  # 24:00: midnight at the end of the day
    if hour > 23 or minute > 59:
        raise ConfigError("{shift!r} is not a time range such as 09:00-21:00.", shift=text)
    return dt.time(hour, minute)


def parse_hours(value: dict) -> Hours:
    """One queue's entry of ``service.business_hours``, checked: a clear error names the bad part."""
    if not isinstance(value, dict):
        raise ConfigError("Business hours must be a table with shifts and weekdays, not {value!r}.",
                          value=value)
    shifts = []
    for text in value.get("shifts", []):
        found = SHIFT.match(str(text))
        if not found:
            raise ConfigError("{shift!r} is not a time range such as 09:00-21:00.", shift=text)
        start, end = _time(found[1], found[2], text), _time(found[3], found[4], text)
        if start == end:
            raise ConfigError("{shift!r} is not a time range such as 09:00-21:00.", shift=text)
        shifts.append((start, end))
    shifts.sort()
    weekdays = frozenset(int(d) for d in value.get("weekdays", range(1, 8)))
    if not weekdays <= set(range(1, 8)) or (shifts and not weekdays):
        raise ConfigError("Weekdays are numbers 1 (Monday) to 7 (Sunday), not {days!r}.",
                          days=sorted(weekdays))
    return Hours(tuple(shifts), weekdays, bool(value.get("calendar", True)))


def hours_value(hours: Hours) -> dict:
    """The setting's form of ``hours`` (what ``parse_hours`` reads back)."""
    return {
        "shifts": [s for s in hours.describe().split(", ")] if hours.shifts else [],
        "weekdays": sorted(hours.weekdays),
        "calendar": hours.calendar,
    }


@dataclass(frozen=True)
class Calendar:
    """Every queue's hours and the special days, in the site's zone; read once per session."""

    hours: dict[str, Hours]
    days: dict[dt.date, str]  # day -> holiday / workday
    zone: dt.tzinfo = field(default_factory=timezone.site_zone)

    def for_queue(self, queue: str) -> Hours:
        return self.hours.get(queue) or self.hours.get("*") or Hours()

    def works_on(self, hours: Hours, day: dt.date) -> bool:
        special = self.days.get(day) if hours.calendar else None
        if special == "holiday":
            return False
        return special == "workday" or day.isoweekday() in hours.weekdays

    def intervals(self, hours: Hours, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The day's working intervals as aware instants (a shift past midnight ends the next day)."""
        if not self.works_on(hours, day):
            return []
        out = []
        for start, end in hours.shifts:
            a = dt.datetime.combine(day, start, self.zone)
            b = dt.datetime.combine(day + dt.timedelta(days=end <= start), end, self.zone)
            out.append((a, b))
        return out

    def add(self, queue: str, start: dt.datetime, minutes: float) -> dt.datetime:
        """The instant ``minutes`` of the queue's business time after ``start``."""
        hours = self.for_queue(queue)
        if hours.round_the_clock:
            return start + dt.timedelta(minutes=minutes)
        left = dt.timedelta(minutes=minutes)
        day = timezone.local(start).astimezone(self.zone).date() - dt.timedelta(days=1)
        for _ in range(MAX_DAYS):
            for a, b in self.intervals(hours, day):
                a = max(a, start)
                if b <= a:
                    continue
                if b - a >= left:
                    return (a + left).astimezone(dt.UTC)
                left -= b - a
            day += dt.timedelta(days=1)
        raise ConfigError("Queue {queue} has no working hours in the calendar.", queue=queue)

    def between(self, queue: str, start: dt.datetime, end: dt.datetime) -> float:
        """Business minutes of the queue from ``start`` to ``end`` (0 when end is not later)."""
        if end <= start:
            return 0.0
        hours = self.for_queue(queue)
        if hours.round_the_clock:
            return (end - start).total_seconds() / 60
        total = dt.timedelta()
        day = timezone.local(start).astimezone(self.zone).date() - dt.timedelta(days=1)
        last = timezone.local(end).astimezone(self.zone).date()
        while day <= last:
            for a, b in self.intervals(hours, day):
                a, b = max(a, start), min(b, end)
                if b > a:
                    total += b - a
            day += dt.timedelta(days=1)
        return total.total_seconds() / 60


def load(s: Session) -> Calendar:
    """The site's calendar, read once per session (a dashboard asks for thousands of tickets)."""
    if "business_hours.calendar" not in s.info:
        raw = settings.get(s, "service.business_hours") or {}
        hours = {queue: parse_hours(value) for queue, value in raw.items()}
        days = {row.day: row.kind for row in s.scalars(select(CalendarDay))}
        s.info["business_hours.calendar"] = Calendar(hours, days)
    return s.info["business_hours.calendar"]


def forget(s: Session) -> None:
    s.info.pop("business_hours.calendar", None)


def set_hours(s: Session, user: CurrentUser | None, queue: str, hours: Hours | None) -> None:
    """A supervisor sets one queue's hours (None: the queue follows ``*`` again)."""
    actor = require(user, PERMISSION)
    queue = queue.strip()
    if not queue:
        raise DomainError("Name the queue ('*' for every queue).")
    table = dict(settings.get(s, "service.business_hours") or {})
    if hours is None:
        table.pop(queue, None)
    else:
        table[queue] = hours_value(hours)
    settings.put(s, "service.business_hours", table)
    from app.services import audit

    audit.record(s, "service.business_hours", "queue", queue, user_id=actor.id, new=table.get(queue))
    forget(s)


# -- the calendar table -----------------------------------------------------------------------
@dataclass(frozen=True)
class Day:
    day: dt.date
    kind: str
    name: str
    confirmed: bool


def days_of(s: Session, year: int) -> list[Day]:
    rows = s.scalars(
        select(CalendarDay).where(extract("year", CalendarDay.day) == year).order_by(CalendarDay.day)
    )
    return [Day(r.day, r.kind, r.name, r.confirmed) for r in rows]


def years(s: Session) -> dict[int, bool]:
    """Each year in the table and whether all of its days are confirmed."""
    out: dict[int, bool] = {}
    for day, confirmed in s.execute(select(CalendarDay.day, CalendarDay.confirmed)):
        out[day.year] = out.get(day.year, True) and confirmed
    return dict(sorted(out.items()))


def set_day(s: Session, user: CurrentUser | None, day: dt.date, kind: str | None, name: str = "") -> None:
    """Mark one day a holiday or a make-up working day, or (kind None) an ordinary day again."""
    require(user, PERMISSION)
    if kind is not None and kind not in KINDS:
        raise DomainError("A calendar day is a holiday or a workday, not {kind!r}.", kind=kind)
    row = s.get(CalendarDay, day)
    if kind is None:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(CalendarDay(day=day, kind=kind, name=name[:60], confirmed=True))
    else:
        row.kind, row.name, row.confirmed = kind, name[:60] or row.name, True
    forget(s)


def confirm_year(s: Session, user: CurrentUser | None, year: int) -> int:
    """A supervisor checked a drafted year against the official notice."""
    require(user, PERMISSION)
    rows = [r for r in s.scalars(select(CalendarDay)) if r.day.year == year and not r.confirmed]
    for r in rows:
        r.confirmed = True
    return len(rows)


def parse_calendar(text: str, origin: str = "calendar") -> list[Day]:
    """Rows ``day,kind,name,confirmed`` (``#`` lines are comments); a bad row is named by line."""
    out = []
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(line for _, line in lines)))
    for (number, _), row in zip(lines, reader, strict=True):
        if row and row[0].strip().lower() == "day":
            continue
        try:
            day = dt.date.fromisoformat(row[0].strip())
            kind = row[1].strip().lower()
            if kind not in KINDS:
                raise ValueError(kind)
        except (IndexError, ValueError):
            raise DomainError("{origin} line {line}: expected day,kind,name with a YYYY-MM-DD day and "
                              "holiday or workday.", origin=origin, line=number) from None
        name = row[2].strip() if len(row) > 2 else ""
        confirmed = (row[3].strip().lower() if len(row) > 3 else "yes") not in ("no", "false", "0", "draft")
        out.append(Day(day, kind, name, confirmed))
    return out


def shipped() -> list[Day]:
    """The calendar PackDesk ships (mainland China; the coming year may be a draft)."""
    text = resources.files("resources").joinpath("calendar", "cn_holidays.csv").read_text(encoding="utf-8")
    return parse_calendar(text, "cn_holidays.csv")


def import_calendar(
    s: Session, user: CurrentUser | None, path: Path | None = None, year: int | None = None
) -> dict[int, int]:
    """Replace each year the file has (the shipped list when no file; only ``year`` when given) with
    the file's days; returns days per year. Nothing is written when a line is bad."""
    require(user, PERMISSION)
    if path is None:
        rows = shipped()
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise DomainError("Could not read {path}: {reason}.", path=str(path),
                              reason=exc.strerror or exc) from exc
        rows = parse_calendar(text, path.name)
    if year is not None:
        rows = [r for r in rows if r.day.year == year]
        if not rows:
            origin = path.name if path else "cn_holidays.csv"
            raise DomainError("{origin} has no days of {year}.", origin=origin, year=year)
    return replace_years(s, rows)


def replace_years(s: Session, rows: list[Day]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for r in rows:
        counts[r.day.year] = counts.get(r.day.year, 0) + 1
    for year in counts:
        s.execute(delete(CalendarDay).where(CalendarDay.day >= dt.date(year, 1, 1),
                                            CalendarDay.day <= dt.date(year, 12, 31)))
    s.add_all(CalendarDay(day=r.day, kind=r.kind, name=r.name[:60], confirmed=r.confirmed) for r in rows)
    s.flush()
    forget(s)
    return counts
