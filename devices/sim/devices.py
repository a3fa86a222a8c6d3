"""Simulated scale and scanner: what a tester or the demo drives instead of hardware.

``SimScale(protocol).start()`` returns a port path that speaks that protocol's real bytes
(streaming frames, or replies to polls); ``put``, ``unstable``, ``overload``, ``unplug``,
``replug`` change what it says. ``SimScanner().scan(code)`` sends a scan as a scanner would.
"""

from __future__ import annotations

import threading
from decimal import Decimal

from devices.scale.base import SimState, get_protocol
from devices.sim.pty_port import PtyPort


class SimScale:
    def __init__(self, protocol: str = "mt-sics", unit: str = "kg", stream_interval: float = 0.1) -> None:
        self.protocol = get_protocol(protocol)
        self.state = SimState(unit=unit)
        self.stream_interval = stream_interval
        self.port = PtyPort("scale")
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> str:
        path = self.port.open()
        self._thread = threading.Thread(target=self._run, name="sim scale", daemon=True)
        self._thread.start()
        return path

    @property
    def path(self) -> str:
        return self.port.path

    def put(self, grams: Decimal | int | str, stable: bool = True) -> None:
        with self._lock:
            self.state.grams = Decimal(str(grams))
            self.state.stable = stable
            self.state.overload = self.state.underload = False

    def unstable(self) -> None:
        with self._lock:
            self.state.stable = False

    def overload(self) -> None:
        with self._lock:
            self.state.overload = True

    def unplug(self) -> None:
        with self._lock:
            self.port.close()

    def replug(self) -> None:
        with self._lock:
            if not self.port.plugged:
                self.port.open()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self.port.remove()

    def _run(self) -> None:
        pending = b""
        while not self._stop.is_set():
            if not self.port.plugged:
                self._stop.wait(0.05)
                continue
            data = self.port.read(self.stream_interval if self.protocol.streams else 0.05)
            with self._lock:
                if self.protocol.streams and self.protocol.sim_frame is not None:
                    self.port.write(self.protocol.sim_frame(self.state))
                if data and self.protocol.sim_reply is not None:
                    pending += data
                    *commands, pending = _split_commands(pending)
                    for command in commands:
                        reply = self.protocol.sim_reply(command, self.state)
                        if reply:
                            self.port.write(reply)


def _split_commands(buffer: bytes) -> list[bytes]:
    """Commands end in CR or LF, or in ETX (kept: STX...ETX protocols check it); the last
    element is the unterminated rest."""
    parts = buffer.replace(b"\r\n", b"\r").replace(b"\n", b"\r").replace(b"\x03", b"\x03\r").split(b"\r")
    return [p for p in parts[:-1] if p] + [parts[-1]]


class SimScanner:
    def __init__(self, suffix: bytes = b"\r", prefix: bytes = b"") -> None:
        self.suffix = suffix
        self.prefix = prefix
        self.port = PtyPort("scanner")

    def start(self) -> str:
        return self.port.open()

    @property
    def path(self) -> str:
        return self.port.path

    def scan(self, code: str, aim: str = "") -> None:
        self.port.write(self.prefix + aim.encode() + code.encode() + self.suffix)

    def send_raw(self, data: bytes) -> None:
        self.port.write(data)

    def unplug(self) -> None:
        self.port.close()

    def replug(self) -> None:
        if not self.port.plugged:
            self.port.open()

    def stop(self) -> None:
        self.port.remove()
