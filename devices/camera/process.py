"""The station camera in a process of its own, so capturing and encoding never share the pack
screen's interpreter lock: ``CameraProcess`` starts ``python -m devices.camera.process`` and drives
it with small messages (start a clip, overlay texts, stop a clip, close); the child runs a
``Camera`` and sends back its status and its clips.

The station's side never waits on the child: messages are written into a non-blocking pipe,
reports come in on a reader thread. A child that dies (killed, crashed) is seen as its
pipe closing: the station is told (``CameraState.FAILED``), the clip it was writing is salvaged
from its file (whole fragments, hashed) and reported, and the next clip starts a new child. A
station that dies closes the child's input: the child ends its clip properly and exits, so a
crash of the app costs no video at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import logging
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from devices.camera.recorder import (
    NICE,
    Camera,
    CameraState,
    CameraStatus,
    ClipResult,
    free_bytes,
    salvage,
    utcnow,
)
from devices.camera.source import CameraProfile, describe, missing_av

log = logging.getLogger(__name__)

CLOCK_FORMAT = "%Y-%m-%d %H:%M:%S"
BACKLOG_MAX = 1 << 20


class RemoteOverlay:
    """The overlay's setters, sent to the child (which draws them); same calls as ``Overlay``."""

    def __init__(self, send: Callable[..., None]) -> None:
        self._send = send
        self._weight = ""

    def set_header(self, *lines: str) -> None:
        self._send("header", *lines)

    def set_weight(self, text: str) -> None:
        if text != self._weight:  # a continuous scale repeats itself 20 times a second
            self._weight = text
            self._send("weight", text)

    def add_scan(self, text: str) -> None:
        self._send("scan", text)

    def clear(self) -> None:
        self._weight = ""
        self._send("clear")


