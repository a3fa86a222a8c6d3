"""The station's sounds: packers work by ear, so every refusal a packer must tell apart has its own
sound (wrong item, extra item, unknown barcode, unreadable scan), "all scanned, weigh now" has
its own, and the rest share one per level (ok, warning, error).

The WAVs in ``resources/sounds`` are made by this module from the patterns below (``python -m
ui.station.sounds`` writes them again) and played with QSoundEffect; without an audio device
Qt's beep is the fallback.
"""

from __future__ import annotations

import logging
import math
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
SOUNDS = Path(__file__).resolve().parent.parent.parent / "resources" / "sounds"
RATE = 44_100  # what sound devices play natively: no resampling on a PC at the station
# cue -> segments of (start Hz, end Hz, seconds, shape); 0 Hz is silence, a square wave buzzes
PATTERNS: dict[str, list[tuple[float, float, float, str]]] = {
    "ok": [(1760, 1760, 0.08, "sine")],  # one short high chirp
    "warning": [(880, 880, 0.12, "sine"), (0, 0, 0.06, "sine"), (880, 880, 0.12, "sine")],
    "error": [(220, 220, 0.45, "square")],  # a long low buzz
    "wrong_item": [(440, 440, 0.18, "square"), (220, 220, 0.32, "square")],  # "uh-oh", falling
    "extra_item": [(330, 330, 0.09, "square"), (0, 0, 0.06, "sine")] * 2 + [(330, 330, 0.09, "square")],
    "unknown_barcode": [(700, 700, 0.05, "sine"), (500, 500, 0.05, "sine")] * 4,  # a warble
    "garbled": [(300, 1200, 0.3, "sine")],  # rising, like a question: scan again
    "weigh_now": [(1047, 1047, 0.1, "sine"), (1319, 1319, 0.1, "sine"), (1568, 1568, 0.16, "sine")],
}
# verdicts (pack, verify, pick) whose sound is their own rather than their level's
VERDICT_CUES = {
    "wrong_item": "wrong_item",
    "extra_item": "extra_item",
    "unknown_barcode": "unknown_barcode",
    "garbled": "garbled",
    "all_scanned": "weigh_now",  # pack: every item scanned
    "weigh": "weigh_now",  # verify: every item re-scanned
}
_effects: dict[str, object] = {}
history: list[str] = []  # cues played, newest last (the tests listen here)


def cue_for(verdict: str, level: str) -> str:
    """The sound of a verdict: its own if it has one, else its level's."""
    return VERDICT_CUES.get(verdict) or (level if level in ("ok", "warning", "error") else "warning")


def path(cue: str) -> Path:
    return SOUNDS / f"{cue}.wav"


def render(cue: str) -> bytes:
    """The 16-bit mono samples of a cue (deterministic: the shipped files are exactly these)."""
    frames = bytearray()
    phase = 0.0
    for start, end, seconds, shape in PATTERNS[cue]:
        n = int(RATE * seconds)
        for i in range(n):
            freq = start + (end - start) * i / n
            phase += 2 * math.pi * freq / RATE
            x = math.sin(phase)
            v = (0.35 if x >= 0 else -0.35) if shape == "square" else 0.6 * x
            frames += struct.pack("<h", round(v * 32767) if freq else 0)
    return bytes(frames)


def write_all(folder: Path = SOUNDS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for cue in PATTERNS:
        with wave.open(str(folder / f"{cue}.wav"), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(render(cue))


def play(cue: str) -> None:
    """Play a cue: a level ("ok", "warning", "error") or a verdict's own (``cue_for``)."""
    history.append(cue)
    del history[:-50]
    try:
        effect = _effects.get(cue)
        if effect is None:
            from PySide6.QtMultimedia import QSoundEffect

            if not path(cue).exists():
                raise OSError(f"missing {path(cue)}")
            effect = QSoundEffect(QApplication.instance())
            effect.setSource(QUrl.fromLocalFile(str(path(cue))))
            _effects[cue] = effect
        effect.play()  # type: ignore[attr-defined]
    except (ImportError, OSError) as exc:  # no QtMultimedia backend or no sound file: beep
        log.debug("sound %s: %s", cue, exc)
        QApplication.beep()


if __name__ == "__main__":
    write_all()
