"""Carriers tab: the site's carriers and their waybill number pools (free / issued / voided, a low
pool marked, numbers imported from the carrier's file, a number voided by a supervisor), cut-off
times and pick-up slots per warehouse, the rules that give an order its carrier and service, and
the carrier's sort-code table (imported, and a look-up). Files are imported off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import carriers, masterdata
from ui.admin.products import ImportJob
from ui.admin.window import Notice
from ui.station.feedback import error_text

CONTEXT = "admin.carriers"
CHANNELS = (("", "Any shop"), ("tmall", "Tmall"), ("jd", "JD"), ("douyin", "Douyin"),
            ("pinduoduo", "Pinduoduo"), ("shopify", "Shopify"), ("own_site", "Own web shop"))
COD_CHOICES = ((None, "COD or not"), (True, "Cash on delivery only"), (False, "Prepaid only"))


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


def _grams(edit: QLineEdit, template: str) -> int | None:
    text = edit.text().strip()
    if not text:
        return None
    if not text.isdigit():
        raise DomainError(template, value=text)
    return int(text)


class CarriersTab(QWidget):
    changed = Signal()  # something was saved, imported or voided
    imported = Signal(object)  # a file's import report, or None when nothing could be imported

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.carrier_views: list[carriers.CarrierView] = []
        self.rule_views: list[carriers.RuleView] = []
        self._carrier_combos: list[QComboBox] = []
        self.pages = QTabWidget(objectName="carrier_pages")
        self.pages.addTab(self._numbers_page(), tr("Carriers and waybill numbers"))
        self.pages.addTab(self._cutoffs_page(), tr("Cut-offs and pick-ups"))
        self.pages.addTab(self._rules_page(), tr("Carrier rules"))
        self.pages.addTab(self._sort_codes_page(), tr("Sort codes"))
        self.notice = Notice(self)
        self.report = QPlainTextEdit(objectName="carrier_report", readOnly=True, visible=False)
        self.report.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.report)
        self.refresh()

    # -- pages ---------------------------------------------------------------------------------
    def _numbers_page(self) -> QWidget:
        page = QWidget()
        self.carrier_table = _table("carrier_list", [
            tr("Code"), tr("Name"), tr("Services"), tr("Free"), tr("Issued"), tr("Voided"), tr("Pool")])
        self.carrier_table.currentCellChanged.connect(lambda row, *_: self._show_carrier(row))
        self.code = QLineEdit(objectName="carrier_code", maxLength=16)
        self.name = QLineEdit(objectName="carrier_name")
        self.low_water = QSpinBox(objectName="low_water", maximum=carriers.MAX_RANGE, singleStep=100)
        self.active = QCheckBox(tr("Orders may get this carrier"), objectName="carrier_active", checked=True)
        self.save_carrier_button = QPushButton(tr("Save carrier"), objectName="save_carrier")
        self.save_carrier_button.clicked.connect(self.save_carrier)
        form = QFormLayout()
        form.addRow(tr("Code"), self.code)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Warn below (free numbers)"), self.low_water)
        form.addRow("", self.active)
        form.addRow("", self.save_carrier_button)
        self.import_pool_button = QPushButton(tr("Import waybill numbers…"), objectName="import_pool")
        self.import_pool_button.clicked.connect(lambda: self._choose(self.import_pool_file))
        self.void_number = QLineEdit(objectName="void_number", placeholderText=tr("waybill number"))
        self.void_reason = QLineEdit(objectName="void_reason", placeholderText=tr("why it is voided"))
        self.void_button = QPushButton(tr("Void number"), objectName="void")
        self.void_button.clicked.connect(self.void)
        may_void = self.ctx.user is not None and self.ctx.user.may("station.exceptions")
        for w in (self.void_number, self.void_reason, self.void_button):
            w.setEnabled(may_void)
        numbers = QFormLayout()
        numbers.addRow("", self.import_pool_button)
        numbers.addRow(tr("Void"), self.void_number)
        numbers.addRow(tr("Reason"), self.void_reason)
        numbers.addRow("", self.void_button)
        if not may_void:
            numbers.addRow("", QLabel(tr("Only a supervisor may void a number.")))
        side = QVBoxLayout()
        side.addLayout(form)
        side.addSpacing(16)
        side.addLayout(numbers)
        side.addStretch()
        box = QHBoxLayout(page)
        box.addWidget(self.carrier_table, 3)
        box.addLayout(side, 2)
        return page

    def _carrier_combo(self, name: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        self._carrier_combos.append(combo)
        return combo

    def _cutoffs_page(self) -> QWidget:
        page = QWidget()
        self.cutoff_table = _table("cutoff_list", [tr("Warehouse"), tr("Carrier"), tr("Cut-off"),
                                                   tr("Pick-ups")])
        self.cutoff_warehouse = QComboBox(objectName="cutoff_warehouse")
        self.cutoff_carrier = self._carrier_combo("cutoff_carrier")
        self.cutoff_time = QLineEdit(objectName="cutoff_time", placeholderText="16:30")
        self.pickups = QLineEdit(objectName="pickups", placeholderText="17:00, 19:30")
        save = QPushButton(tr("Save cut-off"), objectName="save_cutoff")
        save.clicked.connect(self.save_cutoff)
        self.save_cutoff_button = save
        form = QFormLayout()
        form.addRow(tr("Warehouse"), self.cutoff_warehouse)
        form.addRow(tr("Carrier"), self.cutoff_carrier)
        form.addRow(tr("Cut-off (local time)"), self.cutoff_time)
        form.addRow(tr("Pick-up slots"), self.pickups)
        form.addRow("", save)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addStretch()
        box = QHBoxLayout(page)
        box.addWidget(self.cutoff_table, 3)
        box.addLayout(side, 2)
        return page

    def _rules_page(self) -> QWidget:
        page = QWidget()
        self.rule_table = _table("rule_list", [tr("Position"), tr("Shop"), tr("Province"), tr("Weight (g)"),
                                               tr("COD"), tr("Carrier"), tr("Service")])
        self.position = QSpinBox(objectName="position", maximum=9999, value=100)
        self.channel = QComboBox(objectName="channel")
        for code, name in CHANNELS:
            self.channel.addItem(tr(name), code)
        self.province = QLineEdit(objectName="province", placeholderText=tr("empty: any"))
        self.min_weight = QLineEdit(objectName="min_weight", placeholderText=tr("empty: any"))
        self.max_weight = QLineEdit(objectName="max_weight", placeholderText=tr("empty: any"))
        self.cod = QComboBox(objectName="cod")
        for value, name in COD_CHOICES:
            self.cod.addItem(tr(name), value)
        self.rule_carrier = self._carrier_combo("rule_carrier")
        self.service = QLineEdit(objectName="service", placeholderText=tr("such as 标快"))
        self.add_rule_button = QPushButton(tr("Add rule"), objectName="add_rule")
        self.add_rule_button.clicked.connect(self.add_rule)
        self.delete_rule_button = QPushButton(tr("Delete the chosen rule"), objectName="delete_rule")
        self.delete_rule_button.clicked.connect(self.delete_rule)
        weights = QHBoxLayout()
        weights.addWidget(self.min_weight)
        weights.addWidget(QLabel("–"))
        weights.addWidget(self.max_weight)
        form = QFormLayout()
        form.addRow(tr("Position (lowest first)"), self.position)
        form.addRow(tr("Shop"), self.channel)
        form.addRow(tr("Destination province"), self.province)
        form.addRow(tr("Order weight (g)"), weights)
        form.addRow(tr("Payment"), self.cod)
        form.addRow(tr("Carrier"), self.rule_carrier)
        form.addRow(tr("Service"), self.service)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_rule_button)
        buttons.addWidget(self.delete_rule_button)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addLayout(buttons)
        side.addStretch()
        box = QHBoxLayout(page)
        box.addWidget(self.rule_table, 3)
        box.addLayout(side, 2)
        return page

    def _sort_codes_page(self) -> QWidget:
        page = QWidget()
        self.sort_carrier = self._carrier_combo("sort_carrier")
        self.import_sort_button = QPushButton(tr("Import the carrier's sort-code table…"),
                                              objectName="import_sort_codes")
        self.import_sort_button.clicked.connect(lambda: self._choose(self.import_sort_codes_file))
        self.look_province = QLineEdit(objectName="look_province", placeholderText=tr("province"))
        self.look_city = QLineEdit(objectName="look_city", placeholderText=tr("city"))
        self.look_district = QLineEdit(objectName="look_district", placeholderText=tr("district"))
        self.look_button = QPushButton(tr("Look up"), objectName="look_up")
        self.look_button.clicked.connect(self.look_up)
        self.look_result = QLabel(objectName="sort_code_result")
        self.look_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = QHBoxLayout()
        for w in (self.look_province, self.look_city, self.look_district, self.look_button):
            where.addWidget(w)
        form = QFormLayout(page)
        form.addRow(tr("Carrier"), self.sort_carrier)
        form.addRow(tr("Table (CSV: province, city, district, code)"), self.import_sort_button)
        form.addRow(tr("Destination"), where)
        form.addRow(tr("Sort code"), self.look_result)
        return page

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        with read_only(self.ctx.sessions) as s:
            self.carrier_views = carriers.carriers(s)
            pools = {p.carrier: p for p in carriers.pool_status(s)}
            cutoffs = carriers.cutoffs(s)
            self.rule_views = carriers.rules(s)
            houses = masterdata.warehouses(s)
        rows = []
        for c in self.carrier_views:
            p = pools.get(c.code)
            low = p is not None and p.low
            state = (tr("inactive") if not c.active else tr("low: order numbers from the carrier") if low
                     else tr("enough"))
            free, issued, void = (p.free, p.issued, p.void) if p else (0, 0, 0)
            rows.append([c.code, c.name, "、".join(c.services), str(free), str(issued), str(void), state])
        _fill(self.carrier_table, rows)
        for r, c in enumerate(self.carrier_views):
            p = pools.get(c.code)
            if p is not None and p.low:
                self.carrier_table.item(r, 6).setForeground(QColor("#c62828"))
        active = [c for c in self.carrier_views if c.active]
        for combo in self._carrier_combos:
            chosen = combo.currentData()
            combo.clear()
            for c in active:
                combo.addItem(f"{c.code} {c.name}", c.code)
            if chosen is not None and combo.findData(chosen) >= 0:
                combo.setCurrentIndex(combo.findData(chosen))
        chosen = self.cutoff_warehouse.currentData()
        self.cutoff_warehouse.clear()
        for w in houses:
            self.cutoff_warehouse.addItem(f"{w.code} {w.name}", w.code)
        if chosen is not None and self.cutoff_warehouse.findData(chosen) >= 0:
            self.cutoff_warehouse.setCurrentIndex(self.cutoff_warehouse.findData(chosen))
        self.save_cutoff_button.setEnabled(bool(houses))
        _fill(self.cutoff_table, [[c.warehouse, c.carrier, c.cutoff, " ".join(c.pickups)] for c in cutoffs])
        _fill(self.rule_table, [self._rule_cells(r) for r in self.rule_views])
        known = sorted({s for c in self.carrier_views for s in c.services})
        self.service.setCompleter(QCompleter(known, self))  # the services rules already name

    def _rule_cells(self, r: carriers.RuleView) -> list[str]:
        channel = dict(CHANNELS).get(r.channel, r.channel) if r.channel else "Any shop"
        low, high = r.min_weight_g, r.max_weight_g
        weight = (tr("any") if low is None and high is None else f"≤ {high}" if low is None
                  else f"≥ {low}" if high is None else f"{low}–{high}")
        cod = tr(dict(COD_CHOICES)[r.cod])
        return [str(r.position), tr(channel), r.province or tr("any"), weight, cod, r.carrier, r.service]

    def _show_carrier(self, row: int) -> None:
        if not 0 <= row < len(self.carrier_views):
            return
        c = self.carrier_views[row]
        self.code.setText(c.code)
        self.name.setText(c.name)
        self.low_water.setValue(c.low_water)
        self.active.setChecked(c.active)

    def chosen_carrier(self) -> str:
        row = self.carrier_table.currentRow()
        return self.carrier_views[row].code if 0 <= row < len(self.carrier_views) else self.code.text()

    # -- actions -------------------------------------------------------------------------------
    def _run(self, action: Callable[[Session], object], done: str) -> bool:
        """One unit of work; its refusal is the one line under the tab, and nothing is kept."""
        try:
            with unit_of_work(self.ctx.sessions) as s:
                result = action(s)
        except DomainError as exc:
            self.notice.refused(exc)
            return False
        self.refresh()
        self.notice.ok(done.format(result=result) if result is not None else done)
        self.changed.emit()
        return True

    def save_carrier(self) -> bool:
        code = self.code.text().strip().upper()
        return self._run(lambda s: carriers.save_carrier(s, self.ctx.user, code, self.name.text(),
                                                         self.low_water.value(), self.active.isChecked()),
                         tr("Carrier {code} saved.").format(code=code))

    def void(self) -> bool:
        number, carrier = self.void_number.text().strip().upper(), self.chosen_carrier()
        reason = self.void_reason.text()
        now = self.ctx.clock()
        if self._run(lambda s: carriers.void_number(s, self.ctx.user, carrier, number, reason, now),
                     tr("{number} voided; it will never be used.").format(number=number)):
            self.void_number.clear()
            self.void_reason.clear()
            return True
        return False

    def save_cutoff(self) -> bool:
        house, carrier = self.cutoff_warehouse.currentData(), self.cutoff_carrier.currentData()
        time, slots = self.cutoff_time.text().strip(), self.pickups.text()
        return self._run(lambda s: carriers.set_cutoff(s, self.ctx.user, house, carrier, time, slots),
                         tr("{carrier} at {warehouse}: cut-off {time}.").format(
                             carrier=carrier, warehouse=house, time=time))

    def add_rule(self) -> bool:
        try:
            low = _grams(self.min_weight, "Lightest order weight {value!r}: whole grams, or empty for any.")
            high = _grams(self.max_weight, "Heaviest order weight {value!r}: whole grams, or empty for any.")
        except DomainError as exc:
            self.notice.refused(exc)
            return False
        carrier = self.rule_carrier.currentData() or ""
        return self._run(lambda s: carriers.save_rule(
            s, self.ctx.user, carrier, self.service.text(), position=self.position.value(),
            channel=self.channel.currentData(), province=self.province.text(), min_weight_g=low,
            max_weight_g=high, cod=self.cod.currentData()), tr("Rule added."))

    def delete_rule(self) -> bool:
        row = self.rule_table.currentRow()
        if not 0 <= row < len(self.rule_views):
            self.notice.refused(DomainError("Choose a rule in the list first."))
            return False
        rule = self.rule_views[row].id
        return self._run(lambda s: carriers.delete_rule(s, self.ctx.user, rule), tr("Rule deleted."))

    def _choose(self, then: Callable[[Path], None]) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Choose the carrier's file"), "",
                                              tr("Text and CSV files (*.txt *.csv);;All files (*)"))
        if name:
            then(Path(name))

    def _import(self, path: Path, importer: Callable[[Session, str, str], object],
                done: Callable[[Any], None]) -> None:
        """Import the file off the GUI thread; ``done(report)`` words the outcome, ``imported`` follows."""
        for button in (self.import_pool_button, self.import_sort_button):
            button.setEnabled(False)
        self.notice.setText(tr("Importing {name}…").format(name=path.name))
        self._job, self._job_done = ImportJob(self.ctx, path, importer, self), done
        self._job.outcome.connect(self._imported)  # a method of this widget: queued to the GUI thread
        self._job.start()

    def _imported(self, report: Any, exc: DomainError | None) -> None:
        self._job.wait()  # run() returns right after it emitted
        for button in (self.import_pool_button, self.import_sort_button):
            button.setEnabled(True)
        if exc is not None:
            self.report.hide()
            self.notice.refused(exc)
            self.imported.emit(None)
            return
        self.refresh()
        self._job_done(report)
        line = tr("line {line}: {why}")
        self.report.setPlainText("\n".join(line.format(line=e.line, why=error_text(e.error))
                                           for e in report.problems))
        self.report.setVisible(bool(report.problems))
        self.changed.emit()
        self.imported.emit(report)

    def import_pool_file(self, path: Path) -> None:
        """The carrier's waybill numbers (one number or START-END range a line) into its pool."""
        carrier, user, now = self.chosen_carrier(), self.ctx.user, self.ctx.clock()
        self._import(path, lambda s, text, name: carriers.import_pool(s, user, carrier, text, name, now),
                     self._pool_imported)

    def _pool_imported(self, r: carriers.PoolImport) -> None:
        self.notice.ok(tr("{carrier}: {added} numbers added, {already} already in the pool, {refused} lines "
                          "refused.").format(carrier=r.carrier, added=r.added, already=r.already,
                                             refused=len(r.problems)))

    def import_sort_codes_file(self, path: Path) -> None:
        """The carrier's sort-code table (CSV province, city, district, code)."""
        carrier, user = self.sort_carrier.currentData() or "", self.ctx.user
        self._import(path, lambda s, text, _name: carriers.import_sort_codes(s, user, carrier, text),
                     self._sort_codes_imported)

    def _sort_codes_imported(self, r: carriers.SortCodeImport) -> None:
        self.notice.ok(tr("{carrier}: {added} sort codes added, {changed} changed, {refused} lines refused.")
                       .format(carrier=r.carrier, added=r.added, changed=r.changed, refused=len(r.problems)))

    def look_up(self) -> str:
        carrier = self.sort_carrier.currentData() or ""
        with read_only(self.ctx.sessions) as s:
            code = carriers.sort_code(s, carrier, self.look_province.text().strip(),
                                      self.look_city.text().strip(), self.look_district.text().strip())
        self.look_result.setText(code or tr("none: the label prints without a sort code"))
        self.look_result.setStyleSheet("font-size: 18pt; font-weight: bold;" if code else "color: #8a5300;")
        return code
