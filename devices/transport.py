"""A serial link that survives unplugging: read loop in a thread, reconnect with back-off.

Any pyserial URL works (``/dev/ttyUSB0``, ``COM3``, ``loop://``, ``socket://host:port``).
Bytes go to ``on_data`` and state changes to ``on_status``, both called from the reader
thread; nothing here ever blocks the caller or raises into it.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass

import serial

log = logging.getLogger(__name__)

if sys.platform == "win32":  # no termios
    _TermiosError: type[BaseException] = OSError
else:  # pyserial on POSIX lets termios.error escape when a tty refuses a setting
    from termios import error as _TermiosError

# What opening a port can raise: absent device, refused setting, malformed URL.
OPEN_ERRORS: tuple[type[BaseException], ...] = (serial.SerialException, OSError, ValueError, _TermiosError)


class LinkState(enum.StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    STOPPED = "stopped"


@dataclass(frozen=True)
class LinkStatus:
    port: str
    state: LinkState
    detail: str = ""


@dataclass(frozen=True)
class SerialSettings:
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1


class SerialLink:
    """Owns one port. ``start()`` begins (re)connecting; ``stop()`` ends it for good."""

    def __init__(
        self,
        port: str,
        settings: SerialSettings,
        on_data: Callable[[bytes], None],
        on_status: Callable[[LinkStatus], None] = lambda _s: None,
        on_connect: Callable[[], None] = lambda: None,
        backoff: tuple[float, float] = (0.1, 2.0),
        idle_ticks: bool = False,
    ) -> None:
        self.port = port
        self.settings = settings
        self.on_data = on_data
        self.on_status = on_status
        self.on_connect = on_connect
        self.backoff = backoff
        self.idle_ticks = idle_ticks  # also call on_data(b"") every read timeout (idle framing)
        self._serial: serial.SerialBase | None = None
        self._stop = threading.Event()
        self._write_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.state = LinkState.STOPPED

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name=f"serial {self.port}", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._close()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
        self._report(LinkState.STOPPED)

    def write(self, data: bytes) -> bool:
        """Send bytes if connected; False (never an exception) when the device is not there."""
        with self._write_lock:
            port = self._serial
            if port is None:
                return False
            try:
                port.write(data)
                return True
            except (serial.SerialException, OSError) as exc:
                log.info("write to %s failed: %s", self.port, exc)
                return False

    def _report(self, state: LinkState, detail: str = "") -> None:
        self.state = state
        try:
            self.on_status(LinkStatus(self.port, state, detail))
        except Exception:  # a listener's bug must not kill the reader thread
            log.exception("status listener failed")

    def _open(self) -> serial.SerialBase:
        s = self.settings
        return serial.serial_for_url(
            self.port, baudrate=s.baudrate, bytesize=s.bytesize, parity=s.parity,
            stopbits=s.stopbits, timeout=0.05, exclusive=None,
        )

    def _close(self) -> None:
        with self._write_lock:
            port, self._serial = self._serial, None
        if port is not None:
            with contextlib.suppress(serial.SerialException, OSError):
                port.close()

    def _run(self) -> None:
        delay = self.backoff[0]
        self._report(LinkState.CONNECTING)
        while not self._stop.is_set():
            try:
                port = self._open()
            except OPEN_ERRORS as exc:
                self._report(LinkState.DISCONNECTED, _reason(exc))
                self._stop.wait(delay)
                delay = min(delay * 2, self.backoff[1])
                continue
            with self._write_lock:
                self._serial = port
            delay = self.backoff[0]
            self._report(LinkState.CONNECTED)
            try:
                self.on_connect()
            except Exception:
                log.exception("connect listener failed")
            self._read_until_error(port)
            self._close()
            if not self._stop.is_set():
                self._report(LinkState.DISCONNECTED, "device unplugged or not answering")
                self._stop.wait(delay)

    def _read_until_error(self, port: serial.SerialBase) -> None:
        while not self._stop.is_set():
            try:
                data = port.read(max(1, port.in_waiting))
            except (serial.SerialException, OSError, TypeError, AttributeError):
                return  # TypeError/AttributeError: pyserial after the fd vanished under it
            if data or self.idle_ticks:
                try:
                    self.on_data(data)
                except Exception:
                    log.exception("data listener failed")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
