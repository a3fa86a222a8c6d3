"""The Carriers tab as a supervisor sets a new site's carriers up: waybill numbers imported from
the carrier's file (its bad line named, the pool marked low), a number voided, a cut-off with
pick-ups, a rule by province and weight, the sort-code table imported and looked up (files off the
GUI thread); each bad entry told in one line with nothing saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.db import unit_of_work
from app.services import masterdata
from ui.admin.carriers import CarriersTab
from ui.i18n import Translations


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    Translations.for_app(qapp).install("en")


@pytest.fixture
def tab(qtbot, supervisor_ctx) -> CarriersTab:
    with unit_of_work(supervisor_ctx.sessions) as s:
        masterdata.save_warehouse(s, supervisor_ctx.user, "HZ1", "杭州仓")
    page = CarriersTab(supervisor_ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _row_of(tab: CarriersTab, code: str) -> int:
    return [c.code for c in tab.carrier_views].index(code)


def test_numbers_imported_for_sf_name_the_bad_line_and_the_pool_shows_low(qtbot, tab, tmp_path: Path):
    numbers = tmp_path / "sf-2026-12.txt"
    numbers.write_text("SF1400000000001\nSF1400000000002-SF1400000000003\nSF14\n", encoding="utf-8")
    tab.carrier_table.selectRow(_row_of(tab, "SF"))
    with qtbot.waitSignal(tab.imported, timeout=20_000):
        tab.import_pool_file(numbers)
    assert tab.notice.text() == "SF: 3 numbers added, 0 already in the pool, 1 lines refused."
    assert tab.report.toPlainText() == "line 3: SF14: not a waybill number (6-40 letters and digits)"
    row = _row_of(tab, "SF")
    cells = [tab.carrier_table.item(row, c).text() for c in range(7)]
    assert cells[3:] == ["3", "0", "0", "low: order numbers from the carrier"]
    # a number voided without a reason is refused; with one it is voided for good
    tab.carrier_table.selectRow(row)
    qtbot.keyClicks(tab.void_number, "sf1400000000002")
    _click(qtbot, tab.void_button)
    assert (tab.notice.level, tab.notice.text()) == ("error", "Say why the number is voided.")
    assert tab.carrier_table.item(row, 5).text() == "0"
    qtbot.keyClicks(tab.void_reason, "label roll damaged")
    _click(qtbot, tab.void_button)
    assert tab.notice.text() == "SF1400000000002 voided; it will never be used."
    assert [tab.carrier_table.item(row, c).text() for c in (3, 5)] == ["2", "1"]


def test_a_cut_off_written_badly_is_refused_then_saved_with_its_pick_ups(qtbot, tab):
    tab.cutoff_carrier.setCurrentIndex(tab.cutoff_carrier.findData("SF"))
    qtbot.keyClicks(tab.cutoff_time, "4pm")
    _click(qtbot, tab.save_cutoff_button)
    assert tab.notice.text() == "Time '4pm': write it as HH:MM, such as 16:30."
    assert tab.cutoff_table.rowCount() == 0
    tab.cutoff_time.setText("16:30")
    qtbot.keyClicks(tab.pickups, "19:30, 17:00")
    _click(qtbot, tab.save_cutoff_button)
    assert tab.notice.text() == "SF at HZ1: cut-off 16:30."
    assert [tab.cutoff_table.item(0, c).text() for c in range(4)] == ["HZ1", "SF", "16:30", "17:00 19:30"]


def test_a_rule_by_province_and_weight_is_added_and_deleted(qtbot, tab):
    tab.rule_carrier.setCurrentIndex(tab.rule_carrier.findData("ZTO"))
    tab.province.setText("浙江省")
    qtbot.keyClicks(tab.max_weight, "3kg")
    _click(qtbot, tab.add_rule_button)
    assert tab.notice.text() == "Heaviest order weight '3kg': whole grams, or empty for any."
    assert tab.rule_table.rowCount() == 0
    tab.max_weight.setText("3000")
    tab.channel.setCurrentIndex(tab.channel.findData("tmall"))
    tab.cod.setCurrentIndex(tab.cod.findData(False))
    _click(qtbot, tab.add_rule_button)
    assert tab.notice.text() == "Rule added."
    assert [tab.rule_table.item(0, c).text() for c in range(7)] == [
        "100", "Tmall", "浙江省", "≤ 3000", "Prepaid only", "ZTO", ""]
    _click(qtbot, tab.delete_rule_button)
    assert tab.notice.text() == "Choose a rule in the list first."
    tab.rule_table.selectRow(0)
    _click(qtbot, tab.delete_rule_button)
    assert tab.notice.text() == "Rule deleted." and tab.rule_table.rowCount() == 0


def test_the_sort_code_table_is_imported_and_a_destination_looked_up(qtbot, tab, tmp_path: Path):
    table = tmp_path / "zto-sort-codes.csv"
    table.write_text("province,city,district,code\n浙江省,杭州市,,310-A1\n浙江省,杭州市,西湖区,310-W02\n"
                     ",杭州市,,X\n", encoding="utf-8")
    tab.sort_carrier.setCurrentIndex(tab.sort_carrier.findData("ZTO"))
    with qtbot.waitSignal(tab.imported, timeout=20_000):
        tab.import_sort_codes_file(table)
    assert tab.notice.text() == "ZTO: 2 sort codes added, 0 changed, 1 lines refused."
    assert tab.report.toPlainText().startswith("line 4: expected province,city,district,code")
    for province, city, district, code in (("浙江省", "杭州市", "西湖区", "310-W02"),
                                           ("浙江省", "杭州市", "上城区", "310-A1")):
        tab.look_province.setText(province)
        tab.look_city.setText(city)
        tab.look_district.setText(district)
        _click(qtbot, tab.look_button)
        assert tab.look_result.text() == code
    tab.look_province.setText("江苏省")
    _click(qtbot, tab.look_button)
    assert tab.look_result.text() == "none: the label prints without a sort code"


def test_a_pool_file_that_is_missing_is_one_line_and_adds_nothing(qtbot, tab, tmp_path: Path):
    tab.carrier_table.selectRow(_row_of(tab, "JD"))
    with qtbot.waitSignal(tab.imported, timeout=20_000) as done:
        tab.import_pool_file(tmp_path / "gone.txt")
    assert done.args == [None]
    assert tab.notice.level == "error" and tab.notice.text().startswith("Cannot read gone.txt")
    assert tab.carrier_table.item(_row_of(tab, "JD"), 3).text() == "0"
