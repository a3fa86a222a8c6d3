"""The service dashboard's figures for a date range: contact volume per day and channel, first
response and resolution times in each queue's business time, SLA compliance, top categories,
customer satisfaction (CSAT) per agent, queue and week; and their CSV export (audited, it can be
handed outside the team). Counting happens in SQL over indexed time columns."""

from __future__ import annotations

import csv
import datetime as dt
import statistics
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Date, cast, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.context import CurrentUser
from app.errors import DomainError
from app.models.accounts import User
from app.models.desk import CsatSurvey
from app.models.service import Direction, Interaction, Ticket
from app.permissions import require
from app.services import audit, business_hours
from app.timezone import local, site_zone

CHANNELS = ("phone", "chat", "email", "social")
MAX_DAYS = 366


@dataclass(frozen=True)
class Dashboard:
    start: dt.date
    end: dt.date  # inclusive
    volume: dict[dt.date, dict[str, int]]  # day -> channel -> inbound contacts
    tickets: int
    first_response_min: tuple[float, float] | None  # median, p90
    resolution_h: tuple[float, float] | None
    first_response_met: float | None  # share 0..1 of tickets answered in time
    resolution_met: float | None
    top_categories: list[tuple[str, int]]  # the last 7 days of the range


def _day(s: Session, column: InstrumentedAttribute[dt.datetime]) -> ColumnElement[object]:
    # SQLite keeps datetimes as text: its date() is the day; PostgreSQL casts
    return func.date(column) if s.get_bind().dialect.name == "sqlite" else cast(column, Date)


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _p(values: list[float]) -> tuple[float, float] | None:
    if not values:
        return None
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def _met(done: dt.datetime | None, due: dt.datetime) -> bool:
    return done is not None and done <= due


def dashboard(s: Session, start: dt.date, end: dt.date, now: dt.datetime) -> Dashboard:
    if end < start:
        raise DomainError("The range ends before it starts.")
    if (end - start).days >= MAX_DAYS:
        raise DomainError("Pick at most {days} days.", days=MAX_DAYS)
    since = dt.datetime.combine(start, dt.time(), dt.UTC)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC)
    day = _day(s, Interaction.occurred_at)
    volume: dict[dt.date, dict[str, int]] = {
        start + dt.timedelta(days=i): dict.fromkeys(CHANNELS, 0) for i in range((end - start).days + 1)
    }
    for d, channel, n in s.execute(
        select(day, Interaction.channel, func.count())
        .where(
            Interaction.occurred_at >= since,
            Interaction.occurred_at < until,
            Interaction.direction == Direction.INBOUND,
        )
        .group_by(day, Interaction.channel)
    ):
        row = volume.setdefault(_as_date(d), dict.fromkeys(CHANNELS, 0))
        row[channel.value] = row.get(channel.value, 0) + n
    rows = s.execute(
        select(
            Ticket.created_at,
            Ticket.first_responded_at,
            Ticket.first_response_due,
            Ticket.resolved_at,
            Ticket.resolution_due,
            Ticket.queue,
        ).where(Ticket.created_at >= since, Ticket.created_at < until)
    ).all()
    calendar = business_hours.load(s)  # times count the queue's working hours, as its clocks do
    first = [calendar.between(r[5], r[0], r[1]) for r in rows if r[1] is not None]
    resolution = [calendar.between(r[5], r[0], r[3]) / 60 for r in rows if r[3] is not None]
    # a clock counts once it is decided: answered/resolved, or already past its due time
    fr = [_met(r[1], r[2]) for r in rows if r[2] is not None and (r[1] is not None or r[2] < now)]
    rs = [_met(r[3], r[4]) for r in rows if r[4] is not None and (r[3] is not None or r[4] < now)]
    week = max(since, until - dt.timedelta(days=7))
    top = s.execute(
        select(Ticket.category, func.count())
        .where(Ticket.created_at >= week, Ticket.created_at < until)
        .group_by(Ticket.category)
        .order_by(func.count().desc())
        .limit(8)
    ).all()
    return Dashboard(
        start,
        end,
        dict(sorted(volume.items())),
        len(rows),
        _p(first),
        _p(resolution),
        sum(fr) / len(fr) if fr else None,
        sum(rs) / len(rs) if rs else None,
        [(c, n) for c, n in top],
    )


