"""Settings tab: change a setting and read it back; an out-of-range value saves nothing."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton

from app.db import read_only
from app.services import settings
from ui.admin.settings import SettingsTab


def _tab(qtbot, ctx) -> SettingsTab:
    tab = SettingsTab(ctx)
    qtbot.addWidget(tab)
    return tab


def _type(qtbot, tab: SettingsTab, key: str, text: str) -> None:
    field = tab.findChild(QLineEdit, key)
    field.clear()
    qtbot.keyClicks(field, text)


def _save(qtbot, tab: SettingsTab) -> None:
    qtbot.mouseClick(tab.findChild(QPushButton, "save_settings"), Qt.MouseButton.LeftButton)


def test_an_admin_changes_the_weight_tolerance_and_sees_it_read_back(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    assert tab.findChild(QLineEdit, "pack.tolerance_g").text() == "20"  # the default
    _type(qtbot, tab, "pack.tolerance_g", "35")
    tab.findChild(QCheckBox, "print.invoice.mask_phone").setChecked(False)
    _save(qtbot, tab)
    assert tab.notice.text() == "Saved: pack.tolerance_g, print.invoice.mask_phone."
    with read_only(admin_ctx.sessions) as s:
        assert settings.get(s, "pack.tolerance_g") == 35
        assert settings.get(s, "print.invoice.mask_phone") is False
    again = _tab(qtbot, admin_ctx)  # a new screen reads what was stored
    assert again.findChild(QLineEdit, "pack.tolerance_g").text() == "35"
    assert not again.findChild(QCheckBox, "print.invoice.mask_phone").isChecked()


def test_an_out_of_range_value_is_one_line_and_saves_none_of_the_changes(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _type(qtbot, tab, "pack.tolerance_g", "35")
    _type(qtbot, tab, "verify.sample_pct", "150")
    _save(qtbot, tab)
    assert tab.notice.text() == "verify.sample_pct must be at most 100." and tab.notice.level == "error"
    _type(qtbot, tab, "verify.sample_pct", "ten")
    _save(qtbot, tab)
    assert tab.notice.text() == "verify.sample_pct must be int, not 'ten'."
    _type(qtbot, tab, "service.routes", "[broken")
    _save(qtbot, tab)
    assert tab.notice.level == "error" and "service.routes" in tab.notice.text()
    assert tab.findChild(QLineEdit, "pack.tolerance_g").text() == "35"  # what was typed stays
    with read_only(admin_ctx.sessions) as s:
        assert settings.get(s, "pack.tolerance_g") == 20
        assert settings.get(s, "verify.sample_pct") == 10


def test_a_supervisor_changes_station_rules_but_not_admin_settings(qtbot, supervisor_ctx):
    tab = _tab(qtbot, supervisor_ctx)
    assert tab.findChild(QLineEdit, "pack.tolerance_pct").isEnabled()
    assert not tab.findChild(QLineEdit, "video.retention_days").isEnabled()
    _type(qtbot, tab, "pack.tolerance_pct", "7.5")
    _save(qtbot, tab)
    with read_only(supervisor_ctx.sessions) as s:
        assert settings.get(s, "pack.tolerance_pct") == Decimal("7.5")
