"""The app's background jobs in a window: the worker thread that runs them (this station's print
queue and hot folder; on a one-station SQLite site also SLA escalation, alerts, mail) and a
dialog showing each job's last run, next run and last error."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.i18n import reword
from app.jobs import app_jobs
from app.jobs.worker import Outcome, Worker, WorkerThread, status
from app.timezone import fmt
from ui.i18n import Translations


class JobsRunner(QObject):
    """Runs the jobs on a worker thread; ``finished`` arrives on the GUI thread."""

    finished = Signal(str, bool, str)  # job name, ok, summary or error

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.jobs = app_jobs(ctx.settings, ctx.engine.dialect.name)
        # a signal emitted from the worker's thread is queued to this object's (the GUI) thread
        self.worker = Worker(ctx.sessions, self.jobs, on_outcome=self._report)
        self.thread = WorkerThread(self.worker)

    def _report(self, outcome: Outcome) -> None:
        self.finished.emit(outcome.job, outcome.ok, outcome.summary)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.thread.stop()


class JobsDialog(QDialog):
    COLUMNS = ("Job", "What it does", "Last run", "Next run", "Result")

    def __init__(self, runner: JobsRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("jobs_dialog")
        self.setWindowTitle(self.tr("Background jobs"))
        self.resize(900, 320)
        self.table = QTableWidget(0, len(self.COLUMNS), self, objectName="jobs_table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        refresh = buttons.addButton(self.tr("Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        refresh.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        runner.finished.connect(lambda *_: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        rows = status(self.runner.ctx.sessions, self.runner.jobs)
        lang = Translations.for_app(QCoreApplication.instance()).language
        self.table.setRowCount(len(rows))
        for i, j in enumerate(rows):
            if j.ok is None:
                result = self.tr("not run yet")
            elif j.ok:
                result = j.summary or self.tr("ok")
            else:
                result = self.tr("FAILED: {error}").format(error=reword(j.error, lang))
            running = self.tr(" (running on {where})").format(where=j.running_on) if j.running_on else ""
            cells = (j.name, _described(j.description), fmt(j.last_finished, "second") or "—",
                     fmt(j.next_due, "second") or self.tr("now"), result + running)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j.ok is False:
                    item.setForeground(QColor("#c62828"))
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()


def _described(description: str) -> str:
    """A job's description in the UI's language (the hot folder's names its folder)."""
    head, sep, folder = description.partition(" into ")
    if sep and head == "import files dropped":
        return QCoreApplication.translate("jobs", "import files dropped into {folder}").format(folder=folder)
    return QCoreApplication.translate("jobs", description)