@dataclass(frozen=True)
class CsatRow:
    key: str  # the agent's name, the queue, or the week's Monday (YYYY-MM-DD)
    answers: int
    average: float
    satisfied: float  # share 0..1 of answers scoring 4 or 5


@dataclass(frozen=True)
class Csat:
    start: dt.date
    end: dt.date
    answers: int
    average: float | None
    by_agent: list[CsatRow]
    by_queue: list[CsatRow]
    by_week: list[CsatRow]


def _csat_rows(groups: dict[str, list[int]]) -> list[CsatRow]:
    return [
        CsatRow(key, len(scores), sum(scores) / len(scores), sum(x >= 4 for x in scores) / len(scores))
        for key, scores in groups.items()
    ]


def csat(s: Session, start: dt.date, end: dt.date) -> Csat:
    """Survey answers given in the range (site days), per agent who resolved, queue and week."""
    if end < start:
        raise DomainError("The range ends before it starts.")
    zone = site_zone()
    since = dt.datetime.combine(start, dt.time(), zone)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), zone)
    rows = s.execute(
        select(CsatSurvey.score, CsatSurvey.answered_at, CsatSurvey.queue, User.display_name)
        .outerjoin(User, User.id == CsatSurvey.agent_id)
        .where(CsatSurvey.answered_at >= since, CsatSurvey.answered_at < until, CsatSurvey.score.is_not(None))
    ).all()
    agents: dict[str, list[int]] = {}
    queues: dict[str, list[int]] = {}
    weeks: dict[str, list[int]] = {}
    for score, at, queue, agent in rows:
        if score is None or at is None:  # the query keeps answered surveys only
            continue
        day = local(at).date()
        agents.setdefault(agent or "", []).append(score)
        queues.setdefault(queue, []).append(score)
        weeks.setdefault((day - dt.timedelta(days=day.weekday())).isoformat(), []).append(score)
    scores = [score for score, *_ in rows if score is not None]
    return Csat(
        start,
        end,
        len(scores),
        sum(scores) / len(scores) if scores else None,
        sorted(_csat_rows(agents), key=lambda r: (-r.answers, r.key)),
        sorted(_csat_rows(queues), key=lambda r: (-r.answers, r.key)),
        sorted(_csat_rows(weeks), key=lambda r: r.key),
    )


def export_csv(s: Session, user: CurrentUser | None, board: Dashboard, path: Path) -> int:
    """Write the dashboard as CSV (contacts per day and channel, then the summary); audited."""
    boss = require(user, "service.dashboard")
    try:
        with path.open("w", newline="", encoding="utf-8-sig") as f:  # BOM: Excel opens Chinese right
            out = csv.writer(f)
            out.writerow(["day", *CHANNELS, "total"])
            for day, counts in board.volume.items():
                out.writerow([day.isoformat(), *(counts.get(c, 0) for c in CHANNELS), sum(counts.values())])
            out.writerow([])
            out.writerow(["metric", "value"])
            out.writerow(["tickets", board.tickets])
            for name, pair in (
                ("first_response_minutes", board.first_response_min),
                ("resolution_hours", board.resolution_h),
            ):
                out.writerow([f"{name}_median", f"{pair[0]:.1f}" if pair else ""])
                out.writerow([f"{name}_p90", f"{pair[1]:.1f}" if pair else ""])
            for name, share in (
                ("first_response_sla_met", board.first_response_met),
                ("resolution_sla_met", board.resolution_met),
            ):
                out.writerow([name, f"{share:.3f}" if share is not None else ""])
            for category, n in board.top_categories:
                out.writerow([f"category_{category}", n])
    except OSError as exc:
        raise DomainError(
            "Could not write {path}: {reason}.", path=str(path), reason=exc.strerror or exc
        ) from exc
    audit.record(
        s, "service.export", "dashboard", f"{board.start}..{board.end}", user_id=boss.id, file=str(path)
    )
    return len(board.volume)