class CameraProcess:
    """A station camera recording in a child process; the calls of ``Camera`` that the pack
    screen uses, none of which waits for the child."""

    def __init__(
        self,
        profile: CameraProfile,
        folder: Path,
        zone: dt.tzinfo = dt.UTC,
        on_status: Callable[[CameraStatus], None] = lambda _s: None,
        on_clip_started: Callable[[object, Path, dt.datetime], None] = lambda *_a: None,
        on_clip: Callable[[ClipResult], None] = lambda _r: None,
    ) -> None:
        if importlib.util.find_spec("av") is None:
            raise missing_av()  # the child would fail the same way, later and unseen
        describe(profile)  # an unknown source is refused now, in the caller's thread
        self.profile, self.folder, self.zone = profile, folder, zone
        self.on_status, self.on_clip_started, self.on_clip = on_status, on_clip_started, on_clip
        self.status = CameraStatus(CameraState.STOPPED)
        self.overlay = RemoteOverlay(self._send)
        self._proc: subprocess.Popen[bytes] | None = None
        self._backlog = bytearray()  # messages the child's pipe had no room for yet
        self._reader: threading.Thread | None = None
        self._closing = False
        self._disk_low = False  # said until a clip may start again, whatever the camera says meanwhile
        self._recording: object | None = None  # the clip asked for (the child learns it a moment later)
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def recording_key(self) -> object | None:
        return self._recording

    def start(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        self._closing = False
        proc = subprocess.Popen(
            [sys.executable, "-m", "devices.camera.process"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[2], env=_child_env())
        assert proc.stdin is not None
        with contextlib.suppress(OSError):  # where a pipe cannot be non-blocking a write may wait
            os.set_blocking(proc.stdin.fileno(), False)
        with self._send_lock:
            self._proc, self._backlog = proc, bytearray()
        self._send("open", self.profile, self.folder, self.zone)
        self._reader = threading.Thread(target=self._read_loop, args=(proc,), name="camera reports",
                                        daemon=True)
        self._reader.start()

    def close(self, timeout: float = 10.0) -> None:
        """End the clip being recorded (reason ``stopped``), stop the child, report all."""
        proc = self._proc
        if proc is None:
            return
        self._closing = True
        self._send("close")
        assert proc.stdin is not None
        with self._send_lock, contextlib.suppress(OSError):  # the rest of the backlog, then the end
            os.set_blocking(proc.stdin.fileno(), True)
            os.write(proc.stdin.fileno(), self._backlog)
            proc.stdin.close()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if self._reader is not None:
            self._reader.join(timeout)
        self._proc = None
        self._set_status(CameraStatus(CameraState.STOPPED))

    def space_ok(self) -> bool:
        """Whether a clip may start: the clip folder's disk is above the free-space floor."""
        free = free_bytes(self.folder)
        self._disk_low = free < self.profile.min_free_mb * 1024 * 1024
        if self._disk_low:
            self._set_status(CameraStatus(CameraState.DISK_LOW, free_bytes=free))
        return not self._disk_low

    def start_clip(self, key: object, path: Path) -> None:
        """Record into ``path`` (an existing, empty, private file) from now; a recorder that died
        is started again first."""
        if not self._closing and (self._proc is None or self._proc.poll() is not None):
            self.start()
        self._recording = key
        self._send("start", key, path)

    def stop_clip(self, key: object | None = None, reason: str = "stopped", after_s: float = 0.0) -> None:
        if key is None or key == self._recording:
            self._recording = None
        self._send("stop", key, reason, after_s)

    # --- threads ------------------------------------------------------------------------------

    def _send(self, *message: Any) -> None:
        """Write the message straight into the child's pipe from the caller's thread: a thread of
        our own would have to win the interpreter lock back from the pack screen for every scan,
        which on a busy machine costs the scan a scheduler slice."""
        data = pickle.dumps(message)
        with self._send_lock:
            proc = self._proc
            if proc is None or proc.stdin is None or proc.stdin.closed:
                return
            self._backlog += data
            try:
                del self._backlog[: os.write(proc.stdin.fileno(), self._backlog)]
            except BlockingIOError:  # the child is busy: the rest goes with the next message
                if len(self._backlog) > BACKLOG_MAX:
                    self._backlog.clear()  # a child that reads nothing any more: the reader reports it
            except OSError:
                self._backlog.clear()  # the child is gone: the reader reports it

    def _read_loop(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        opened: tuple[Any, ...] | None = None  # the clip this child said it writes
        while True:
            try:
                kind, *args = pickle.load(proc.stdout)
            except (EOFError, OSError, pickle.UnpicklingError):
                break
            try:
                if kind == "status":
                    self._camera_status(args[0])
                elif kind == "started":
                    opened = tuple(args)
                    self.on_clip_started(*args)
                else:
                    result: ClipResult = args[0]
                    if opened is not None and opened[0] == result.key:
                        opened = None
                    self.on_clip(result)
            except Exception:  # the index being down must not stop the camera
                log.exception("camera report listener failed")
        code = proc.wait()
        if self._closing:
            return
        self._set_status(CameraStatus(CameraState.FAILED, f"the recorder process ended (exit status {code})"))
        if self._proc is proc:
            self._recording = None
        if opened is not None:
            key, path, started = opened
            try:
                self.on_clip(salvage(key, path, started, utcnow(), "recorder_died"))
            except Exception:
                log.exception("camera report listener failed")

    def _camera_status(self, status: CameraStatus) -> None:
        if status.state is CameraState.DISK_LOW:
            self._disk_low = True
        elif self._disk_low and status.state in (CameraState.CONNECTING, CameraState.LIVE,
                                                 CameraState.RECONNECTING):
            return  # recording is still stopped for the disk: that stays on the screen
        self._set_status(status)

    def _set_status(self, status: CameraStatus) -> None:
        with self._lock:
            self.status = status
        try:
            self.on_status(status)
        except Exception:
            log.exception("camera status listener failed")


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


# --- the child --------------------------------------------------------------------------------


def serve(commands: IO[bytes], reports: IO[bytes]) -> None:
    """Run a camera on the messages read from ``commands`` until ``close`` or their end (the
    station is gone), writing its reports to ``reports``."""
    from devices.camera.overlay import Overlay

    kind, profile, folder, zone = pickle.load(commands)
    assert kind == "open"
    lock = threading.Lock()

    def report(*message: Any) -> None:
        with lock, contextlib.suppress(OSError):  # the station is gone: its end of the pipe closed
            pickle.dump(message, reports)
            reports.flush()

    overlay = Overlay(lambda: dt.datetime.now(zone).strftime(CLOCK_FORMAT))
    camera = Camera(profile, folder, overlay, on_status=lambda s: report("status", s),
                    on_clip_started=lambda *a: report("started", *a), on_clip=lambda r: report("finished", r),
                    nice=0)  # the whole process is already nicer than the station
    setters: dict[str, Callable[..., None]] = {
        "header": overlay.set_header, "weight": overlay.set_weight, "scan": overlay.add_scan,
        "clear": overlay.clear,
    }
    camera.start()
    try:
        while True:
            try:
                kind, *args = pickle.load(commands)
            except (EOFError, OSError, pickle.UnpicklingError):
                break  # the station died: end the clip properly all the same
            if kind == "close":
                break
            if kind == "start":
                camera.start_clip(*args)
            elif kind == "stop":
                camera.stop_clip(*args)
            else:
                setters[kind](*args)
    finally:
        camera.close()


def main() -> None:
    reports = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print must not garble the reports
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICE)  # when the CPU is short a frame waits, a scan's verdict does not
    logging.basicConfig(level=logging.WARNING, format="camera: %(message)s")
    serve(sys.stdin.buffer, reports)


if __name__ == "__main__":
    main()
