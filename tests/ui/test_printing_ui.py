"""Preview before printing, batch printing off the GUI thread, and the queue runner."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar

from app.db import read_only
from app.models.base import utcnow
from app.services import documents
from app.services.print_queue import jobs
from printing.backends import make_backend
from printing.documents import render_waybill
from ui.jobs import JobsDialog, JobsRunner
from ui.print_preview import BatchPrintDialog, PrintPreviewDialog


def _ctx(demo_ctx, tmp_path):
    demo_ctx.settings.printers = {"waybill": {"uri": f"file:{tmp_path}", "format": "pdf"}}
    return demo_ctx


def test_preview_shows_the_pages_and_print_queues_the_job(qtbot, demo_ctx, tmp_path):
    ctx = _ctx(demo_ctx, tmp_path)
    with read_only(ctx.sessions) as s:
        snap = documents.waybill(s, "PD0000000001", utcnow())
    dialog = PrintPreviewDialog(ctx, "waybill", snap.tracking_number, render_waybill(snap))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pdf_doc.pageCount() == 1 and "1 page(s)" in dialog.findChild(QLabel, "info").text()
    with qtbot.waitSignal(dialog.printed, timeout=2000) as printed:
        dialog.print_button.click()
    with read_only(ctx.sessions) as s:
        (job,) = jobs(s, ctx.station)
    assert job.id == printed.args[0] and job.status == "queued"


def test_batch_print_renders_off_the_gui_thread_then_the_station_worker_prints(qtbot, demo_ctx, tmp_path):
    ctx = _ctx(demo_ctx, tmp_path)
    dialog = BatchPrintDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.done, timeout=20_000):
        dialog.start()
    bar = dialog.findChild(QProgressBar, "progress")
    assert bar.value() == bar.maximum() > 0
    runner = JobsRunner(ctx)
    states = []
    runner.finished.connect(lambda job, ok, summary: states.append((job, ok, summary)))
    runner.start()
    try:
        qtbot.waitUntil(lambda: any(job.startswith("print@") and s.startswith("printed")
                                    for job, _ok, s in states), timeout=10_000)
    finally:
        runner.stop()
    assert list(tmp_path.glob("*.pdf"))
    jobs_dialog = JobsDialog(runner)  # File → Background jobs: each job's last run and result
    qtbot.addWidget(jobs_dialog)
    shown = {jobs_dialog.table.item(r, 0).text(): jobs_dialog.table.item(r, 4).text()
             for r in range(jobs_dialog.table.rowCount())}
    assert shown[f"print@{ctx.station}"].startswith("printed") and "sla" in shown


def test_print_queue_dialog_shows_failures_and_reprints(qtbot, demo_ctx):
    from PySide6.QtWidgets import QPushButton, QTableWidget

    from app.db import unit_of_work
    from app.services import print_queue
    from ui.print_preview import PrintQueueDialog

    with unit_of_work(demo_ctx.sessions) as s:
        job = print_queue.enqueue(s, "waybill", "SF1", "tcp://127.0.0.1:1", "zpl", b"^XA^XZ",
                                  station=demo_ctx.station, now=utcnow())
    print_queue.send(demo_ctx.sessions, job, make_backend, utcnow)
    dialog = PrintQueueDialog(demo_ctx)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "jobs")
    assert table.item(0, 4).text() == "queued" and "not reachable" in table.item(0, 5).text()
    table.selectRow(0)
    dialog.findChild(QPushButton, "reprint").click()
    assert table.rowCount() == 2 and "reprint" in table.item(0, 4).text()

