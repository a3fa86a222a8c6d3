"""An IP camera on 127.0.0.1 for the tests: FFmpeg's test pattern as H.264 in MPEG-TS over TCP,
whose cable a test pulls and plugs back in."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

import av


class StreamPeer:
    """``tcp://127.0.0.1:<port>``: streams to each camera that connects, until ``pull_cable()``;
    while pulled, a camera calling is hung up on at once; ``plug_in()`` serves again."""

    def __init__(self, size: tuple[int, int] = (320, 240), fps: int = 15) -> None:
        self.size, self.fps = size, fps
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(4)
        self.port = self.server.getsockname()[1]
        self.url = f"tcp://127.0.0.1:{self.port}"
        self.connections = 0
        self._pulled = threading.Event()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="camera peer", daemon=True)
        self._thread.start()

    def pull_cable(self) -> None:
        self._pulled.set()

    def plug_in(self) -> None:
        self._pulled.clear()

    def close(self) -> None:
        self._closed.set()
        self._pulled.set()
        self.server.close()
        self._thread.join(5)

    def _serve(self) -> None:
        while not self._closed.is_set():
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                if self._pulled.is_set():
                    continue  # no camera on the other end of the cable
                self.connections += 1
                with contextlib.suppress(OSError):
                    self._stream(conn)
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)  # the cable is pulled: no goodbye

    def _stream(self, conn: socket.socket) -> None:
        w, h = self.size
        src = av.open(f"testsrc=size={w}x{h}:rate={self.fps},realtime", format="lavfi")
        try:
            with conn.makefile("wb") as f:
                out = av.open(f, "w", format="mpegts")
                stream = out.add_stream("libx264", rate=self.fps)
                stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
                stream.options = {"preset": "ultrafast", "tune": "zerolatency", "g": str(self.fps)}
                for frame in src.decode(video=0):
                    if self._pulled.is_set():
                        break
                    for packet in stream.encode(frame.reformat(format="yuv420p")):
                        out.mux(packet)
        finally:
            src.close()


def wait_for(condition, timeout: float, step: float = 0.05) -> bool:
    """Poll ``condition`` until true or ``timeout`` seconds pass (for threads and processes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return bool(condition())
