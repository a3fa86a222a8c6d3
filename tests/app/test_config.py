"""The station settings file: a hand-edited section of the wrong shape is one clear line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.cli import main


@pytest.mark.parametrize(("text", "message"), [
    ('printers = "labels"\n', "printers must be a table ([printers] and its keys), not 'labels'."),
    ('[devices]\nscale = "COM3"\n',
     "devices.scale must be a table ([devices.scale] and its keys), not 'COM3'."),
    ("language = 5\n", "language must be text in quotes, not 5."),
])
def test_a_settings_section_of_the_wrong_shape_is_one_line_and_the_file_is_kept(text, message, capsys):
    settings = Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(text, encoding="utf-8")
    assert main(["printers", "list"]) == 1
    err = capsys.readouterr().err
    assert err == f"packdesk: error: Settings file {settings}: {message}\n"
    assert settings.read_text(encoding="utf-8") == text


def test_the_wrong_shape_reads_in_chinese_where_the_locale_is_chinese(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    settings = Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('printers = "labels"\n', encoding="utf-8")
    assert main(["printers", "list"]) == 1
    assert "printers 必须是表" in capsys.readouterr().err
