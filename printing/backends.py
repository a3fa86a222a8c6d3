"""Printer back ends: a PDF file, the system spooler (CUPS ``lp``; QtPrintSupport registered from
``ui.printing_qt``), and raw ZPL/TSPL straight to a label printer over TCP 9100, a serial port or
a USB printer device (no CUPS raw queue needed).

A printer is named by a URI: ``file:/dir``, ``cups:QUEUE``, ``qt:PRINTER``,
``tcp://host:9100[?timeout=S&confirm=status|close]``, ``serial:///dev/ttyUSB0?baud=9600``,
``usb:/dev/usb/lp0``. URIs come from a station's own settings only, never from a job row.
``send`` returns when the printer confirmed the job and raises ``PrinterError`` otherwise:
``retryable`` when nothing reached the printer, ``PrintOutcomeUnknown`` when something did but
the printer never confirmed it (a person decides), plain ``PrinterError`` when it refused for good.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import socket
import stat
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import ParseResult, parse_qs, urlparse

from printing.errors import PrinterConfigError, PrinterError, PrintOutcomeUnknown


@dataclass(frozen=True)
class Job:
    title: str
    format: str  # pdf / zpl / tspl
    payload: bytes
    copies: int = 1
    media: str = ""  # e.g. "100x150" or "A4" for spoolers


class Backend(Protocol):
    uri: str

    def send(self, job: Job) -> None: ...

    def status(self) -> str: ...


class FileBackend:
    """Writes each job as a file (for archives, previews and printers that watch a folder), only
    inside its folder: created 0700, files 0600 (they hold addresses), never through a symlink."""

    def __init__(self, directory: str) -> None:
        self.uri = f"file:{directory}"
        self.directory = Path(directory)

    def send(self, job: Job) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = self.directory / f"{_safe(job.title)}-{stamp}.{job.format}"
        tmp = target.with_suffix(".part")
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not self.directory.is_dir():
                raise PrinterError("Printer folder {folder} is not a folder.", retryable=False,
                                   folder=str(self.directory))
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(job.payload)
            os.replace(tmp, target)
        except OSError as exc:
            if exc.errno != errno.EEXIST:  # never remove a file we did not create
                tmp.unlink(missing_ok=True)
            raise PrinterError("Cannot write {file}: {reason}", retryable=True, file=str(target),
                               reason="disk full" if exc.errno == errno.ENOSPC else exc.strerror) from None

    def status(self) -> str:
        return "ready" if self.directory.is_dir() or not self.directory.exists() else "not a folder"


class CupsBackend:
    """The CUPS spooler through ``lp`` (job data on stdin)."""

    def __init__(self, queue: str) -> None:
        self.uri = f"cups:{queue}"
        self.queue = queue

    def send(self, job: Job) -> None:
        if shutil.which("lp") is None:
            raise PrinterError("CUPS is not installed here (no lp command).", retryable=False)
        args = ["lp", "-d", self.queue, "-n", str(job.copies), "-t", job.title]
        if job.media:
            args += ["-o", f"media={_media(job.media)}"]
        if job.format != "pdf":
            args += ["-o", "raw"]
        try:
            proc = subprocess.run(args, input=job.payload, capture_output=True, timeout=30, check=False)
        except subprocess.TimeoutExpired:
            raise PrinterError("CUPS did not answer for printer {printer}.", retryable=True,
                               printer=self.queue) from None
        if proc.returncode != 0:
            reason = proc.stderr.decode(errors="replace").strip().splitlines()
            # lp refused the job: it was not queued, so sending again cannot print twice
            raise PrinterError("Printer {printer}: {reason}", retryable=True, printer=self.queue,
                               reason=reason[-1] if reason else "refused the job")

    def status(self) -> str:
        proc = subprocess.run(["lpstat", "-p", self.queue], capture_output=True, text=True, check=False)
        return (proc.stdout or proc.stderr).strip() or "unknown"


@dataclass(frozen=True)
class HostStatus:
    """The fields of a ZPL ``~HS`` reply that say whether a label can print and has printed."""

    paper_out: bool = False
    paused: bool = False
    buffer_full: bool = False
    head_open: bool = False
    ribbon_out: bool = False
    formats_in_buffer: int = 0
    labels_remaining: int = 0
    partial_format: bool = False

    @property
    def problems(self) -> list[str]:
        flags = [(self.paper_out, "paper out"), (self.head_open, "head open"), (self.paused, "paused"),
                 (self.ribbon_out, "ribbon out"), (self.buffer_full, "buffer full")]
        return [name for on, name in flags if on]

    @property
    def drained(self) -> bool:
        return not (self.formats_in_buffer or self.labels_remaining or self.partial_format)


def parse_host_status(data: bytes) -> HostStatus | None:
    """A ZPL ``~HS`` reply (three STX...ETX strings), or None when it is not one."""
    strings = [part.split(b"\x03")[0].decode("ascii", "replace") for part in data.split(b"\x02")[1:]]
    if len(strings) < 2:
        return None
    s1, s2 = strings[0].split(","), strings[1].split(",")
    if len(s1) < 8 or len(s2) < 9:
        return None

    def number(text: str) -> int:
        return int(text) if text.strip().isdigit() else 0

    return HostStatus(
        paper_out=s1[1] == "1", paused=s1[2] == "1", buffer_full=s1[5] == "1", head_open=s2[2] == "1",
        ribbon_out=s2[3] == "1", formats_in_buffer=number(s1[4]), labels_remaining=number(s2[8]),
        partial_format=s1[7] == "1",
    )


def describe_host_status(data: bytes) -> str:
    """A ZPL ``~HS`` reply as a short status: "ready" or the problems it reports."""
    parsed = parse_host_status(data)
    if parsed is None:
        return "no status"
    return ", ".join(parsed.problems) or "ready"


class RawTcpBackend:
    """Port 9100 ("JetDirect"): the label printer reads ZPL/TSPL straight off the socket.

    A job counts as printed only when the printer confirmed it: ``confirm=status`` (the default for
    ZPL) asks ``~HS`` before sending (a printer out of paper gets nothing) and after, until the
    formats drained; ``confirm=close`` (the default otherwise) half-closes and waits for the
    printer's own close. Anything else after the first byte went out is ``PrintOutcomeUnknown``.
    """

    def __init__(self, host: str, port: int = 9100, timeout: float = 5.0, confirm: str = "",
                 drain_timeout: float = 120.0) -> None:
        self.uri = f"tcp://{host}:{port}"
        self.host, self.port, self.timeout, self.confirm = host, port, timeout, confirm
        self.drain_timeout = drain_timeout
        self.name = f"{host}:{port}"

    def _connect(self) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            raise PrinterError(
                "Printer {printer} is not reachable ({reason}); is it switched on and on the network?",
                retryable=True, printer=self.name, reason=exc.strerror or str(exc) or type(exc).__name__,
            ) from None

    def send(self, job: Job) -> None:
        by_status = (self.confirm or ("status" if job.format == "zpl" else "close")) == "status"
        with self._connect() as sock:
            if by_status:
                try:
                    before = self._host_status(sock)
                except OSError as exc:
                    raise PrinterError("Printer {printer} did not answer its status request (~HS: {reason}); "
                                       "nothing was sent.", retryable=True, printer=self.name,
                                       reason=_reason(exc)) from None
                if before.problems:
                    raise PrinterError("Printer {printer} is not ready ({problems}); nothing was sent, "
                                       "the job waits.", retryable=True, printer=self.name,
                                       problems=", ".join(before.problems))
            try:
                for _ in range(job.copies):
                    sock.sendall(job.payload)
                if by_status:
                    self._wait_drained(sock)
                else:
                    self._wait_close(sock)
            except OSError as exc:
                raise PrintOutcomeUnknown(
                    "Printer {printer} did not confirm the job ({reason}); part of it may have printed: "
                    "check the printer, then reprint or mark it printed.",
                    printer=self.name, reason=_reason(exc),
                ) from None

    def _host_status(self, sock: socket.socket) -> HostStatus:
        sock.sendall(b"~HS")
        data = b""
        deadline = time.monotonic() + self.timeout
        while data.count(b"\x03") < 3:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            chunk = sock.recv(1024)
            if not chunk:
                raise ConnectionAbortedError(errno.ECONNABORTED, "the printer closed the connection")
            data += chunk
        parsed = parse_host_status(data)
        if parsed is None:
            raise ConnectionAbortedError(errno.EPROTO, "the printer's status reply is not ~HS")
        return parsed

    def _wait_drained(self, sock: socket.socket) -> None:
        deadline = time.monotonic() + self.drain_timeout
        while True:
            now = self._host_status(sock)
            if now.problems:
                raise OSError(errno.EIO, "the printer reports " + ", ".join(now.problems))
            if now.drained:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(errno.ETIMEDOUT, f"{now.formats_in_buffer} label(s) still in its buffer")
            time.sleep(0.1)

    def _wait_close(self, sock: socket.socket) -> None:
        """Half-close, then read until the printer closes its side (it read everything)."""
        sock.shutdown(socket.SHUT_WR)
        deadline = time.monotonic() + self.timeout
        while True:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            if not sock.recv(4096):
                return

    def status(self) -> str:
        """ZPL host status (~HS): paper out, paused, head open."""
        try:
            with self._connect() as sock:
                problems = self._host_status(sock).problems
        except (OSError, PrinterError) as exc:
            return f"no status ({exc})"
        return ", ".join(problems) or "ready"


def _reason(exc: OSError) -> str:
    if exc.strerror:
        return exc.strerror
    return "no answer in time" if isinstance(exc, TimeoutError) else str(exc) or type(exc).__name__


class SerialBackend:
    def __init__(self, url: str, baudrate: int = 9600) -> None:
        self.uri = f"serial://{url}?baud={baudrate}"
        self.url, self.baudrate = url, baudrate

    def send(self, job: Job) -> None:
        import serial

        try:
            port = serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=2, write_timeout=10)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise PrinterError("Cannot open printer port {port}: {reason}", retryable=True, port=self.url,
                               reason=str(exc)) from None
        try:
            for _ in range(job.copies):
                port.write(job.payload)
            port.flush()
        except (serial.SerialException, OSError) as exc:
            raise PrintOutcomeUnknown(
                "Printer on {port} failed while printing ({reason}); check it, then reprint or mark it "
                "printed.",
                port=self.url, reason=str(exc),
            ) from None
        finally:
            port.close()

    def status(self) -> str:
        return "ready" if Path(self.url).exists() or "://" in self.url else "not connected"


class UsbDeviceBackend:
    """A USB printer class device (Linux ``/dev/usb/lp0``) written directly; anything that is not
    a character device (an ordinary file, a folder, a pipe) is refused before it is opened."""

    def __init__(self, path: str) -> None:
        self.uri = f"usb:{path}"
        self.path = path

    def send(self, job: Job) -> None:
        try:
            if not stat.S_ISCHR(os.stat(self.path).st_mode):
                raise PrinterError("{path} is not a printer device; a usb: printer must be a device such "
                                   "as /dev/usb/lp0.", retryable=False, path=self.path)
            fd = os.open(self.path, os.O_WRONLY | os.O_NOCTTY)
        except OSError as exc:
            raise PrinterError("USB printer {path} is not connected ({reason}).", retryable=True,
                               path=self.path, reason=exc.strerror) from None
        try:
            if not stat.S_ISCHR(os.fstat(fd).st_mode):  # swapped for a file between stat and open
                raise PrinterError("{path} is not a printer device; a usb: printer must be a device such "
                                   "as /dev/usb/lp0.", retryable=False, path=self.path)
            for _ in range(job.copies):
                view = memoryview(job.payload)
                while view:
                    view = view[os.write(fd, view):]
        except OSError as exc:
            raise PrintOutcomeUnknown(
                "USB printer {path} failed while printing ({reason}); check it, then reprint or mark it "
                "printed.",
                path=self.path, reason=exc.strerror,
            ) from None
        finally:
            os.close(fd)

    def status(self) -> str:
        try:
            return "ready" if stat.S_ISCHR(os.stat(self.path).st_mode) else "not a printer device"
        except OSError:
            return "not connected"


def _tcp(uri: str, parsed: ParseResult) -> Backend:
    if not parsed.hostname:
        raise PrinterConfigError("Printer address {uri} needs a host, e.g. tcp://192.0.2.10:9100", uri=uri)
    query = parse_qs(parsed.query)
    confirm = query.get("confirm", [""])[0]
    if confirm not in ("", "status", "close"):
        raise PrinterConfigError("Printer address {uri}: confirm= is status or close.", uri=uri)
    try:
        timeout = float(query.get("timeout", ["5"])[0])
        return RawTcpBackend(parsed.hostname, parsed.port or 9100, timeout=timeout, confirm=confirm)
    except ValueError:
        raise PrinterConfigError("Printer address {uri} has a bad port or timeout.", uri=uri) from None


def _serial(uri: str, parsed: ParseResult) -> Backend:
    try:
        return SerialBackend(parsed.path, int(parse_qs(parsed.query).get("baud", ["9600"])[0]))
    except ValueError:
        raise PrinterConfigError("Printer address {uri}: baud= must be a number.", uri=uri) from None


BackendFactory = Callable[[str, ParseResult], Backend]
_SCHEMES: dict[str, BackendFactory] = {
    "file": lambda uri, parsed: FileBackend(parsed.path or uri.removeprefix("file:")),
    "cups": lambda uri, _parsed: CupsBackend(uri.removeprefix("cups:")),
    "tcp": _tcp,
    "serial": _serial,
    "usb": lambda uri, _parsed: UsbDeviceBackend(uri.removeprefix("usb:")),
}


def register_scheme(scheme: str, factory: Callable[[str], Backend]) -> None:
    """Let a back end that lives outside ``printing`` (the Qt one, in ``ui``) take a URI scheme;
    ``factory`` gets what follows ``scheme:``."""
    _SCHEMES[scheme] = lambda uri, _parsed: factory(uri.removeprefix(f"{scheme}:"))


def make_backend(uri: str) -> Backend:
    """A back end from its URI; a ``PrinterConfigError`` for anything malformed or unknown."""
    parsed = urlparse(uri)
    factory = _SCHEMES.get(parsed.scheme)
    if factory is None:
        if parsed.scheme == "qt":
            raise PrinterConfigError("Printer {uri} is a system printer: it prints from the app only.",
                                     uri=uri)
        raise PrinterConfigError("Unknown printer {uri}: use {schemes}.", uri=uri,
                                 schemes=", ".join(f"{s}:" for s in sorted(_SCHEMES)))
    return factory(uri, parsed)


def _safe(title: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in title)[:60] or "job"


def _media(size: str) -> str:
    """Our paper names to CUPS media names."""
    if size.upper() == "A4":
        return "A4"
    if size == "4x6":
        return "w288h432"
    w, _, h = size.partition("x")
    return f"Custom.{w}x{h}mm"
