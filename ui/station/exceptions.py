"""Exception queue for supervisors: open problems from the floor, resolved with an action and a note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
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
from app.services.exceptions import Action
from ui.station.feedback import error_text


class ExceptionsView(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("exceptions_view")
        self.table = QTableWidget(0, 5, objectName="exceptions")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.action = QComboBox(objectName="action")
        self.note = QLineEdit(objectName="note")
        self.resolve_button = QPushButton(objectName="resolve")
        self.resolve_button.setMinimumHeight(40)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.refresh_button = QPushButton(objectName="refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.message = QLabel(objectName="message")
        row = QHBoxLayout()
        row.addWidget(self.action)
        row.addWidget(self.note, 1)
        row.addWidget(self.resolve_button)
        row.addWidget(self.refresh_button)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addLayout(row)
        box.addWidget(self.message)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Raised"), self.tr("Kind"), self.tr("Order"), self.tr("Station"), self.tr("Detail")]
        )
        self.action.clear()
        for action, text in self._actions().items():
            self.action.addItem(text, action)
        self.note.setPlaceholderText(self.tr("What was done"))
        self.resolve_button.setText(self.tr("Resolve"))
        self.refresh_button.setText(self.tr("Refresh"))

    def _actions(self) -> dict[Action, str]:
        return {
            Action.FIXED: self.tr("Fixed on the floor"),
            Action.RESTOCKED: self.tr("Item back to its bin"),
            Action.RECOUNTED: self.tr("Bin recounted, stock corrected"),
            Action.WRITTEN_OFF: self.tr("Damaged: written off"),
            Action.NO_ACTION: self.tr("False alarm"),
        }

    def _kind(self, kind: str) -> str:
        return {
            "short_pick": self.tr("short pick"),
            "wrong_item": self.tr("wrong item"),
            "weight_mismatch": self.tr("weight mismatch"),
            "damaged": self.tr("damaged"),
            "verify_failed": self.tr("verify failed"),
        }.get(kind, kind)

    def refresh(self) -> None:
        with read_only(self.ctx.sessions) as s:
            rows = exceptions.open_exceptions(s)
        self.table.setRowCount(len(rows))
        for r, e in enumerate(rows):
            cells = [
                e.created_at.astimezone().strftime("%m-%d %H:%M"),
                self._kind(e.kind.value),
                e.order_number,
                e.station,
                e.detail,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(256, e.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.message.setText(self.tr("{n} open exception(s)").format(n=len(rows)))

    def resolve_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.message.setText(self.tr("Select an exception first"))
            return
        try:
            with unit_of_work(self.ctx.sessions) as s:
                exceptions.resolve(
                    s,
                    self.ctx.user,
                    int(self.table.item(row, 0).data(256)),
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
