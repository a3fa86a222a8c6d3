"""The station camera on FFmpeg's own sources: a lavfi test pattern and a live MPEG-TS stream served
over TCP by the test, never a real camera."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

av = pytest.importorskip("av", reason="PyAV is not installed: pip install 'packdesk[video]'")

from devices.camera.overlay import Overlay, render  # noqa: E402
from devices.camera.process import CameraProcess  # noqa: E402
from devices.camera.recorder import Camera, CameraState, ClipResult, free_bytes, sha256_of  # noqa: E402
from devices.camera.source import CameraError, CameraProfile  # noqa: E402
from tests.support.camera_stream import StreamPeer, wait_for  # noqa: E402

SMALL = {"size": "320x240", "fps": 15}


def decoded(path: Path) -> list:
    with av.open(str(path)) as c:
        return [f.to_ndarray(format="gray") for f in c.decode(video=0)]


def new_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.touch(mode=0o600)
    return path


class Recording:
    """A camera whose reports land in queues the test reads."""

    def __init__(self, profile: CameraProfile, folder: Path, overlay: Overlay | None = None) -> None:
        self.clips: queue.Queue[ClipResult] = queue.Queue()
        self.states: list[CameraState] = []
        self.live = threading.Event()
        self.camera = Camera(profile, folder, overlay, on_status=self._status, on_clip=self.clips.put,
                             backoff=(0.2, 0.5))

    def _status(self, status) -> None:
        self.states.append(status.state)
        if status.state is CameraState.LIVE:
            self.live.set()

    def __enter__(self) -> Recording:
        self.camera.start()
        assert self.live.wait(20), self.states
        return self

    def __exit__(self, *exc: object) -> None:
        self.camera.close()


def test_a_clip_from_the_test_pattern_has_the_frames_and_length_of_the_time_recorded(tmp_path):
    profile = CameraProfile.from_settings({"source": "test", **SMALL})
    with Recording(profile, tmp_path) as rec:
        path = new_file(tmp_path, "clip.mp4")
        t0 = time.monotonic()
        rec.camera.start_clip(1, path)
        time.sleep(3)
        rec.camera.stop_clip(1, "packed")
        result = rec.clips.get(timeout=20)
        wall = time.monotonic() - t0
    frames = decoded(path)
    assert result.reason == "packed" and result.gaps == () and not result.error
    assert len(frames) == result.frames
    assert abs(result.duration_s - wall) < 0.5
    assert abs(result.frames - 15 * wall) <= 5
    assert result.sha256 == sha256_of(path) and result.size == path.stat().st_size


def test_the_overlay_shows_each_parcels_own_text_in_chinese_too():
    assert render(("张",), 24).any()
    assert not np.array_equal(render(("张",), 24), render(("三",), 24)), "CJK glyphs, not the same box"
    frame, first, second = (
        av.VideoFrame.from_ndarray(np.full((240, 320, 3), 90, np.uint8), format="rgb24").reformat(
            format="yuv420p") for _ in range(3))
    overlay = Overlay(lambda: "2026-12-01 10:00:00")
    overlay.set_header("订单 SO-1", "打包员 张三")
    overlay.draw(first)
    overlay.set_header("订单 SO-2", "打包员 李四")
    overlay.set_weight("1234 g")
    overlay.add_scan("10:00:01 6901234567892 ✓")
    overlay.draw(second)
    plain, a, b = (f.to_ndarray(format="gray") for f in (frame, first, second))
    assert not np.array_equal(plain[:60], a[:60]), "the header is burned in"
    assert not np.array_equal(a[:60], b[:60]), "another parcel, another header"
    assert not np.array_equal(a[-40:], b[-40:]), "the scan appears at the bottom"


def test_a_stream_that_goes_away_mid_clip_comes_back_on_its_own_and_the_gap_is_reported(tmp_path):
    peer = StreamPeer()
    profile = CameraProfile.from_settings({"source": peer.url, **SMALL})
    try:
        with Recording(profile, tmp_path) as rec:
            path = new_file(tmp_path, "clip.mp4")
            rec.camera.start_clip(7, path)
            time.sleep(2)
            peer.pull_cable()
            assert wait_for(lambda: CameraState.RECONNECTING in rec.states, 10), rec.states
            time.sleep(1.5)
            peer.plug_in()
            assert wait_for(lambda: rec.camera.status.state is CameraState.RECORDING, 20), rec.states
            time.sleep(1.5)
            rec.camera.stop_clip(7, "packed")
            result = rec.clips.get(timeout=20)
    finally:
        peer.close()
    assert len(result.gaps) == 1, result.gaps
    gap = result.gaps[0]
    assert 1.0 <= (gap.end - gap.start).total_seconds() <= 8
    assert result.started < gap.start < gap.end < result.ended
    assert len(decoded(path)) == result.frames > 15
    assert result.frames < 15 * (result.ended - result.started).total_seconds() - 10, "no frames in the gap"


RECORD_UNTIL_KILLED = """
import sys, time
from pathlib import Path
from devices.camera.recorder import Camera
from devices.camera.source import CameraProfile
profile = CameraProfile.from_settings({"source": "test", "size": "320x240", "fps": 15})
camera = Camera(profile, Path(sys.argv[1]).parent)
camera.start()
while camera.status.state.value != "live":
    time.sleep(0.05)
