"""What every stock screen shares: the verdict banner, running one user action as one unit of work
(a refusal shown on the banner, nothing half done), the refusal of an unreadable scan, and the
station screens' text sizes (a desk or PDA in the warehouse is read from a metre away too)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget
from sqlalchemy.orm import Session

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import masterdata
from devices.scanner.scan import Scan, ScanKind
from ui.station.feedback import HEADING_PX, LABEL_PX, TEXT_PX, Banner, ScaledTexts, error_text

T = TypeVar("T")


class StockScreen(ScaledTexts, QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert ctx.user is not None
        self.ctx = ctx
        self.banner = Banner(self, pixel_size=HEADING_PX)
        self.warehouse = QComboBox(objectName="warehouse")  # bin codes repeat across warehouses
        self.size_texts()

    def rescale(self, k: float) -> None:
        """The pack screen's sizes, larger on a taller screen (a label's own size stays)."""
        text, label = round(TEXT_PX * k), round(LABEL_PX * k)
        self.setStyleSheet(
            f"QTableWidget, QHeaderView {{ font-size: {text}px; }}"
            "QHeaderView::section { padding: 2px 8px; } QTableWidget::item { padding: 2px 6px; }"
            f"QComboBox, QComboBox QAbstractItemView, QLineEdit, QSpinBox, QPushButton, QRadioButton "
            f"{{ font-size: {text}px; }}"
            "QPushButton { padding: 4px 12px; }"
            f"QRadioButton::indicator {{ width: {label}px; height: {label}px; }}"
            f"QLabel {{ font-size: {label}px; }}"
        )

    def fill_warehouses(self) -> None:
        """The site's warehouses to choose from, the choice kept (the first when there is one)."""
        houses = self.act(masterdata.warehouses, writes=False) or []
        chosen = self.warehouse.currentData()
        self.warehouse.clear()
        if len(houses) != 1:
            self.warehouse.addItem(QCoreApplication.translate("StockScreen", "Any warehouse"), "")
        for w in houses:
            self.warehouse.addItem(f"{w.code} {w.name}", w.code)
        self.warehouse.setCurrentIndex(max(0, self.warehouse.findData(chosen)))

    @property
    def house(self) -> str | None:
        return self.warehouse.currentData() or None

    def act(self, work: Callable[[Session], T], *, writes: bool = True) -> T | None:
        """The result of ``work`` in one transaction, or None with the refusal on the banner."""
        try:
            with (unit_of_work if writes else read_only)(self.ctx.sessions) as s:
                return work(s)
        except DomainError as exc:
            self.banner.show_text(error_text(exc), "error", sound=True)
            return None

    def unreadable(self, scan: Scan) -> bool:
        if scan.kind is not ScanKind.ERROR:
            return False
        self.banner.show_text(QCoreApplication.translate("StockScreen", "Unreadable scan {code}: scan again")
                              .format(code=scan.raw), "error", sound=True)
        return True


class StockTable(QTableWidget):
    """A read-only list whose product names column takes the room left and wraps a long name; on a
    PDA-narrow screen the names give way to the figures (the scanned product is named above it)."""

    NARROW_PX = 560

    def __init__(self, columns: int, name: str, names_column: int) -> None:
        super().__init__(0, columns, objectName=name)
        self.names_column = names_column
        self._headers: list[tuple[str, str]] = []  # (full, narrow) words of each column's header
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.horizontalHeader()
        for col in range(columns):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(names_column, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def set_headers(self, headers: list[tuple[str, str]]) -> None:
        """Each column's header as (full, narrow) words: a PDA shows the narrow ones, whose full
        words stay in the tooltip (a figure column is as wide as its header there)."""
        self._headers = headers
        self._show_headers(self.width() < self.NARROW_PX)

    def _show_headers(self, narrow: bool) -> None:
        for col, (full, short) in enumerate(self._headers):
            item = QTableWidgetItem(short if narrow else full)
            item.setToolTip(full)
            self.setHorizontalHeaderItem(col, item)

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < self.NARROW_PX
        self.setColumnHidden(self.names_column, narrow)
        self._show_headers(narrow)
        last = QHeaderView.ResizeMode.Stretch if narrow else QHeaderView.ResizeMode.ResizeToContents
        self.horizontalHeader().setSectionResizeMode(self.columnCount() - 1, last)  # it wraps instead
        super().resizeEvent(event)


def product_code(scan: Scan) -> str:
    """What a product scan names: its GTIN when it carries one (as the 13 digits printed under an
    EAN-13, not the padded GTIN-14 the parser gives), else the code as read."""
    code = scan.gtin or scan.value
    return code[1:] if len(code) == 14 and code.startswith("0") else code
