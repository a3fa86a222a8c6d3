"""The verdict banner every station screen shares: a large coloured line the packer reads from
a step away, and the matching sound (the level's, or the verdict's own: ``sounds.cue_for``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.errors import DomainError
from app.i18n import word
from ui.i18n import Translations

COLOURS = {
    "ok": ("#1b5e20", "#e8f5e9"),
    "warning": ("#8a5300", "#fff3e0"),
    "error": ("#ffffff", "#c62828"),
    "idle": ("#37474f", "#eceff1"),
}


def error_text(exc: DomainError) -> str:
    """A refusal from a service in the language the app shows (catalogue context ``errors``)."""
    return word(exc, Translations.for_app(QCoreApplication.instance()).language)


class Banner(QLabel):
    shown = Signal(str, str)  # text, level: every message, so tests and logs can follow along

    def __init__(self, parent: QWidget | None = None, point_size: int = 20) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setMinimumHeight(72)
        self._point_size = point_size
        self.level = "idle"
        self.show_text("", "idle")

    def show_text(self, text: str, level: str, sound: bool = False, verdict: str = "") -> None:
        fg, bg = COLOURS.get(level, COLOURS["idle"])
        self.level = level
        self.setText(text)
        self.setStyleSheet(
            f"QLabel#banner {{ color: {fg}; background: {bg}; padding: 12px; "
            f"font-size: {self._point_size}pt; font-weight: bold; border-radius: 6px; }}"
        )
        self.shown.emit(text, level)
        if sound:
            from ui.station.sounds import cue_for, play

            play(cue_for(verdict, level))
