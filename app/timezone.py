"""One rule for times: stored in UTC, shown and printed in the site's time zone.

The zone is the station setting ``time_zone`` (an IANA name such as ``Asia/Shanghai``; the
environment variable ``PACKDESK_TIME_ZONE`` beats it), else the operating system's zone. Start-up
calls ``configure(settings.time_zone)`` once; screens, documents, CSV exports and CLI output then
format every instant with ``fmt(value, style)``, so one instant reads the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import ConfigError

Style = Literal["date", "time", "short", "minute", "second", "iso"]
STYLES: dict[str, str] = {
    "date": "%Y-%m-%d",
    "time": "%H:%M",
    "short": "%m-%d %H:%M",  # lists where the year is obvious
    "minute": "%Y-%m-%d %H:%M",
    "second": "%Y-%m-%d %H:%M:%S",
}

_configured: dt.tzinfo | None = None


def zone_named(name: str) -> dt.tzinfo:
    """The zone for an IANA name, or a one-line error saying what to write instead."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError("Unknown time zone {name!r}: use a name such as Asia/Shanghai or "
                          "Europe/Berlin.", name=name) from None


def configure(name: str | None) -> dt.tzinfo:
    """Set the site's zone for this process ('' or None: the environment, else the OS zone)."""
    global _configured
    name = (name or "").strip() or os.environ.get("PACKDESK_TIME_ZONE", "").strip()
    _configured = zone_named(name) if name else None
    return site_zone()


def site_zone() -> dt.tzinfo:
    if _configured is not None:
        return _configured
    env = os.environ.get("PACKDESK_TIME_ZONE", "").strip()
    return zone_named(env) if env else os_zone()


def os_zone() -> dt.tzinfo:
    """The operating system's zone, with its daylight-saving rules when it has a name."""
    return _os_zone(os.environ.get("TZ", ""))


@cache  # every formatted time asks; the answer changes only with TZ
def _os_zone(tz: str) -> dt.tzinfo:
    for name in (tz.lstrip(":"), _localtime_link()):
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    zone = dt.datetime.now().astimezone().tzinfo  # no name to be had (Windows without tzdata)
    assert zone is not None
    return zone


def _localtime_link() -> str:
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return ""
    return target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""


def local(value: dt.datetime) -> dt.datetime:
    """The instant in the site's zone; a naive value is UTC (as the database stores it)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(site_zone())


def fmt(value: dt.datetime | None, style: Style = "minute") -> str:
    """The instant as people at the site read it; '' for none. ``iso`` keeps the offset."""
    if value is None:
        return ""
    shown = local(value)
    return shown.isoformat(timespec="seconds") if style == "iso" else shown.strftime(STYLES[style])


def start_of_day(now: dt.datetime) -> dt.datetime:
    """Midnight of the site's current day, in UTC (what "today" means in a query)."""
    midnight = local(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight.astimezone(dt.UTC)
