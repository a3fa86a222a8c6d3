"""Printer back ends against real receivers: a TCP listener on 127.0.0.1, a real CUPS with a
cups-pdf queue (printed PDFs decoded), and printers that refuse or vanish."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from printing.backends import Job, PrinterError, describe_host_status, make_backend
from printing.documents import render_waybill
from printing.thermal import render_zpl
from tests.printing.conftest import decoded, printed_pdfs


class Listener:
    """A stand-in label printer on 127.0.0.1: records what it receives, answers ~HS."""

    def __init__(
        self,
        status: bytes = b"\x02030,0,0,1245,000,0,0,0,000,0,0,0\x03\r\n"
        b"\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n"
        b"\x021234,0\x03\r\n",
    ) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self.status = status
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                data = b""
                conn.settimeout(1)
                try:
                    while chunk := conn.recv(65536):
                        data += chunk
                        if data == b"~HS":
                            conn.sendall(self.status)
                except TimeoutError:
                    pass
                if data != b"~HS":
                    self.received.append(data)

    def close(self) -> None:
        self.sock.close()


def test_zpl_reaches_a_9100_listener_and_status_is_read(waybill):
    printer = Listener()
    try:
        zpl = render_zpl(waybill).encode()
        backend = make_backend(f"tcp://127.0.0.1:{printer.port}")
        backend.send(Job("waybill", "zpl", zpl))
        deadline = time.monotonic() + 3
        while not printer.received and time.monotonic() < deadline:
            time.sleep(0.02)
        assert printer.received == [zpl]
        assert backend.status() == "ready"
    finally:
        printer.close()


def test_host_status_flags():
    reply = b"\x02030,1,1,1245,000,0,0,0,000,0,0,0\x03\x02001,0,1,0,1,2,6,0,00000000,1,000\x03\x021234,0\x03"
    assert describe_host_status(reply) == "paper out, paused, head open"


def test_a_printer_that_is_off_is_a_retryable_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once closed
    with pytest.raises(PrinterError, match="not reachable") as err:
        make_backend(f"tcp://127.0.0.1:{port}").send(Job("w", "zpl", b"^XA^XZ"))
    assert err.value.retryable


def test_file_backend_writes_atomically(tmp_path, waybill):
    make_backend(f"file:{tmp_path}").send(Job("waybill SF1", "pdf", render_waybill(waybill)))
    (written,) = tmp_path.glob("*.pdf")
    assert written.name.startswith("waybill_SF1") and not list(tmp_path.glob("*.part"))


def test_unknown_printer_uri_is_a_clear_error():
    with pytest.raises(Exception, match="Unknown printer"):
        make_backend("lpt1")


@pytest.mark.cups
@pytest.mark.parametrize("uri", ["cups:PDF", "qt:PDF"])
def test_system_printer_receives_the_waybill_and_the_printed_pdf_decodes(qapp, cups_queue, waybill, uri):
    before = printed_pdfs()
    make_backend(uri).send(Job(f"waybill-{uri[:2]}", "pdf", render_waybill(waybill), media="100x150"))
    deadline = time.monotonic() + 20
    new: set = set()
    while not new and time.monotonic() < deadline:
        time.sleep(0.2)
        new = printed_pdfs() - before
    assert new, "cups-pdf wrote nothing"
    time.sleep(0.5)  # cups-pdf renames the file into place when it is complete
    (path,) = new
    assert "SF1400000000012" in decoded(path.read_bytes(), 300)


@pytest.mark.cups
def test_cups_refuses_an_unknown_queue_with_a_clear_retryable_error(cups_queue, waybill):
    with pytest.raises(PrinterError, match="does not exist") as err:
        make_backend("cups:NO_SUCH_QUEUE").send(Job("w", "pdf", render_waybill(waybill)))
    assert err.value.retryable
