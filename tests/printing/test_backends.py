"""Printer back ends against real receivers: label printers as TCP peers on 127.0.0.1 (one that
confirms through ~HS, one that is out of paper, one that hangs, one that resets after 2 KiB), a
real CUPS with a cups-pdf queue (printed PDFs decoded), real files, folders and devices."""

from __future__ import annotations

import os
import socket
import stat
import time

import pytest

from printing.backends import Job, PrinterError, PrintOutcomeUnknown, describe_host_status, make_backend
from printing.documents import render_waybill
from printing.errors import PrinterConfigError
from printing.thermal import render_tspl, render_zpl
from tests.printing.conftest import decoded, printed_pdfs
from tests.printing.peers import ClosingPrinter, HangingPrinter, ResettingPrinter, ZplPrinter


def test_a_zpl_label_counts_as_printed_only_after_the_printer_drained_it(waybill):
    zpl = render_zpl(waybill).encode()
    with ZplPrinter(print_s=0.3) as printer:
        backend = make_backend(printer.uri)
        backend.send(Job("waybill", "zpl", zpl))
        assert printer.printed == [zpl.strip()]  # send returned after the label came out, not before
        assert printer.answers >= 3  # before, while printing, drained
        assert backend.status() == "ready"


@pytest.mark.parametrize("state", ["paper out", "head open", "paused"])
def test_a_zpl_printer_that_is_not_ready_gets_nothing_and_the_job_may_wait(waybill, state):
    with ZplPrinter(states=[state]) as printer:
        with pytest.raises(PrinterError, match=state) as err:
            make_backend(printer.uri).send(Job("waybill", "zpl", render_zpl(waybill).encode()))
        assert err.value.retryable and not isinstance(err.value, PrintOutcomeUnknown)
        time.sleep(0.1)
        assert printer.printed == [] and printer._buffer == []
        assert make_backend(printer.uri).status() == state


def test_a_zpl_printer_whose_head_opens_mid_job_leaves_the_outcome_unknown(waybill):
    with ZplPrinter(print_s=0.5, head_opens_mid_job=True) as printer, \
            pytest.raises(PrintOutcomeUnknown, match="head open"):
        make_backend(printer.uri).send(Job("waybill", "zpl", render_zpl(waybill).encode()))


def test_a_zpl_printer_that_takes_the_label_then_hangs_leaves_the_outcome_unknown(waybill):
    with ZplPrinter(hang_after_status=1) as printer:
        started = time.monotonic()
        with pytest.raises(PrintOutcomeUnknown, match=r"did not confirm.*no answer in time"):
            make_backend(printer.uri).send(Job("waybill", "zpl", render_zpl(waybill).encode()))
        assert time.monotonic() - started < 3


def test_a_zpl_printer_that_never_answers_its_status_gets_nothing_and_may_be_retried(waybill):
    with HangingPrinter() as printer:
        with pytest.raises(PrinterError, match="did not answer its status request") as err:
            make_backend(printer.uri).send(Job("waybill", "zpl", render_zpl(waybill).encode()))
        assert err.value.retryable


def test_a_raw_printer_that_accepts_then_hangs_leaves_the_outcome_unknown(waybill):
    with HangingPrinter() as printer, pytest.raises(PrintOutcomeUnknown, match="no answer in time"):
        make_backend(printer.uri).send(Job("waybill", "tspl", render_tspl(waybill)))


@pytest.mark.parametrize("fmt", ["zpl", "tspl"])
def test_a_printer_that_resets_after_2_kib_leaves_the_outcome_unknown(waybill, fmt):
    payload = render_zpl(waybill).encode() if fmt == "zpl" else render_tspl(waybill)
    assert len(payload) > 2048
    with ResettingPrinter() as printer, pytest.raises(PrintOutcomeUnknown, match="may have printed"):
        make_backend(printer.uri).send(Job("waybill", fmt, payload))


def test_a_raw_printer_that_reads_to_the_end_and_closes_confirms_the_job(waybill):
    tspl = render_tspl(waybill)
    with ClosingPrinter() as printer:
        make_backend(printer.uri).send(Job("waybill", "tspl", tspl, copies=2))
        assert printer.received == [tspl + tspl]


def test_host_status_flags():
    reply = b"\x02030,1,1,1245,000,0,0,0,000,0,0,0\x03\x02001,0,1,0,1,2,6,0,00000000,1,000\x03\x021234,0\x03"
    assert describe_host_status(reply) == "paper out, head open, paused"
    assert describe_host_status(b"garbage") == "no status"


def test_a_printer_that_is_off_is_a_retryable_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once closed
    with pytest.raises(PrinterError, match="not reachable") as err:
        make_backend(f"tcp://127.0.0.1:{port}").send(Job("w", "zpl", b"^XA^XZ"))
    assert err.value.retryable


def test_file_backend_writes_atomically_into_a_private_folder(tmp_path, waybill):
    folder = tmp_path / "printed"
    make_backend(f"file:{folder}").send(Job("waybill SF1", "pdf", render_waybill(waybill)))
    (written,) = folder.glob("*.pdf")
    assert written.name.startswith("waybill_SF1") and not list(folder.glob("*.part"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and stat.S_IMODE(written.stat().st_mode) == 0o600


def test_file_backend_writes_only_into_its_folder(tmp_path):
    make_backend(f"file:{tmp_path / 'out'}").send(Job("../../etc/passwd", "pdf", b"%PDF"))
    assert [p.parent for p in tmp_path.rglob("*") if p.is_file()] == [tmp_path / "out"]
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("keep me")
    with pytest.raises(PrinterError, match="Cannot write"):
        make_backend(f"file:{not_a_folder}").send(Job("w", "pdf", b"%PDF"))
    assert not_a_folder.read_text() == "keep me"


def test_usb_printer_refuses_anything_but_a_character_device_and_leaves_it_untouched(tmp_path):
    ordinary = tmp_path / "orders.csv"
    ordinary.write_text("PD0000000001,张伟\n")
    link = tmp_path / "lp0"
    link.symlink_to(ordinary)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (ordinary, link, tmp_path, fifo):
        with pytest.raises(PrinterError, match="not a printer device") as err:
            make_backend(f"usb:{target}").send(Job("w", "zpl", b"^XA^XZ"))
        assert not err.value.retryable
    assert ordinary.read_text() == "PD0000000001,张伟\n"
    assert make_backend(f"usb:{ordinary}").status() == "not a printer device"
    make_backend("usb:/dev/null").send(Job("w", "zpl", b"^XA^XZ"))  # a character device takes it


def test_unknown_or_malformed_printer_uri_is_a_clear_error():
    with pytest.raises(PrinterConfigError, match="Unknown printer lpt1"):
        make_backend("lpt1")
    with pytest.raises(PrinterConfigError, match="confirm= is status or close"):
        make_backend("tcp://127.0.0.1:9100?confirm=maybe")


@pytest.mark.cups
@pytest.mark.parametrize("uri", ["cups:PDF", "qt:PDF"])
def test_system_printer_receives_the_waybill_and_the_printed_pdf_decodes(qapp, cups_queue, waybill, uri):
    import ui.printing_qt  # noqa: F401  (the app registers the qt: scheme when its UI starts)

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
