"""Label printers as real TCP peers on 127.0.0.1 (a thread each): a ZPL printer that answers
``~HS`` from a script of states and prints the formats it buffered, a raw printer that reads to
the end and closes, one that hangs, and one that resets the connection after 2 KiB."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Iterable
from typing import Self

OK = "ok"


def host_status(state: str, formats: int = 0, labels: int = 0) -> bytes:
    """A ~HS reply as a Zebra sends it: three STX...ETX strings."""
    paper, paused, head = state == "paper out", state == "paused", state == "head open"
    s1 = f"030,{int(paper)},{int(paused)},1245,{formats:03d},0,0,0,000,0,0,0"
    s2 = f"001,0,{int(head)},0,1,2,6,0,{labels:08d},1,000"
    return b"\x02" + s1.encode() + b"\x03\r\n\x02" + s2.encode() + b"\x03\r\n\x021234,0\x03\r\n"


class _Peer:
    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}?timeout=0.5"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self._stop.set()
        self.sock.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ZplPrinter(_Peer):
    """Answers each ~HS with the next state of ``states`` (the last one repeats), buffers each
    ^XA...^XZ format and prints it ``print_s`` later unless the state is not "ok" by then;
    ``hang_after_status`` replies stop after that many ~HS answers."""

    def __init__(self, states: Iterable[str] = (OK,), print_s: float = 0.05,
                 hang_after_status: int | None = None, head_opens_mid_job: bool = False) -> None:
        self.states = list(states)
        self.print_s = print_s
        self.hang_after_status = hang_after_status
        self.head_opens_mid_job = head_opens_mid_job
        self.printed: list[bytes] = []
        self.answers = 0
        self._buffer: list[tuple[float, bytes]] = []
        super().__init__()

    def _state(self) -> str:
        return self.states[min(self.answers, len(self.states) - 1)]

    def _serve(self, conn: socket.socket) -> None:
        data = b""
        with conn:
            conn.settimeout(0.05)
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    chunk = None
                except OSError:
                    return
                if chunk == b"":
                    return
                data += chunk or b""
                while True:  # the stream in order: a ~HS is answered after the formats before it
                    data = data.lstrip()
                    if data.startswith(b"~HS"):
                        data = data[3:]
                        self._print_due()
                        if self.hang_after_status is None or self.answers < self.hang_after_status:
                            pending = len(self._buffer)
                            conn.sendall(host_status(self._state(), formats=pending, labels=pending))
                            self.answers += 1
                    elif (end := data.find(b"^XZ")) >= 0:
                        self._buffer.append((time.monotonic() + self.print_s, data[: end + 3]))
                        data = data[end + 3 :]
                        if self.head_opens_mid_job:
                            self.states = ["head open"]
                    else:
                        break
                self._print_due()

    def _print_due(self) -> None:
        now = time.monotonic()
        while self._buffer and self._buffer[0][0] <= now and self._state() == OK:
            self.printed.append(self._buffer.pop(0)[1])


class ClosingPrinter(_Peer):
    """A raw printer: reads the job to its end (the sender's half-close), then closes."""

    def __init__(self) -> None:
        self.received: list[bytes] = []
        super().__init__()

    def _serve(self, conn: socket.socket) -> None:
        data = b""
        with conn:
            while chunk := conn.recv(65536):
                data += chunk
            self.received.append(data)  # before the close that tells the sender it is done


class HangingPrinter(_Peer):
    """Accepts, reads whatever comes, never answers and never closes."""

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(0.05)
        while not self._stop.is_set():
            try:
                if conn.recv(65536) == b"":
                    break
            except TimeoutError:
                continue
            except OSError:
                break
        self._stop.wait()
        conn.close()


class ResettingPrinter(_Peer):
    """Answers ~HS "ok" (so ZPL jobs get sent), reads 2 KiB of the job, then resets (RST)."""

    def _serve(self, conn: socket.socket) -> None:
        first = conn.recv(3, socket.MSG_WAITALL)
        got = b"" if first == b"~HS" else first
        if first == b"~HS":
            conn.sendall(host_status(OK))
        while len(got) < 2048 and (chunk := conn.recv(2048 - len(got))):
            got += chunk
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()
