"""Every document rendered to PNG: barcodes decode to the right numbers, Chinese text and totals
are in the text layer, fonts are embedded, long addresses fit."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from printing import documents as docs
from printing.layout import DoesNotFit, fit
from printing.snapshots import (
    ManifestParcel,
    ManifestSnapshot,
    PackingSlipSnapshot,
    PickLine,
    PickListSnapshot,
)
from tests.printing.conftest import NOW, RECIPIENT, decoded, pages, text_of


def assert_fonts_embedded(pdf: bytes) -> None:
    fonts = re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", pdf)
    assert fonts, "no fonts at all?"
    assert b"/FontFile2" in pdf  # TrueType program embedded
    assert not any(f in (b"STSong-Light", b"Helvetica", b"Times-Roman") for f in fonts), fonts


@pytest.mark.parametrize("size", sorted(docs.WAYBILL_SIZES))
@pytest.mark.parametrize("dpi", [203, 300])
def test_waybill_barcodes_decode_at_printer_resolutions(waybill, size, dpi):
    pdf = docs.render_waybill(waybill, size)
    codes = decoded(pdf, dpi)
    assert codes.count("SF1400000000012") >= 2  # Code128 and QR (and the stub's)
    assert_fonts_embedded(pdf)


def test_waybill_prints_the_contact_the_snapshot_carries_full_address_and_parcel_facts(waybill):
    from dataclasses import replace

    masked = replace(waybill, recipient=replace(RECIPIENT, name="张*", phone="138****8000"))
    text = text_of(docs.render_waybill(masked))
    assert "张*" in text and "138****8000" in text and "13800138000" not in text
    flat = text.replace("\r", "").replace("\n", "")
    assert "广东省深圳市南山区科技园南路88号" in flat and "周末放丰巢快递柜" in flat
    assert "755W-120-00 012" in text and "PD0000000012" in text
    assert "¥299.00" in text and "¥500.00" in text and "1.84 kg" in text


@pytest.mark.parametrize("size", sorted(docs.WAYBILL_SIZES))
def test_waybill_prints_no_contact_of_its_own_on_any_size(waybill, size):
    from dataclasses import replace

    masked = replace(waybill, recipient=replace(RECIPIENT, name="J*** S****", phone="138****8000"))
    text = text_of(docs.render_waybill(masked, size))
    assert "J*** S****" in text and "138****8000" in text and "13800138000" not in text


@pytest.mark.parametrize("size", sorted(docs.WAYBILL_SIZES))
def test_zone_tabs_keep_their_word_inside_the_black_tab(waybill, size):
    """The 4x6 "FROM" ran past its tab (white on white: "F" lost off the tab's left edge)."""
    import pypdfium2 as pdfium
    from reportlab.lib.units import mm

    label = docs.WAYBILL_SIZES[size]
    tab_w = (10 if label.international else 7) * mm * label.width_mm / 100
    pdf = pdfium.PdfDocument(docs.render_waybill(waybill, size))
    chars = pdf[0].get_textpage()
    text = chars.get_text_range()
    for word in ("TO", "FROM") if label.international else ("收", "寄"):
        starts = [i for i in range(len(text)) if text.startswith(word, i)]
        tab = min(starts, key=lambda i: chars.get_charbox(i)[0])  # the word nearest the left edge
        left, right = chars.get_charbox(tab)[0], chars.get_charbox(tab + len(word) - 1)[2]
        assert 1.5 * mm <= left and right <= 1.5 * mm + tab_w, (word, left / mm, right / mm)
    pdf.close()


def test_long_addresses_shrink_then_wrap_and_never_overflow():
    short = fit("深圳市南山区", 100, 20, 11, 7)
    assert short.size == 11 and len(short.lines) == 1
    long = fit("广东省深圳市南山区科技园南路88号阳光花园12栋3单元1203室" * 3, 200, 60, 11, 7)
    assert long.size <= 7 and len(long.lines) > 1 and len(long.lines) * long.leading <= 60
    with pytest.raises(DoesNotFit):
        fit("很长的地址" * 200, 100, 20, 11, 7)


def test_invoice_pages_totals_and_tax_summary(invoice):
    pdf = docs.render_invoice(invoice)
    imgs = pages(pdf, 150)
    assert len(imgs) >= 2
    text = text_of(pdf)
    assert f"of {len(imgs)}" in text and "第 1 页 / 共" in text
    total = sum(line.amount for line in invoice.lines) + Decimal("8.00") - Decimal("10.00")
    assert f"¥{total:,.2f}" in text
    for rate, net, tax in invoice.tax_summary():
        assert net + tax == sum(line.amount for line in invoice.lines if line.tax_rate == rate)
        assert f"¥{tax:,.2f}" in text
    assert text.count("SKU-00060") == 1 and "SKU" in text.split("\f")[-1]
    assert "PD0000000012" in decoded(pdf)
    assert_fonts_embedded(pdf)


def test_packing_slip_pick_list_and_manifest():
    slip = docs.render_packing_slip(PackingSlipSnapshot("PD0000000012", NOW, RECIPIENT, (), note="易碎"))
    assert "PD0000000012" in decoded(slip) and "易碎" in text_of(slip)
    picks = PickListSnapshot(
        "W-20261123-001",
        "王拣货",
        tuple(
            PickLine(f"A-{i:02d}-03-1", f"SKU-{i:05d}", f"商品{i}", 1, f"69012345{i:04d}0", "TOTE-0001")
            for i in range(1, 4)
        ),
        NOW,
    )
    pick_pdf = docs.render_pick_list(picks)
    codes = decoded(pick_pdf)
    assert "W-20261123-001" in codes and "690123450001" + "0" in codes
    assert "A-01-03-1" in text_of(pick_pdf)
    parcels = tuple(
        ManifestParcel(f"SF14000000000{i:02d}", f"PD00000000{i:02d}", 1000 + i, "深圳市")
        for i in range(1, 31)
    )
    manifest = docs.render_manifest(ManifestSnapshot("HB-1", "SF", "顺丰速运", "上海仓", parcels, NOW))
    codes = decoded(manifest)
    assert {p.tracking_number for p in parcels} <= set(codes)
    assert "30 件" in text_of(manifest)
