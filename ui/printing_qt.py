"""The system printer through QtPrintSupport (CUPS on Linux, the spooler on Windows/macOS):
PDF pages are rendered with QtPdf onto a QPrinter at the printer's resolution. Importing this
module gives ``printing`` the ``qt:`` printer scheme (the app imports it when the UI starts)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from printing.backends import Job, PrinterError, register_scheme


class QtSystemBackend:
    def __init__(self, printer: str) -> None:
        self.uri = f"qt:{printer}"
        self.printer = printer

    def send(self, job: Job) -> None:
        if job.format != "pdf":
            raise PrinterError(
                "The system printer takes PDF documents; send ZPL/TSPL to tcp://, serial:// or usb:.",
                retryable=False,
            )
        info = QPrinterInfo.printerInfo(self.printer)
        if info.isNull():
            known = ", ".join(QPrinterInfo.availablePrinterNames()) or "none"
            raise PrinterError(
                "No system printer named {printer} (available: {known}).", retryable=True,
                printer=self.printer, known=known,
            )
        data = QByteArray(job.payload)
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        pdf = QPdfDocument()
        pdf.load(buffer)
        if pdf.status() != QPdfDocument.Status.Ready:
            raise PrinterError("The document to print is not a readable PDF.", retryable=False)
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(job.title)
        printer.setCopyCount(job.copies)
        first = pdf.pagePointSize(0)
        printer.setPageSize(QPageSize(first, QPageSize.Unit.Point, job.media or "custom"))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterError("Printer {printer} refused the job.", retryable=True, printer=self.printer)
        try:
            dpi = printer.resolution()
            for page in range(pdf.pageCount()):
                if page:
                    printer.newPage()
                size = pdf.pagePointSize(page)
                pixels = QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi))
                image = pdf.render(page, pixels)
                painter.drawImage(QRect(QPoint(0, 0), pixels), image)
        finally:
            painter.end()
            pdf.close()

    def status(self) -> str:
        info = QPrinterInfo.printerInfo(self.printer)
        return "not found" if info.isNull() else info.state().name.lower()


register_scheme("qt", QtSystemBackend)
