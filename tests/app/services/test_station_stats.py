"""Station statistics per packer and picker, per day and station: rates over the time worked
(idle gaps over 5 minutes left out), accuracy as rates, and the CSV; the screen charts them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.db import read_only
from app.services import packing, station_stats
from app.services.station_stats import active_hours
from tests.app.services.test_exceptions import _short, _stock_elsewhere, _wave_of
from tests.app.services.test_packing import act, opened, scan
from tests.support.station_world import barcode, make_order


def test_idle_gaps_over_five_minutes_are_not_worked_time():
    t = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    times = [t, t + dt.timedelta(minutes=4), t + dt.timedelta(minutes=30), t + dt.timedelta(minutes=32)]
    assert active_hours(times) == 6 / 60  # 4 + 2 minutes: the 26-minute break is left out
    assert active_hours([t]) == 1 / 60 and active_hours([]) == 0


def test_packer_and_picker_rates_and_the_csv(demo_ctx, station):
    since = demo_ctx.clock() - dt.timedelta(seconds=1)
    for _ in range(2):
        parcel = opened(demo_ctx, station, make_order(demo_ctx, [("SKU-00001", 1), ("SKU-00002", 1)]))
        scan(demo_ctx, station, parcel, "6900000000007")  # refused: unknown barcode
        parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00001")).parcel
        parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00002")).parcel
        out = act(demo_ctx, packing.weigh, station, parcel, Decimal(parcel.expected_g) + 500)
        act(demo_ctx, packing.weigh, station, out.parcel, Decimal(parcel.expected_g))
    _number, step = _wave_of(demo_ctx, "SKU-00011", 1)
    _stock_elsewhere(demo_ctx, "SKU-00011", step.bin_code, 0, same_warehouse=True)
    _short(demo_ctx, step, 0)
    with read_only(demo_ctx.sessions) as s:
        rows = station_stats.productivity(s, since, demo_ctx.clock() + dt.timedelta(seconds=1))
    (packer,) = [r for r in rows if r.role == "pack"]
    assert (packer.station, packer.user, packer.orders, packer.lines, packer.parcels) == (
        "PACK-01",
        station.user.display_name,
        2,
        4,
        2,
    )
    assert packer.refused_per_100_items == round(100 * 2 / 6, 1)  # 2 refused of 6 scans
    assert packer.weight_failures_per_100_parcels == 100.0  # each parcel failed once
    assert packer.orders_per_hour == round(2 / packer.active_h, 1)
    (picker,) = [r for r in rows if r.role == "pick"]
    assert (picker.lines, picker.shorts, picker.shorts_per_100_lines) == (1, 1, 100.0)
    csv = station_stats.to_csv(rows).splitlines()
    assert csv[0].startswith("day,station,user,role,active_h") and len(csv) == 3
