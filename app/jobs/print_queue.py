"""This station's print queue: send what is due, retry what failed on a printer that was off."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from app.config import StationSettings
from app.errors import DomainError
from app.i18n import restored
from app.jobs import JobFunction


def for_station(settings: StationSettings) -> JobFunction:
    from app.services import print_queue

    backend_for = print_queue.station_printers(settings.printers)
    recovered = False

    def run(factory: sessionmaker[Session], now: dt.datetime) -> str:
        nonlocal recovered
        from app.db import unit_of_work

        if not recovered:  # a job cut off by this station's last crash is "unknown", never resent
            with unit_of_work(factory) as s:
                print_queue.recover_interrupted(s, settings.station)
            recovered = True
        views = print_queue.process_due(factory, settings.station, backend_for, lambda: now)
        failed = [v for v in views if v.status != "printed"]
        if failed:
            last = failed[-1]
            raise DomainError("Job {id} {status}: {error}{tail}", id=last.id, status=last.status,
                              error=restored(last.last_error), tail="")
        return f"printed {len(views)} job(s)" if views else "nothing to print"

    return run