camera.start_clip(1, Path(sys.argv[1]))
print("recording", flush=True)
time.sleep(60)
"""


def test_a_power_cut_mid_clip_loses_at_most_the_last_seconds(tmp_path):
    path = new_file(tmp_path, "cut.mp4")
    proc = subprocess.Popen([sys.executable, "-c", RECORD_UNTIL_KILLED, str(path)], stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).resolve().parents[2])
    assert proc.stdout is not None and proc.stdout.readline().strip() == "recording"
    time.sleep(4)
    proc.send_signal(signal.SIGKILL)  # no close, no flush: what a power cut leaves
    proc.wait(10)
    frames = decoded(path)
    assert len(frames) >= 15 * (4 - 2.5), len(frames)


def test_below_the_free_space_floor_no_clip_starts_and_one_recording_stops(tmp_path):
    full = CameraProfile.from_settings({"source": "test", **SMALL, "min_free_mb": 10**9})
    with Recording(full, tmp_path) as rec:
        assert not rec.camera.space_ok()
        assert rec.camera.status.state is CameraState.DISK_LOW
        assert rec.camera.status.free_bytes == pytest.approx(free_bytes(tmp_path), rel=0.01)
    floor_mb = free_bytes(tmp_path) // 2**20 - 32  # 32 MB above the floor ...
    tight = CameraProfile.from_settings({"source": "test", **SMALL, "min_free_mb": floor_mb})
    with Recording(tight, tmp_path) as rec:
        assert rec.camera.space_ok()
        path = new_file(tmp_path, "clip.mp4")
        rec.camera.start_clip(3, path)
        time.sleep(1)
        with (tmp_path / "filler").open("wb") as f:  # ... until something else fills the disk
            for _ in range(128):
                f.write(os.urandom(2**20))
            f.flush()
            os.fsync(f.fileno())
        result = rec.clips.get(timeout=20)
        assert result.reason == "disk_low"
        assert rec.camera.status.state is CameraState.DISK_LOW
    (tmp_path / "filler").unlink()
    assert len(decoded(path)) == result.frames > 0


def test_a_bad_source_or_setting_is_one_clear_line():
    with pytest.raises(CameraError, match="Unknown camera source 'webcam'"):
        Camera(CameraProfile.from_settings({"source": "webcam"}), Path("."))
    with pytest.raises(CameraError, match="WIDTHxHEIGHT"):
        CameraProfile.from_settings({"source": "test", "size": "big"})
    with pytest.raises(CameraError, match="fps must be 1 to 60"):
        CameraProfile.from_settings({"source": "test", "fps": 0})
    with pytest.raises(CameraError, match="No camera source"):
        CameraProfile.from_settings({})


def test_without_pyav_the_camera_says_how_to_install_it():
    code = ("import sys; sys.modules['av'] = None\n"
            "from devices.camera.source import require_av, CameraUnavailable\n"
            "try:\n    require_av()\nexcept CameraUnavailable as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout
    assert "pip install 'packdesk[video]'" in out


class InProcess(Recording):
    """The same reports from a camera recording in its own process, as the pack station runs it."""

    def __init__(self, profile: CameraProfile, folder: Path) -> None:
        self.clips, self.states, self.live = queue.Queue(), [], threading.Event()
        self.details: list[str] = []
        self.camera = CameraProcess(profile, folder, on_status=self._status, on_clip=self.clips.put)

    def _status(self, status) -> None:
        self.details.append(status.detail)
        super()._status(status)


def test_the_recorder_process_records_the_clip_and_the_overlay_the_station_sends(tmp_path):
    profile = CameraProfile.from_settings({"source": "test", **SMALL})
    with InProcess(profile, tmp_path) as rec:
        plain, marked = new_file(tmp_path, "plain.mp4"), new_file(tmp_path, "marked.mp4")
        for key, path in ((1, plain), (2, marked)):
            if key == 2:
                rec.camera.overlay.set_header("订单 SO-2", "打包员 李四")
            rec.camera.start_clip(key, path)
            assert rec.camera.recording_key == key
            time.sleep(1.5)
            rec.camera.stop_clip(key, "packed")
            assert rec.camera.recording_key is None
            result = rec.clips.get(timeout=20)
            assert (result.key, result.reason, result.frames) == (key, "packed", len(decoded(path)))
            assert result.sha256 == sha256_of(path)
    assert rec.camera.status.state is CameraState.STOPPED
    assert not np.array_equal(decoded(plain)[3][:40], decoded(marked)[3][:40]), "the header is burned in"


def test_a_recorder_killed_mid_clip_is_reported_its_clip_kept_to_the_last_fragment_and_it_restarts(tmp_path):
    profile = CameraProfile.from_settings({"source": "test", **SMALL})
    with InProcess(profile, tmp_path) as rec:
        path = new_file(tmp_path, "killed.mp4")
        rec.camera.start_clip(5, path)
        time.sleep(3.5)
        first = rec.camera.pid
        os.kill(first, signal.SIGKILL)
        salvaged = rec.clips.get(timeout=20)
        assert rec.camera.status.state is CameraState.FAILED
        assert "the recorder process ended (exit status -9)" in rec.details
        assert (salvaged.key, salvaged.reason, salvaged.error) == (5, "recorder_died", "")
        assert salvaged.frames == len(decoded(path)) >= 15 * (3.5 - 2.5), salvaged
        assert salvaged.sha256 == sha256_of(path) and salvaged.duration_s > 1
        again = new_file(tmp_path, "again.mp4")
        rec.camera.start_clip(6, again)  # the next parcel starts a new recorder
        assert rec.camera.pid != first
        assert wait_for(lambda: rec.camera.status.state is CameraState.RECORDING, 20), rec.states
        time.sleep(1)
        rec.camera.stop_clip(6, "packed")
        result = rec.clips.get(timeout=20)
    assert result.reason == "packed" and result.frames == len(decoded(again)) > 0


STATION_KILLED = """
import sys, time
from pathlib import Path
from devices.camera.process import CameraProcess
from devices.camera.source import CameraProfile
profile = CameraProfile.from_settings({"source": "test", "size": "320x240", "fps": 15})
camera = CameraProcess(profile, Path(sys.argv[1]).parent)
camera.start()
while camera.status.state.value != "live":
    time.sleep(0.05)
