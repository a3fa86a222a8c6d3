"""Packing video end to end: two parcels packed in the running app with the pty scanner and scale
and FFmpeg's test pattern as the station camera; each parcel gets its own clip as long as its
pack, with its own overlay and the hash the index holds; an agent then finds the order in the
customer's timeline, plays the clip, jumps to a scan and exports it for a claim."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from app.config import StationSettings
from app.context import AppContext
from app.db import read_only, unit_of_work
from app.models.orders import Order
from app.models.video import PackingClip
from devices.sim.devices import SimScale, SimScanner
from tests.support.station_world import barcode, demo_user, make_order
from ui.app import Shell
from ui.bridge import DeviceBridge

av = pytest.importorskip("av", reason="PyAV is not installed: pip install 'packdesk[video]'")


def frames_of(path: str) -> list[np.ndarray]:
    with av.open(path) as c:
        return [f.to_ndarray(format="gray") for f in c.decode(video=0)]


def clips(ctx) -> list[PackingClip]:
    with read_only(ctx.sessions) as s:
        return list(s.scalars(select(PackingClip).order_by(PackingClip.id)))


def test_each_parcel_packed_gets_its_own_clip_and_an_agent_plays_and_exports_it(qtbot, demo_engine,
                                                                                tmp_path):
    scale, scanner = SimScale("continuous", stream_interval=0.05), SimScanner()
    cfg = StationSettings(
        station="PACK-CAM",
        language="en",
        devices={
            "scale": {"port": scale.start(), "protocol": "continuous"},
            "scanner": {"port": scanner.start()},
            "camera": {"source": "test", "size": "320x240", "fps": 15, "folder": str(tmp_path / "videos"),
                       "min_free_mb": 0},
        },
        printers={doc: {"uri": f"file:{tmp_path / 'printed'}"} for doc in ("waybill", "invoice")},
    )
    ctx = AppContext(engine=demo_engine, settings=cfg)
    orders = [make_order(ctx, [("SKU-00001", 2)]), make_order(ctx, [("SKU-00002", 1)])]
    bridge = DeviceBridge(cfg.devices)
    shell = Shell(ctx, cfg, bridge)
    bridge.start()
    try:
        login = shell.show_login()
        qtbot.waitUntil(bridge.all_connected, timeout=3000)
        with qtbot.waitSignal(login.signed_in, timeout=3000):
            scanner.scan("BADGE-packer1")
        pack = shell.main.tabs.currentWidget().show_view("pack")
        recorder = pack.recorder
        qtbot.waitUntil(lambda: recorder.indicator.text() == "Camera ready", timeout=20_000)

        def scan(code: str) -> None:
            qtbot.wait(200)  # never a double-read of the same code
            with qtbot.waitSignal(pack.banner.shown, timeout=3000):
                scanner.scan(code)

        verdicts: list[tuple[str, float]] = []
        pack.verdict.connect(lambda r: verdicts.append((r.verdict.value, time.monotonic())))
        spans = []
        for number, codes in zip(orders, [[barcode(ctx, "SKU-00001")] * 2, [barcode(ctx, "SKU-00002")]],
                                 strict=True):
            scan(number)
            qtbot.waitUntil(lambda: "REC" in recorder.indicator.text(), timeout=3000)
            for code in codes:
                qtbot.wait(700)
                scan(code)
            qtbot.wait(700)
            with qtbot.waitSignal(recorder.clip_saved, timeout=20_000) as saved:
                scale.put(pack.parcel.expected_g)
                qtbot.waitUntil(lambda: pack.parcel.status.value == "packed", timeout=5000)
            times = dict(verdicts[-len(codes) - 2:])
            spans.append(times["packed"] - times["opened"])  # the pack: order scan's verdict to the label
            assert saved.args[0].reason == "packed"
            scale.put(0)
            qtbot.wait(300)
    finally:
        shell.close()  # one shell per process: a later test's shell must find none
        bridge.stop()
        scale.stop()
        scanner.stop()
    first, second = clips(ctx)
    for clip, span, number in zip((first, second), spans, orders, strict=True):
        with read_only(ctx.sessions) as s:
            assert s.scalar(select(Order.number).where(Order.id == clip.order_id)) == number
        path = tmp_path / "videos" / clip.path
        frames = frames_of(str(path))
        assert clip.status == "complete" and clip.gaps == [] and clip.frames == len(frames)
        # from the order scan to the label, and the label filmed for TAIL_S more
        assert abs(clip.duration_ms / 1000 - (span + 2.0)) < 0.5, (clip.duration_ms, span)
        assert len(frames) >= 0.5 * 15 * clip.duration_ms / 1000  # 15 fps, less what a loaded machine drops
        assert clip.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert path.stat().st_mode & 0o777 == 0o600
    header = slice(0, 40), slice(0, 200)
    a, b = (frames_of(str(tmp_path / "videos" / c.path))[5] for c in (first, second))
    assert not np.array_equal(a[header], b[header]), "each parcel's own order number is burned in"

    # service mode: the agent finds the order in the customer's timeline and plays its clip
    from ui.service.customer import CustomerView

    agent = demo_user(ctx, "agent1")
    view = CustomerView(ctx.signed_in(agent))
    qtbot.addWidget(view)
    with read_only(ctx.sessions) as s:
        customer_id = s.scalar(select(Order.customer_id).where(Order.id == first.order_id))
    view.load(customer_id)
    rows = [view.timeline.topLevelItem(i) for i in range(view.timeline.topLevelItemCount())]
    marked = [r for r in rows if r.text(2) in orders]
    assert marked and all(r.text(5).startswith("▶") for r in marked)
    item = next(r for r in marked if r.text(2) == orders[0])
    player = view.videos.play(item)
    qtbot.addWidget(player)
    qtbot.waitUntil(lambda: player.picture.pixmap() is not None and not player.picture.pixmap().isNull(),
                    timeout=20_000)
    assert player.scan_list.topLevelItemCount() == 3  # two items and the weight
    assert orders[0] in player.details.text() and first.sha256 in player.details.text()
    jump = player.scan_list.topLevelItem(1)
    player._jump(jump)
    target = jump.data(0, 0x0100)
    qtbot.waitUntil(lambda: abs(player.player.position() - target) < 1500, timeout=10_000)
    assert player.export_to(str(tmp_path / "claim"))
    manifest = json.loads(next((tmp_path / "claim").glob("*-manifest.json")).read_text(encoding="utf-8"))
    assert manifest["clips"][0]["sha256"] == first.sha256 and manifest["exported_by"] == agent.display_name
    player.done(0)


# --- trying to break it: the camera, the disk and the recorder fail while a parcel is packed -------


def camera_station(qtbot, ctx, tmp_path, source: str, **camera):
    """A pack screen whose camera records ``source`` into tmp_path/videos, once it says it is ready."""
    from ui.station.pack import PackView

    ctx.settings.printers = {"waybill": {"uri": f"file:{tmp_path / 'printed'}"}}
    ctx.settings.devices["camera"] = {"source": source, "size": "320x240", "fps": 15,
                                      "folder": str(tmp_path / "videos"), "min_free_mb": 0, **camera}
    view = PackView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitUntil(lambda: view.recorder.indicator.text() == "Camera ready", timeout=20_000)
    return view


def scan(view, code: str) -> None:
    from devices.scanner.scan import parse_scan

    view.handle_scan(parse_scan(code))


def weigh(view) -> None:
    from decimal import Decimal

    from devices.scale.base import WeightReading

    view.handle_weight(WeightReading(Decimal(view.parcel.expected_g), True))


def test_a_camera_dropped_mid_pack_and_back_leaves_a_gap_in_the_index_and_the_clip_goes_on(
        qtbot, demo_ctx, tmp_path):
    from tests.support.camera_stream import StreamPeer

    peer = StreamPeer()
    try:
        view = camera_station(qtbot, demo_ctx, tmp_path, peer.url)
        indicator = view.recorder.indicator
        number = make_order(demo_ctx, [("SKU-00001", 2)])
        scan(view, number)
        qtbot.waitUntil(lambda: "REC" in indicator.text(), timeout=5000)
        qtbot.wait(1500)
        peer.pull_cable()
        qtbot.waitUntil(lambda: indicator.text().startswith("Camera lost"), timeout=10_000)
        assert indicator.property("level") == "warning" and "the gap is noted in the clip" in indicator.text()
        scan(view, barcode(demo_ctx, "SKU-00001"))  # the pack goes on without a picture
        assert view.banner.level == "ok"
        qtbot.wait(1000)
        peer.plug_in()
        qtbot.waitUntil(lambda: "REC" in indicator.text(), timeout=20_000)
        qtbot.wait(1500)
        scan(view, barcode(demo_ctx, "SKU-00001"))
        with qtbot.waitSignal(view.recorder.clip_saved, timeout=20_000):
            weigh(view)
    finally:
        peer.close()
    [clip] = clips(demo_ctx)
    assert (clip.status, clip.ended_reason) == ("complete", "packed")
    [gap] = clip.gaps
    start, end = (dt.datetime.fromisoformat(gap[k]) for k in ("from", "to"))
    assert 1.0 <= (end - start).total_seconds() <= 15 and gap["reason"]
    frames = frames_of(str(tmp_path / "videos" / clip.path))
    assert len(frames) == clip.frames
    after_gap = (clip.ended_at - end).total_seconds()  # the camera back, then TAIL_S of label
    assert clip.frames > 15 * 1.5 + 15 * after_gap * 0.5, "the clip goes on after the gap"


def test_below_the_free_space_floor_recording_stops_with_a_warning_and_the_pack_goes_on(
        qtbot, demo_ctx, tmp_path):
    from devices.camera.recorder import free_bytes

    folder = tmp_path / "videos"
    floor_mb = free_bytes(tmp_path) // 2**20 - 48  # 48 MB above the floor ...
    view = camera_station(qtbot, demo_ctx, tmp_path, "test", min_free_mb=floor_mb)
    indicator = view.recorder.indicator
    first = make_order(demo_ctx, [("SKU-00001", 1)])
    scan(view, first)
    qtbot.waitUntil(lambda: "REC" in indicator.text(), timeout=5000)
    qtbot.wait(1000)
    filler = tmp_path / "filler"
    # ... until something else fills the disk
    with qtbot.waitSignal(view.recorder.clip_saved, timeout=20_000) as saved, filler.open("wb") as f:
        for _ in range(160):
            f.write(os.urandom(2**20))
        f.flush()
        os.fsync(f.fileno())
    try:
        assert saved.args[0].reason == "disk_low"
        qtbot.waitUntil(lambda: indicator.text().startswith("Recording stopped"), timeout=5000)
        assert indicator.property("level") == "error" and "Free disk space" in indicator.text()
        scan(view, barcode(demo_ctx, "SKU-00001"))
        weigh(view)
        assert view.parcel.status.value == "packed", view.banner.text()  # the pack went on
        second = make_order(demo_ctx, [("SKU-00002", 1)])
        scan(view, second)
        assert view.banner.level == "ok" and view.parcel.order_number == second
        qtbot.wait(500)
        assert indicator.text().startswith("Recording stopped"), "no clip starts below the floor"
    finally:
        filler.unlink()
    [clip] = clips(demo_ctx)
    assert (clip.status, clip.ended_reason) == ("complete", "disk_low")
    assert len(frames_of(str(folder / clip.path))) == clip.frames > 0
    assert [p.name for p in folder.rglob("*.mp4")] == [Path(clip.path).name], "no file for the second"


def test_the_recorder_killed_mid_clip_is_shown_on_the_pack_screen_and_its_clip_decodes_to_the_last_fragment(
        qtbot, demo_ctx, tmp_path):
    import signal

    view = camera_station(qtbot, demo_ctx, tmp_path, "test")
    recorder, indicator = view.recorder, view.recorder.indicator
    first = make_order(demo_ctx, [("SKU-00001", 1)])
    scan(view, first)
    qtbot.waitUntil(lambda: "REC" in indicator.text(), timeout=5000)
    qtbot.wait(3500)
    with qtbot.waitSignal(recorder.clip_saved, timeout=20_000) as saved:
        os.kill(recorder.camera.pid, signal.SIGKILL)
    assert saved.args[0].reason == "recorder_died"
    qtbot.waitUntil(lambda: indicator.text().startswith("Recorder stopped"), timeout=5000)
    assert indicator.property("level") == "error" and "exit status -9" in indicator.text()
    scan(view, barcode(demo_ctx, "SKU-00001"))
    weigh(view)
    assert view.parcel.status.value == "packed", view.banner.text()  # the pack went on
    [clip] = clips(demo_ctx)
    path = tmp_path / "videos" / clip.path
    assert (clip.status, clip.ended_reason) == ("complete", "recorder_died")
    assert len(frames_of(str(path))) == clip.frames >= 15 * (3.5 - 2.5)
    assert clip.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    second = make_order(demo_ctx, [("SKU-00002", 1)])
    scan(view, second)  # the next parcel starts a new recorder
    qtbot.waitUntil(lambda: "REC" in indicator.text(), timeout=20_000)
    with qtbot.waitSignal(recorder.clip_saved, timeout=20_000):
        scan(view, barcode(demo_ctx, "SKU-00002"))
        weigh(view)
    assert [c.ended_reason for c in clips(demo_ctx)] == ["recorder_died", "packed"]


def test_each_box_of_a_two_box_order_gets_its_own_clip_indexed_to_that_box(qtbot, demo_engine, tmp_path):
    from app.models.fulfilment import Package

    scale, scanner = SimScale("continuous", stream_interval=0.05), SimScanner()
    cfg = StationSettings(
        station="PACK-BOXES",
        language="en",
        devices={
            "scale": {"port": scale.start(), "protocol": "continuous"},
            "scanner": {"port": scanner.start()},
            "camera": {"source": "test", "size": "320x240", "fps": 15, "folder": str(tmp_path / "videos"),
                       "min_free_mb": 0},
        },
        printers={doc: {"uri": f"file:{tmp_path / 'printed'}"}
                  for doc in ("waybill", "invoice", "packing-slip")},
    )
    ctx = AppContext(engine=demo_engine, settings=cfg)
    number = make_order(ctx, [("SKU-00001", 2)])
    item = barcode(ctx, "SKU-00001")
    bridge = DeviceBridge(cfg.devices)
    shell = Shell(ctx, cfg, bridge)
    bridge.start()
    saved = []
    try:
        login = shell.show_login()
        qtbot.waitUntil(bridge.all_connected, timeout=3000)
        with qtbot.waitSignal(login.signed_in, timeout=3000):
            scanner.scan("BADGE-packer1")
        pack = shell.main.tabs.currentWidget().show_view("pack")
        recorder = pack.recorder
        recorder.clip_saved.connect(saved.append)
        qtbot.waitUntil(lambda: recorder.indicator.text() == "Camera ready", timeout=20_000)

        def scan(code: str) -> None:
            qtbot.wait(200)  # never a double-read of the same code
            with qtbot.waitSignal(pack.banner.shown, timeout=3000):
                scanner.scan(code)

        scan(number)
        qtbot.waitUntil(lambda: "REC" in recorder.indicator.text(), timeout=3000)
        qtbot.wait(700)
        scan(item)
        scan("CMD:NEWBOX")
        qtbot.wait(700)
        with qtbot.waitSignal(pack.verdict, timeout=5000):
            scale.put(pack.parcel.expected_g)
        assert pack.parcel.box_no == 2
        qtbot.waitUntil(lambda: len(saved) == 1, timeout=20_000)  # box 1's clip ends at its label
        scale.put(0)
        qtbot.waitUntil(lambda: pack.last_stable is not None and pack.last_stable < 10, timeout=3000)
        assert "REC" in recorder.indicator.text()
        qtbot.wait(700)
        scan(item)
        qtbot.wait(700)
        with qtbot.waitSignal(recorder.clip_saved, timeout=20_000):
            scale.put(pack.parcel.expected_g)
            qtbot.waitUntil(lambda: pack.parcel.status.value == "packed", timeout=5000)
    finally:
        shell.close()  # one shell per process: a later test's shell must find none
        bridge.stop()
        scale.stop()
        scanner.stop()
    assert [r.reason for r in saved] == ["packed", "packed"]
    box1, box2 = clips(ctx)
    with read_only(ctx.sessions) as s:
        boxes = [s.get(Package, c.package_id).box_no for c in (box1, box2)]
        numbers = {s.scalar(select(Order.number).where(Order.id == c.order_id)) for c in (box1, box2)}
    assert boxes == [1, 2] and numbers == {number}
    assert box1.ended_at <= box2.started_at, "one clip at a time, the second box's from its first"
    for clip in (box1, box2):
        path = tmp_path / "videos" / clip.path
        assert clip.status == "complete" and clip.frames == len(frames_of(str(path))) > 15
        assert clip.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert box1.path != box2.path


def test_a_parcel_taken_over_from_another_station_starts_its_clip(qtbot, demo_ctx, tmp_path):
    from app.services import packing
    from app.services.packing import Station
    from devices.scanner.scan import parse_scan

    number = make_order(demo_ctx, [("SKU-00001", 2)])
    dead, item = Station("PACK-DEAD", demo_user(demo_ctx, "packer2"), {}), barcode(demo_ctx, "SKU-00001")
    with unit_of_work(demo_ctx.sessions) as s:  # PACK-DEAD opened it, scanned one unit, and died
        parcel = packing.open_parcel(s, dead, parse_scan(number), demo_ctx.clock()).parcel
        packing.scan_item(s, dead, parcel, parse_scan(item), demo_ctx.clock())
    view = camera_station(qtbot, demo_ctx, tmp_path, "test")
    indicator = view.recorder.indicator
    scan(view, number)
    assert "PACK-DEAD" in view.banner.text()
    scan(view, "BADGE-super1")
    assert "taken over from PACK-DEAD" in view.banner.text()
    qtbot.waitUntil(lambda: "REC" in indicator.text(), timeout=5000)
    qtbot.wait(1000)
    scan(view, item)
    with qtbot.waitSignal(view.recorder.clip_saved, timeout=20_000) as saved:
        weigh(view)
    assert saved.args[0].reason == "packed"
    [clip] = clips(demo_ctx)
    assert clip.package_id == parcel.package_id and clip.station == demo_ctx.station
    path = tmp_path / "videos" / clip.path
    assert clip.status == "complete" and clip.frames == len(frames_of(str(path))) > 15
    assert clip.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_parcel_taken_over_by_another_station_ends_its_clip_at_the_station_it_left(qtbot, demo_ctx,
                                                                                       tmp_path):
    from app.services import packing
    from app.services.packing import Station
    from devices.scanner.scan import parse_scan

    number, item = make_order(demo_ctx, [("SKU-00001", 2)]), barcode(demo_ctx, "SKU-00001")
    view = camera_station(qtbot, demo_ctx, tmp_path, "test")
    scan(view, number)
    qtbot.waitUntil(lambda: "REC" in view.recorder.indicator.text(), timeout=5000)
    qtbot.wait(1000)
    other = Station("PACK-OTHER", demo_user(demo_ctx, "packer2"), {})
    with unit_of_work(demo_ctx.sessions) as s:  # a supervisor moves the parcel to PACK-OTHER
        packing.take_over(s, other, parse_scan(number), "BADGE-super1", demo_ctx.clock())
    with qtbot.waitSignal(view.recorder.clip_saved, timeout=20_000) as saved:
        scan(view, item)
    assert "taken over by station PACK-OTHER" in view.banner.text()
    assert saved.args[0].reason == "taken_over"
    [clip] = clips(demo_ctx)
    assert (clip.status, clip.ended_reason) == ("complete", "taken_over")
