"""Packaging boxes tab: add a carton the suggestion then uses, edit, disable and delete boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton, QSpinBox

from app.db import read_only
from app.services import packaging
from ui.admin.boxes import BoxesTab


def _tab(qtbot, ctx) -> BoxesTab:
    tab = BoxesTab(ctx)
    qtbot.addWidget(tab)
    return tab


def _fill_box(qtbot, tab, code, title, size, tare, most="") -> None:
    for name, text in (("box_code", code), ("box_title", title), ("max_weight", most)):
        tab.findChild(QLineEdit, name).clear()
        qtbot.keyClicks(tab.findChild(QLineEdit, name), text)
    for name, mm in zip(("length", "width", "height"), size, strict=True):
        tab.findChild(QSpinBox, name).setValue(mm)
    tab.findChild(QSpinBox, "tare").setValue(tare)


def _press(qtbot, tab, name: str) -> None:
    qtbot.mouseClick(tab.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _select(tab, code: str) -> None:
    tab.table.selectRow([b.code for b in tab.boxes].index(code))


def test_an_admin_adds_a_carton_and_the_suggestion_uses_it(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    assert [b.code for b in tab.boxes] == ["BAG-S", "BAG-L", "BOX-1", "BOX-2", "BOX-3", "BOX-4"]  # init's set
    _fill_box(qtbot, tab, "wine-6", "Wine carton 6", (250, 330, 340), 450, "12000")
    for flag in ("fragile", "liquid"):
        tab.findChild(QCheckBox, f"suits_{flag}").setChecked(True)
    _press(qtbot, tab, "save_box")
    assert tab.notice.text() == "Box WINE-6 saved." and tab.selected().code == "WINE-6"
    row = [tab.table.item(tab.table.currentRow(), c).text() for c in range(8)]
    assert row == ["WINE-6", "Wine carton 6", "340×330×250", "450", "12000", "carton", "Fragile, Liquid",
                   "in use"]
    with read_only(admin_ctx.sessions) as s:
        site_boxes = packaging.boxes(s)
    bottles = [packaging.Item(6, (320, 80, 80), fragile=True, liquid=True, unit_weight_g=1300)]
    assert packaging.suggest(bottles, site_boxes).box.code == "WINE-6"


def test_edit_disable_enable_and_delete(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _select(tab, "BAG-S")
    assert tab.findChild(QLineEdit, "box_code").text() == "BAG-S"
    assert tab.findChild(QCheckBox, "bag").isChecked()
    tab.findChild(QSpinBox, "tare").setValue(18)
    _press(qtbot, tab, "save_box")
    assert tab.selected().weight_g == 18
    _press(qtbot, tab, "disable_box")
    assert tab.notice.text() == "Box BAG-S disabled." and not tab.selected().active
    with read_only(admin_ctx.sessions) as s:
        assert "BAG-S" not in [b.code for b in packaging.boxes(s)]
    _press(qtbot, tab, "enable_box")
    assert tab.selected().active
    _press(qtbot, tab, "delete_box")
    assert tab.notice.text() == "Box BAG-S deleted." and "BAG-S" not in [b.code for b in tab.boxes]


def test_bad_box_input_is_one_line_and_saves_nothing(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    for args, says in [
        (("X1", "", (100, 100, 100), 50), "Box X1 needs a title."),
        (("X1", "Tiny", (100, 0, 100), 50), "Box X1: length, width and height must be positive millimetres."),
        (("X1", "Tiny", (100, 100, 100), 50, "40"),
         "Box X1: the maximum weight (40 g) must be more than its tare (50 g)."),
        (("X1", "Tiny", (100, 100, 100), 50, "2 kg"), "The maximum weight is whole grams, not '2 kg'."),
        (("OWN", "Own", (100, 100, 100), 0), "Box code 'OWN': up to 16 letters, digits, dashes (not OWN)."),
    ]:
        _fill_box(qtbot, tab, *args)
        _press(qtbot, tab, "save_box")
        assert (tab.notice.text(), tab.notice.level) == (says, "error")
    assert "X1" not in [b.code for b in tab.boxes]
    with read_only(admin_ctx.sessions) as s:
        assert "X1" not in [b.code for b in packaging.boxes(s, include_disabled=True)]


def test_a_supervisor_may_edit_boxes(qtbot, supervisor_ctx):
    assert _tab(qtbot, supervisor_ctx).edit.isEnabled()


def test_an_admin_ticks_the_flags_a_box_suits_and_the_suggestion_prefers_it(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _select(tab, "BOX-4")
    assert [f for f in packaging.FLAGS if tab.findChild(QCheckBox, f"suits_{f}").isChecked()] == list(
        packaging.FLAGS)  # the seeded big carton suits every flag
    _fill_box(qtbot, tab, "cold-1", "Insulated carton", (300, 250, 200), 400)
    for flag, ticked in (("fragile", False), ("liquid", True), ("bulky", False), ("battery", False)):
        tab.findChild(QCheckBox, f"suits_{flag}").setChecked(ticked)
    _press(qtbot, tab, "save_box")
    assert tab.notice.text() == "Box COLD-1 saved." and tab.selected().suits == ("liquid",)
    assert tab.table.item(tab.table.currentRow(), 6).text() == "Liquid"
    tab.findChild(QCheckBox, "suits_fragile").setChecked(True)
    _press(qtbot, tab, "save_box")
    assert tab.table.item(tab.table.currentRow(), 6).text() == "Fragile, Liquid"
    _select(tab, "BAG-S")
    assert not any(tab.findChild(QCheckBox, f"suits_{f}").isChecked() for f in packaging.FLAGS)
    with read_only(admin_ctx.sessions) as s:
        site_boxes = packaging.boxes(s)
    wine = packaging.Item(1, (280, 90, 90), fragile=True, liquid=True, unit_weight_g=1400)
    assert packaging.suggest([wine], site_boxes).box.code == "BOX-2"  # seeded cartons suit both, and smaller


def test_a_mailer_that_would_suit_liquids_is_refused_in_one_line_and_kept_as_it_was(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _select(tab, "BAG-L")
    tab.findChild(QCheckBox, "suits_liquid").setChecked(True)
    _press(qtbot, tab, "save_box")
    assert (tab.notice.text(), tab.notice.level) == (
        "Box BAG-L: a mailer bag cannot suit fragile goods or liquids.", "error")
    with read_only(admin_ctx.sessions) as s:
        assert next(b for b in packaging.boxes(s) if b.code == "BAG-L").suits == ()
