"""The background-jobs window: a job that failed shows its error in the app's language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.db import unit_of_work
from app.models.base import utcnow
from app.services import print_queue
from tests.app.services.test_print_queue_worded import REFUSED_ZH, closed_port
from ui.i18n import Translations
from ui.jobs import JobsDialog, JobsRunner


def test_a_print_round_that_failed_reads_in_chinese_in_the_jobs_window(qtbot, demo_ctx):
    port = closed_port()
    demo_ctx.settings.printers = {"waybill": {"uri": f"tcp://127.0.0.1:{port}?timeout=0.5", "format": "zpl"}}
    with unit_of_work(demo_ctx.sessions) as s:
        job_id = print_queue.enqueue(s, "waybill", "SF1", "waybill", "zpl", b"^XA^XZ",
                                     station=demo_ctx.station, now=utcnow())
    runner = JobsRunner(demo_ctx)
    # only this station's print job: the site's jobs are not what this window shows here
    runner.worker.jobs = runner.jobs = [j for j in runner.jobs if j.name.startswith("print@")]
    (outcome,) = runner.worker.run_due()  # one round of the station's print job, on this thread
    assert not outcome.ok and outcome.summary.startswith(f"Job {job_id} queued: Printer 127.0.0.1:")
    translations = Translations.for_app(QApplication.instance())
    translations.install("zh_CN")
    try:
        dialog = JobsDialog(runner)
        qtbot.addWidget(dialog)
        result = dialog.table.item(0, 4).text()
        assert REFUSED_ZH.format(port=port) in result and f"任务 {job_id} 排队中：" in result
    finally:
        translations.install("en")
    english = JobsDialog(runner)
    qtbot.addWidget(english)
    assert f"Job {job_id} queued: Printer 127.0.0.1:{port} is not" in english.table.item(0, 4).text()