camera.start_clip(1, Path(sys.argv[1]))
while camera.status.state.value != "recording":
    time.sleep(0.05)
print(camera.pid, flush=True)
time.sleep(60)
"""


def test_a_station_killed_mid_clip_leaves_the_recorder_to_close_the_clip_whole(tmp_path):
    path = new_file(tmp_path, "orphan.mp4")
    station = subprocess.Popen([sys.executable, "-c", STATION_KILLED, str(path)], stdout=subprocess.PIPE,
                               text=True, cwd=Path(__file__).resolve().parents[2])
    assert station.stdout is not None
    recorder = int(station.stdout.readline())
    time.sleep(3)
    station.send_signal(signal.SIGKILL)
    station.wait(10)

    def gone() -> bool:
        try:
            return Path(f"/proc/{recorder}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
        except FileNotFoundError:
            return True

    assert wait_for(gone, 20), "the recorder ends when its station does"
    frames = decoded(path)
    assert len(frames) >= 15 * 3 - 8, len(frames)  # all of it: the clip was closed, not cut


def test_the_disk_warning_stays_until_a_clip_may_start_whatever_the_camera_says_meanwhile(tmp_path):
    full = CameraProfile.from_settings({"source": "test", **SMALL, "min_free_mb": 10**9})
    rec = InProcess(full, tmp_path)
    rec.camera.start()
    try:
        assert not rec.camera.space_ok()  # a parcel scanned before the camera's first picture
        time.sleep(3)  # the camera connects and goes live meanwhile
        assert rec.camera.status.state is CameraState.DISK_LOW, rec.states
        assert CameraState.LIVE not in rec.states
    finally:
        rec.camera.close()


def test_the_settings_preview_shows_the_overlay_a_clip_would_carry(tmp_path):
    profile = CameraProfile.from_settings({"source": "lavfi:color=c=gray:size=320x240:rate=15", **SMALL})
    overlay = Overlay()
    with Recording(profile, tmp_path, overlay) as rec:
        assert wait_for(lambda: rec.camera.snapshot(320) is not None, 10)
        plain = rec.camera.snapshot(320)
        overlay.set_header("Camera test · Station PACK-01")
        marked = rec.camera.snapshot(320)
    assert plain.shape == marked.shape == (240, 320, 3)
    assert not np.array_equal(plain[:30], marked[:30]), "the header is drawn on the preview"
    assert np.array_equal(plain[-60:], marked[-60:]), "and nothing else"
