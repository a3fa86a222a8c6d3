"""Printer back ends: a PDF file, the system spooler (CUPS ``lp``; QtPrintSupport in
``printing.qt_backend``), and raw ZPL/TSPL straight to a label printer over TCP 9100, a serial
port or a USB printer device (no CUPS raw queue needed).

A printer is named by a URI: ``file:/dir``, ``cups:QUEUE``, ``qt:PRINTER``, ``tcp://host:9100``,
``serial:///dev/ttyUSB0?baud=9600``, ``usb:/dev/usb/lp0``. ``send`` raises ``PrinterError``;
``retryable`` says whether sending again cannot print twice (nothing reached the printer).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, urlparse

from app.errors import DomainError


class PrinterError(DomainError):
    def __init__(self, message: str, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


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
    """Writes each job as a file (for archives, previews and printers that watch a folder)."""

    def __init__(self, directory: str) -> None:
        self.uri = f"file:{directory}"
        self.directory = Path(directory)

    def send(self, job: Job) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = self.directory / f"{_safe(job.title)}-{stamp}.{job.format}"
        tmp = target.with_suffix(".part")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(job.payload)
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            full = exc.errno == errno.ENOSPC
            raise PrinterError(
                f"Cannot write {target}: {'disk full' if full else exc.strerror}", retryable=True
            ) from None

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
            raise PrinterError(f"CUPS did not answer for printer {self.queue}.", retryable=True) from None
        if proc.returncode != 0:
            reason = proc.stderr.decode(errors="replace").strip().splitlines()
            # lp refused the job: it was not queued, so sending again cannot print twice
            raise PrinterError(
                f"Printer {self.queue}: {reason[-1] if reason else 'refused the job'}", retryable=True
            )

    def status(self) -> str:
        proc = subprocess.run(["lpstat", "-p", self.queue], capture_output=True, text=True, check=False)
        return (proc.stdout or proc.stderr).strip() or "unknown"


class RawTcpBackend:
    """Port 9100 ("JetDirect"): the label printer reads ZPL/TSPL straight off the socket."""

    def __init__(self, host: str, port: int = 9100, timeout: float = 5.0) -> None:
        self.uri = f"tcp://{host}:{port}"
        self.host, self.port, self.timeout = host, port, timeout

    def _connect(self) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            raise PrinterError(
                f"Printer {self.host}:{self.port} is not reachable ({exc.strerror or exc}); "
                "is it switched on and on the network?",
                retryable=True,
            ) from None

    def send(self, job: Job) -> None:
        sock = self._connect()
        try:
            for _ in range(job.copies):
                sock.sendall(job.payload)
        except OSError as exc:
            # part of the label may have printed: a person must look before it is sent again
            raise PrinterError(
                f"Printer {self.host}:{self.port} dropped the connection while printing "
                f"({exc.strerror or exc}); check the printer, then reprint.",
                retryable=False,
            ) from None
        finally:
            sock.close()

    def status(self) -> str:
        """ZPL host status (~HS): paper out, paused, head open."""
        sock = self._connect()
        try:
            sock.sendall(b"~HS")
            data = b""
            while data.count(b"\x03") < 3:
                chunk = sock.recv(1024)
                if not chunk:
                    break
                data += chunk
        except OSError as exc:
            return f"no status ({exc})"
        finally:
            sock.close()
        return describe_host_status(data)


def describe_host_status(data: bytes) -> str:
    """Parse a ZPL ``~HS`` reply (three STX...ETX strings) into a short status."""
    strings = [part.split(b"\x03")[0].decode("ascii", "replace") for part in data.split(b"\x02")[1:]]
    if len(strings) < 2:
        return "no status"
    s1, s2 = strings[0].split(","), strings[1].split(",")
    problems = []
    if len(s1) > 2 and s1[1] == "1":
        problems.append("paper out")
    if len(s1) > 2 and s1[2] == "1":
        problems.append("paused")
    if len(s2) > 2 and s2[2] == "1":
        problems.append("head open")
    if len(s2) > 3 and s2[3] == "1":
        problems.append("ribbon out")
    return ", ".join(problems) or "ready"


class SerialBackend:
    def __init__(self, url: str, baudrate: int = 9600) -> None:
        self.uri = f"serial://{url}?baud={baudrate}"
        self.url, self.baudrate = url, baudrate

    def send(self, job: Job) -> None:
        import serial

        from devices.transport import OPEN_ERRORS

        try:
            port = serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=2, write_timeout=10)
        except OPEN_ERRORS as exc:
            raise PrinterError(f"Cannot open printer port {self.url}: {exc}", retryable=True) from None
        try:
            for _ in range(job.copies):
                port.write(job.payload)
            port.flush()
        except (serial.SerialException, OSError) as exc:
            raise PrinterError(
                f"Printer on {self.url} failed while printing ({exc}); check, then reprint.", retryable=False
            ) from None
        finally:
            port.close()

    def status(self) -> str:
        return "ready" if Path(self.url).exists() or "://" in self.url else "not connected"


class UsbDeviceBackend:
    """A USB printer class device (Linux ``/dev/usb/lp0``) written directly."""

    def __init__(self, path: str) -> None:
        self.uri = f"usb:{path}"
        self.path = path

    def send(self, job: Job) -> None:
        try:
            fd = os.open(self.path, os.O_WRONLY)
        except OSError as exc:
            raise PrinterError(
                f"USB printer {self.path} is not connected ({exc.strerror}).", retryable=True
            ) from None
        try:
            for _ in range(job.copies):
                os.write(fd, job.payload)
        except OSError as exc:
            raise PrinterError(
                f"USB printer {self.path} failed while printing ({exc.strerror}); check, then reprint.",
                retryable=False,
            ) from None
        finally:
            os.close(fd)

    def status(self) -> str:
        return "ready" if os.path.exists(self.path) else "not connected"


def make_backend(uri: str) -> Backend:
    """A back end from its URI; a ``DomainError`` for anything malformed."""
    parsed = urlparse(uri)
    scheme = parsed.scheme
    if scheme == "file":
        return FileBackend(parsed.path or uri.removeprefix("file:"))
    if scheme == "cups":
        return CupsBackend(uri.removeprefix("cups:"))
    if scheme == "qt":
        from printing.qt_backend import QtSystemBackend

        return QtSystemBackend(uri.removeprefix("qt:"))
    if scheme == "tcp":
        if not parsed.hostname:
            raise DomainError(f"Printer address {uri!r} needs a host, e.g. tcp://192.0.2.10:9100")
        return RawTcpBackend(parsed.hostname, parsed.port or 9100)
    if scheme == "serial":
        baud = int(parse_qs(parsed.query).get("baud", ["9600"])[0])
        return SerialBackend(parsed.path, baud)
    if scheme == "usb":
        return UsbDeviceBackend(uri.removeprefix("usb:"))
    raise DomainError(f"Unknown printer {uri!r}: use file:, cups:, qt:, tcp://, serial:// or usb:")


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
