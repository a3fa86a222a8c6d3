"""Receiving by scan, at a PDA (480x800) or a desk: choose the expected receipt (imported with
``packdesk import receipts``) or receive blind, scan the product (each scan of it adds one),
set the quantity, scan the bin. The receipt's lines show what is over and under."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.services import stock
from app.services.stock import ProductRef, ReceiptView, Received
from devices.scanner.scan import Scan, ScanKind
from ui.station.feedback import item_name
from ui.stock.common import StockScreen, StockTable, product_code


class ReceiveView(StockScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("receive_view")
        self.pending: tuple[str, ProductRef] | None = None  # the scanned code and its product
        self.view: ReceiptView | None = None
        self.receipt = QComboBox(objectName="receipt")
        self.product = QLabel("—", objectName="product")
        self.product.setWordWrap(True)
        self.product.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.quantity = QSpinBox(objectName="quantity", minimum=1, maximum=99_999)
        self.quantity.setStyleSheet("font-size: 24pt;")
        self.quantity.setMinimumHeight(56)
        self.lines = StockTable(5, "lines", names_column=1)
        self.close_button = QPushButton(objectName="close_receipt")
        self.close_button.setMinimumHeight(56)
        self.close_button.clicked.connect(self.close_receipt)
        self.receipt.currentIndexChanged.connect(self._receipt_chosen)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.receipt)
        self.form.addRow(QLabel(), self.warehouse)
        self.form.addRow(QLabel(), self.quantity)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.banner)
        box.addWidget(self.product)
        box.addWidget(self.lines, 1)
        box.addWidget(self.close_button)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        for row, text in enumerate((self.tr("Receipt"), self.tr("Warehouse"), self.tr("Quantity"))):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            assert label is not None and isinstance(label.widget(), QLabel)
            label.widget().setText(text)  # type: ignore[attr-defined]
        self.lines.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"), self.tr("Expected"),
                                              self.tr("Received"), self.tr("Over / under")])
        self.close_button.setText(self.tr("Close receipt"))
        self._prompt()
        self._render_lines()

    def refresh(self) -> None:
        refs = self.act(stock.open_receipts, writes=False) or []
        chosen = self.receipt.currentData()
        self.receipt.blockSignals(True)
        self.receipt.clear()
        self.receipt.addItem(self.tr("Blind (no expected receipt)"), "")
        for ref in refs:
            self.receipt.addItem(ref, ref)
        self.receipt.setCurrentIndex(max(0, self.receipt.findData(chosen)))
        self.receipt.blockSignals(False)
        self.fill_warehouses()
        self._receipt_chosen()

    def _receipt_chosen(self) -> None:
        ref = self.receipt.currentData() or ""
        self.view = self.act(lambda s: stock.receipt(s, ref), writes=False) if ref else None
        if self.view is not None:  # a receipt's bins are in its warehouse
            self.warehouse.setCurrentIndex(max(0, self.warehouse.findData(self.view.warehouse)))
        self.warehouse.setEnabled(self.view is None)
        self.close_button.setEnabled(self.view is not None)
        self._render_lines()

    def handle_scan(self, scan: Scan) -> None:
        if self.unreadable(scan):
            return
        if scan.kind is ScanKind.BIN:
            self._into_bin(scan.value)
            return
        code = product_code(scan)
        if self.pending is not None and self.pending[0] == code:  # one scan per unit in hand
            self.quantity.setValue(self.quantity.value() + 1)
            self._prompt()
            return
        found = self.act(lambda s: stock.product(s, code), writes=False)
        if found is None:
            return
        self.pending = (code, found)
        self.quantity.setValue(1)
        self._prompt()

    def _into_bin(self, bin_code: str) -> None:
        if self.pending is None:
            self.banner.show_text(self.tr("Scan the product first, then the bin"), "warning", sound=True)
            return
        code, qty, now = self.pending[0], self.quantity.value(), self.ctx.clock()
        ref, house = self.receipt.currentData() or "", self.house
        got = self.act(lambda s: stock.receive(s, self.ctx.user, code, qty, bin_code, now, warehouse=house,
                                               receipt=ref))
        if got is None:
            return
        self.pending = None
        self.quantity.setValue(1)
        self.product.setText("—")
        self._receipt_chosen()
        self._show(got)

    def _show(self, got: Received) -> None:
        text = self.tr("Received {quantity} × {sku} into {bin} (now {on_hand} there)").format(
            quantity=got.quantity, sku=got.sku, bin=got.bin, on_hand=got.on_hand)
        variance = got.variance
        if variance:
            text += "\n" + self.tr("{receipt}: {received} of {expected} expected, {over_under}").format(
                receipt=got.receipt, received=got.received, expected=got.expected,
                over_under=over_under(variance))
        self.banner.show_text(text, "warning" if variance else "ok", sound=True)
        self.status_message.emit(text.replace("\n", "; "))

    def close_receipt(self) -> None:
        ref = self.receipt.currentData() or ""
        if not ref:
            return
        closed = self.act(lambda s: stock.close_receipt(s, self.ctx.user, ref, self.ctx.clock()))
        if closed is None:
            return
        self.refresh()
        self.view = closed  # its lines stay in view until another receipt is chosen
        self._render_lines()
        self.banner.show_text(self.tr("Receipt {receipt} closed: {over} line(s) over, {under} under").format(
            receipt=ref, over=len(closed.over), under=len(closed.under)),
            "warning" if closed.over or closed.under else "ok", sound=True)

    def _prompt(self) -> None:
        if self.pending is None:
            self.product.setText("—")
            self.banner.show_text(self.tr("Scan a product"), "idle")
            return
        found = self.pending[1]
        self.product.setText(f"{found.sku}\n{item_name(found.name, found.name_en)}")
        self.banner.show_text(self.tr("{quantity} × {sku}: scan the bin it goes into").format(
            quantity=self.quantity.value(), sku=found.sku), "ok")

    def _render_lines(self) -> None:
        lines = self.view.lines if self.view is not None else ()
        self.lines.setRowCount(len(lines))
        for row, ln in enumerate(lines):
            cells = (ln.sku, item_name(ln.name, ln.name_en), str(ln.expected), str(ln.received),
                     over_under(ln.variance))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 3):  # quantities
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if ln.variance:
                    item.setBackground(QColor("#fff3e0" if ln.variance > 0 else "#ffebee"))
                self.lines.setItem(row, col, item)


def over_under(variance: int) -> str:
    """A receipt line's variance in words."""
    if variance > 0:
        return QCoreApplication.translate("ReceiveView", "over by {n}").format(n=variance)
    if variance < 0:
        return QCoreApplication.translate("ReceiveView", "under by {n}").format(n=-variance)
    return QCoreApplication.translate("ReceiveView", "as expected")
