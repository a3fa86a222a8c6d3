"""Keyboard-wedge scanners: tell a scanner burst from human typing, wherever focus is.

A wedge scanner "types" its code a few milliseconds per character and presses Enter. The
filter holds printable keys for ``max_gap_ms``: characters that keep coming faster than that
and end in Enter are a scan (emitted as ``scanned``, never typed into the focused field);
anything slower is replayed to the widget it was meant for, a few milliseconds late.

With a Chinese input method on, keys reach us as input-method events (commit strings and
pinyin pre-edit) instead of key presses; those are timed the same way, and pre-edit during a
burst is swallowed so a scan never becomes pinyin candidates in a field. Scanners cannot type
the GS1 separator (GS, 0x1D): they are set to send a substitute character, configured here.
The same code read twice within ``double_read_ms`` is one physical scan read twice: dropped by
the filter the serial scanners use (``DoubleReadFilter``), swallowed, never typed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from devices.scanner.scan import GS, parse_scan
from devices.scanner.serial_scanner import DoubleReadFilter

END_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


@dataclass(frozen=True)
class WedgeSettings:
    max_gap_ms: int = 35  # scanners: 1-20 ms between characters; people: 80 ms and more
    min_length: int = 4
    gs_substitute: str = ""  # e.g. "~" if the scanner is set to send ~ for GS
    double_read_ms: int = 150  # as for serial scanners

    @classmethod
    def from_profile(cls, profile: dict[str, object]) -> WedgeSettings:
        return cls(
            max_gap_ms=int(profile.get("max_gap_ms", 35)),  # type: ignore[call-overload]
            min_length=int(profile.get("min_length", 4)),  # type: ignore[call-overload]
            gs_substitute=str(profile.get("gs_substitute", "")),
            double_read_ms=int(profile.get("double_read_ms", 150)),  # type: ignore[call-overload]
        )


@dataclass
class _Held:
    receiver: QObject
    event: QKeyEvent | QInputMethodEvent
    text: str
    at: float


class WedgeFilter(QObject):
    scanned = Signal(object)  # devices.scanner.scan.Scan

    def __init__(self, settings: WedgeSettings | None = None,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or WedgeSettings()
        self.clock = clock
        self.dedupe = DoubleReadFilter(self.settings.double_read_ms / 1000, clock)
        self._held: list[_Held] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._release)

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    @contextmanager
    def unwatched(self, app: QApplication) -> Iterator[None]:
        """Build a window without this filter seeing its construction events.

        The filter, in Python, costs a call per event, and a window's construction sends
        hundreds; keys come only from the event loop, which does not run while a window is
        built, so keys typed meanwhile wait in the queue and meet the filter afterwards.
        """
        app.removeEventFilter(self)
        try:
            yield
        finally:
            app.installEventFilter(self)

    def eventFilter(self, receiver: QObject, event: QEvent) -> bool:
        if self._replaying or not isinstance(receiver, QWidget):
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            return self._key(receiver, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.InputMethod:
            return self._input_method(receiver, event)  # type: ignore[arg-type]
        return False

    def _key(self, receiver: QObject, event: QKeyEvent) -> bool:
        now = self.clock()
        if event.key() in END_KEYS and self._held:
            if self._is_burst(now):
                self._emit_scan()
                return True
            self._release()
            return False
        text = event.text()
        if len(text) != 1 or not text.isprintable() or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            if self._held:
                self._release()
            return False
        self._hold(receiver, QKeyEvent(event.type(), event.key(), event.modifiers(), text,
                                       event.isAutoRepeat(), event.count()), text, now)
        return True

    def _input_method(self, receiver: QObject, event: QInputMethodEvent) -> bool:
        now = self.clock()
        commit = event.commitString()
        if not commit:
            # pre-edit (pinyin being composed): swallow it while a burst is being read
            return bool(self._held) and self._gap_ok(now)
        copy = QInputMethodEvent("", [])
        copy.setCommitString(commit)
        self._hold(receiver, copy, commit, now)
        return True

    def _hold(self, receiver: QObject, event: QKeyEvent | QInputMethodEvent, text: str, now: float) -> None:
        if self._held and not self._gap_ok(now):
            self._release()
        self._held.append(_Held(receiver, event, text, now))
        self._timer.start(self.settings.max_gap_ms)

    def _gap_ok(self, now: float) -> bool:
        return bool(self._held) and (now - self._held[-1].at) * 1000 <= self.settings.max_gap_ms

    def _is_burst(self, now: float) -> bool:
        text = "".join(h.text for h in self._held)
        gaps_ok = all((b.at - a.at) * 1000 <= self.settings.max_gap_ms
                      for a, b in zip(self._held, self._held[1:], strict=False))
        return len(text) >= self.settings.min_length and gaps_ok and self._gap_ok(now)

    def _emit_scan(self) -> None:
        self._timer.stop()
        text = "".join(h.text for h in self._held)
        self._held.clear()
        if self.settings.gs_substitute:
            text = text.replace(self.settings.gs_substitute, GS)
        scan = parse_scan(text)
        if self.dedupe.accept(scan):
            self.scanned.emit(scan)

    def _release(self) -> None:
        """Human typing: deliver what was held to the widgets it was meant for, in order."""
        self._timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for h in held:
                if shiboken6.isValid(h.receiver):  # the widget may have closed meanwhile
                    QApplication.sendEvent(h.receiver, h.event)
        finally:
            self._replaying = False
