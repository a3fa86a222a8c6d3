"""Compiled translations: the words a .ts file holds now, whichever checkout compiled it first."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTranslator

from ui.i18n import compiled

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>demo</name>
<message><source>Start wave</source><translation>{word}</translation></message>
</context>
</TS>
"""


def _word(qm: Path) -> str:
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator.translate("demo", "Start wave")


def test_an_edited_catalogue_is_compiled_again_even_when_an_older_copy_looks_newer(qapp, tmp_path: Path):
    first, second = tmp_path / "a" / "area_zh_CN.ts", tmp_path / "b" / "area_zh_CN.ts"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(TS.format(word="开始"), encoding="utf-8")
    assert _word(compiled(first)) == "开始"
    second.write_text(TS.format(word="开始拣货"), encoding="utf-8")  # the other checkout, edited earlier
    os.utime(second, (1, 1))
    assert _word(compiled(second)) == "开始拣货"
    assert _word(compiled(first)) == "开始"
