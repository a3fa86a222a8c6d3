"""The stock screens a role may use, as tabs: receiving, moves and adjustments, cycle counts and,
for supervisors, the approval list. Scans go to the screen in front."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.context import AppContext
from devices.scanner.scan import Scan


class StockMode(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert ctx.user is not None
        self.setObjectName("stock_mode")
        self.tabs = QTabWidget(objectName="stock_tabs")
        QVBoxLayout(self).addWidget(self.tabs)
        self.views: dict[str, QWidget] = {}
        user = ctx.user
        if user.may("stock.receive"):
            from ui.stock.receive import ReceiveView

            self._add("receive", ReceiveView(ctx), self.tr("Receive"))
        if user.may("stock.adjust"):
            from ui.stock.count import CountView
            from ui.stock.moves import MovesView

            self._add("moves", MovesView(ctx), self.tr("Move / adjust"))
            self._add("count", CountView(ctx), self.tr("Count"))
        if user.may("stock.approve"):
            from ui.stock.count import ApprovalsView

            self._add("approvals", ApprovalsView(ctx), self.tr("Approvals"))
        self.tabs.currentChanged.connect(self._tab_changed)

    @staticmethod
    def title() -> str:
        """The tab's name where station mode shows these screens."""
        return QCoreApplication.translate("StockMode", "Stock")

    def _add(self, name: str, view: QWidget, title: str) -> None:
        self.views[name] = view
        view.status_message.connect(self.status_message.emit)  # type: ignore[attr-defined]
        self.tabs.addTab(view, title)

    def show_view(self, name: str) -> QWidget:
        view = self.views[name]
        self.tabs.setCurrentWidget(view)
        return view

    def handle_scan(self, scan: Scan) -> None:
        handler = getattr(self.tabs.currentWidget(), "handle_scan", None)
        if handler is not None:
            handler(scan)

    def refresh(self) -> None:
        self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, _index: int) -> None:
        refresh = getattr(self.tabs.currentWidget(), "refresh", None)
        if refresh is not None:
            refresh()
