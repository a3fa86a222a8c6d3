"""Station statistics: today's parcels per hour and errors caught, per station and packer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.context import AppContext
from app.db import read_only
from app.services.station_stats import stats


class StatsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("stats_view")
        self.title = QLabel(objectName="title")
        self.table = QTableWidget(0, 6, objectName="stats")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.refresh_button = QPushButton(objectName="refresh")
        self.refresh_button.clicked.connect(self.refresh)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.table, 1)
        box.addWidget(self.refresh_button)
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
        self.refresh_button.setText(self.tr("Refresh"))

    def refresh(self) -> None:
        now = self.ctx.clock()
        local_midnight = now.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
        since = local_midnight.astimezone(dt.UTC)
        with read_only(self.ctx.sessions) as s:
            rows = stats(s, since, now)
        self.title.setText(
            self.tr("Today since {time} ({n} parcels)").format(
                time=local_midnight.strftime("%H:%M"), n=sum(r.parcels for r in rows)
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
