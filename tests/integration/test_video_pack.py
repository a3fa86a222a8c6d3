"""Packing video end to end: two parcels packed in the running app with the pty scanner and scale
and FFmpeg's test pattern as the station camera; each parcel gets its own clip as long as its
pack, with its own overlay and the hash the index holds; an agent then finds the order in the
customer's timeline, plays the clip, jumps to a scan and exports it for a claim."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from app.config import StationSettings
from app.context import AppContext
from app.db import read_only
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
        frames = frames_of(clip.path)
        assert clip.status == "complete" and clip.gaps == [] and clip.frames == len(frames)
        # from the order scan to the label, and the label filmed for TAIL_S more
        assert abs(clip.duration_ms / 1000 - (span + 2.0)) < 0.5, (clip.duration_ms, span)
        assert len(frames) >= 0.5 * 15 * clip.duration_ms / 1000  # 15 fps, less what a loaded machine drops
        assert clip.sha256 == hashlib.sha256(Path(clip.path).read_bytes()).hexdigest()
        assert Path(clip.path).stat().st_mode & 0o777 == 0o600
    header = slice(0, 40), slice(0, 200)
    a, b = frames_of(first.path)[5], frames_of(second.path)[5]
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
