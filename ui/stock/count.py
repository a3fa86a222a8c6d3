"""Cycle counts by scanning: scan the bin, scan every item in it (or set a product's count for a
full carton), finish the bin. A variance above the threshold waits for a supervisor, who approves
or rejects it in the approval list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.context import AppContext
from app.services import stock
from app.services.stock import Counted
from devices.scanner.scan import Scan, ScanKind
from ui.station.feedback import item_name
from ui.stock.common import StockScreen, StockTable, product_code


def _cells(table: QTableWidget, rows: list[tuple[str, ...]], tints: list[str]) -> None:
    table.setRowCount(len(rows))
    for r, (cells, tint) in enumerate(zip(rows, tints, strict=True)):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if text.lstrip("+-").isdigit():
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if tint:
                item.setBackground(QColor(tint))
            table.setItem(r, c, item)


class CountView(StockScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("count_view")
        self.bin = ""
        self.expected: dict[str, int] = {}  # SKU -> on hand in the bin when the count began
        self.counted: dict[str, int] = {}
        self.names: dict[str, tuple[str, str]] = {}  # SKU -> its Chinese and English names
        self.last = ""  # the SKU scanned last: the one the spin box sets
        self.results: dict[str, Counted] = {}
        self.bin_label = QLabel("—", objectName="bin")
        self.bin_label.setStyleSheet("font-size: 28pt; font-weight: bold; font-family: monospace;")
        self.bin_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines = StockTable(6, "lines", names_column=1)
        self.set_label = QLabel()
        self.set_count = QSpinBox(objectName="set_count", minimum=0, maximum=99_999)
        self.set_count.setMinimumHeight(48)
        self.set_count.valueChanged.connect(self._set_last)
        self.finish_button = QPushButton(objectName="finish")
        self.finish_button.setMinimumHeight(56)
        self.finish_button.clicked.connect(self.finish)
        self.fill_warehouses()
        row = QHBoxLayout()
        row.addWidget(self.set_label, 1)
        row.addWidget(self.set_count)
        box = QVBoxLayout(self)
        box.addWidget(self.warehouse)
        box.addWidget(self.banner)
        box.addWidget(self.bin_label)
        box.addWidget(self.lines, 1)
        box.addLayout(row)
        box.addWidget(self.finish_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.lines.set_headers([(self.tr("SKU"), self.tr("SKU")), (self.tr("Item"), self.tr("Item")),
                                (self.tr("Expected"), self.tr("Exp.", "narrow header: Expected")),
                                (self.tr("Counted"), self.tr("Count", "narrow header: Counted")),
                                (self.tr("Variance"), self.tr("+/-", "narrow header: Variance")),
                                (self.tr("Status"), self.tr("Status"))])
        self.set_label.setText(self.tr("Count of the last item scanned"))
        self.finish_button.setText(self.tr("Finish this bin"))
        self._render()

    def handle_scan(self, scan: Scan) -> None:
        if self.unreadable(scan):
            return
        if scan.kind is ScanKind.BIN:
            self._start(scan.value)
            return
        if not self.bin:
            self.banner.show_text(self.tr("Scan the bin you count first"), "warning", sound=True)
            return
        code = product_code(scan)
        found = self.act(lambda s: stock.product(s, code), writes=False)
        if found is None:
            return
        self.names[found.sku] = (found.name, found.name_en)
        self.counted[found.sku] = self.counted.get(found.sku, 0) + 1
        self.last = found.sku
        self._render()

    def _start(self, bin_code: str) -> None:
        if self.bin and self.counted and not self.results:
            self.banner.show_text(self.tr("Finish bin {bin} first").format(bin=self.bin), "warning",
                                  sound=True)
            return

        house = self.house

        def contents(s: Session) -> list[tuple[stock.OnHand, stock.ProductRef]]:
            stock.bin_id(s, bin_code, house)  # a bin that does not exist is refused now, not at the end
            held = [r for r in stock.on_hand(s, warehouse=house) if r.bin == bin_code]
            return [(r, stock.product(s, r.sku)) for r in held]  # a bin holds a few products

        rows = self.act(contents, writes=False)
        if rows is None:
            return
        self.bin, self.last, self.results = bin_code, "", {}
        self.warehouse.setEnabled(False)  # the bin's warehouse until the next bin
        self.expected = {r.sku: r.on_hand for r, _ in rows}
        self.names = {r.sku: (p.name, p.name_en) for r, p in rows}
        self.counted = {}
        self._render()

    def _set_last(self, value: int) -> None:
        if self.last and not self.results and self.counted.get(self.last) != value:
            self.counted[self.last] = value
            self._render()

    def finish(self) -> None:
        if not self.bin or self.results:
            return
        skus = sorted(set(self.expected) | set(self.counted))
        where, house, now = self.bin, self.house, self.ctx.clock()

        def count_all(s: Session) -> list[Counted]:  # the whole bin in one unit of work
            return [stock.count(s, self.ctx.user, sku, self.counted.get(sku, 0), where, now, warehouse=house)
                    for sku in skus]

        done = self.act(count_all)
        if done is None:
            return
        self.results = {c.sku: c for c in done}
        self.warehouse.setEnabled(True)
        waiting = sum(1 for c in done if c.status == "pending")
        self._render()
        text = self.tr("Bin {bin} counted: {applied} applied, {waiting} wait for a supervisor's approval")
        self.banner.show_text(text.format(bin=where, applied=len(done) - waiting, waiting=waiting),
                              "warning" if waiting else "ok", sound=True)

    def _render(self) -> None:
        self.bin_label.setText(self.bin or "—")
        skus = sorted(set(self.expected) | set(self.counted))
        statuses = {"applied": self.tr("applied"), "pending": self.tr("waits for approval")}
        rows, tints = [], []
        for sku in skus:
            expected, counted = self.expected.get(sku, 0), self.counted.get(sku, 0)
            result = self.results.get(sku)
            rows.append((sku, item_name(*self.names.get(sku, ("", ""))), str(expected), str(counted),
                         f"{counted - expected:+d}",
                         statuses.get(result.status, result.status) if result else ""))
            tints.append("" if counted == expected else "#fff3e0")
        _cells(self.lines, rows, tints)
        self.set_count.blockSignals(True)
        self.set_count.setValue(self.counted.get(self.last, 0))
        self.set_count.blockSignals(False)
        self.set_count.setEnabled(bool(self.last) and not self.results)
        self.finish_button.setEnabled(bool(self.bin) and not self.results)
        if not self.bin:
            self.banner.show_text(self.tr("Scan the bin you count"), "idle")
        elif not self.results:
            text = self.tr("Scan every item in {bin}, then finish the bin")
            self.banner.show_text(text.format(bin=self.bin), "ok")


class ApprovalsView(StockScreen):
    """Counts whose variance is above the threshold, for a supervisor to approve or reject."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("approvals_view")
        self.pending: list[Counted] = []
        self.table = StockTable(7, "pending", names_column=3)
        self.approve_button = QPushButton(objectName="approve")
        self.reject_button = QPushButton(objectName="reject")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        buttons = QHBoxLayout()
        for b in (self.approve_button, self.reject_button):
            b.setMinimumHeight(56)
            buttons.addWidget(b)
        box = QVBoxLayout(self)
        box.addWidget(self.banner)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Count"), self.tr("Bin"), self.tr("SKU"),
                                              self.tr("Item"), self.tr("Expected"), self.tr("Counted"),
                                              self.tr("Variance")])
        self.approve_button.setText(self.tr("Approve: the bin takes the count"))
        self.reject_button.setText(self.tr("Reject: count it again"))

    def refresh(self) -> None:
        self.pending = self.act(stock.pending_counts, writes=False) or []
        _cells(self.table, [(f"#{c.id}", f"{c.warehouse} {c.bin}", c.sku, item_name(c.name, c.name_en),
                             str(c.expected), str(c.counted), f"{c.variance:+d}") for c in self.pending],
               ["#fff3e0"] * len(self.pending))
        if self.pending:
            self.table.selectRow(0)
            self.banner.show_text(self.tr("{n} count(s) wait for your decision").format(n=len(self.pending)),
                                  "warning")
        else:
            self.banner.show_text(self.tr("No count waits for approval"), "idle")

    def decide(self, approve: bool) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        chosen, now = self.pending[rows[0].row()], self.ctx.clock()
        done = self.act(lambda s: stock.decide_count(s, self.ctx.user, chosen.id, approve, now))
        if done is None:
            return
        self.refresh()
        self.banner.show_text((self.tr("Count #{id} approved: {bin} now holds {counted} × {sku}") if approve
                               else self.tr("Count #{id} rejected: {bin} keeps its stock")).format(
            id=done.id, bin=done.bin, counted=done.counted, sku=done.sku), "ok", sound=True)
