"""A pty pair whose slave end is reachable at a stable path (a symlink), so a simulated device
can be "unplugged" (master closed: the reader sees the port vanish) and "re-plugged" (a new pty
behind the same path), exactly like a USB serial adapter coming and going."""

from __future__ import annotations

import contextlib
import os
import select
import tempfile
import termios
import tty
from pathlib import Path


class PtyPort:
    def __init__(self, name: str = "sim") -> None:
        self._dir = Path(tempfile.mkdtemp(prefix="packdesk-sim-"))
        self.path = str(self._dir / name)
        self.master: int | None = None
        self._slave: int | None = None

    def open(self) -> str:
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo, no CR/LF translation: bytes pass as the device sends them
        attrs = termios.tcgetattr(slave)
        attrs[3] &= ~termios.ECHO
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        tmp = self.path + ".new"
        os.symlink(os.ttyname(slave), tmp)
        os.replace(tmp, self.path)  # atomic: a reader never sees the path missing mid-swap
        self.master, self._slave = master, slave
        return self.path

    def close(self) -> None:
        for fd in (self.master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.master = self._slave = None

    def remove(self) -> None:
        self.close()
        try:
            os.unlink(self.path)
            self._dir.rmdir()
        except OSError:
            pass

    @property
    def plugged(self) -> bool:
        return self.master is not None

    def write(self, data: bytes) -> None:
        if self.master is not None:
            os.write(self.master, data)

    def read(self, timeout: float) -> bytes:
        """Bytes the host sent, or b"" after ``timeout`` seconds."""
        master = self.master
        if master is None:
            return b""
        try:
            ready, _, _ = select.select([master], [], [], timeout)
            return os.read(master, 4096) if ready else b""
        except OSError:
            return b""
