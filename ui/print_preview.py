"""Printing in the app: preview a document (QtPdf) before printing, print a batch of waybills
off the GUI thread with a progress bar, and the queue dialog where a person settles jobs of unknown
outcome. The queue itself is sent by the worker's print job (``app.jobs.print_queue``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, Qt, QThread, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.i18n import reword
from app.services import print_queue
from printing.errors import PrintingError
from ui.i18n import Translations
from ui.station.feedback import error_text


class PrintPreviewDialog(QDialog):
    printed = Signal(int)  # print job id

    def __init__(
        self, ctx: AppContext, document: str, reference: str, pdf: bytes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.document, self.reference, self.pdf = ctx, document, reference, pdf
        self.setObjectName("print_preview")
        self.setWindowTitle(self.tr("Preview: {doc} {ref}").format(doc=document, ref=reference))
        self.resize(640, 820)
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_doc = QPdfDocument(self)
        self.pdf_doc.load(self._buffer)
        view = QPdfView(self)
        view.setObjectName("pdf_view")
        view.setDocument(self.pdf_doc)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitInView)
        printer, _fmt = print_queue.printer_for(ctx.settings.printers, document)
        self.info = QLabel(
            self.tr("{pages} page(s) → {printer}").format(pages=self.pdf_doc.pageCount(), printer=printer),
            objectName="info",
        )
        self.info.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Print"), objectName="print")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_now)
        box = QVBoxLayout(self)
        box.addWidget(view, 1)
        box.addWidget(self.info)
        box.addWidget(buttons)

    def print_now(self) -> None:
        printer, _fmt = print_queue.printer_for(self.ctx.settings.printers, self.document)
        with unit_of_work(self.ctx.sessions) as s:
            queued = print_queue.request(
                s,
                self.document,
                self.reference,
                printer,
                "pdf",
                self.pdf,
                station=self.ctx.station,
                user_id=self.ctx.user.id if self.ctx.user else None,
                now=self.ctx.clock(),
            )
        if queued.already_waiting:  # say so and stay open: a second copy is a reprint, from the queue
            self.info.setText(self._waiting_text(queued))
            return
        self.printed.emit(queued.job_id)
        self.accept()

    def _waiting_text(self, queued: print_queue.Queued) -> str:
        if queued.status == "unknown":
            return self.tr("Job {id} for this document may have printed: check the printer, then reprint "
                           "it or mark it printed in the print queue.").format(id=queued.job_id)
        return self.tr("Job {id} for this document is already waiting to print; it prints when the "
                       "printer is ready. For another copy, reprint it from the print queue.").format(
                           id=queued.job_id)


class _BatchWorker(QObject):
    progress = Signal(int, int)
    finished = Signal(int, str)  # job id (0 = none), error message

    def __init__(self, ctx: AppContext, chunk: int = 50) -> None:
        super().__init__()
        self.ctx, self.chunk, self.cancelled = ctx, chunk, False

    def run(self) -> None:
        from app.services.documents import packed_waybills
        from printing.documents import render_waybills

        try:
            with read_only(self.ctx.sessions) as s:
                snaps = packed_waybills(s, self.ctx.clock())
            if not snaps:
                self.finished.emit(0, QCoreApplication.translate(
                    "BatchPrintDialog", "No packed parcels are waiting for their waybill."))
                return
            parts: list = []
            for i in range(0, len(snaps), self.chunk):
                if self.cancelled:
                    self.finished.emit(0, QCoreApplication.translate(
                        "BatchPrintDialog", "Cancelled: nothing was sent to the printer."))
                    return
                parts.extend(snaps[i : i + self.chunk])
                self.progress.emit(min(i + self.chunk, len(snaps)), len(snaps))
            pdf = render_waybills(parts)
            printer, _fmt = print_queue.printer_for(self.ctx.settings.printers, "waybill")
            with unit_of_work(self.ctx.sessions) as s:
                job_id = print_queue.enqueue(
                    s,
                    "waybill",
                    f"batch of {len(parts)}",
                    printer,
                    "pdf",
                    pdf,
                    station=self.ctx.station,
                    now=self.ctx.clock(),
                )
            self.finished.emit(job_id, "")
        except (DomainError, PrintingError) as exc:
            self.finished.emit(0, error_text(exc))


class BatchPrintDialog(QDialog):
    """Waybills of every packed parcel, rendered off the GUI thread, as one print job."""

    done = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batch_print")
        self.setWindowTitle(self.tr("Print packed waybills"))
        self.bar = QProgressBar(objectName="progress")
        self.message = QLabel(self.tr("Preparing…"), objectName="message")
        cancel = QPushButton(self.tr("Cancel"), objectName="cancel")
        box = QVBoxLayout(self)
        box.addWidget(self.message)
        box.addWidget(self.bar)
        box.addWidget(cancel)
        self.thread = QThread(self)
        self.worker = _BatchWorker(ctx)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        cancel.clicked.connect(self._cancel)

    def start(self) -> None:
        self.thread.start()

    def _cancel(self) -> None:
        self.worker.cancelled = True

    def _progress(self, done: int, total: int) -> None:
        self.bar.setMaximum(total)
        self.bar.setValue(done)
        self.message.setText(self.tr("Rendering waybill {done} of {total}").format(done=done, total=total))

    def _finished(self, job_id: int, error: str) -> None:
        self.thread.quit()
        self.thread.wait()
        self.message.setText(error or self.tr("Sent to the print queue as job {id}.").format(id=job_id))
        if job_id:
            self.done.emit(job_id)


class PrintQueueDialog(QDialog):
    """This station's recent print jobs, with their errors; reprint, retry, or mark a job whose
    outcome is unknown as printed (after looking at the printer)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QTableWidget

        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("print_queue")
        self.setWindowTitle(self.tr("Print queue"))
        self.resize(860, 420)
        self.table = QTableWidget(0, 6, self, objectName="jobs")
        self.table.setHorizontalHeaderLabels([self.tr("Job"), self.tr("Document"), self.tr("Reference"),
                                              self.tr("Printer"), self.tr("Status"), self.tr("Last error")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        reprint = QPushButton(self.tr("Reprint"), objectName="reprint")
        retry = QPushButton(self.tr("Send again"), objectName="retry")
        mark = QPushButton(self.tr("It printed"), objectName="mark_printed")
        mark.setToolTip(self.tr("The label came out whole: record the job printed"))
        refresh = QPushButton(self.tr("Refresh"), objectName="refresh")
        reprint.clicked.connect(self.reprint_selected)
        retry.clicked.connect(self.retry_selected)
        mark.clicked.connect(self.mark_selected_printed)
        refresh.clicked.connect(self.refresh)
        self.message = QLabel(objectName="message")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        for b in (reprint, retry, mark, refresh):
            row.addWidget(b)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        box.addWidget(self.message)
        box.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QTableWidgetItem

        with read_only(self.ctx.sessions) as s:
            views = print_queue.jobs(s, self.ctx.station)
        self.table.setRowCount(len(views))
        lang = Translations.for_app(QCoreApplication.instance()).language
        unknown = sum(v.status == "unknown" for v in views)
        self.message.setText(
            self.tr("{n} job(s) may have printed: look at the printer, then reprint or mark them printed.")
            .format(n=unknown) if unknown else ""
        )
        for r, v in enumerate(views):
            status = self._status_text(v.status) + (" · " + self.tr("reprint") if v.reprint else "")
            error = reword(v.last_error, lang)
            document = self._document_text(v.document)
            for c, text in enumerate([str(v.id), document, v.reference, v.printer, status, error]):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v.status)
                if v.status == "failed":
                    item.setForeground(QColor("#c62828"))
                elif v.status == "unknown":
                    item.setForeground(QColor("#b26a00"))
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(4)

    def _document_text(self, document: str) -> str:
        names = {"waybill": self.tr("waybill"), "invoice": self.tr("invoice"),
                 "packing-slip": self.tr("packing slip"), "pick-list": self.tr("pick list"),
                 "manifest": self.tr("manifest"), "badge-label": self.tr("badge label"),
                 "bin-labels": self.tr("bin labels"), "product-label": self.tr("product label")}
        return names.get(document, document)

    def _status_text(self, status: str) -> str:
        names = {"queued": self.tr("queued"), "sending": self.tr("sending"), "printed": self.tr("printed"),
                 "failed": self.tr("failed"), "unknown": self.tr("unknown: check the printer"),
                 "cancelled": self.tr("cancelled")}
        return names.get(status, status)

    def _selected(self) -> int | None:
        row = self.table.currentRow()
        return int(self.table.item(row, 0).text()) if row >= 0 else None

    def _act(self, action: Callable[..., object], **kwargs: object) -> None:
        if (job_id := self._selected()) is None:
            return
        try:
            with unit_of_work(self.ctx.sessions) as s:
                action(s, job_id, user_id=self.ctx.user.id if self.ctx.user else None, now=self.ctx.clock(),
                       **kwargs)
        except DomainError as exc:
            self.refresh()
            self.message.setText(error_text(exc))
            return
        self.refresh()

    def reprint_selected(self) -> None:
        self._act(print_queue.reprint, station=self.ctx.station)

    def retry_selected(self) -> None:
        self._act(print_queue.retry_now)

    def mark_selected_printed(self) -> None:
        self._act(print_queue.mark_printed)
