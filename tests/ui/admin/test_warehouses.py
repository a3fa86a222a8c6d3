"""Warehouses and bins tab: add a warehouse, generate a bin range and see the bins in walking order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from app.db import read_only
from app.services import masterdata
from ui.admin.warehouses import WarehousesTab


def _tab(qtbot, ctx) -> WarehousesTab:
    tab = WarehousesTab(ctx)
    qtbot.addWidget(tab)
    return tab


def _type(qtbot, tab, name: str, text: str) -> None:
    field = tab.findChild(QLineEdit, name)
    field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)  # what an input method commits (key clicks carry no Chinese)


def _press(qtbot, tab, name: str) -> None:
    qtbot.mouseClick(tab.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _add_warehouse(qtbot, tab, code: str = "hz1", name: str = "杭州一号仓") -> None:
    _type(qtbot, tab, "warehouse_code", code)
    _type(qtbot, tab, "warehouse_name", name)
    _type(qtbot, tab, "province", "浙江省")
    _type(qtbot, tab, "city", "杭州市")
    _press(qtbot, tab, "save_warehouse")


def test_an_admin_adds_a_warehouse_generates_bins_and_sees_them(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    assert not tab.findChild(QPushButton, "generate_bins").isEnabled()  # no warehouse yet
    _add_warehouse(qtbot, tab)
    assert tab.notice.text() == "Warehouse HZ1 saved."
    assert [(w.code, w.name, w.bins) for w in tab.warehouses] == [("HZ1", "杭州一号仓", 0)]
    _type(qtbot, tab, "bin_pattern", "A-01-01-1..A-20-10-4")
    qtbot.keyClick(tab.findChild(QLineEdit, "bin_pattern"), Qt.Key.Key_Return)
    assert tab.notice.text() == "800 bins added (A-01-01-1 … A-20-10-4), 0 already there."
    assert tab.bin_table.rowCount() == 800 and tab.bins_title.text() == "Bins of HZ1: 800"
    codes = [tab.bin_table.item(r, 0).text() for r in range(4)]
    assert codes == ["A-01-01-1", "A-01-01-2", "A-01-01-3", "A-01-01-4"]  # natural order
    assert {tab.bin_table.item(r, 1).text() for r in range(800)} == {"A"}
    assert sorted(b.pick_seq for b in tab.bins) == list(range(1, 801))
    assert tab.table.item(0, 5).text() == "800"
    _press(qtbot, tab, "generate_bins")  # the same range again adds nothing
    assert tab.notice.text() == "0 bins added (A-01-01-1 … A-20-10-4), 800 already there."


def test_editing_a_warehouse_keeps_its_bins(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _add_warehouse(qtbot, tab)
    _type(qtbot, tab, "bin_pattern", "B-1-1-1..B-2-2-2")
    _press(qtbot, tab, "generate_bins")
    _type(qtbot, tab, "warehouse_name", "杭州主仓")
    _press(qtbot, tab, "save_warehouse")
    assert [(w.code, w.name, w.bins) for w in tab.warehouses] == [("HZ1", "杭州主仓", 8)]


def test_a_bad_bin_pattern_is_one_line_and_adds_no_bin(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _add_warehouse(qtbot, tab)
    for pattern, says in [
        ("A-01-01-1", "A bin range is FIRST..LAST, such as A-01-01-1..A-20-10-4."),
        ("A-01-01-1..B-02-01-1", "A bin range stays in one zone (A-01-01-1 .. B-02-01-1)."),
        ("A-20-01-1..A-01-01-1", "The range A-20-01-1..A-01-01-1 ends before it starts."),
        ("A-1-1..A-2-2", "Bin 'A-1-1' is not ZONE-AISLE-BAY-LEVEL such as A-01-01-1."),
    ]:
        _type(qtbot, tab, "bin_pattern", pattern)
        _press(qtbot, tab, "generate_bins")
        assert (tab.notice.text(), tab.notice.level) == (says, "error")
        assert tab.findChild(QLineEdit, "bin_pattern").text() == pattern  # kept to correct
    with read_only(admin_ctx.sessions) as s:
        assert masterdata.bins(s, "HZ1") == []


def test_a_warehouse_without_a_name_is_refused(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _add_warehouse(qtbot, tab, name="")
    assert tab.notice.text() == "Warehouse HZ1 needs a name." and tab.warehouses == []
