"""The dashboard's customer satisfaction: the average score of the surveys answered in the range,
and the answers per agent, queue and week (share of 4-5 scores beside each average)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only
from app.services import service_stats
from app.services.service_stats import Csat, CsatRow
from ui.service.names import queue_names


def score_colour(average: float) -> str:
    return "#2e7d32" if average >= 4 else "#e65100" if average >= 3 else "#c62828"


class CsatPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("csat_panel")
        self.board: Csat | None = None
        self.queue_names = queue_names()
        self.headline = QLabel(objectName="csat_headline")
        font = self.headline.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.headline.setFont(font)
        self.tables: dict[str, QTableWidget] = {}
        row = QHBoxLayout()
        titles = (("agent", self.tr("Agent")), ("queue", self.tr("Queue")), ("week", self.tr("Week of")))
        for key, title in titles:
            table = QTableWidget(0, 4, objectName=f"csat_{key}")
            table.setHorizontalHeaderLabels([title, self.tr("Answers"), self.tr("Average"), self.tr("4-5")])
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            # the figures take what they need, the names the rest: no sideways scrolling
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self.tables[key] = table
            row.addWidget(table)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.headline)
        box.addLayout(row)

    def show_range(self, start: dt.date, end: dt.date) -> None:
        with read_only(self.ctx.sessions) as s:
            board = service_stats.csat(s, start, end)
        self.board = board
        if board.average is None:
            self.headline.setText(self.tr("Satisfaction: no survey answered in this range"))
            self.headline.setStyleSheet("color: #546e7a;")
        else:
            self.headline.setText(self.tr("Satisfaction {avg:.1f} / 5 from {n} answers").format(
                avg=board.average, n=board.answers))
            self.headline.setStyleSheet(f"color: {score_colour(board.average)};")
        self._fill("agent", board.by_agent, lambda k: k or self.tr("nobody"))
        self._fill("queue", board.by_queue, lambda k: self.queue_names.get(k, k))
        self._fill("week", board.by_week, lambda k: k)

    def _fill(self, key: str, rows: list[CsatRow], name: object) -> None:
        table = self.tables[key]
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [name(r.key), str(r.answers), f"{r.average:.1f}", f"{r.satisfied:.0%}"]  # type: ignore[operator]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setForeground(QColor(score_colour(r.average)))
                table.setItem(i, col, item)
