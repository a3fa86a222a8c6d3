"""ZPL and TSPL waybills: self-contained, well-formed, CJK text as graphics, native barcodes."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from printing.documents import WAYBILL_SIZES
from printing.thermal import render_thermal, render_tspl, render_zpl
from tests.printing import zpl_preview


def zpl_graphics(zpl: str) -> list[Image.Image]:
    out = []
    for m in re.finditer(r"\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS", zpl):
        total, _, row, data = int(m[1]), int(m[2]), int(m[3]), m[4]
        raw = bytes.fromhex(data)
        assert len(raw) == total and total % row == 0
        out.append(Image.frombytes("1", (row * 8, total // row), bytes(b ^ 0xFF for b in raw)))
    return out


@pytest.mark.parametrize("dpi", [203, 300])
def test_zpl_label_is_self_contained_with_native_barcodes(waybill, dpi):
    zpl = render_zpl(waybill, dpi)
    assert zpl.startswith("^XA") and zpl.rstrip().endswith("^XZ")
    assert zpl.isascii()  # no Chinese characters sent: the printer has no CJK font
    width = round(100 * dpi / 25.4)
    assert f"^PW{width}" in zpl
    assert "^BCN" in zpl and "^FDSF1400000000012^FS" in zpl and "^FDMA,SF1400000000012^FS" in zpl
    module = int(re.search(r"\^BY(\d+)", zpl)[1])
    assert module >= 3  # whole dots, >= 0.33 mm
    graphics = zpl_graphics(zpl)
    assert len(graphics) >= 6 and all(g.width <= width for g in graphics)
    assert all(
        g.getpixel((g.width - 1, y)) for g in graphics for y in range(g.height)
    )  # no black padding edge


def test_tspl_label_bitmaps_have_exactly_their_bytes(waybill):
    tspl = render_tspl(waybill, 203)
    assert tspl.startswith(b"SIZE 100 mm,150 mm\r\n") and tspl.endswith(b"PRINT 1,1\r\n")
    assert b'"128"' in tspl and b'"SF1400000000012"' in tspl and b"QRCODE" in tspl
    pos = 0
    count = 0
    while (i := tspl.find(b"BITMAP ", pos)) >= 0:
        header_end = tspl.index(b",0,", i) + 3
        _x, _y, row, height = map(int, tspl[i + 7 : header_end - 3].split(b",")[:4])
        data_end = header_end + row * height
        assert tspl[data_end : data_end + 2] == b"\r\n"
        pos = data_end
        count += 1
    assert count >= 6


@pytest.mark.parametrize("size", sorted(WAYBILL_SIZES))
def test_each_size_has_its_own_zpl_label_whose_barcodes_decode(waybill, size):
    """100x150 and 76x130 were byte-identical: the size never reached the label printer."""
    import zxingcpp

    label = WAYBILL_SIZES[size]
    zpl = render_zpl(waybill, 203, size)
    assert f"^PW{round(label.width_mm * 203 / 25.4)}" in zpl
    assert f"^LL{round(label.height_mm * 203 / 25.4)}" in zpl
    image = zpl_preview.render(zpl)
    assert all(g.width <= image.width for g in zpl_graphics(zpl))
    assert [b.text for b in zxingcpp.read_barcodes(image)].count("SF1400000000012") == 2  # Code128 and QR


def test_size_changes_zpl_and_tspl_output(waybill):
    assert render_thermal(waybill, "zpl", 203, "100x150") != render_thermal(waybill, "zpl", 203, "76x130")
    assert render_tspl(waybill, 203, "76x130").startswith(b"SIZE 76 mm,130 mm\r\n")
    assert render_tspl(waybill, 203, "4x6").startswith(b"SIZE 101.6 mm,152.4 mm\r\n")
    with pytest.raises(ValueError, match="unknown label size"):
        render_zpl(waybill, 203, "A4")

