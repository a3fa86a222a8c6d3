"""Products tab: find products by SKU, name or barcode, edit one (names zh/en, several barcodes,
weight, dimensions, handling flags), and import a PackDesk or Shopify product CSV off the GUI
thread, its refused rows listed by file line."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import catalog
from app.services.catalog import ProductView
from ui.admin.window import Notice
from ui.station.feedback import error_text

CONTEXT = "admin.products"
SHOWN = 200  # rows the list holds; a search finds the rest
FLAG_NAMES = {"fragile": "Fragile", "liquid": "Liquid", "bulky": "Bulky", "battery": "Battery"}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def read_file(path: Path) -> str:
    """A product file's text, or a DomainError a person can act on."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError("{path} is not UTF-8 text; save it as UTF-8.", path=path.name) from None
    except OSError as exc:
        raise DomainError("Cannot read {path}: {why}", path=path.name, why=exc.strerror or "") from None


class ImportJob(QThread):
    """One file read and imported in one unit of work on its own thread (a pool of 200 000 waybill
    numbers or a big product export must not freeze the window); ``outcome`` reaches the GUI
    thread with the report, or with the refusal and nothing kept."""

    outcome = Signal(object, object)  # the importer's report | None, DomainError | None

    def __init__(self, ctx: AppContext, path: Path, importer: Callable[[Session, str, str], object],
                 owner: QWidget) -> None:
        super().__init__(owner)
        self.ctx, self.path, self.importer = ctx, path, importer

    def run(self) -> None:
        try:
            text = read_file(self.path)
            with unit_of_work(self.ctx.sessions) as s:
                report = self.importer(s, text, self.path.name)
        except DomainError as exc:
            self.outcome.emit(None, exc)
            return
        self.outcome.emit(report, None)


