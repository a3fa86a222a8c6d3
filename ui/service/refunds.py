"""The supervisor's list of refunds waiting for approval (above ``service.refund_approval_limit``):
oldest first, approve or decline with a reason; each decision is audited and noted in the
customer's history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
from app.services import customer_actions
from app.services.customer_actions import PendingRefund
from ui.service.customer import ActionDialog
from ui.station.feedback import error_text


class PendingRefundsWidget(QWidget):
    status_message = Signal(str)
    open_customer = Signal(int)
    count_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("pending_refunds")
        self.rows: list[PendingRefund] = []
        self.dialog: ActionDialog | None = None
        self.summary = QLabel(objectName="refunds_summary")
        self.table = QTableWidget(0, 7, objectName="refunds")
        self.table.setHorizontalHeaderLabels([
            self.tr("Asked"), self.tr("Customer"), self.tr("Order"), self.tr("Amount"),
            self.tr("Reason"), self.tr("Asked by"), self.tr("Ticket"),
        ])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(1, 120)
        self.table.setColumnWidth(2, 130)
        self.table.setColumnWidth(4, 260)
        self.table.cellDoubleClicked.connect(self._open_customer)
        self.approve_button = QPushButton(self.tr("Approve"), objectName="approve")
        self.approve_button.clicked.connect(self.approve)
        self.decline_button = QPushButton(self.tr("Decline…"), objectName="decline")
        self.decline_button.clicked.connect(self.decline)
        refresh = QPushButton(self.tr("Refresh"), objectName="refresh")
        refresh.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(refresh)
        row.addWidget(self.decline_button)
        row.addWidget(self.approve_button)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        try:
            with read_only(self.ctx.sessions) as s:
                self.rows = customer_actions.pending_refunds(s, self.ctx.user)
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = [f"{r.requested_at.astimezone():%Y-%m-%d %H:%M}", r.customer, r.order_number,
                     f"¥{r.amount:,.2f}", r.reason, r.requested_by, r.ticket]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        if self.rows:
            self.table.selectRow(0)
        total = sum(r.amount for r in self.rows)
        self.summary.setText(
            self.tr("{n} refunds waiting for approval, ¥{total} in all; the oldest is on top.").format(
                n=len(self.rows), total=f"{total:,.2f}")
            if self.rows else self.tr("No refund is waiting for approval.")
        )
        for button in (self.approve_button, self.decline_button):
            button.setEnabled(bool(self.rows))
        self.count_changed.emit(len(self.rows))

    def selected(self) -> PendingRefund | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _decide(self, refund: PendingRefund, approve: bool, note: str = "") -> None:
        with unit_of_work(self.ctx.sessions) as s:
            customer_actions.decide_refund(s, self.ctx.user, refund.id, approve=approve, now=self.ctx.clock(),
                                           note=note, station=self.ctx.station)

    def approve(self) -> bool:
        refund = self.selected()
        if refund is None:
            return False
        try:
            self._decide(refund, True)
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            self.refresh()
            return False
        self.status_message.emit(self.tr("Refund of ¥{amount} on {order} approved.").format(
            amount=refund.amount, order=refund.order_number))
        self.refresh()
        return True

    def decline(self) -> ActionDialog | None:
        refund = self.selected()
        if refund is None:
            return None

        def act(d: ActionDialog) -> str:
            self._decide(refund, False, d.value("reason"))
            return self.tr("Refund of ¥{amount} on {order} declined.").format(
                amount=refund.amount, order=refund.order_number)

        dialog = ActionDialog(self.tr("Decline the refund of ¥{amount} for {name}").format(
            amount=refund.amount, name=refund.customer), act, self)
        dialog.add("reason", self.tr("Why (the agent sees it)"), QLineEdit())
        dialog.accepted.connect(lambda: (self.status_message.emit(dialog.outcome), self.refresh()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_customer(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_customer.emit(self.rows[row].customer_id)
