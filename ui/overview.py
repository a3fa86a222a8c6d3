"""Overview page: the order pipeline and what needs attention, read from the database on a timer
and whenever the page is shown (parcels packed at another station count without a click)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only
from app.services.overview import Overview, overview
from app.timezone import fmt


class OverviewPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, interval_ms: int = 30_000) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("overview")
        self._status_names = {
            "new": self.tr("New"), "allocated": self.tr("Allocated"),
            "backordered": self.tr("Backordered"), "held": self.tr("Held"), "in_wave": self.tr("In wave"),
            "picked": self.tr("Picked"), "packing": self.tr("Packing"), "packed": self.tr("Packed"),
            "shipped": self.tr("Shipped"), "delivered": self.tr("Delivered"),
            "cancelled": self.tr("Cancelled"), "returned": self.tr("Returned"),
        }
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        refresh = QPushButton(self.tr("Refresh"), objectName="refresh")
        refresh.clicked.connect(self.refresh)
        self.as_of = QLabel(objectName="as_of")
        heading = QLabel(self.tr("Order pipeline"))
        font = QFont(heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        heading.setFont(font)
        self.attention = QGridLayout()
        attention_heading = QLabel(self.tr("Needs attention"))
        attention_heading.setFont(font)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addLayout(self.grid)
        box.addSpacing(12)
        box.addWidget(attention_heading)
        box.addLayout(self.attention)
        box.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.as_of)
        bottom.addStretch(1)
        bottom.addWidget(refresh)
        box.addLayout(bottom)
        self.timer = QTimer(self, interval=interval_ms, timeout=self._refresh_if_shown)
        self.timer.start()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _refresh_if_shown(self) -> None:
        if self.isVisible():  # a page behind another tab is read when it is shown
            self.refresh()

    def refresh(self) -> None:
        with read_only(self.ctx.sessions) as session:
            data = overview(session, self.ctx.clock())
        self._show(data)

    def _show(self, data: Overview) -> None:
        self.as_of.setText(self.tr("As of {time}").format(time=fmt(data.as_of, "minute")))
        for layout in (self.grid, self.attention):
            while layout.count():
                item = layout.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
        for i, (status, count) in enumerate(data.orders_by_status.items()):
            tile = self._tile(status, self._status_names.get(status, status), count)
            self.grid.addWidget(tile, i // 6, i % 6)
        items = [
            ("open_tickets", self.tr("Open tickets"), data.open_tickets),
            ("packed_today", self.tr("Packed today"), data.packed_today),
            ("open_exceptions", self.tr("Open exceptions"), data.open_exceptions),
            ("failed_print_jobs", self.tr("Failed print jobs"), data.failed_print_jobs),
        ]
        for i, (key, label, count) in enumerate(items):
            self.attention.addWidget(self._tile(key, label, count), 0, i)

    def _tile(self, key: str, label: str, count: int) -> QFrame:
        tile = QFrame(objectName=f"tile_{key}")
        tile.setFrameShape(QFrame.Shape.StyledPanel)
        tile.setStyleSheet("QFrame { background: #f5f7fa; border-radius: 6px; }")
        number = QLabel(f"{count:,}", objectName="count")
        font = QFont(number.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        number.setFont(font)
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(label)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(tile)
        lay.addWidget(number)
        lay.addWidget(caption)
        return tile
