"""Probing a port for its scale: a scale that sends its weight only when the weight changes sends
it once; the probe takes it whichever exchange it arrives in, for it will not come again."""

from __future__ import annotations

import socket
import threading

from devices.probe import probe


class OnChangeScale:
    """An Adam print-on-request scale on a TCP serial server (socket://): its weight changes once,
    just after the probe opened the port, and it sends that new weight then, unasked; a ``P`` on a
    quiet platter gets nothing."""

    def __init__(self, line: bytes) -> None:
        self.line = line
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"socket://127.0.0.1:{self.server.getsockname()[1]}"
        self.heard: list[bytes] = []
        self._sent = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                peer, _ = self.server.accept()
            except OSError:  # closed: the test is over
                return
            threading.Thread(target=self._talk, args=(peer,), daemon=True).start()

    def _talk(self, peer: socket.socket) -> None:
        with peer:
            if not self._sent.is_set():
                self._sent.set()
                threading.Timer(0.1, peer.sendall, (self.line,)).start()  # someone puts a parcel on
            while data := peer.recv(256):
                self.heard.append(data)  # asked: nothing new on the platter, so no answer

    def close(self) -> None:
        self.server.close()


def test_a_scale_that_sends_only_when_its_weight_changes_is_found_from_the_one_line_it_sends():
    scale = OnChangeScale(b"    1.250kg\r\n")
    try:
        hit = probe(scale.url, listen_s=0.4)
    finally:
        scale.close()
    assert hit is not None and hit.protocol == "adam" and hit.reading.grams == 1250
    assert hit.line().startswith("adam (Adam Equipment (P command)) at 9600 baud 8N1: 1.250 kg")
