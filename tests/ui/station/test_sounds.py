"""Packers work by ear: each refusal they must tell apart, and "weigh now", has its own sound."""

from __future__ import annotations

import array
import wave

from app.services.packing import Verdict
from devices.scanner.scan import parse_scan
from tests.support.station_world import barcode, make_order
from ui.station import sounds
from ui.station.pack import PackView

OWN = [Verdict.WRONG_ITEM, Verdict.EXTRA_ITEM, Verdict.UNKNOWN_BARCODE, Verdict.GARBLED, Verdict.ALL_SCANNED]


def _samples(path) -> array.array:
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, sounds.RATE)
        return array.array("h", w.readframes(w.getnframes()))


def test_each_verdict_a_packer_must_tell_apart_has_its_own_sound_file():
    files = {v: sounds.path(sounds.cue_for(v.value, "error")) for v in OWN}
    files["ok"] = sounds.path(sounds.cue_for(Verdict.ITEM_OK.value, "ok"))
    files["error"] = sounds.path(sounds.cue_for(Verdict.WEIGHT_OUT.value, "error"))
    assert len(set(files.values())) == len(files), files
    contents = {name: _samples(f).tobytes() for name, f in files.items()}
    assert len(set(contents.values())) == len(contents)  # not the same sound under another name
    assert all(len(c) > sounds.RATE // 20 for c in contents.values())  # each lasts over 25 ms


def test_the_shipped_sounds_are_the_ones_the_patterns_make(tmp_path):
    sounds.write_all(tmp_path)
    for cue in sounds.PATTERNS:
        shipped, made = _samples(sounds.path(cue)), _samples(tmp_path / f"{cue}.wav")
        assert len(shipped) == len(made) and max(abs(a - b) for a, b in zip(shipped, made, strict=True)) <= 1


def test_the_pack_screen_plays_each_refusal_its_own_sound(qtbot, demo_ctx):
    ctx = demo_ctx
    ctx.settings.printers = {"waybill": {"uri": "file:/tmp/packdesk-test-print"}}
    view = PackView(ctx)
    qtbot.addWidget(view)
    view.handle_scan(parse_scan(make_order(ctx, [("SKU-00002", 1)])))
    heard = []
    for code in (
        barcode(ctx, "SKU-00003"),  # another product: wrong item
        "6900000000007",  # a valid EAN-13 no product has: unknown
        "6918000000018",  # a wrong check digit: garbled
        barcode(ctx, "SKU-00002"),  # the right one, the last: weigh now
        barcode(ctx, "SKU-00002"),  # once more: extra
    ):
        view.handle_scan(parse_scan(code))
        heard.append(sounds.history[-1])
    assert heard == ["wrong_item", "unknown_barcode", "garbled", "weigh_now", "extra_item"]
