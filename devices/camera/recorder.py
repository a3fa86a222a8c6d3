"""The station camera: a capture thread that keeps the source open (reconnecting on its own) and
writes one clip at a time, H.264 in fragmented MP4, with the overlay burned in.

Nothing here blocks the caller: ``start_clip`` and ``stop_clip`` leave a request the capture
thread takes at its next frame (or its next reconnect attempt), and finished clips are hashed
and reported by a second thread, so neither the pack screen nor the frames wait for a disk or a
database. A power cut loses at most the last fragment (one second: a keyframe a second, each
starting a fragment) plus what the disk had not been told to keep (the file is synced every
``SYNC_EVERY_S``). A camera that vanishes mid-clip leaves a gap in the clip, reported with it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import hashlib
import logging
import os
import queue
import shutil
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from devices.camera.overlay import Overlay
from devices.camera.source import CameraError, CameraProfile, describe, open_input, require_av, source_errors

log = logging.getLogger(__name__)

SYNC_EVERY_S = 2.0
NICE = 10  # the camera's threads run this much nicer than the GUI, which answers scans
SPACE_EVERY_S = 2.0  # how often free space is looked at while recording
DRIFT_S = 0.5  # a source whose clock is this far from ours (one that lags, a test pattern) follows ours
MP4_FLAGS = "frag_keyframe+empty_moov+default_base_moof"  # with flush_packets: each fragment hits the file


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class CameraState(enum.StrEnum):
    CONNECTING = "connecting"
    LIVE = "live"  # frames arrive, no clip
    RECORDING = "recording"
    RECONNECTING = "reconnecting"  # the source went away; trying again
    DISK_LOW = "disk_low"  # below the free-space floor: no recording until there is room
    STOPPED = "stopped"
    FAILED = "failed"  # the recorder process ended on its own (killed, crashed)


@dataclass(frozen=True)
class CameraStatus:
    state: CameraState
    detail: str = ""
    free_bytes: int | None = None


@dataclass(frozen=True)
class Gap:
    start: dt.datetime
    end: dt.datetime
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "reason": self.reason}


@dataclass(frozen=True)
class ClipResult:
    """A finished clip as written: what the index records."""

    key: object  # the caller's name for the clip (a package id)
    path: Path
    started: dt.datetime
    ended: dt.datetime
    frames: int
    duration_s: float  # of the video as written (last frame's time + one frame)
    reason: str  # why it ended: packed / cancelled / stopped / disk_low / ...
    gaps: tuple[Gap, ...] = ()
    sha256: str = ""
    size: int = 0
    error: str = ""  # the file could not be written (it may be missing or partial)


def free_bytes(folder: Path) -> int:
    """Free space on the disk holding ``folder`` (its nearest existing parent)."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class _Clip:
    key: object
    path: Path
    started: dt.datetime
    container: Any = None
    stream: Any = None
    frames: int = 0
    last_pts: int = -1
    anchor: tuple[float, int] | None = None  # (source time, clip frame) the source's times count from
    gaps: list[Gap] = field(default_factory=list)
    gap_since: dt.datetime | None = None
    gap_reason: str = ""
    stop_at: dt.datetime | None = None
    stop_reason: str = ""
    synced: float = 0.0
    sync_fd: int | None = None
    error: str = ""


