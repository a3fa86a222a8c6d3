"""Moves and adjustments by scan. Move: scan the product, set the quantity, scan the bin it comes
from, then the bin it goes to. Adjust: scan the product and the bin, set the change (+ found,
− taken) and the reason code, press Adjust."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.context import AppContext
from app.services import stock
from app.services.stock import ProductRef
from devices.scanner.scan import Scan, ScanKind
from ui.station.feedback import item_name
from ui.stock.common import StockScreen, product_code


def reason_words() -> dict[str, str]:
    """Adjustment reason codes (stored) and their words (shown) in the app's language."""
    words = {
        "damaged": QCoreApplication.translate("MovesView", "damaged"),
        "lost": QCoreApplication.translate("MovesView", "lost"),
        "found": QCoreApplication.translate("MovesView", "found"),
        "expired": QCoreApplication.translate("MovesView", "expired"),
        "sample": QCoreApplication.translate("MovesView", "taken as a sample"),
        "correction": QCoreApplication.translate("MovesView", "correction"),
    }
    return {code: words[code] for code in stock.REASONS}


class MovesView(StockScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("moves_view")
        self.item: tuple[str, ProductRef] | None = None
        self.from_bin = ""  # a move's first bin, or the bin an adjustment changes
        self.move_mode = QRadioButton(objectName="move_mode", checked=True)
        self.adjust_mode = QRadioButton(objectName="adjust_mode")
        self.move_mode.toggled.connect(self.reset)
        self.product = QLabel("—", objectName="product")
        self.product.setWordWrap(True)
        self.product.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.bins = QLabel(objectName="bins")
        self.bins.setStyleSheet("font-size: 18pt; font-family: monospace;")
        self.quantity = QSpinBox(objectName="quantity", minimum=1, maximum=99_999)
        self.delta = QSpinBox(objectName="delta", minimum=-99_999, maximum=99_999)
        self.reason = QComboBox(objectName="reason")
        for spin in (self.quantity, self.delta):
            spin.setMinimumHeight(48)
        self.adjust_button = QPushButton(objectName="adjust")
        self.adjust_button.setMinimumHeight(56)
        self.adjust_button.clicked.connect(self.adjust)
        modes = QHBoxLayout()
        modes.addWidget(self.move_mode)
        modes.addWidget(self.adjust_mode)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.warehouse)
        self.form.addRow(QLabel(), self.quantity)
        self.form.addRow(QLabel(), self.delta)
        self.form.addRow(QLabel(), self.reason)
        box = QVBoxLayout(self)
        box.addLayout(modes)
        box.addWidget(self.banner)
        box.addWidget(self.product)
        box.addWidget(self.bins)
        box.addLayout(self.form)
        box.addStretch(1)
        box.addWidget(self.adjust_button)
        self.retranslate()
        self.fill_warehouses()

    def retranslate(self) -> None:
        self.move_mode.setText(self.tr("Move between bins"))
        self.adjust_mode.setText(self.tr("Adjust with a reason"))
        texts = (self.tr("Warehouse"), self.tr("Quantity to move"), self.tr("Change (+/−)"),
                 self.tr("Reason"))
        for row, text in enumerate(texts):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            assert label is not None and isinstance(label.widget(), QLabel)
            label.widget().setText(text)  # type: ignore[attr-defined]
        chosen = self.reason.currentData()
        self.reason.clear()
        for code, words in reason_words().items():
            self.reason.addItem(words, code)
        self.reason.setCurrentIndex(max(0, self.reason.findData(chosen)))
        self.adjust_button.setText(self.tr("Adjust"))
        self.reset()

    @property
    def adjusting(self) -> bool:
        return self.adjust_mode.isChecked()

    def reset(self) -> None:
        self.item, self.from_bin = None, ""
        self.adjust_button.setVisible(self.adjusting)
        for row in (1, 2, 3):
            self.form.setRowVisible(row, self.adjusting == (row > 1))
        self._render()

    def handle_scan(self, scan: Scan) -> None:
        if self.unreadable(scan):
            return
        if scan.kind is ScanKind.BIN:
            self._bin(scan.value)
            return
        code = product_code(scan)
        found = self.act(lambda s: stock.product(s, code), writes=False)
        if found is not None:
            self.item, self.from_bin = (code, found), ""
            self._render()

    def _bin(self, bin_code: str) -> None:
        if self.item is None:
            self.banner.show_text(self.tr("Scan the product first"), "warning", sound=True)
            return
        if self.adjusting or not self.from_bin:
            self.from_bin = bin_code
            self._render()
            return
        code, sku, qty, source, now = self.item[0], self.item[1].sku, self.quantity.value(), self.from_bin, \
            self.ctx.clock()
        house = self.house

        def move(s: Session) -> bool:
            stock.move(s, self.ctx.user, code, qty, source, bin_code, now, warehouse=house)
            return True

        if self.act(move):
            self.reset()
            self.banner.show_text(self.tr("Moved {quantity} × {sku} from {source} to {target}").format(
                quantity=qty, sku=sku, source=source, target=bin_code), "ok", sound=True)

    def adjust(self) -> None:
        if self.item is None or not self.from_bin:
            self.banner.show_text(self.tr("Scan the product and its bin first"), "warning", sound=True)
            return
        code, sku, delta, where = self.item[0], self.item[1].sku, self.delta.value(), self.from_bin
        reason, now = self.reason.currentData(), self.ctx.clock()
        house = self.house
        left = self.act(lambda s: stock.adjust(s, self.ctx.user, code, delta, where, reason, now,
                                               warehouse=house))
        if left is not None:
            self.reset()
            self.delta.setValue(0)
            self.banner.show_text(self.tr("{sku} in {bin}: {delta:+d} ({reason}), now {left}").format(
                sku=sku, bin=where, delta=delta, reason=reason_words()[reason], left=left), "ok", sound=True)

    def _render(self) -> None:
        ref = self.item[1] if self.item is not None else None
        self.product.setText("—" if ref is None else f"{ref.sku}\n{item_name(ref.name, ref.name_en)}")
        self.bins.setText(self.tr("Bin {bin}").format(bin=self.from_bin) if self.adjusting and self.from_bin
                          else self.tr("From {bin} →").format(bin=self.from_bin) if self.from_bin else "")
        if self.item is None:
            text = self.tr("Scan a product")
        elif self.adjusting:
            text = self.tr("Set the change and the reason, then press Adjust") if self.from_bin \
                else self.tr("Scan the bin it is in")
        else:
            text = self.tr("Scan the bin it goes to") if self.from_bin \
                else self.tr("Scan the bin it comes from")
        self.banner.show_text(text, "idle" if self.item is None else "ok")
