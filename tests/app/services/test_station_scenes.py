"""The station's screenshot scenes find their parcels through a service: a tote at packing and the
barcodes that pack it, as frozen values."""

from __future__ import annotations

import dataclasses

from app.db import read_only, unit_of_work
from app.services import packing, station_scenes
from app.services.packing import Station, Verdict
from devices.scanner.scan import parse_scan


def test_the_barcodes_of_a_tote_at_packing_pack_its_order_whole(demo_ctx):
    with read_only(demo_ctx.sessions) as s:
        tote = station_scenes.tote_at_pack(s, units=2)
        waiting = station_scenes.totes_at_pack(s)
    assert dataclasses.is_dataclass(tote) and tote.code in waiting
    assert len(tote.barcodes) >= 2
    station = Station("PACK-01", demo_ctx.user)
    now = demo_ctx.clock()
    with unit_of_work(demo_ctx.sessions) as s:
        result = packing.open_parcel(s, station, parse_scan(tote.code), now)
        for code in tote.barcodes:
            result = packing.scan_item(s, station, result.parcel, parse_scan(code), now)
    assert result.verdict is Verdict.ALL_SCANNED


def test_a_stranger_barcode_is_none_of_the_parcels(demo_ctx):
    with read_only(demo_ctx.sessions) as s:
        tote = station_scenes.tote_at_pack(s)
        stranger = station_scenes.barcode_not_in(s, tote.barcodes)
    assert stranger and stranger not in tote.barcodes
