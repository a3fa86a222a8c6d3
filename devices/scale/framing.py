"""Byte-stream framing shared by the scale parsers: lines and STX...ETX/CR frames.

Framers buffer partial input across ``feed`` calls and cap what they hold, so a stream of
garbage (wrong baud rate, a cable picking up noise) can never grow memory or stall parsing.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_FRAME = 256  # longer than any scale frame: beyond this the buffer is garbage


class LineFramer:
    """Splits a byte stream into lines ending in LF (CR LF, lone CR also accepted)."""

    def __init__(self, accept_cr: bool = True) -> None:
        self._buf = bytearray()
        self._accept_cr = accept_cr

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        lines: list[bytes] = []
        while True:
            cut = _first_terminator(self._buf, self._accept_cr)
            if cut is None:
                break
            end, skip = cut
            lines.append(bytes(self._buf[:end]))
            del self._buf[: end + skip]
        if len(self._buf) > MAX_FRAME:
            self._buf.clear()
            lines.append(b"")  # signal garbage to the caller as an empty line
        return lines


def _first_terminator(buf: bytearray, accept_cr: bool) -> tuple[int, int] | None:
    lf = buf.find(b"\n")
    cr = buf.find(b"\r") if accept_cr else -1
    if cr >= 0 and (lf < 0 or cr < lf):
        if cr + 1 == len(buf):
            return None  # CR may be followed by LF in the next chunk: wait
        return cr, 2 if buf[cr + 1 : cr + 2] == b"\n" else 1
    if lf >= 0:
        return lf, 1
    return None


class StxFramer:
    """Frames that start with STX (0x02) and end with a terminator byte (ETX or CR)."""

    def __init__(self, end: bytes = b"\x03", length: int | None = None) -> None:
        self._buf = bytearray()
        self._end = end
        self._length = length  # fixed frame length (incl. STX and end byte), if the format has one

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        frames: list[bytes] = []
        while True:
            start = self._buf.find(b"\x02")
            if start < 0:
                self._buf.clear()
                break
            del self._buf[:start]
            end = self._buf.find(self._end, 1)
            if end < 0:
                if len(self._buf) > MAX_FRAME:
                    self._buf.clear()
                break
            begin = 1
            if self._length and end + 1 > self._length and self._buf[end + 1 - self._length] == 0x02:
                begin = end + 2 - self._length  # the STX before was a stray byte (a checksum of 02h)
            frames.append(bytes(self._buf[begin:end]))
            del self._buf[: end + 1]
        return frames


def seven_bit(data: bytes) -> bytes:
    """Drop the parity bit a 7-bit format carries when the port is opened with 8 data bits."""
    return bytes(b & 0x7F for b in data)


NUMBER = re.compile(rb"^\s*([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)\s*$")


def parse_decimal(text: bytes) -> Decimal | None:
    """A signed decimal number with optional inner spaces (``- 1.25``); None if not one."""
    m = NUMBER.match(text)
    if not m:
        return None
    try:
        value = Decimal(m.group(2).decode("ascii"))
    except InvalidOperation:
        return None
    return -value if m.group(1) == b"-" else value
