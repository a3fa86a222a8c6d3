"""An English station screen names products in English where they have an English name; a
Chinese one keeps the Chinese name (pack list, PDA pick line)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from devices.scanner.scan import parse_scan
from tests.support.station_world import barcode, make_order
from ui.station.pack import PackView
from ui.station.pick import PickView


def test_the_pack_list_names_items_in_the_screens_language(qtbot, demo_ctx, language):
    view = PackView(demo_ctx)
    qtbot.addWidget(view)
    view.handle_scan(parse_scan(make_order(demo_ctx, [("SKU-00001", 1)])))
    shown = view.lines.item(0, 1).text()
    assert shown.startswith("Wireless earbuds") if language == "en" else shown == "无线蓝牙耳机 黑色"


def test_the_pick_line_names_the_item_in_the_screens_language(qtbot, demo_ctx, language):
    view = PickView(demo_ctx)
    qtbot.addWidget(view)
    view.start_selected_wave()
    assert view.step is not None and view.step.name_en
    QApplication.processEvents()
    expected = view.step.name_en if language == "en" else view.step.name
    assert view.product.text().splitlines()[1] == expected


def test_a_wrong_item_is_named_in_the_screens_language(qtbot, demo_ctx, language):
    view = PackView(demo_ctx)
    qtbot.addWidget(view)
    view.handle_scan(parse_scan(make_order(demo_ctx, [("SKU-00001", 1)])))
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00003")))
    assert view.banner.level == "error"
    assert ("Glass vase (black)" if language == "en" else "玻璃花瓶 黑色") in view.banner.text()
