"""Station statistics: today's parcels per station and packer, and each packer's and picker's
productivity per day and station (orders and lines per hour worked, idle gaps over 5 minutes left
out; refused scans, weight failures and short picks as rates), a chart of lines per hour and CSV."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only
from app.services.station_stats import Productivity, productivity, stats, to_csv
from app.timezone import fmt, start_of_day


class StatsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("stats_view")
        self.people: list[Productivity] = []
        self.title = QLabel(objectName="title")
        self.table = QTableWidget(0, 6, objectName="stats")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.work = QTableWidget(0, 9, objectName="productivity")
        self.work.verticalHeader().hide()
        self.work.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.work.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.work.itemSelectionChanged.connect(self._chart_selected)
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart_view = QChartView(self.chart, objectName="chart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.refresh_button = QPushButton(objectName="refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.csv_button = QPushButton(objectName="csv")
        self.csv_button.clicked.connect(self.export_csv)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.refresh_button)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.table, 1)
        box.addWidget(self.work, 1)
        box.addWidget(self.chart_view, 1)
        box.addLayout(buttons)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Station"),
                self.tr("Packer"),
                self.tr("Parcels"),
                self.tr("Parcels / hour"),
                self.tr("Errors caught"),
                self.tr("Overrides"),
            ]
        )
        self.work.setHorizontalHeaderLabels(
            [
                self.tr("Day"),
                self.tr("Station"),
                self.tr("Who"),
                self.tr("Hours worked"),
                self.tr("Orders / hour"),
                self.tr("Lines / hour"),
                self.tr("Refused scans / 100 items"),
                self.tr("Weight failures / 100 parcels"),
                self.tr("Short picks / 100 lines"),
            ]
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self._chart_selected()

    def refresh(self) -> None:
        now = self.ctx.clock()
        since = start_of_day(now)
        with read_only(self.ctx.sessions) as s:
            rows = stats(s, since, now)
            self.people = productivity(s, since, now)
        self.title.setText(
            self.tr("Today since {time} ({n} parcels)").format(
                time=fmt(since, "time"), n=sum(r.parcels for r in rows)
            )
        )
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(
                (
                    row.station,
                    row.packer,
                    str(row.parcels),
                    f"{row.per_hour:.1f}",
                    str(row.errors_caught),
                    str(row.overrides),
                )
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.work.setRowCount(len(self.people))
        for r, p in enumerate(self.people):
            cells = (
                p.day.isoformat(),
                p.station,
                p.user,
                f"{p.active_h:.2f}",
                f"{p.orders_per_hour:.1f}",
                f"{p.lines_per_hour:.1f}",
                f"{p.refused_per_100_items:.1f}" if p.role == "pack" else "—",
                f"{p.weight_failures_per_100_parcels:.1f}" if p.role == "pack" else "—",
                f"{p.shorts_per_100_lines:.1f}" if p.role == "pick" else "—",
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.work.setItem(r, c, item)
        self.work.resizeColumnsToContents()
        if self.people:
            self.work.selectRow(0)
        self._chart_selected()

    def _chart_selected(self) -> None:
        """Lines done per hour of the day by the selected person."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        row = self.work.currentRow()
        if not 0 <= row < len(self.people):
            self.chart.setTitle(self.tr("Select a person to chart their lines per hour"))
            return
        p = self.people[row]
        self.chart.setTitle(
            self.tr("{who} · {station}: lines per hour").format(who=p.user, station=p.station)
        )
        hours = dict(p.by_hour)
        span = range(min(hours), max(hours) + 1) if hours else range(0)
        bars = QBarSet(self.tr("Lines"))
        bars.append([hours.get(h, 0) for h in span])
        series = QBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([f"{h:02d}:00" for h in span])
        y = QValueAxis()
        y.setLabelFormat("%d")
        y.setRange(0, max([*hours.values(), 1]))
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def export_csv(self, path: str | None = None) -> Path | None:
        """Today's productivity as CSV (0600: it names people and how fast they work)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export statistics"),
                f"station-stats-{fmt(self.ctx.clock(), 'date')}.csv",
                "CSV (*.csv)",
            )
            if not path:
                return None
        out = Path(path)
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(to_csv(self.people))
        return out
