"""The SLA calendar a supervisor keeps: each queue's business hours, and per year the public
holidays and make-up working days (调休) on a month calendar; a drafted year says so until it is
confirmed against the State Council's notice; a year's list is imported from a CSV file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import business_hours
from app.services.business_hours import parse_hours
from ui.service.names import queue_names
from ui.station.feedback import error_text

HOLIDAY, WORKDAY = "#c62828", "#1565c0"


def _parts(text: str) -> list[str]:
    return [x.strip() for x in text.replace("，", ",").split(",") if x.strip()]


class SlaCalendarWidget(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sla_calendar")
        self.queue_names = queue_names()
        self.queue_keys = {name: key for key, name in self.queue_names.items()}
        today = ctx.clock().date()
        coming = today.year + (today.month >= 11)  # the State Council publishes next year's list in November
        self.year = QSpinBox(objectName="year", minimum=2020, maximum=2100, value=coming)
        self.year.valueChanged.connect(self.refresh)
        self.state = QLabel(objectName="year_state")
        self.state.setWordWrap(True)
        self.confirm = QPushButton(self.tr("Confirm this year"), objectName="confirm_year")
        self.confirm.clicked.connect(self.confirm_year)
        importer = QPushButton(self.tr("Import CSV…"), objectName="import_calendar")
        importer.clicked.connect(lambda: self.import_file())
        # month and day names in the UI's language (the translation names the locale)
        self.locale = QLocale(self.tr("en_US", "the locale of month and weekday names"))
        self.calendar = QCalendarWidget(objectName="month")
        self.calendar.setLocale(self.locale)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.days = QListWidget(objectName="days")
        self.days.itemClicked.connect(self._jump)
        self.hours = QTableWidget(0, 4, objectName="hours")
        self.hours.setHorizontalHeaderLabels(
            [self.tr("Queue"), self.tr("Shifts"), self.tr("Weekdays"), self.tr("Holidays off")]
        )
        self.hours.horizontalHeader().setStretchLastSection(True)
        self.hours.verticalHeader().setVisible(False)
        self.hours.setColumnWidth(1, 200)
        save = QPushButton(self.tr("Save hours"), objectName="save_hours")
        save.clicked.connect(self.save_hours)
        add = QPushButton(self.tr("Add queue"), objectName="add_queue")
        add.clicked.connect(lambda: self._hours_row("", business_hours.Hours(
            ((dt.time(9), dt.time(21)),), frozenset(range(1, 6)), True)))
        legend = QLabel(
            f"<span style='color:{HOLIDAY}'>■</span> " + self.tr("holiday") + "   "
            f"<span style='color:{WORKDAY}'>■</span> " + self.tr("make-up working day (调休)")
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.state, 1)
        top.addWidget(self.confirm)
        top.addWidget(importer)
        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.calendar, 1)
        left.addWidget(legend)
        middle.addLayout(left, 3)
        middle.addWidget(self.days, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Business hours per queue ('*': every other queue; none: round the "
                                         "clock). Shifts like 09:00-12:00, 13:00-21:00; weekdays 1-7.")), 1)
        buttons.addWidget(add)
        buttons.addWidget(save)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(middle, 3)
        box.addLayout(buttons)
        box.addWidget(self.hours, 2)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.value()
        with read_only(self.ctx.sessions) as s:
            days = business_hours.days_of(s, year)
            years = business_hours.years(s)
            calendar = business_hours.load(s)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear the last year's marks
        self.days.clear()
        for d in days:
            mark = QTextCharFormat()
            mark.setForeground(QColor("white"))
            mark.setBackground(QColor(HOLIDAY if d.kind == "holiday" else WORKDAY))
            self.calendar.setDateTextFormat(QDate(d.day), mark)
            kind = self.tr("holiday") if d.kind == "holiday" else self.tr("working day")
            draft = "" if d.confirmed else self.tr(" (draft)")
            item = QListWidgetItem(f"{d.day:%m-%d} {self._weekday(d.day)}  {d.name or kind}{draft}")
            item.setForeground(QColor(HOLIDAY if d.kind == "holiday" else WORKDAY))
            item.setData(Qt.ItemDataRole.UserRole, d.day)
            self.days.addItem(item)
        first = next((d.day for d in days if d.kind == "holiday"), dt.date(year, 1, 1))
        self.calendar.setSelectedDate(QDate(first))
        self.calendar.setCurrentPage(year, first.month)
        if year not in years:
            missing = self.tr("No holidays entered for {year}: import the official list.")
            self.state.setText(missing.format(year=year))
            self.state.setStyleSheet(f"color: {HOLIDAY}; font-weight: bold;")
        elif not years[year]:
            self.state.setText(self.tr("{year} is a DRAFT: check it against the State Council's notice, "
                                       "then confirm it.").format(year=year))
            self.state.setStyleSheet("color: #e65100; font-weight: bold;")
        else:
            self.state.setText(self.tr("{year}: confirmed.").format(year=year))
            self.state.setStyleSheet("color: #2e7d32;")
        self.confirm.setEnabled(year in years and not years[year])
        self.hours.setRowCount(0)
        for queue, hours in sorted(calendar.hours.items()):
            self._hours_row(queue, hours)

    def _weekday(self, day: dt.date) -> str:
        return self.locale.toString(QDate(day), "ddd")

    def _hours_row(self, queue: str, hours: business_hours.Hours) -> None:
        i = self.hours.rowCount()
        self.hours.insertRow(i)
        self.hours.setItem(i, 0, QTableWidgetItem(self.queue_names.get(queue, queue)))
        self.hours.setItem(i, 1, QTableWidgetItem(hours.describe()))
        self.hours.setItem(i, 2, QTableWidgetItem(",".join(str(d) for d in sorted(hours.weekdays))))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if hours.calendar else Qt.CheckState.Unchecked)
        self.hours.setItem(i, 3, check)

    def _jump(self, item: QListWidgetItem) -> None:
        self.calendar.setSelectedDate(QDate(item.data(Qt.ItemDataRole.UserRole)))

    def save_hours(self) -> bool:
        try:
            rows = []
            for i in range(self.hours.rowCount()):
                queue = (self.hours.item(i, 0).text() if self.hours.item(i, 0) else "").strip()
                queue = self.queue_keys.get(queue, queue)  # a queue's shown name, or its key typed
                shifts = [x.strip() for x in _parts(self.hours.item(i, 1).text())]
                days = [int(x) for x in _parts(self.hours.item(i, 2).text())]
                on = self.hours.item(i, 3).checkState() == Qt.CheckState.Checked
                if queue:
                    rows.append((queue, parse_hours({"shifts": shifts, "weekdays": days, "calendar": on})))
            with unit_of_work(self.ctx.sessions) as s:
                known = set(business_hours.load(s).hours)
                for queue, hours in rows:
                    business_hours.set_hours(s, self.ctx.user, queue, hours)
                for gone in known - {q for q, _ in rows}:
                    business_hours.set_hours(s, self.ctx.user, gone, None)
        except ValueError:
            self.status_message.emit(
                self.tr("Weekdays are numbers 1 (Monday) to 7 (Sunday), separated by commas."))
            return False
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return False
        self.status_message.emit(self.tr("Business hours saved."))
        self.refresh()
        return True

    def confirm_year(self) -> None:
        try:
            with unit_of_work(self.ctx.sessions) as s:
                business_hours.confirm_year(s, self.ctx.user, self.year.value())
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return
        self.refresh()

    def import_file(self, path: Path | None = None) -> dict[int, int]:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import holidays"), str(Path.home()),
                                                  self.tr("CSV files (*.csv)"))
            if not name:
                return {}
            path = Path(name)
        try:
            with unit_of_work(self.ctx.sessions) as s:
                counts = business_hours.import_calendar(s, self.ctx.user, path)
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return {}
        self.status_message.emit(", ".join(self.tr("{year}: {n} days").format(year=y, n=n)
                                           for y, n in counts.items()))
        self.refresh()
        return counts