class ProductsTab(QWidget):
    imported = Signal(object)  # the ProductImport, or None when nothing could be imported

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.products: list[ProductView] = []
        self.current: ProductView | None = None
        self.search_box = QLineEdit(objectName="product_search", placeholderText=tr("SKU, name or barcode"))
        self.search_box.returnPressed.connect(self.search)
        search_button = QPushButton(tr("Search"), objectName="search_products")
        search_button.clicked.connect(self.search)
        self.format = QComboBox(objectName="import_format")
        for fmt, name in ((None, tr("Format: recognise")), ("packdesk-csv", tr("PackDesk CSV")),
                          ("shopify-csv", tr("Shopify product export"))):
            self.format.addItem(name, fmt)
        self.import_button = QPushButton(tr("Import a product file…"), objectName="import_products")
        self.import_button.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(search_button)
        top.addWidget(self.format)
        top.addWidget(self.import_button)

        self.more = QLabel(tr("Only the first {count} products are listed: search to find the others.")
                           .format(count=SHOWN), objectName="more_products")
        self.more.setStyleSheet("color: #8a5300;")
        self.table = QTableWidget(0, 5, objectName="product_list")
        self.table.setHorizontalHeaderLabels([tr("SKU"), tr("Name"), tr("English name"), tr("Barcodes"),
                                              tr("Weight (g)")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_product(row))

        self.sku = QLineEdit(objectName="sku")
        self.name = QLineEdit(objectName="name")
        self.name_en = QLineEdit(objectName="name_en")
        self.barcodes = QLineEdit(objectName="barcodes",
                                  placeholderText=tr("GTIN or internal codes, separated by spaces"))
        self.weight = QLineEdit(objectName="weight", placeholderText=tr("grams; empty: not known yet"))
        self.sides = [QSpinBox(objectName=f"{n}_mm", maximum=catalog.MAX_SIDE_MM, suffix=" mm")
                      for n in ("length", "width", "height")]
        self.flags = {f: QCheckBox(tr(label), objectName=f) for f, label in FLAG_NAMES.items()}
        form = QFormLayout()
        form.addRow(tr("SKU"), self.sku)
        form.addRow(tr("Name (Chinese)"), self.name)
        form.addRow(tr("Name (English)"), self.name_en)
        form.addRow(tr("Barcodes"), self.barcodes)
        form.addRow(tr("Unit weight (g)"), self.weight)
        sides = QHBoxLayout()
        for box in self.sides:
            sides.addWidget(box)
        form.addRow(tr("Length × width × height"), sides)
        flags = QHBoxLayout()
        for box in self.flags.values():
            flags.addWidget(box)
        form.addRow(tr("Handling"), flags)
        self.new_button = QPushButton(tr("New product"), objectName="new_product")
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton(tr("Save"), objectName="save_product")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        self.notice = Notice(self)
        self.progress = QProgressBar(objectName="import_progress", maximum=0)
        self.progress.hide()
        self.report = QPlainTextEdit(objectName="import_report", readOnly=True, visible=False)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.notice)
        right.addWidget(self.progress)
        right.addWidget(self.report, 1)
        right.addStretch()
        split = QHBoxLayout()
        split.addWidget(self.table, 3)
        split.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.more)
        layout.addLayout(split, 1)
        self.search()

    # -- the list ------------------------------------------------------------------------------
    def search(self, keep: int | None = None) -> None:
        with read_only(self.ctx.sessions) as s:
            self.products = catalog.search_products(s, self.search_box.text(), limit=SHOWN + 1)
        more = len(self.products) > SHOWN
        del self.products[SHOWN:]
        self.more.setVisible(more)
        self.table.setRowCount(len(self.products))
        for row, p in enumerate(self.products):
            weight = "" if p.weight_g is None else str(p.weight_g)
            for col, text in enumerate((p.sku, p.name, p.name_en, " ".join(p.barcodes), weight)):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        ids = [p.id for p in self.products]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif self.products:
            self.table.selectRow(0)
        else:
            self.new()

    def show_product(self, row: int) -> None:
        if not 0 <= row < len(self.products):
            return
        p = self.current = self.products[row]
        self.sku.setText(p.sku)
        self.name.setText(p.name)
        self.name_en.setText(p.name_en)
        self.barcodes.setText(" ".join(p.barcodes))
        self.weight.setText("" if p.weight_g is None else str(p.weight_g))
        for box, side in zip(self.sides, p.dims_mm, strict=True):
            box.setValue(side)
        for f, box in self.flags.items():
            box.setChecked(f in p.flags)
        self.notice.setText("")

    def new(self) -> None:
        self.current = None
        self.table.clearSelection()
        for edit in (self.sku, self.name, self.name_en, self.barcodes, self.weight):
            edit.clear()
        for box in self.sides:
            box.setValue(0)
        for box in self.flags.values():
            box.setChecked(False)
        self.sku.setFocus()

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        weight_text = self.weight.text().strip()
        try:
            if weight_text and not weight_text.isdigit():
                raise DomainError("Weight {value!r}: give the unit weight in whole grams.", value=weight_text)
            with unit_of_work(self.ctx.sessions) as s:
                saved = catalog.save_product(
                    s, self.ctx.user, self.sku.text(), self.name.text(), self.name_en.text(),
                    tuple(c for c in re.split(r"[\s,;|，；]+", self.barcodes.text()) if c),
                    int(weight_text) if weight_text else None,
                    (self.sides[0].value(), self.sides[1].value(), self.sides[2].value()),
                    frozenset(f for f, box in self.flags.items() if box.isChecked()),
                    self.current.id if self.current else None)
        except DomainError as exc:
            self.notice.refused(exc)
            return False
        self.search(keep=saved.id)
        self.notice.ok(tr("Product {sku} saved.").format(sku=saved.sku))
        return True

    # -- importing -----------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Import products"), "",
                                              tr("CSV files (*.csv);;All files (*)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Import off the GUI thread; ``imported`` says when it is done."""
        from app.services.intake.products import import_products

        self.import_button.setEnabled(False)
        self.progress.show()
        self.notice.setText(tr("Importing {name}…").format(name=path.name))
        fmt, user = self.format.currentData(), self.ctx.user
        self._job = ImportJob(self.ctx, path, lambda s, text, name: import_products(s, user, text, fmt, name),
                              self)
        self._job.outcome.connect(self._imported)
        self._job.start()

    def _imported(self, report: object, exc: DomainError | None) -> None:
        self._job.wait()  # run() returns right after it emitted
        self.import_button.setEnabled(True)
        self.progress.hide()
        if exc is not None:
            self.report.hide()
            self.notice.refused(exc)
            self.imported.emit(None)
            return
        from app.services.intake.products import ProductImport

        assert isinstance(report, ProductImport)
        self.search()
        self.notice.ok(tr("{added} added, {updated} updated, {unchanged} unchanged, {refused} rows refused.")
                       .format(added=report.added, updated=report.updated, unchanged=report.unchanged,
                               refused=len(report.problems)))
        self.report.setPlainText("\n".join(tr("line {line}: {why}").format(line=e.line,
                                                                            why=error_text(e.error))
                                           for e in report.problems))
        self.report.setVisible(bool(report.problems))
        self.imported.emit(report)
