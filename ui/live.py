"""Live updates in the app: the listener of ``app.services.live`` (its own thread and database
connection) turned into one Qt signal on the GUI thread, with the topics of a burst of changes
gathered for 150 ms so a reply that touches three tables refreshes a screen once."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import Engine

from app.services import live


class LiveUpdates(QObject):
    changed = Signal(object)  # set[str]: tickets, incidents, orders, notices
    _heard = Signal(object)  # from the listener's thread; queued to the GUI thread

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending: set[str] = set()
        self.timer = QTimer(self, singleShot=True, interval=150, timeout=self._flush)
        self._heard.connect(self._gather)
        self.listener = live.Listener(engine, self._heard.emit)

    def start(self) -> LiveUpdates:
        live.install()  # this app's own changes reach the other stations too
        self.listener.start(timeout_s=2)
        return self

    def stop(self) -> None:
        self.listener.stop()

    def _gather(self, topics: set[str]) -> None:
        self.pending |= topics
        self.timer.start()

    def _flush(self) -> None:
        topics, self.pending = self.pending, set()
        self.changed.emit(topics)
