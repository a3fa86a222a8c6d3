"""The pack screen's camera line on a disk below the free-space floor: the figures are the disk's
real free space and the configured floor, both in GB (the floor is set in MB)."""

from __future__ import annotations

import re
import shutil

import pytest

pytest.importorskip("av", reason="PyAV is not installed: pip install 'packdesk[video]'")

from devices.camera.recorder import Camera, CameraState, free_bytes
from devices.camera.source import CameraProfile
from ui.station.recorder import RecordingIndicator


def _figures(text: str) -> tuple[float, float]:
    free, floor = (float(n) for n in re.findall(r"(\d+(?:\.\d+)?) GB", text))
    return free, floor


def _disk_low_line(qtbot, folder, floor_mb: int) -> str:
    camera = Camera(CameraProfile.from_settings({"source": "test", "min_free_mb": floor_mb}), folder)
    assert not camera.space_ok()  # the real check on the folder's disk
    assert camera.status.state is CameraState.DISK_LOW
    indicator = RecordingIndicator()
    qtbot.addWidget(indicator)
    indicator.floor_mb = floor_mb
    indicator.show_status(camera.status)
    return indicator.text()


def test_a_floor_above_the_free_space_reads_both_in_gb(qtbot, tmp_path):
    free_gb = shutil.disk_usage(tmp_path).free / 2**30
    floor_mb = int(free_gb * 1024) + 2048  # 2048 MB more than the disk has
    free, floor = _figures(_disk_low_line(qtbot, tmp_path, floor_mb))
    assert free == pytest.approx(free_gb, abs=0.2)
    assert floor == pytest.approx(floor_mb / 1024, abs=0.05) and floor - free == pytest.approx(2.0, abs=0.2)


def test_the_disk_low_screenshot_shows_the_real_disk(qtbot, demo_ctx):
    from app.services import video
    from ui.station.video_screens import VIEWS

    view = VIEWS["station.pack.disk_low"](demo_ctx)
    qtbot.addWidget(view)
    indicator = view.recorder.indicator
    qtbot.waitUntil(lambda: indicator.text().startswith("Recording stopped"), timeout=30_000)
    free, floor = _figures(indicator.text())
    assert free == pytest.approx(free_bytes(video.folder_for({})) / 2**30, abs=0.5)
    assert floor - free == pytest.approx(2.0, abs=0.5), indicator.text()  # not "102400.0 GB"
