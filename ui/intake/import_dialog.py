"""Import dialog: pick a file and a format, optionally a dry run; the import runs off the GUI
thread with a progress bar, and the report lists every rejected row with its line number."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.errors import DomainError
from app.services.intake.orders import ImportReport
from app.services.intake.records import READERS
from ui.station.feedback import error_text


class _Worker(QObject):
    progress = Signal(int)
    finished = Signal(object, object)  # ImportReport | None, DomainError | None

    def __init__(self, ctx: AppContext, path: Path, fmt: str, dry_run: bool) -> None:
        super().__init__()
        self.ctx, self.path, self.fmt, self.dry_run = ctx, path, fmt, dry_run

    def run(self) -> None:
        from app.services.intake.files import import_path

        fmt = None if self.fmt == "auto" else self.fmt
        try:
            report = import_path(
                self.ctx.sessions, self.path, fmt, self.dry_run, self.ctx.clock(), self.progress.emit
            )
        except DomainError as exc:
            self.finished.emit(None, exc)
            return
        self.finished.emit(report, None)


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportReport
    failed = Signal(str)  # why nothing was imported

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import orders or tracking events"))
        self.resize(720, 480)
        self.path = QLineEdit(objectName="path")
        browse = QPushButton(self.tr("Choose…"), objectName="browse")
        browse.clicked.connect(self._browse)
        self.format = QComboBox(objectName="format")
        self.format.addItem(self.tr("Orders (guess the format)"), "auto")
        for name in sorted(READERS):
            self.format.addItem(self.tr("Orders: {fmt}").format(fmt=name), name)
        self.format.addItem(self.tr("Tracking events"), "tracking")
        self.dry_run = QCheckBox(self.tr("Dry run: check and report, write nothing"), objectName="dry_run")
        self.start_button = QPushButton(self.tr("Import"), objectName="start")
        self.start_button.clicked.connect(self.start)
        self.bar = QProgressBar(objectName="progress")
        self.bar.setRange(0, 0)
        self.bar.hide()
        self.summary = QLabel("", objectName="summary")
        self.summary.setWordWrap(True)
        self.errors = QTableWidget(0, 2, objectName="errors")
        self.errors.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Reason")])
        self.errors.horizontalHeader().setStretchLastSection(True)
        self.errors.verticalHeader().hide()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Contents"), self.format)
        form.addRow("", self.dry_run)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.start_button)
        box.addWidget(self.bar)
        box.addWidget(self.summary)
        box.addWidget(self.errors, 1)
        self._thread: QThread | None = None

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import file"), "", "CSV / JSON (*.csv *.json)")
        if name:
            self.path.setText(name)

    def start(self) -> None:
        path = Path(self.path.text().strip())
        if not path.is_file():
            self.summary.setText(self.tr("Choose a file to import first."))
            return
        self.start_button.setEnabled(False)
        self.bar.show()
        self.summary.setText(self.tr("Importing {name}…").format(name=path.name))
        self._thread = QThread(self)
        self._worker = _Worker(self.ctx, path, self.format.currentData(), self.dry_run.isChecked())
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(lambda n: self.bar.setFormat(self.tr("{n} orders").format(n=n)))
        # quit from the worker thread itself, so a caller blocked in wait() is released
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.finished.connect(self._finished)
        self._thread.start()

    def _finished(self, report: ImportReport | None, exc: DomainError | None) -> None:
        assert self._thread is not None
        self._thread.wait()
        self.bar.hide()
        self.start_button.setEnabled(True)
        if report is None:
            assert exc is not None
            error = error_text(exc)
            self.summary.setText(self.tr("Not imported: {error}").format(error=error))
            self.failed.emit(error)
            return
        prefix = self.tr("Dry run, nothing written: ") if self.dry_run.isChecked() else ""
        self.summary.setText(
            prefix
            + self.tr(
                "{created} created, {updated} updated, {skipped} unchanged, {rejected} rejected"
            ).format(
                created=report.created,
                updated=report.updated,
                skipped=report.skipped,
                rejected=report.rejected,
            )
        )
        self.errors.setRowCount(len(report.errors))
        for r, e in enumerate(sorted(report.errors, key=lambda e: e.line)):
            self.errors.setItem(r, 0, QTableWidgetItem(str(e.line)))
            self.errors.setItem(r, 1, QTableWidgetItem(error_text(e.error)))
        self.imported.emit(report)
