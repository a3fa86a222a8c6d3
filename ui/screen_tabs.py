"""Tabs of the screens a role may use (station mode, and its stock screens inside it): a scan goes
to the screen in front, and a screen brought to the front reads its data again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from devices.scanner.scan import Scan


class ScreenTabs(QWidget):
    status_message = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_mode")
        self.tabs = QTabWidget(objectName=f"{name}_tabs")
        QVBoxLayout(self).addWidget(self.tabs)
        self.views: dict[str, QWidget] = {}

    def _add(self, name: str, view: QWidget, title: str) -> None:
        self.views[name] = view
        if hasattr(view, "status_message"):
            view.status_message.connect(self.status_message.emit)
        self.tabs.addTab(view, title)

    def _follow_tabs(self) -> None:
        """Once every tab is added: refresh the screen brought to the front (not each one added)."""
        self.tabs.currentChanged.connect(self._tab_changed)

    def show_view(self, name: str) -> QWidget:
        view = self.views[name]
        self.tabs.setCurrentWidget(view)
        return view

    def handle_scan(self, scan: Scan) -> None:
        handler = getattr(self.tabs.currentWidget(), "handle_scan", None)
        if handler is not None:
            handler(scan)
        else:
            text = QCoreApplication.translate("ScreenTabs", "Scan ignored on this screen: {code}")
            self.status_message.emit(text.format(code=scan.raw))

    def refresh(self) -> None:
        self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, _index: int) -> None:
        refresh = getattr(self.tabs.currentWidget(), "refresh", None)
        if refresh is not None:
            refresh()
