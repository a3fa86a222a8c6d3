"""Exception queue for supervisors: open problems from the floor, resolved with an action and a note.
A short pick offers its own choices: ship what is there, wait for stock, or cancel the missing units.
Its texts are the station's sizes (read from a metre away); a long detail wraps, never cut."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import exceptions
from app.services.exceptions import Action, ExceptionView
from app.timezone import fmt
from ui.station.details import word_detail
from ui.station.feedback import LABEL_PX, TEXT_PX, ScaledTexts, error_text, item_name
from ui.station.pick import short_reasons


class ExceptionsView(ScaledTexts, QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("exceptions_view")
        self.table = QTableWidget(0, 5, objectName="exceptions")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)  # a long detail takes two lines, never an ellipsis
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._offer_actions)
        self.rows: list[ExceptionView] = []
        self.action = QComboBox(objectName="action")
        self.note = QLineEdit(objectName="note")
        self.resolve_button = QPushButton(objectName="resolve")
        self.resolve_button.setMinimumHeight(48)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.refresh_button = QPushButton(objectName="refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.retry_button = QPushButton(objectName="retry")
        self.retry_button.clicked.connect(self.retry_waiting)
        self.message = QLabel(objectName="message")
        self.message.setWordWrap(True)
        choice = QHBoxLayout()  # the action's long text and the note share a row; the buttons get their own
        choice.addWidget(self.action)
        choice.addWidget(self.note, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.resolve_button)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addLayout(choice)
        box.addLayout(buttons)
        self.size_texts()
        self.retranslate()
        self.refresh()

    def rescale(self, k: float) -> None:
        """The pack screen's sizes, larger on a taller screen."""
        text, label = round(TEXT_PX * k), round(LABEL_PX * k)
        self.setStyleSheet(
            f"QTableWidget#exceptions, QTableWidget#exceptions QHeaderView {{ font-size: {text}px; }}"
            "QTableWidget#exceptions QHeaderView::section { padding: 2px 8px; }"
            "QTableWidget#exceptions::item { padding: 2px 8px; }"
            f"QComboBox, QComboBox QAbstractItemView, QLineEdit, QPushButton {{ font-size: {text}px; }}"
            "QPushButton { padding: 4px 12px; }"
            f"QLabel#message {{ font-size: {label}px; }}"
        )

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Raised"), self.tr("Kind"), self.tr("Order"), self.tr("Station"), self.tr("Detail")]
        )
        self._offer_actions()
        self.note.setPlaceholderText(self.tr("What was done"))
        self.resolve_button.setText(self.tr("Resolve"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.retry_button.setText(self.tr("Look for stock again"))
        if self.rows:
            self._fill(self.selected())

    def selected(self) -> ExceptionView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _offer_actions(self) -> None:
        """The actions that fit the selected exception (a short pick has its own three)."""
        chosen = self.selected()
        fitting = chosen.actions if chosen else tuple(a for a in Action if a not in exceptions.SHORT_ACTIONS)
        self.action.clear()
        for action, text in self._actions().items():
            if action in fitting:
                self.action.addItem(text, action)

    def _actions(self) -> dict[Action, str]:
        return {
            Action.FIXED: self.tr("Fixed on the floor"),
            Action.RESTOCKED: self.tr("Item back to its bin"),
            Action.RECOUNTED: self.tr("Bin recounted, stock corrected"),
            Action.WRITTEN_OFF: self.tr("Damaged: written off"),
            Action.NO_ACTION: self.tr("False alarm"),
            Action.SHIP_AVAILABLE: self.tr("Ship what is there, back-order the rest (the customer is told)"),
            Action.WAIT: self.tr("Wait for stock"),
            Action.CANCEL_LINE: self.tr("Cancel the missing units (refund)"),
        }

    def _detail(self, e: ExceptionView) -> str:
        if e.kind.value != "short_pick" or not e.sku:
            return word_detail(e.detail, item_name(e.product, e.product_en))
        reason = short_reasons().get(e.reason, e.reason)
        text = self.tr("{sku} at {bin}: found {found} of {wanted} ({reason}); {missing} missing").format(
            sku=e.sku, bin=e.bin_code, found=e.found, wanted=e.wanted, reason=reason, missing=e.missing
        )
        return text + (self.tr(" · waiting for stock") if e.status == "waiting" else "")

    def _kind(self, kind: str) -> str:
        return {
            "short_pick": self.tr("short pick"),
            "wrong_item": self.tr("wrong item"),
            "weight_mismatch": self.tr("weight mismatch"),
            "damaged": self.tr("damaged"),
            "verify_failed": self.tr("verify failed"),
        }.get(kind, kind)

    def refresh(self) -> None:
        chosen = self.selected()
        with read_only(self.ctx.sessions) as s:
            self.rows = exceptions.open_exceptions(s)
        self._fill(chosen)

    def _fill(self, chosen: ExceptionView | None = None) -> None:
        rows = self.rows
        self.table.setRowCount(len(rows))
        for r, e in enumerate(rows):
            cells = [
                fmt(e.created_at, "short"),
                self._kind(e.kind.value),
                e.order_number,
                e.station,
                self._detail(e),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(256, e.id)
                self.table.setItem(r, c, item)
        self.message.setText(self.tr("{n} open exception(s)").format(n=len(rows)))
        keep = next((r for r, e in enumerate(rows) if chosen and e.id == chosen.id), -1)
        if keep >= 0:  # a refresh or a language change keeps the exception being resolved
            self.table.selectRow(keep)
        self._offer_actions()

    def select_order(self, number: str) -> None:
        """Select the first exception of an order (tests and the screenshot use it)."""
        for r, e in enumerate(self.rows):
            if e.order_number == number:
                self.table.selectRow(r)
                return

    def retry_waiting(self) -> None:
        try:
            with unit_of_work(self.ctx.sessions) as s:
                n = exceptions.retry_waiting(s, self.ctx.user, self.ctx.clock())
        except DomainError as exc:
            self.message.setText(error_text(exc))
            return
        self.refresh()
        self.message.setText(self.tr("{n} waiting short pick(s) found stock").format(n=n))

    def resolve_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.message.setText(self.tr("Select an exception first"))
            return
        try:
            with unit_of_work(self.ctx.sessions) as s:
                exceptions.resolve(
                    s,
                    self.ctx.user,
                    chosen.id,
                    self.action.currentData(),
                    self.note.text(),
                    station=self.ctx.station,
                    now=self.ctx.clock(),
                )
        except DomainError as exc:
            self.message.setText(error_text(exc))
            return
        self.note.clear()
        self.refresh()
        self.status_message.emit(self.tr("Exception resolved"))
