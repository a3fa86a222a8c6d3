"""The stock screens a role gets, opened from station mode; scans reach the screen in front."""

from __future__ import annotations

from devices.scanner.scan import parse_scan
from tests.ui.stock.conftest import CUP_1
from ui.station.mode import StationMode
from ui.stock.mode import StockMode


def test_a_picker_gets_receiving_only_and_a_supervisor_every_stock_screen(qtbot, site):
    picker = StockMode(site.picker)
    qtbot.addWidget(picker)
    assert list(picker.views) == ["receive"]
    boss = StockMode(site.supervisor)
    qtbot.addWidget(boss)
    assert list(boss.views) == ["receive", "moves", "count", "approvals"]


def test_station_mode_opens_the_stock_tab_and_a_scan_lands_on_its_screen(qtbot, site):
    station = StationMode(site.picker)
    qtbot.addWidget(station)
    stock_mode = station.show_view("stock")
    assert isinstance(stock_mode, StockMode)
    assert station.tabs.tabText(station.tabs.currentIndex()) == "Stock"
    station.handle_scan(parse_scan(CUP_1))
    assert "CUP-1" in stock_mode.views["receive"].product.text()  # type: ignore[attr-defined]


def test_a_scan_on_the_approval_list_is_refused_with_a_message_not_dropped(qtbot, site):
    boss = StationMode(site.supervisor)
    qtbot.addWidget(boss)
    stock_mode = boss.show_view("stock")
    assert isinstance(stock_mode, StockMode)
    stock_mode.show_view("approvals")
    with qtbot.waitSignal(boss.status_message) as said:
        boss.handle_scan(parse_scan(CUP_1))
    assert said.args == [f"Scan ignored on this screen: {CUP_1}"]
