"""The station's screenshot scenes stage their data through services: no module under ui/ reads
the models, and the layer contract names no exception for them."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtWidgets import QTableWidget

from ui.station.screens import VIEWS

ROOT = Path(__file__).resolve().parents[3]


def test_the_ui_values_contract_has_no_exception():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    values = next(c for c in contracts if c.get("forbidden_modules") == ["app.models"])
    assert values["source_modules"] == ["ui"]
    assert values.get("ignore_imports", []) == []


def test_no_station_module_imports_the_models():
    offenders = [p.name for p in (ROOT / "ui" / "station").glob("*.py") if "app.models" in p.read_text()]
    assert offenders == []


def test_the_pack_scene_opens_a_tote_and_scans_all_but_one_item(qtbot, demo_ctx):
    view = VIEWS["station.pack"](demo_ctx)
    qtbot.addWidget(view)
    assert view.parcel is not None and view.parcel.scanned_units == view.parcel.units - 1
    assert view.findChild(QTableWidget, "lines").rowCount() == len(view.parcel.lines)
