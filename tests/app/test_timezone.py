"""One rule for times: stored in UTC, shown in the site's zone (setting, else the OS zone)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from app import timezone
from app.errors import ConfigError

AT = dt.datetime(2026, 11, 23, 8, 28, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _os_zone_again() -> Iterator[None]:
    yield
    timezone.configure(None)


def test_one_instant_reads_as_the_site_clock_says():
    timezone.configure("Asia/Shanghai")
    assert timezone.fmt(AT) == "2026-11-23 16:28"
    assert timezone.fmt(AT.replace(tzinfo=None), "time") == "16:28"  # the database's naive UTC
    assert timezone.fmt(AT, "iso") == "2026-11-23T16:28:00+08:00"
    assert timezone.fmt(None) == ""
    timezone.configure("Europe/Berlin")
    assert timezone.fmt(AT, "short") == "11-23 09:28"
    assert timezone.fmt(dt.datetime(2026, 7, 1, 8, 28, tzinfo=dt.UTC), "time") == "10:28"  # summer time


def test_without_a_setting_the_environment_then_the_os_zone(monkeypatch):
    monkeypatch.setenv("PACKDESK_TIME_ZONE", "America/New_York")
    timezone.configure("")
    assert timezone.fmt(AT, "time") == "03:28"
    monkeypatch.delenv("PACKDESK_TIME_ZONE")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    timezone.configure(None)
    assert timezone.fmt(AT, "time") == "17:28"


def test_a_misspelt_zone_is_one_clear_line():
    with pytest.raises(ConfigError, match="Unknown time zone 'Asia/Shanghia': use a name such as"):
        timezone.configure("Asia/Shanghia")


def test_today_starts_at_the_site_midnight():
    timezone.configure("Asia/Shanghai")
    late = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)  # 02:00 on the 24th in Shanghai
    assert timezone.start_of_day(late) == dt.datetime(2026, 11, 23, 16, 0, tzinfo=dt.UTC)
