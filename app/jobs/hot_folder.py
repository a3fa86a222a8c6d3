"""A station's hot folder: import every file dropped into it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.jobs import JobFunction


def for_folder(folder: str, lang: str = "en") -> JobFunction:
    """The job watching ``folder``; its reports are written in ``lang`` (the station's language)."""
    from app.services.hotfolder import HotFolder

    watched: HotFolder | None = None
    clock = {"now": dt.datetime.min}  # this run's time: the folder is made once, the runs go on

    def run(factory: sessionmaker[Session], now: dt.datetime) -> str:
        nonlocal watched
        from app.services.intake.files import import_path

        clock["now"] = now
        if watched is None:  # made on first run: a missing folder is this run's error, not start-up's
            watched = HotFolder(Path(folder), lambda p: import_path(factory, p, now=clock["now"]), lang=lang)
        outcomes = watched.scan_once()
        failed = [o for o in outcomes if not o.ok]
        return f"{len(outcomes)} file(s), {len(failed)} failed" if outcomes else "no new files"

    return run
