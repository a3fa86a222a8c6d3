"""The packer's side of the print queue: a second print of a waiting document says so instead of
queueing a copy, and a job whose outcome is unknown (the printer hung) is settled by a person."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget

from app.db import read_only, unit_of_work
from app.models.base import utcnow
from app.services import documents, print_queue
from printing.documents import render_waybill
from tests.printing.peers import HangingPrinter
from ui.print_preview import PrintPreviewDialog, PrintQueueDialog


def test_printing_a_waiting_document_again_says_so_and_adds_no_job(qtbot, demo_ctx):
    demo_ctx.settings.printers = {"waybill": {"uri": "tcp://127.0.0.1:1", "format": "pdf"}}
    with read_only(demo_ctx.sessions) as s:
        snap = documents.waybill(s, "PD0000000001", utcnow())
    pdf = render_waybill(snap)
    first = PrintPreviewDialog(demo_ctx, "waybill", snap.tracking_number, pdf)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.printed, timeout=2000):
        first.print_button.click()
    again = PrintPreviewDialog(demo_ctx, "waybill", snap.tracking_number, pdf)
    qtbot.addWidget(again)
    again.show()
    with qtbot.assertNotEmitted(again.printed):
        again.print_button.click()
    assert "already waiting to print" in again.findChild(QLabel, "info").text() and again.isVisible()
    with read_only(demo_ctx.sessions) as s:
        assert len(print_queue.jobs(s, demo_ctx.station)) == 1


def test_a_job_the_printer_never_confirmed_is_marked_printed_by_the_packer(qtbot, demo_ctx):
    with HangingPrinter() as peer:
        demo_ctx.settings.printers = {"waybill": {"uri": peer.uri, "format": "tspl"}}
        with unit_of_work(demo_ctx.sessions) as s:
            job_id = print_queue.enqueue(s, "waybill", "SF1", "waybill", "tspl", b"CLS\r\n" * 500,
                                         station=demo_ctx.station, now=utcnow())
        print_queue.process_due(demo_ctx.sessions, demo_ctx.station,
                                print_queue.station_printers(demo_ctx.settings.printers), utcnow)
    dialog = PrintQueueDialog(demo_ctx)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "jobs")
    assert table.item(0, 4).text().startswith("unknown") and "may have printed" in table.item(0, 5).text()
    assert "1 job(s) may have printed" in dialog.findChild(QLabel, "message").text()
    table.selectRow(0)
    dialog.findChild(QPushButton, "mark_printed").click()
    assert table.item(0, 0).text() == str(job_id) and table.item(0, 4).text() == "printed"
    dialog.findChild(QPushButton, "mark_printed").click()  # a printed job cannot be settled again
    assert "only a job whose outcome is unknown" in dialog.findChild(QLabel, "message").text()


def test_a_printer_that_refuses_the_connection_reads_in_chinese_in_the_print_queue(qtbot, demo_ctx):
    from PySide6.QtWidgets import QApplication

    from tests.app.services.test_print_queue_worded import REFUSED_ZH, closed_port
    from ui.i18n import Translations

    port = closed_port()
    demo_ctx.settings.printers = {"waybill": {"uri": f"tcp://127.0.0.1:{port}?timeout=0.5", "format": "zpl"}}
    with unit_of_work(demo_ctx.sessions) as s:
        print_queue.enqueue(s, "waybill", "SF1", "waybill", "zpl", b"^XA^XZ", station=demo_ctx.station,
                            now=utcnow())
    print_queue.process_due(demo_ctx.sessions, demo_ctx.station,
                            print_queue.station_printers(demo_ctx.settings.printers), utcnow)
    translations = Translations.for_app(QApplication.instance())
    translations.install("zh_CN")
    try:
        dialog = PrintQueueDialog(demo_ctx)
        qtbot.addWidget(dialog)
        table = dialog.findChild(QTableWidget, "jobs")
        assert table.item(0, 4).text() == "排队中" and table.item(0, 5).text() == REFUSED_ZH.format(port=port)
    finally:
        translations.install("en")
    english = PrintQueueDialog(demo_ctx)
    qtbot.addWidget(english)
    assert english.findChild(QTableWidget, "jobs").item(0, 5).text().startswith("Printer 127.0.0.1:")
