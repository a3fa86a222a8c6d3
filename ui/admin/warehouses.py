"""Warehouses and bins tab: add or edit a warehouse, list its bins with zone and pick sequence,
and generate a range of bins such as ``A-01-01-1..A-20-10-4``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only
from app.errors import DomainError
from app.services import masterdata
from ui.admin.window import LabelPrint, Notice, fill, list_table, print_labels, tr


class WarehousesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.warehouses: list[masterdata.WarehouseView] = []
        self.bins: list[masterdata.BinView] = []
        self.table = list_table("warehouses", [tr("Code"), tr("Name"), tr("Province"), tr("City"),
                                           tr("Cost rank"), tr("Bins")])
        self.table.itemSelectionChanged.connect(self._selected_changed)
        self.code = QLineEdit(objectName="warehouse_code")
        self.name = QLineEdit(objectName="warehouse_name")
        self.province = QLineEdit(objectName="province")
        self.city = QLineEdit(objectName="city")
        self.cost_rank = QSpinBox(objectName="cost_rank", maximum=999)
        self.cost_rank.setToolTip(tr("Lower ranks serve orders first when stock is in several warehouses."))
        self.save_button = QPushButton(tr("Save warehouse"), objectName="save_warehouse")
        self.save_button.clicked.connect(self.save_warehouse)
        form = QFormLayout()
        form.addRow(tr("Code"), self.code)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Province"), self.province)
        form.addRow(tr("City"), self.city)
        form.addRow(tr("Cost rank"), self.cost_rank)
        form.addRow(self.save_button)
        edit = QGroupBox(tr("Add or edit a warehouse"))
        edit.setLayout(form)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(edit)

        self.bins_title = QLabel(objectName="bins_title")
        self.bin_table = list_table("bins", [tr("Bin"), tr("Zone"), tr("Pick sequence")])
        self.bin_table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.bin_table.setToolTip(tr("Select a run of bins to label only those."))
        self.pattern = QLineEdit(objectName="bin_pattern")
        self.pattern.setPlaceholderText("A-01-01-1..A-20-10-4")
        self.pattern.returnPressed.connect(self.generate)
        self.generate_button = QPushButton(tr("Generate bins"), objectName="generate_bins")
        self.generate_button.clicked.connect(self.generate)
        pattern_row = QHBoxLayout()
        pattern_row.addWidget(QLabel(tr("Range")))
        pattern_row.addWidget(self.pattern, 1)
        pattern_row.addWidget(self.generate_button)
        self.labels_button = QPushButton(tr("Print bin labels"), objectName="print_bin_labels")
        self.labels_button.clicked.connect(self.print_labels)
        pattern_row.addWidget(self.labels_button)
        right = QVBoxLayout()
        right.addWidget(self.bins_title)
        right.addWidget(self.bin_table, 1)
        right.addLayout(pattern_row)

        self.notice = Notice(self)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.notice)
        may = ctx.user is not None and ctx.user.may("admin.master_data")
        edit.setEnabled(may)
        self.generate_button.setEnabled(may)
        self.pattern.setEnabled(may)
        self.load()

    def load(self, select: str = "") -> None:
        with read_only(self.ctx.sessions) as s:
            self.warehouses = masterdata.warehouses(s)
        fill(self.table, [[w.code, w.name, w.province, w.city, str(w.cost_rank), str(w.bins)]
                           for w in self.warehouses])
        codes = [w.code for w in self.warehouses]
        if codes:
            self.table.selectRow(codes.index(select) if select in codes else 0)
        self._selected_changed()

    def selected(self) -> masterdata.WarehouseView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.warehouses[rows[0].row()] if rows else None

    def _selected_changed(self) -> None:
        w = self.selected()
        if w is None:
            self.bins = []
            self.bins_title.setText(tr("Add a warehouse first; then generate its bins."))
        else:
            with read_only(self.ctx.sessions) as s:
                self.bins = masterdata.bins(s, w.code)
            self.bins_title.setText(tr("Bins of {warehouse}: {n}").format(warehouse=w.code, n=len(self.bins)))
            self.code.setText(w.code)
            self.name.setText(w.name)
            self.province.setText(w.province)
            self.city.setText(w.city)
            self.cost_rank.setValue(w.cost_rank)
        fill(self.bin_table, [[b.code, b.zone, str(b.pick_seq)] for b in self.bins])
        self.generate_button.setEnabled(w is not None and self.pattern.isEnabled())
        self.labels_button.setEnabled(bool(self.bins) and self.pattern.isEnabled())

    def save_warehouse(self) -> None:
        try:
            with self.ctx.sessions.begin() as s:
                saved = masterdata.save_warehouse(s, self.ctx.user, self.code.text(), self.name.text(),
                                                  self.province.text(), self.city.text(),
                                                  self.cost_rank.value())
        except DomainError as exc:
            self.notice.refused(exc)
            return
        self.load(select=saved.code)
        self.notice.ok(tr("Warehouse {warehouse} saved.").format(warehouse=saved.code))

    def generate(self) -> None:
        w = self.selected()
        if w is None:
            return
        try:
            with self.ctx.sessions.begin() as s:
                made = masterdata.generate_bins(s, self.ctx.user, w.code, self.pattern.text())
        except DomainError as exc:
            self.notice.refused(exc)
            return
        self.load(select=w.code)
        self.notice.ok(tr("{added} bins added ({first} … {last}), {existing} already there.").format(
            added=made.added, first=made.first, last=made.last, existing=made.existing))

    def print_labels(self) -> LabelPrint | None:
        """Labels of the selected run of bins, or of every bin of the warehouse."""
        w = self.selected()
        if w is None:
            return None
        rows = sorted(i.row() for i in self.bin_table.selectionModel().selectedRows())
        run = {"first": self.bins[rows[0]].code, "last": self.bins[rows[-1]].code} if rows else {}
        return print_labels(self.ctx, self, self.labels_button, self.notice, "bins", w.code, **run)
