"""Preview before printing, batch printing off the GUI thread, and the queue runner."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar

from app.db import read_only
from app.models.base import utcnow
from app.services import documents
from app.services.print_queue import jobs
from printing.documents import render_waybill
from ui.print_preview import BatchPrintDialog, PrintPreviewDialog, PrintQueueRunner


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


def test_batch_print_renders_off_the_gui_thread_then_the_runner_prints(qtbot, demo_ctx, tmp_path):
    ctx = _ctx(demo_ctx, tmp_path)
    dialog = BatchPrintDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.done, timeout=20_000):
        dialog.start()
    bar = dialog.findChild(QProgressBar, "progress")
    assert bar.value() == bar.maximum() > 0
    runner = PrintQueueRunner(ctx, interval_ms=50)
    states = []
    runner.state_changed.connect(states.append)
    runner.start()
    try:
        qtbot.waitUntil(lambda: any(s.startswith("printed") for s in states), timeout=10_000)
    finally:
        runner.stop()
    assert list(tmp_path.glob("*.pdf"))
