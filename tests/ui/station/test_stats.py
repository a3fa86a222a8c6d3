"""The statistics screen: a packer's rates after real packing, the lines-per-hour chart and the CSV."""

from __future__ import annotations

import stat
from decimal import Decimal

from app.services import packing
from app.services.packing import Station
from tests.app.services.test_packing import act, opened, scan
from tests.support.station_world import barcode, demo_user, make_order
from ui.station.stats import StatsView


def test_the_screen_shows_rates_charts_the_selected_packer_and_exports_csv(qtbot, demo_ctx, tmp_path):
    printers = {doc: {"uri": f"file:{tmp_path}"} for doc in ("waybill", "invoice")}
    station = Station("PACK-01", demo_user(demo_ctx, "packer1"), printers)
    parcel = opened(demo_ctx, station, make_order(demo_ctx, [("SKU-00001", 1)]))
    parcel = scan(demo_ctx, station, parcel, barcode(demo_ctx, "SKU-00001")).parcel
    act(demo_ctx, packing.weigh, station, parcel, Decimal(parcel.expected_g))
    view = StatsView(demo_ctx)
    qtbot.addWidget(view)
    row = next(r for r in range(view.work.rowCount()) if view.work.item(r, 1).text() == "PACK-01")
    view.work.selectRow(row)
    assert view.work.item(row, 2).text() == station.user.display_name
    assert "lines per hour" in view.chart.title() and view.chart.series()
    out = view.export_csv(str(tmp_path / "stats.csv"))
    assert out.read_text().splitlines()[0].startswith("day,station,user")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
