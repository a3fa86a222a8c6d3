"""What is burned into a packing clip's frames: the parcel's header (order, tracking, packer,
station), the date-time and live weight, and the scans as they happen.

The text is drawn with Pillow in the CJK font of ``resources/fonts`` (so Chinese renders) into a
small grey-level mask, re-rendered only when a text changes (about once a second), and laid
onto the YUV planes of each frame in place: white text on a darkened band, a few numpy
operations a frame rather than an RGB round trip.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from devices.camera.source import CameraUnavailable

FONT_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
SCANS_SHOWN = 5
WHITE = 235  # video-range white: full 255 is clipped by players anyway


@cache
def _font(size: int) -> Any:
    try:
        from PIL import ImageFont
    except ImportError:
        raise CameraUnavailable("The video overlay needs Pillow: pip install 'packdesk[video]'") from None
    return ImageFont.truetype(str(FONT_FILE), size, index=0)


class Overlay:
    """Texts to burn in, changed from any thread (the pack screen), read by the recorder thread."""

    def __init__(self, clock_text: Callable[[], str] = lambda: "") -> None:
        self.clock_text = clock_text
        self._lock = threading.Lock()
        self._header: tuple[str, ...] = ()
        self._weight = ""
        self._scans: deque[str] = deque(maxlen=SCANS_SHOWN)
        self._cache: dict[str, tuple[tuple[str, ...], int, np.ndarray | None]] = {}

    def set_header(self, *lines: str) -> None:
        with self._lock:
            self._header = tuple(line for line in lines if line)

    def set_weight(self, text: str) -> None:
        with self._lock:
            self._weight = text

    def add_scan(self, text: str) -> None:
        with self._lock:
            self._scans.append(text)

    def clear(self) -> None:
        with self._lock:
            self._header, self._weight = (), ""
            self._scans.clear()

    def texts(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(top lines, bottom lines) as they would be drawn now."""
        with self._lock:
            status = "   ".join(t for t in (self.clock_text(), self._weight) if t)
            return (*self._header, status), tuple(self._scans)

    def draw(self, frame: Any) -> None:
        """Burn the texts into a yuv420p ``av.VideoFrame`` in place."""
        top, bottom = self.texts()
        y, u, v = (_plane(frame, i) for i in range(3))
        size = max(12, frame.height // 30)
        margin = size // 2
        mask = self._mask("top", top, size)
        if mask is not None:
            _lay(y, u, v, mask, margin, margin)
        mask = self._mask("bottom", bottom, size)
        if mask is not None:
            _lay(y, u, v, mask, max(0, frame.height - mask.shape[0] - margin), margin)

    def _mask(self, where: str, lines: tuple[str, ...], size: int) -> np.ndarray | None:
        cached = self._cache.get(where)
        if cached is not None and cached[:2] == (lines, size):  # a preview and a clip differ in size
            return cached[2]
        mask = render(lines, size) if any(lines) else None
        self._cache[where] = (lines, size, mask)
        return mask


def render(lines: tuple[str, ...], size: int) -> np.ndarray:
    """The lines as a grey-level image (0 background, ``WHITE`` text), padded, even-sized."""
    from PIL import Image, ImageDraw

    font = _font(size)
    pad, step = size // 3, int(size * 1.3)
    width = max(int(font.getlength(line)) for line in lines) + 2 * pad
    height = step * len(lines) + 2 * pad
    image = Image.new("L", (width + width % 2, height + height % 2), 0)
    pen = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        pen.text((pad, pad + i * step), line, fill=WHITE, font=font)
    return np.asarray(image)


def _plane(frame: Any, index: int) -> np.ndarray:
    """A writable view of one plane of the frame, without its row padding."""
    plane = frame.planes[index]
    rows = np.frombuffer(plane, np.uint8).reshape(-1, plane.line_size)
    return rows[: plane.height, : plane.width]


def _lay(y: np.ndarray, u: np.ndarray, v: np.ndarray, mask: np.ndarray, top: int, left: int) -> None:
    """Darken the band under the mask (so white text reads on any scene) and write the text."""
    h = min(mask.shape[0], y.shape[0] - top) & ~1
    w = min(mask.shape[1], y.shape[1] - left) & ~1
    if h <= 0 or w <= 0:
        return
    band = y[top : top + h, left : left + w]
    np.right_shift(band, 2, out=band)
    np.maximum(band, mask[:h, :w], out=band)
    for chroma in (u, v):  # grey: no colour under the text
        chroma[top // 2 : (top + h) // 2, left // 2 : (left + w) // 2] = 128
