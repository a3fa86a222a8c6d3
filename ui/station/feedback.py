"""The verdict banner every station screen shares: a large coloured line the packer reads from
a step away, and the matching sound (the level's, or the verdict's own: ``sounds.cue_for``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.i18n import Worded, word
from ui.i18n import Translations

COLOURS = {
    "ok": ("#1b5e20", "#e8f5e9"),
    "warning": ("#8a5300", "#fff3e0"),
    "error": ("#ffffff", "#c62828"),
    "idle": ("#37474f", "#eceff1"),
}

# Pixel sizes of the station screens' texts, read from a metre away at 1280x720 and up (issue 21).
TEXT_PX = 20  # lists, notes, buttons
LABEL_PX = 18  # box titles and hints, the smallest text a packer must read
HEADING_PX = 26  # the order or wave line
VERDICT_PX = 30  # the banner
WEIGHT_PX = 72


def text_scale(height: int) -> float:
    """How much larger than designed a station screen ``height`` px tall shows its texts: 1 up to
    720 px, in step with the height above (a 1080 px screen, x1.5)."""
    return max(1.0, round(height / 720, 1))


class ScaledTexts:
    """Mixed into a station screen (before QWidget): ``rescale(k)`` sizes its texts, called again only
    when a new height changes the scale (``text_scale``)."""

    _text_scale = 0.0

    def rescale(self, k: float) -> None:
        raise NotImplementedError

    def size_texts(self) -> None:
        k = text_scale(self.height())
        if k != self._text_scale:
            self._text_scale = k
            self.rescale(k)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.size_texts()


def item_name(name: str, name_en: str) -> str:
    """A product's name in the language the app shows: its English name in English, when it has one."""
    english = Translations.for_app(QCoreApplication.instance()).language == "en"
    return name_en if english and name_en else name


def error_text(exc: Worded) -> str:
    """A refusal from a service or a device in the language the app shows (catalogue context ``errors``)."""
    return word(exc, Translations.for_app(QCoreApplication.instance()).language)


class Banner(QLabel):
    shown = Signal(str, str)  # text, level: every message, so tests and logs can follow along

    def __init__(self, parent: QWidget | None = None, pixel_size: int = VERDICT_PX) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setMinimumHeight(72)
        self._pixel_size = pixel_size
        self.level = "idle"
        self.show_text("", "idle")

    def set_pixel_size(self, pixel_size: int) -> None:
        self._pixel_size = pixel_size
        self._style()

    def show_text(self, text: str, level: str, sound: bool = False, verdict: str = "") -> None:
        self.level = level
        self.setText(text)
        self._style()
        self.shown.emit(text, level)
        if sound:
            from ui.station.sounds import cue_for, play

            play(cue_for(verdict, level))

    def _style(self) -> None:
        fg, bg = COLOURS.get(self.level, COLOURS["idle"])
        self.setStyleSheet(
            f"QLabel#banner {{ color: {fg}; background: {bg}; padding: 12px; "
            f"font-size: {self._pixel_size}px; font-weight: bold; border-radius: 6px; }}"
        )
