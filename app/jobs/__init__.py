"""Work that runs on a schedule, not in a widget: SLA escalation, alert rules, print retries, the
hot folder, and the jobs later areas add (mail, model training). Each job is a function of
(session factory, now) returning a one-line summary; ``app.jobs.worker`` runs them.

*Site* jobs act on the shared database and run once per site whichever worker gets them;
*station* jobs act on one station's own devices and folders (its printers, its hot folder) and
are named after the station so that only that station's worker takes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.extensions import import_optional

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from app.config import StationSettings

JobFunction = Callable[["sessionmaker[Session]", dt.datetime], str]


@dataclass(frozen=True)
class Job:
    name: str
    every: dt.timedelta
    run: JobFunction
    description: str


# (module, function, name, seconds, description): jobs of other areas are picked up when present
_SITE = [
    ("app.jobs.sla", "run", "sla", 30, "record SLA breaches and escalate overdue tickets"),
    ("app.jobs.alerts", "run", "alerts", 30, "evaluate alert rules and raise incidents"),
    ("app.jobs.mail", "fetch_all", "mail.fetch", 60, "fetch new mail into tickets"),
    ("app.jobs.mail", "send_queued", "mail.send", 30, "send queued mail, retrying a server that was down"),
    ("app.jobs.assist_training", "run", "assist.train", 3600, "retrain the intent model from labels"),
]


def site_jobs() -> list[Job]:
    jobs = []
    for module_name, function, name, seconds, description in _SITE:
        module = import_optional(module_name)
        if module is not None and hasattr(module, function):
            jobs.append(Job(name, dt.timedelta(seconds=seconds), getattr(module, function), description))
    return jobs


def app_jobs(settings: StationSettings, dialect: str) -> list[Job]:
    """What the app's own worker thread runs: this station's jobs, and on a one-station SQLite
    site the site's jobs too (on PostgreSQL ``packdesk worker`` runs those, but a station that
    takes one now and then is harmless: each job runs on one worker at a time)."""
    return station_jobs(settings) + (site_jobs() if dialect == "sqlite" else [])


def station_jobs(settings: StationSettings) -> list[Job]:
    from app.i18n import language
    from app.jobs import hot_folder, print_queue, video_retention

    jobs = [Job(f"print@{settings.station}", dt.timedelta(seconds=2), print_queue.for_station(settings),
                "send this station's queued print jobs")]
    folder = settings.intake.get("hot_folder")
    if folder:
        jobs.append(Job(f"hotfolder@{settings.station}", dt.timedelta(seconds=2),
                        hot_folder.for_folder(str(folder), language(settings.language)),
                        f"import files dropped into {folder}"))
    if settings.devices.get("camera", {}).get("source"):
        jobs.append(Job(f"video@{settings.station}", dt.timedelta(minutes=10),
                        video_retention.for_station(settings), "delete packing videos past retention or "
                        "quota"))
    return jobs
