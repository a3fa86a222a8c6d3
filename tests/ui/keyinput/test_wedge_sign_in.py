"""A scan made while the main window is being built, right after sign-in, is not lost."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from app.config import StationSettings
from app.context import AppContext
from ui.app import Shell
from ui.station.feedback import Banner


def _scanner_types(widget: QLineEdit, code: str) -> None:
    """Keys queued as the system queues them: delivered when the event loop next runs."""
    for ch in code:
        QCoreApplication.postEvent(widget, QKeyEvent(QEvent.Type.KeyPress, ord(ch.upper()),
                                                     Qt.KeyboardModifier.NoModifier, ch))
    QCoreApplication.postEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                                 Qt.KeyboardModifier.NoModifier, "\r"))


def test_a_tote_scanned_while_the_main_window_is_built_reaches_the_main_window(qtbot, demo_engine):
    settings = StationSettings(station="PDA-01", language="en")
    shell = Shell(AppContext(engine=demo_engine, settings=settings), settings)
    try:
        login = shell.show_login()
        field = login.findChild(QLineEdit, "password")
        scans = []
        shell.wedge.scanned.connect(scans.append)
        _scanner_types(field, "TOTE-0042")  # the picker scans a tote the moment the badge is read
        login.badge_scanned("BADGE-picker1")  # signs in and builds the main window, keys waiting
        assert shell.main is not None and scans == []
        qtbot.waitUntil(lambda: scans != [], timeout=3000)
        assert [s.raw for s in scans] == ["TOTE-0042"]
        banners = [b.text() for b in shell.main.findChildren(Banner) if b.isVisible()]
        assert "Start a wave first" in banners  # the pick screen took it
        assert field.text() == ""  # a scan, never typed into the sign-in window
    finally:
        shell.close()
