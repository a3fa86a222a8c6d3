"""Distinct sounds for ok, warning and error verdicts, so a packer hears a refusal without
looking. Tones are generated once into the cache dir as WAV (no binary assets to ship) and
played with QSoundEffect; without an audio device Qt's beep is the fallback."""

from __future__ import annotations

import logging
import math
import struct
import wave
from pathlib import Path

import platformdirs
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
RATE = 22_050
# (frequency Hz, duration s) segments: a short high chirp, two mid beeps, a long low buzz
TONES: dict[str, list[tuple[float, float]]] = {
    "ok": [(1760.0, 0.08)],
    "warning": [(880.0, 0.12), (0.0, 0.06), (880.0, 0.12)],
    "error": [(220.0, 0.45)],
}
_effects: dict[str, object] = {}
history: list[str] = []  # kinds played, newest last (the tests listen here)


def _wav(kind: str) -> Path:
    path = Path(platformdirs.user_cache_dir("PackDesk")) / "sounds" / f"{kind}.wav"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        frames = bytearray()
        for freq, seconds in TONES[kind]:
            for i in range(int(RATE * seconds)):
                # square-ish wave for the error buzz, sine for the others; 60% volume
                x = math.sin(2 * math.pi * freq * i / RATE)
                v = (1.0 if x >= 0 else -1.0) * 0.35 if kind == "error" and freq else x * 0.6
                frames += struct.pack("<h", int(v * 32767))
        tmp = path.with_suffix(".part")
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(bytes(frames))
        tmp.replace(path)
    return path


def play(kind: str) -> None:
    """Play the sound for a verdict level: "ok", "warning" or "error"."""
    history.append(kind)
    del history[:-50]
    try:
        effect = _effects.get(kind)
        if effect is None:
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(QApplication.instance())
            effect.setSource(QUrl.fromLocalFile(str(_wav(kind))))
            _effects[kind] = effect
        effect.play()  # type: ignore[attr-defined]
    except (ImportError, OSError) as exc:  # no QtMultimedia backend or unwritable cache: beep
        log.debug("sound %s: %s", kind, exc)
        QApplication.beep()
