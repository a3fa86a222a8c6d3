"""This station's packing videos: clips a crash left open are closed with what their file holds,
then clips past ``video.retention_days`` and, oldest first, beyond ``video.quota_gb`` are deleted."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from app.config import StationSettings
from app.jobs import JobFunction


def for_station(settings: StationSettings) -> JobFunction:
    from app.services import video

    folder = video.folder_for(settings.devices.get("camera", {}))

    def run(factory: sessionmaker[Session], now: dt.datetime) -> str:
        from app.db import unit_of_work

        with unit_of_work(factory) as s:
            recovered = video.recover_interrupted(s, settings.station, now, root=folder)
            kept = video.enforce_retention(s, settings.station, folder, now)
        return kept.summary() + (f", {recovered} interrupted clip(s) closed" if recovered else "")

    return run