class Camera:
    """One station camera. ``start()`` opens the source in a thread; ``close()`` ends it."""

    def __init__(
        self,
        profile: CameraProfile,
        folder: Path,
        overlay: Overlay | None = None,
        on_status: Callable[[CameraStatus], None] = lambda _s: None,
        on_clip_started: Callable[[object, Path, dt.datetime], None] = lambda *_a: None,
        on_clip: Callable[[ClipResult], None] = lambda _r: None,
        clock: Callable[[], dt.datetime] = utcnow,
        backoff: tuple[float, float] = (0.5, 3.0),
        nice: int = NICE,
    ) -> None:
        require_av()
        self._errors = source_errors()
        describe(profile)  # an unknown source is refused now, in the caller's thread
        self.profile = profile
        self.folder = folder
        self.overlay = overlay or Overlay()
        self.on_status = on_status
        self.on_clip_started = on_clip_started
        self.on_clip = on_clip
        self.clock = clock
        self.backoff = backoff
        self.nice = nice
        self.status = CameraStatus(CameraState.STOPPED)
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._requests: list[tuple[str, tuple[Any, ...]]] = []
        self._clip: _Clip | None = None
        self._last_frame: Any = None
        self._reports: queue.Queue[tuple[str, tuple[Any, ...]] | None] = queue.Queue()
        self._capture: threading.Thread | None = None
        self._reporter: threading.Thread | None = None
        self._space_checked = 0.0
        self._disk_low = False

    # --- what the station calls (any thread) ----------------------------------------------

    def start(self) -> None:
        if self._capture is not None:
            return
        self._stopping.clear()
        self._reporter = threading.Thread(target=self._report_loop, name="camera reports", daemon=True)
        self._reporter.start()
        self._capture = threading.Thread(target=self._capture_loop, name="camera capture", daemon=True)
        self._capture.start()

    def close(self, timeout: float = 10.0) -> None:
        """End the clip being recorded (reason ``stopped``), release the camera, report all."""
        if self._capture is None:
            return
        self._stopping.set()
        self._wake.set()
        self._capture.join(timeout)
        self._capture = None
        self._reports.put(None)
        if self._reporter is not None:
            self._reporter.join(timeout)
            self._reporter = None
        self._set_status(CameraState.STOPPED)

    def space_ok(self) -> bool:
        """Whether a clip may start: the clip folder's disk is above the free-space floor."""
        free = free_bytes(self.folder)
        low = free < self.profile.min_free_mb * 1024 * 1024
        if low:
            self._set_status(CameraState.DISK_LOW, free_bytes=free)
        elif self._disk_low:
            self._set_status(CameraState.LIVE)
        self._disk_low = low
        return not low

    def start_clip(self, key: object, path: Path) -> None:
        """Record into ``path`` (an existing, empty, private file) from now; a clip still
        recording ends first (reason ``next``)."""
        self._request("start", key, path, self.clock())

    def stop_clip(self, key: object | None = None, reason: str = "stopped", after_s: float = 0.0) -> None:
        """End the clip (only if it is ``key``'s, when given), ``after_s`` seconds from now."""
        self._request("stop", key, reason, self.clock() + dt.timedelta(seconds=after_s))

    @property
    def recording_key(self) -> object | None:
        clip = self._clip
        return clip.key if clip is not None and clip.stop_at is None else None

    def snapshot(self, width: int = 640) -> Any:
        """The last frame with the overlay, as an RGB array ``width`` wide (for a settings
        preview: what a clip would show), or None."""
        frame = self._last_frame
        if frame is None:
            return None
        width &= ~1
        height = max(2, round(frame.height * width / frame.width) & ~1)
        out = frame.reformat(width=width, height=height, format="yuv420p")
        out.make_writable()
        self.overlay.draw(out)
        return out.to_ndarray(format="rgb24")

    # --- the capture thread ---------------------------------------------------------------

    def _request(self, kind: str, *args: Any) -> None:
        with self._lock:
            self._requests.append((kind, args))
        self._wake.set()

    def _set_status(self, state: CameraState, detail: str = "", free_bytes: int | None = None) -> None:
        status = CameraStatus(state, detail, free_bytes)
        if status == self.status:
            return
        self.status = status
        try:
            self.on_status(status)
        except Exception:  # a listener's bug must not stop the camera
            log.exception("camera status listener failed")

    def _capture_loop(self) -> None:
        _yield_to_the_station(self.nice)
        errors = self._errors
        delay = self.backoff[0]
        self._set_status(CameraState.CONNECTING, self.profile.source)
        while not self._stopping.is_set():
            try:
                source = open_input(self.profile)
            except errors as exc:
                self._went_away(_reason(exc))
                self._wake.wait(delay)
                self._wake.clear()
                delay = min(delay * 2, self.backoff[1])
                self._handle_requests(self.clock())
                continue
            delay = self.backoff[0]
            reason = "the camera stopped sending"
            try:
                stream = source.streams.video[0]
                stream.thread_type = "AUTO"
                self._set_status(CameraState.RECORDING if self._clip else CameraState.LIVE)
                for frame in source.decode(stream):
                    if self._stopping.is_set():
                        break
                    self._frame(frame)
            except errors as exc:
                reason = _reason(exc)
            finally:
                source.close()
            if not self._stopping.is_set():
                self._went_away(reason)
        self._end_clip(self.clock(), "stopped")

    def _went_away(self, reason: str) -> None:
        clip = self._clip
        if clip is not None and clip.gap_since is None:
            clip.gap_since, clip.gap_reason = self.clock(), reason
        if clip is not None:
            clip.anchor = None  # a reopened source counts its times afresh
        self._last_frame = None
        self._set_status(CameraState.RECONNECTING, reason)

    def _frame(self, frame: Any) -> None:
        now = self.clock()
        self._last_frame = frame
        self._handle_requests(now)
        clip = self._clip
        if clip is None:
            return
        if clip.gap_since is not None:  # the camera is back
            clip.gaps.append(Gap(clip.gap_since, now, clip.gap_reason))
            clip.gap_since = None
            self._set_status(CameraState.RECORDING)
        try:
            self._write(clip, frame, now)
        except self._errors as exc:  # the disk, not the camera: the clip ends here
            clip.error = _reason(exc)
            self._end_clip(now, "write_error")
            return
        if time.monotonic() - self._space_checked > SPACE_EVERY_S:
            self._space_checked = time.monotonic()
            if not self.space_ok():
                self._end_clip(now, "disk_low")

    def _handle_requests(self, now: dt.datetime) -> None:
        with self._lock:
            requests, self._requests = self._requests, []
        for kind, args in requests:
            if kind == "start":
                key, path, at = args
                clip = self._clip  # a clip asked to stop ends for that reason, else for the next one
                asked = clip.stop_reason if clip is not None and clip.stop_at is not None else ""
                self._end_clip(at, asked or "next")
                self._begin_clip(key, path, at)
            else:
                key, reason, at = args
                clip = self._clip
                if clip is not None and (key is None or key == clip.key):
                    clip.stop_at, clip.stop_reason = at, reason
        clip = self._clip
        if clip is not None and clip.stop_at is not None and now >= clip.stop_at:
            self._end_clip(clip.stop_at, clip.stop_reason)

    def _begin_clip(self, key: object, path: Path, at: dt.datetime) -> None:
        av = require_av()
        p = self.profile
        clip = _Clip(key, path, at)
        try:
            clip.container = av.open(str(path), "w", format="mp4",
                                     options={"movflags": MP4_FLAGS, "flush_packets": "1"})
            stream = clip.container.add_stream("libx264", rate=p.fps)
            stream.width, stream.height, stream.pix_fmt = p.width, p.height, "yuv420p"
            # a keyframe a second starts a fragment a second: what a power cut can cost; one encoder
            # thread, so on a two-core station one core always stays free for the pack screen
            stream.options = {"preset": p.preset, "crf": str(p.crf), "g": str(p.fps),
                              "tune": "zerolatency", "threads": "1"}
            clip.stream = stream
            clip.sync_fd = os.open(path, os.O_WRONLY)
        except self._errors as exc:
            clip.error = _reason(exc)
        if self._last_frame is None:  # no camera right now: the clip starts with a gap
            clip.gap_since, clip.gap_reason = at, self.status.detail or "no camera"
        self._clip = clip
        self._reports.put(("started", (key, path, at)))
        self._set_status(CameraState.RECORDING if clip.gap_since is None else CameraState.RECONNECTING,
                         self.status.detail if clip.gap_since else "")

    def _write(self, clip: _Clip, frame: Any, now: dt.datetime) -> None:
        if clip.stream is None:
            return
        p = self.profile
        wall = round((now - clip.started).total_seconds() * p.fps)
        pts = wall
        if frame.time is not None:  # the source's own times are steadier than when frames reach us ...
            if clip.anchor is not None:
                pts = clip.anchor[1] + round((frame.time - clip.anchor[0]) * p.fps)
            if clip.anchor is None or abs(pts - wall) > p.fps * DRIFT_S:  # ... unless they drift from ours
                clip.anchor = (frame.time, max(clip.last_pts + 1, wall))
                pts = clip.anchor[1]
        if pts <= clip.last_pts:  # the source runs faster than the clip's rate
            return
        out = frame.reformat(width=p.width, height=p.height, format="yuv420p")
        out.make_writable()  # a decoder may still hold the picture as a reference: draw on a copy
        self.overlay.draw(out)
        out.pts, out.time_base = pts, Fraction(1, p.fps)
        for packet in clip.stream.encode(out):
            clip.container.mux(packet)
        clip.frames += 1
        clip.last_pts = pts
        if clip.sync_fd is not None and time.monotonic() - clip.synced > SYNC_EVERY_S:
            os.fsync(clip.sync_fd)
            clip.synced = time.monotonic()

    def _end_clip(self, at: dt.datetime, reason: str) -> None:
        clip, self._clip = self._clip, None
        if clip is None:
            return
        if clip.gap_since is not None:
            clip.gaps.append(Gap(clip.gap_since, max(at, clip.gap_since), clip.gap_reason))
        if clip.container is not None:
            try:
                if clip.stream is not None:
                    for packet in clip.stream.encode():
                        clip.container.mux(packet)
                clip.container.close()
            except self._errors as exc:
                clip.error = clip.error or _reason(exc)
        if clip.sync_fd is not None:
            try:
                os.fsync(clip.sync_fd)
            finally:
                os.close(clip.sync_fd)
        duration = (clip.last_pts + 1) / self.profile.fps if clip.frames else 0.0
        result = ClipResult(clip.key, clip.path, clip.started, at, clip.frames, duration, reason,
                            tuple(clip.gaps), error=clip.error)
        self._reports.put(("finished", (result,)))
        if not self._stopping.is_set() and self.status.state is not CameraState.DISK_LOW:
            state = CameraState.LIVE if self._last_frame is not None else CameraState.RECONNECTING
            self._set_status(state, self.status.detail if state is CameraState.RECONNECTING else "")

    # --- the report thread ----------------------------------------------------------------

    def _report_loop(self) -> None:
        while (item := self._reports.get()) is not None:
            kind, args = item
            try:
                if kind == "started":
                    self.on_clip_started(*args)
                else:
                    self.on_clip(_hashed(args[0]))
            except Exception:  # the index being down must not stop the camera
                log.exception("camera clip listener failed")


