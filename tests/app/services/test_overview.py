"""The overview's numbers: "packed today" is the site's day, not UTC's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from app import timezone
from app.models.fulfilment import Package, PackageStatus
from app.services.overview import overview


@pytest.fixture(autouse=True)
def _shanghai() -> Iterator[None]:
    timezone.configure("Asia/Shanghai")
    yield
    timezone.configure(None)


def test_a_parcel_packed_before_local_midnight_is_not_packed_today(demo_engine: Engine):
    now = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)  # 02:00 on the 24th in Shanghai
    with Session(demo_engine) as s:
        first = s.scalar(select(Package.id).order_by(Package.id).limit(1))
        s.execute(update(Package).values(packed_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC)))
        # 23:00 on the 23rd in Shanghai (the same UTC date as now), and 01:00 on the 24th
        s.execute(update(Package).where(Package.id == first).values(
            status=PackageStatus.PACKED, packed_at=dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC)))
        s.execute(update(Package).where(Package.id == first + 1).values(
            status=PackageStatus.VERIFIED, packed_at=dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.UTC)))
        s.commit()
        seen = overview(s, now)
    assert seen.packed_today == 1 and seen.as_of == now
