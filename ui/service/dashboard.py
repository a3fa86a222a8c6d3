"""Service dashboard: contact volume per day stacked by channel, top categories this week, first
response and resolution times (business time), SLA compliance, customer satisfaction per agent,
queue and week, the answer bot per week (answered, contained, accuracy), for a date range; CSV
export (audited)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import answer_bot, service_stats
from app.services.service_stats import Dashboard
from ui.service.csat_panel import CsatPanel
from ui.service.names import category_names, channel_names
from ui.station.feedback import error_text

CHANNEL_COLOURS = {"phone": "#1565c0", "chat": "#2e7d32", "email": "#f9a825", "social": "#6a1b9a"}


class DashboardWidget(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("service_dashboard")
        self.board: Dashboard | None = None
        self.channel_names = channel_names()
        self.category_names = category_names()
        today = ctx.clock().astimezone().date()
        self.start = QDateEdit(QDate(today - dt.timedelta(days=13)), objectName="start", calendarPopup=True)
        self.end = QDateEdit(QDate(today), objectName="end", calendarPopup=True)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.refresh)
        export = QPushButton(self.tr("Export CSV…"), objectName="export")
        export.clicked.connect(self.export)
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        for i, (key, title) in enumerate(
            (
                ("tickets", self.tr("Tickets")),
                ("first", self.tr("First response, business time (median / p90)")),
                ("resolution", self.tr("Resolution, business time (median / p90)")),
                ("sla_first", self.tr("First response within SLA")),
                ("sla_resolution", self.tr("Resolved within SLA")),
            )
        ):
            name = QLabel(title)
            name.setStyleSheet("color: #546e7a;")
            value = QLabel(objectName=f"figure_{key}")
            font = value.font()
            font.setPointSize(font.pointSize() + 6)
            font.setBold(True)
            value.setFont(font)
            self.figures[key] = value
            grid.addWidget(name, 0, i)
            grid.addWidget(value, 1, i)
        self.volume_view = QChartView(objectName="volume_chart")
        self.category_view = QChartView(objectName="category_chart")
        for view in (self.volume_view, self.category_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("From")))
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.end)
        top.addStretch(1)
        top.addWidget(export)
        charts = QHBoxLayout()
        charts.addWidget(self.volume_view, 3)
        charts.addWidget(self.category_view, 2)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(grid)
        box.addLayout(charts, 1)
        self.csat = CsatPanel(ctx)
        self.bot = BotPanel(ctx)
        bottom = QHBoxLayout()
        bottom.addWidget(self.csat, 3)
        bottom.addWidget(self.bot, 2)
        box.addLayout(bottom)
        self.refresh()

    def refresh(self) -> None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        try:
            with read_only(self.ctx.sessions) as s:
                board = service_stats.dashboard(s, start, end, self.ctx.clock())
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return
        self.board = board
        self._figures(board)
        self.volume_view.setChart(self._volume_chart(board))
        self.category_view.setChart(self._category_chart(board))
        self.csat.show_range(start, end)
        self.bot.show_range(start, end)

    def _figures(self, b: Dashboard) -> None:
        def pair(p: tuple[float, float] | None, unit: str) -> str:
            return f"{p[0]:.0f} / {p[1]:.0f} {unit}" if p else "—"

        def share(x: float | None) -> str:
            return f"{x:.0%}" if x is not None else "—"

        self.figures["tickets"].setText(str(b.tickets))
        self.figures["first"].setText(pair(b.first_response_min, self.tr("min")))
        self.figures["resolution"].setText(pair(b.resolution_h, self.tr("h")))
        self.figures["sla_first"].setText(share(b.first_response_met))
        self.figures["sla_resolution"].setText(share(b.resolution_met))
        for key, value in (("sla_first", b.first_response_met), ("sla_resolution", b.resolution_met)):
            colour = "#2e7d32" if value is not None and value >= 0.9 else "#c62828"
            self.figures[key].setStyleSheet(f"color: {colour};")

    def _volume_chart(self, b: Dashboard) -> QChart:
        chart = QChart()
        chart.setTitle(self.tr("Contacts per day by channel"))
        series = QStackedBarSeries()
        for channel in service_stats.CHANNELS:
            bar = QBarSet(self.channel_names[channel])
            bar.setColor(QColor(CHANNEL_COLOURS[channel]))
            bar.append([counts.get(channel, 0) for counts in b.volume.values()])
            series.append(bar)
        chart.addSeries(series)
        days = QBarCategoryAxis()
        days.append([d.strftime("%m-%d") for d in b.volume])
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(days)
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        peak = max((sum(c.values()) for c in b.volume.values()), default=0)
        counts.setRange(0, max(1, peak))
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(counts)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _category_chart(self, b: Dashboard) -> QChart:
        chart = QChart()
        chart.setTitle(self.tr("Top categories, last 7 days"))
        series = QHorizontalBarSeries()
        bar = QBarSet(self.tr("Tickets"))
        bar.setColor(QColor("#c62828"))
        top = list(reversed(b.top_categories))  # the largest on top
        bar.append([n for _c, n in top])
        series.append(bar)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([self.category_names.get(c, c) for c, _n in top] or ["—"])
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setRange(0, max([1, *(n for _c, n in top)]))
        chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(counts)
        chart.legend().setVisible(False)
        return chart

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), "service-dashboard.csv", "CSV (*.csv)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> bool:
        if self.board is None:
            return False
        try:
            with unit_of_work(self.ctx.sessions) as s:
                service_stats.export_csv(s, self.ctx.user, self.board, path)
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return False
        self.status_message.emit(self.tr("Exported to {path} (recorded in the audit log).").format(path=path))
        return True


class BotPanel(QWidget):
    """The answer bot per week: the share of customer messages it answered, the share of its
    answers the customer did not reopen within 72 hours, and its accuracy on what agents labelled."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bot_panel")
        self.weeks: list[answer_bot.BotWeek] = []
        self.headline = QLabel(objectName="bot_headline")
        font = self.headline.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.headline.setFont(font)
        self.table = QTableWidget(0, 5, objectName="bot_weeks")
        self.table.setHorizontalHeaderLabels([
            self.tr("Week of"), self.tr("Messages"), self.tr("Bot answered"), self.tr("Contained 72 h"),
            self.tr("Intent accuracy"),
        ])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.headline)
        box.addWidget(self.table)

    def show_range(self, start: dt.date, end: dt.date) -> None:
        with read_only(self.ctx.sessions) as s:
            self.weeks = answer_bot.weekly(s, start, end, self.ctx.clock())
        messages = sum(w.messages for w in self.weeks)
        answered = sum(w.answered for w in self.weeks)
        self.headline.setText(
            self.tr("Answer bot: {answered} of {messages} customer messages answered").format(
                answered=answered, messages=messages)
            if messages else self.tr("Answer bot: no customer message in this range"))

        def share(part: int, whole: int) -> str:
            return f"{part / whole:.0%} ({part}/{whole})" if whole else "—"

        self.table.setRowCount(len(self.weeks))
        for i, w in enumerate(self.weeks):
            cells = (w.week.isoformat(), str(w.messages), share(w.answered, w.messages),
                     share(w.contained, w.judged), share(w.agreed, w.labelled))
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
