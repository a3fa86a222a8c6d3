"""Where a station's frames come from: its camera profile and the PyAV (FFmpeg) input it opens.

A source is one string, as the station's device settings hold it:

- ``test`` (a moving test pattern) or ``lavfi:<filter graph>`` (any FFmpeg test source);
- ``v4l2:/dev/video0`` (a USB camera on Linux; a bare ``/dev/video0`` works too);
- ``dshow:<camera name>`` (a USB camera on Windows, DirectShow; Media Foundation cameras show there);
- ``rtsp://user:pass@host/stream`` (an IP camera), or any other stream URL FFmpeg reads
  (``tcp://host:port``, ``udp://...``, ``http://...``).

PyAV is an optional extra (``pip install 'packdesk[video]'``): a station without a camera never
imports it, and one with a camera but without PyAV gets ``CameraUnavailable`` saying what to do.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from devices.errors import DeviceError

INSTALL_HINT = "pip install 'packdesk[video]'"
# A live source that stops sending for this long is taken as unplugged (microseconds, FFmpeg's unit).
READ_TIMEOUT_US = 3_000_000
OPEN_TIMEOUT_S = 8.0  # an IP camera waking up takes a few seconds to send its first picture


class CameraError(DeviceError):
    """A camera that cannot be used as configured; worded as a user's one-line message."""


class CameraUnavailable(CameraError):
    """PyAV (or Pillow, for the overlay) is not installed on this station."""


def missing_av() -> CameraUnavailable:
    """What a station with a camera but without PyAV is told."""
    return CameraUnavailable("Video recording needs PyAV, which is not installed here: {hint}",
                             hint=INSTALL_HINT)


def require_av() -> ModuleType:
    """The ``av`` module, or CameraUnavailable saying how to install it."""
    try:
        return importlib.import_module("av")
    except ImportError:
        raise missing_av() from None


@dataclass(frozen=True)
class CameraProfile:
    """One station's camera, from ``StationSettings.devices["camera"]``."""

    source: str
    width: int = 1280
    height: int = 720
    fps: int = 15
    folder: str = ""  # where clips go ("" = the station's data folder / videos)
    min_free_mb: int = 2048  # below this free space on that disk recording stops
    input_format: str = ""  # a USB camera's pixel format, e.g. mjpeg (most need it for 720p)
    preset: str = "veryfast"  # libx264 speed/size trade-off
    crf: int = 28  # libx264 quality (lower is better and bigger)

    @classmethod
    def from_settings(cls, raw: dict[str, Any]) -> CameraProfile:
        """A checked profile; CameraError naming the bad key otherwise."""
        source = str(raw.get("source", "")).strip()
        if not source:
            raise CameraError("No camera source is set: use test, v4l2:/dev/video0, dshow:NAME or rtsp://...")
        width, height = parse_size(str(raw.get("size", f"{cls.width}x{cls.height}")))
        try:
            fps = int(raw.get("fps", cls.fps))
            min_free = int(raw.get("min_free_mb", cls.min_free_mb))
            crf = int(raw.get("crf", cls.crf))
        except (TypeError, ValueError):
            raise CameraError("Camera fps, min_free_mb and crf are whole numbers: {settings!r}",
                              settings=raw) from None
        if not 1 <= fps <= 60:
            raise CameraError("Camera fps must be 1 to 60, not {fps}.", fps=fps)
        if min_free < 0 or not 0 <= crf <= 51:
            raise CameraError("Camera min_free_mb must be at least 0 and crf 0 to 51.")
        return cls(source, width, height, fps, str(raw.get("folder", "")).strip(), min_free,
                   str(raw.get("input_format", "")).strip(), str(raw.get("preset", cls.preset)), crf)

    def as_settings(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "size": f"{self.width}x{self.height}", "fps": self.fps,
                               "folder": self.folder, "min_free_mb": self.min_free_mb}
        if self.input_format:
            out["input_format"] = self.input_format
        return out


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise CameraError("Camera size is WIDTHxHEIGHT, e.g. 1280x720, not {size!r}.", size=text) from None
    if not (160 <= w <= 3840 and 120 <= h <= 2160) or w % 2 or h % 2:
        raise CameraError("Camera size {width}x{height} is out of range (even numbers, 160x120 to "
                          "3840x2160).", width=w, height=h)
    return w, h


@dataclass(frozen=True)
class Input:
    """What FFmpeg is asked to open: a URL or device, its demuxer, its options."""

    url: str
    format: str | None
    options: dict[str, str]
    live: bool = True  # a file would end; a live source that ends was unplugged


def describe(profile: CameraProfile) -> Input:
    s, size, rate = profile.source, f"{profile.width}x{profile.height}", str(profile.fps)
    if s == "test":
        return Input(f"testsrc2=size={size}:rate={rate},realtime", "lavfi", {})
    if s.startswith("lavfi:"):
        return Input(s[len("lavfi:"):], "lavfi", {})
    if s.startswith(("v4l2:", "/dev/video")):
        options = {"video_size": size, "framerate": rate}
        if profile.input_format:
            options["input_format"] = profile.input_format
        return Input(s.removeprefix("v4l2:"), "v4l2", options)
    if s.startswith("dshow:"):
        return Input(f"video={s[len('dshow:'):]}", "dshow", {"video_size": size, "framerate": rate})
    if s.startswith(("rtsp://", "rtsps://")):
        return Input(s, None, {"rtsp_transport": "tcp", "timeout": str(READ_TIMEOUT_US)})
    if "://" in s:
        # small probe: a live stream starts in well under a second instead of FFmpeg's 5 s default
        return Input(s, None, {"rw_timeout": str(READ_TIMEOUT_US), "analyzeduration": "500000",
                               "probesize": "500000", "fflags": "nobuffer"})
    raise CameraError("Unknown camera source {source!r}: use test, lavfi:GRAPH, v4l2:/dev/video0, dshow:NAME "
                      "or rtsp://...", source=s)


def open_input(profile: CameraProfile) -> Any:
    """An open PyAV input container for the profile's source (raises av's errors as they come)."""
    av = require_av()
    spec = describe(profile)
    return av.open(spec.url, format=spec.format, options=spec.options,
                   timeout=(OPEN_TIMEOUT_S, READ_TIMEOUT_US / 1e6))


def source_errors() -> tuple[type[BaseException], ...]:
    """What opening or reading a source raises when the camera is missing, gone or garbled."""
    av = require_av()
    return (av.error.FFmpegError, OSError, EOFError, ValueError)
