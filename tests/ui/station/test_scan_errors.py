"""An unreadable scan says why on the pack and pick screens, in the station's language: the
scanner's own words (a wrong check digit, garbled bytes), not the driver's English."""

from __future__ import annotations

from devices.scanner.scan import parse_scan
from devices.scanner.serial_scanner import decode_scan
from tests.support.station_world import make_order
from ui.station.pack import PackView
from ui.station.pick import PickView

SAID = {
    "en": ("Wrong check digit in 6918000000018 (expected 9, got 8): scan again",
           "Garbled scan (the bytes are not text; check the scanner's baud rate): scan again"),
    "zh_CN": ("6918000000018 校验位错误（应为 9，实际为 8）：请重扫",
              "扫描数据混乱（收到的字节不是文本；请检查扫描枪的波特率）：请重扫"),
}


def test_the_pack_screen_says_why_a_scan_is_unreadable(qtbot, demo_ctx, language):
    demo_ctx.settings.printers = {"waybill": {"uri": "file:/tmp/packdesk-test-print"}}
    view = PackView(demo_ctx)
    qtbot.addWidget(view)
    view.handle_scan(parse_scan(make_order(demo_ctx, [("SKU-00001", 1)])))
    view.handle_scan(parse_scan("6918000000018"))  # a smudged label: the check digit is off
    assert view.banner.level == "error" and view.banner.text() == SAID[language][0]
    view.handle_scan(decode_scan(b"\xff\xfe\x80\x81"))  # a scanner on the wrong baud rate
    assert view.banner.text() == SAID[language][1]


def test_the_pick_screen_says_why_a_scan_is_unreadable(qtbot, demo_ctx, language):
    view = PickView(demo_ctx)
    qtbot.addWidget(view)
    view.start_selected_wave()
    assert view.step is not None
    view.handle_scan(parse_scan(view.step.bin_code))  # at the bin
    view.handle_scan(parse_scan("6918000000018"))
    assert view.banner.level == "error" and view.banner.text() == SAID[language][0]
    view.handle_scan(decode_scan(b"\xff\xfe\x80\x81"))
    assert view.banner.text() == SAID[language][1]
