"""Screenshot views of packing video: the camera settings with a live test picture, the pack screen
recording (and refusing to record on a nearly full disk), and the player in a customer's history.
The camera is FFmpeg's test pattern; clips go to the screenshot's own data folder."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QApplication, QWidget

from app.context import AppContext
from app.db import read_only
from app.services import customers, station_scenes, video
from devices.camera.recorder import free_bytes
from devices.scale.base import WeightReading
from devices.scanner.scan import parse_scan
from ui.station.pack import PackView
from ui.station.recorder import CameraSettingsDialog


def _wait(condition: Callable[[], bool], timeout: float = 30) -> None:
    """Let the camera's process and threads report while the view's events run."""
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.05)


def _with_camera(ctx: AppContext, **camera: object) -> AppContext:
    ctx.settings.devices["camera"] = {"source": "test", "size": "640x360", "fps": 15,
                                      "folder": str(video.folder_for({})), "min_free_mb": 2048, **camera}
    return ctx


def _packing(ctx: AppContext) -> tuple[PackView, list[str]]:
    """A pack screen whose camera is live, a tote scanned and all but its last unit."""
    view = PackView(ctx)
    view.resize(1100, 700)
    view.show()
    indicator = view.recorder.indicator
    assert view.recorder.camera is not None, indicator.text()
    _wait(lambda: indicator.status is not None and indicator.status.state.value == "live")  # as shown
    with read_only(ctx.sessions) as s:
        tote = station_scenes.tote_at_pack(s, 1)
    view.handle_scan(parse_scan(tote.code))
    for code in tote.barcodes[:-1]:
        view.handle_scan(parse_scan(code))
    return view, list(tote.barcodes)


def _pack_recording(ctx: AppContext) -> QWidget:
    view, _codes = _packing(_with_camera(ctx))
    view.handle_weight(WeightReading(Decimal(812), False))
    _wait(lambda: "REC" in view.recorder.indicator.text() or "录像中" in view.recorder.indicator.text())
    return view


def _pack_disk_low(ctx: AppContext) -> QWidget:
    # the real check on the real disk, its floor 2 GB above what is free (a 100 TB floor read "102400.0 GB")
    floor_mb = free_bytes(video.folder_for({})) // 2**20 + 2048
    view, _codes = _packing(_with_camera(ctx, min_free_mb=floor_mb))
    return view


def _camera_settings(ctx: AppContext) -> QWidget:
    dialog = CameraSettingsDialog(_with_camera(ctx, size="1280x720").settings)
    dialog.resize(720, 640)
    dialog.show()
    dialog.start_test()
    _wait(lambda: dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull())
    return dialog  # closing it ends the test


def _player(ctx: AppContext) -> QWidget:
    """A parcel packed on camera, then its clip played from the customer's history."""
    from ui.service.customer import CustomerView

    view, codes = _packing(_with_camera(ctx))
    parcel = view.parcel
    assert parcel is not None and parcel.expected_g is not None
    saved: list[object] = []
    view.recorder.clip_saved.connect(saved.append)
    time.sleep(1)
    view.handle_scan(parse_scan(codes[-1]))
    view.handle_weight(WeightReading(Decimal(parcel.expected_g), True))
    _wait(lambda: bool(saved))
    view.recorder.close()
    with read_only(ctx.sessions) as s:
        found = customers.search(s, parcel.order_number)  # as an agent finds the order's customer
    history = CustomerView(ctx)
    history.load(found.matches[0].customer_id)
    rows = [history.timeline.topLevelItem(i) for i in range(history.timeline.topLevelItemCount())]
    player = history.videos.play(next(r for r in rows if r.text(2) == parcel.order_number))
    assert player is not None
    player.resize(1100, 640)
    _wait(lambda: player.picture.pixmap() is not None and not player.picture.pixmap().isNull())
    _wait(lambda: player.player.position() > 1500, timeout=5)
    player.player.pause()
    return player


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "station.camera_settings": _camera_settings,
    "station.pack.recording": _pack_recording,
    "station.pack.disk_low": _pack_disk_low,
    "service.video_player": _player,
}
