"""Serial scanners: frames scans by suffix (CR, LF, CRLF, TAB) or idle time, strips a prefix,
decodes, drops device double-reads and hands out parsed ``Scan``s."""

from __future__ import annotations

import time
from collections.abc import Callable

from devices.errors import DeviceError
from devices.profile import Profile
from devices.scanner.scan import Scan, ScanError, ScanKind, parse_scan
from devices.transport import LinkStatus, SerialLink, SerialSettings

SUFFIXES = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n", "tab": b"\t", "idle": b""}
MAX_SCAN = 4096


class ScanFramer:
    """Bytes in, scanned texts out. ``suffix="idle"`` ends a scan after ``idle_s`` of silence."""

    def __init__(self, suffix: str = "cr", prefix: str = "", idle_s: float = 0.05,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if suffix not in SUFFIXES:
            raise DeviceError("Unknown scanner suffix {suffix!r}: use one of {known}.",
                              suffix=suffix, known=", ".join(SUFFIXES))
        self.terminator = SUFFIXES[suffix]
        self.prefix = prefix.encode()
        self.idle_s = idle_s
        self.clock = clock
        self._buf = bytearray()
        self._last = 0.0

    def feed(self, data: bytes) -> list[bytes]:
        now = self.clock()
        out: list[bytes] = []
        if not self.terminator:
            if self._buf and ((data and now - self._last > self.idle_s) or (not data and
                              now - self._last > self.idle_s)):
                out.append(bytes(self._buf))
                self._buf.clear()
            if data:
                self._buf += data
                self._last = now
            return [self._strip(x) for x in out]
        self._buf += data
        if self.terminator == b"\r\n":
            self._buf = bytearray(self._buf.replace(b"\r\n", b"\r"))
            term = b"\r"
        else:
            term = self.terminator
        while (i := self._buf.find(term)) >= 0:
            out.append(bytes(self._buf[:i]))
            del self._buf[: i + 1]
        if len(self._buf) > MAX_SCAN:
            out.append(bytes(self._buf))
            self._buf.clear()
        return [self._strip(x) for x in out if x.strip(b"\r\n")]

    def _strip(self, frame: bytes) -> bytes:
        frame = frame.strip(b"\r\n")
        return frame[len(self.prefix):] if self.prefix and frame.startswith(self.prefix) else frame


def decode_scan(frame: bytes) -> Scan:
    """UTF-8 (or GB18030 from older Chinese scanners); undecodable bytes are a garbled scan."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return parse_scan(frame.decode(encoding))
        except UnicodeDecodeError:
            continue
    return Scan(raw=frame.decode("latin-1"), kind=ScanKind.ERROR, value="",
                error=ScanError("Garbled scan (the bytes are not text; check the scanner's baud rate)"))


class DoubleReadFilter:
    """Drops the same code arriving again within ``window_s`` (a device double-read); the same
    code scanned deliberately again (later than that) passes."""

    def __init__(self, window_s: float = 0.15, clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = window_s
        self.clock = clock
        self._last: tuple[str, float] | None = None

    def accept(self, scan: Scan) -> bool:
        now = self.clock()
        last, self._last = self._last, (scan.raw, now)
        return not (last is not None and last[0] == scan.raw and now - last[1] < self.window_s)


class SerialScanner:
    def __init__(
        self,
        port: str,
        on_scan: Callable[[Scan], None],
        on_status: Callable[[LinkStatus], None] = lambda _s: None,
        profile: Profile | None = None,
    ) -> None:
        profile = dict(profile or {})
        self.on_scan = on_scan
        suffix = str(profile.get("suffix", "cr"))
        self.framer = ScanFramer(suffix, str(profile.get("prefix", "")),
                                 float(profile.get("idle_s", 0.05)))
        self.dedupe = DoubleReadFilter(float(profile.get("double_read_s", 0.15)))
        settings = SerialSettings(
            baudrate=int(profile.get("baudrate", 9600)),
            bytesize=int(profile.get("bytesize", 8)),
            parity=str(profile.get("parity", "N")),
            stopbits=float(profile.get("stopbits", 1)),
        )
        self.link = SerialLink(port, settings, self._data, on_status, idle_ticks=suffix == "idle")

    def start(self) -> None:
        self.link.start()

    def stop(self) -> None:
        self.link.stop()

    def _data(self, data: bytes) -> None:
        for frame in self.framer.feed(data):
            scan = decode_scan(frame)
            if self.dedupe.accept(scan):
                self.on_scan(scan)