def _yield_to_the_station(nice: int = NICE) -> None:
    """Run this thread, and the encoder threads it starts, below the pack screen's priority: when
    the CPU is short a frame waits, a scan's verdict does not (Linux: threads have their own nice)."""
    if hasattr(os, "setpriority") and sys.platform.startswith("linux"):
        tid = threading.get_native_id()
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + nice))


def _hashed(result: ClipResult) -> ClipResult:
    from dataclasses import replace

    try:
        return replace(result, sha256=sha256_of(result.path), size=result.path.stat().st_size)
    except OSError as exc:
        return replace(result, error=result.error or _reason(exc))


def salvage(key: object, path: Path, started: dt.datetime, ended: dt.datetime, reason: str) -> ClipResult:
    """What a clip cut off mid-recording (its recorder killed) holds: the whole fragments its file
    has, counted by demuxing (no decoding: this runs beside the pack screen), hashed."""
    av = require_av()
    frames, duration, error = 0, 0.0, ""
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            rate = float(stream.average_rate or 0) or 15.0
            last = None
            for packet in container.demux(stream):
                if packet.size and packet.pts is not None:
                    frames += 1
                    last = max(last or 0, packet.pts)
            if last is not None:
                duration = float(last * stream.time_base) + 1 / rate
    except (av.error.FFmpegError, IndexError, OSError) as exc:
        error = _reason(exc) if not frames else ""
    return _hashed(ClipResult(key, path, started, ended, frames, duration, reason, error=error))


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def record_test(profile: CameraProfile, path: Path, seconds: float, overlay: Overlay,
                clock: Callable[[], dt.datetime] = utcnow) -> ClipResult:
    """Record ``seconds`` from the profile's source into ``path`` (for setting a camera up)."""
    done: queue.Queue[ClipResult] = queue.Queue()
    statuses: list[CameraStatus] = []
    answered = threading.Event()  # the first picture, or the first failure to get one

    def status(s: CameraStatus) -> None:
        statuses.append(s)
        if s.state in (CameraState.LIVE, CameraState.RECONNECTING):
            answered.set()

    camera = Camera(profile, path.parent, overlay, on_status=status, on_clip=done.put, clock=clock)
    camera.start()
    try:
        answered.wait(30)
        camera.start_clip("test", path)
        camera.stop_clip("test", "test", after_s=seconds)
        result = done.get(timeout=seconds + 30)
    finally:
        camera.close()
    if result.error:
        raise CameraError("Recording into {path} failed: {reason}", path=str(path), reason=result.error)
    if result.frames == 0:
        detail = next((s.detail for s in reversed(statuses) if s.detail), "no frames arrived")
        raise CameraError("No picture from {source}: {reason}", source=profile.source, reason=detail)
    return result
