"""Badge, bin and product labels as PDF and ZPL: each barcode decodes to what it carries."""

from __future__ import annotations

import re

import pytest

from printing.labels import (
    BadgeLabel,
    BadLabel,
    BinLabel,
    ProductLabel,
    render,
    render_labels,
    render_labels_zpl,
)
from tests.printing import zpl_preview
from tests.printing.conftest import decoded, pages, text_of

BADGE = BadgeLabel("王小明", "packer7", "packer", "B3F9A0C21DE")
BIN = BinLabel("A-01-02-3", "A 区", "SH1")
THERMOS = ProductLabel("SKU-00042", "保温杯 500ml 不锈钢真空杯", "Vacuum flask 500 ml", "6901234567892",
                       ean13=True)
CABLE = ProductLabel("SKU-CBL-1", "数据线 1 米", "", "INT-000123")


def _zxing(img):
    import zxingcpp

    return [(b.text, b.format.name) for b in zxingcpp.read_barcodes(img)]


def test_each_pdf_label_is_its_own_page_and_its_barcode_decodes(tmp_path):
    pdf = render_labels([BADGE, BIN, THERMOS, CABLE])
    shots = pages(pdf, dpi=300)
    for n, img in enumerate(shots):
        img.save(tmp_path / f"label-{n}.png")
    assert [img.size for img in shots] == [(1012, 638), (1182, 591), (709, 473), (709, 473)]  # mm at 300 dpi
    assert [_zxing(img) for img in shots] == [
        [("B3F9A0C21DE", "Code128")], [("A-01-02-3", "Code128")], [("6901234567892", "EAN13")],
        [("INT-000123", "Code128")],
    ]
    text = text_of(pdf)
    for words in ("王小明", "packer7 · packer", "A-01-02-3", "SH1 · A 区", "SKU-00042", "保温杯",
                  "Vacuum flask"):
        assert words in text


def test_copies_repeat_a_label_and_a_range_of_bins_is_one_pdf():
    bins = [BinLabel(f"A-01-01-{n}", "A 区", "SH1") for n in range(1, 5)]
    assert decoded(render_labels(bins)) == ["A-01-01-1", "A-01-01-2", "A-01-01-3", "A-01-01-4"]
    assert decoded(render_labels([CABLE], copies=3)) == ["INT-000123"] * 3


@pytest.mark.parametrize("dpi", [203, 300])
def test_zpl_labels_have_native_barcodes_that_decode(tmp_path, dpi):
    zpl = render_labels_zpl([BADGE, BIN, THERMOS], copies=2, dpi=dpi)
    assert zpl.isascii() and zpl.count("^XA") == 3 and zpl.count("^PQ2") == 3
    assert "^BEN," in zpl and "^FD690123456789^FS" in zpl  # the printer adds the check digit
    found = []
    for n, one in enumerate(x + "^XZ" for x in zpl.split("^XZ")[:-1]):
        img = zpl_preview.render(one)
        img.save(tmp_path / f"label-{dpi}-{n}.png")
        found += _zxing(img.convert("L"))
    assert found == [("B3F9A0C21DE", "Code128"), ("A-01-02-3", "Code128"), ("6901234567892", "EAN13")]


def test_zpl_control_characters_in_a_code_are_escaped_not_sent():
    zpl = render_labels_zpl([ProductLabel("X", "x", "", "AB^XZ~_>1")])
    assert "^FH_^FDAB_5EXZ_7E_5F><1^FS" in zpl
    assert _zxing(zpl_preview.render(zpl).convert("L")) == [("AB^XZ~_>1", "Code128")]


def test_a_bad_ean_a_too_long_code_or_an_unknown_format_is_one_clear_error():
    with pytest.raises(BadLabel, match="6901234567890 is not a valid EAN-13"):
        render_labels([ProductLabel("S", "n", "", "6901234567890", ean13=True)])
    with pytest.raises(BadLabel, match=re.escape("too long for a 60 mm label")):
        render_labels([ProductLabel("S", "n", "", "X" * 40)])
    with pytest.raises(BadLabel, match="not tspl"):
        render([BIN], "tspl")


def test_a_label_refusal_reads_in_chinese():
    from app.i18n import word

    with pytest.raises(BadLabel) as refused:
        render([BIN], "tspl")
    assert word(refused.value, "zh_CN") == "标签只能以 PDF 或 ZPL 打印，不能用 tspl。"


@pytest.mark.cups
def test_a_label_sent_through_the_queue_to_cups_prints_on_label_paper_not_a4(cups_queue, engine):
    import datetime as dt
    import time

    import pypdfium2 as pdfium

    from app.db import session_factory, unit_of_work
    from app.services import print_queue
    from printing.backends import make_backend
    from tests.printing.conftest import printed_pdfs

    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    factory = session_factory(engine)
    with unit_of_work(factory) as s:
        job = print_queue.request(s, "product-label", "SKU-00042", "shelf", "pdf", render_labels([THERMOS]),
                                  now=now)
    before = printed_pdfs()
    cups = make_backend(f"cups:{cups_queue}")
    view = print_queue.send(factory, job.job_id, lambda _name: cups, lambda: now)
    assert view.status == "printed"
    deadline = time.monotonic() + 20
    new: set = set()
    while not new and time.monotonic() < deadline:
        time.sleep(0.2)
        new = printed_pdfs() - before
    time.sleep(0.5)  # cups-pdf renames the file into place when it is complete
    (path,) = new
    width, height = pdfium.PdfDocument(path.read_bytes())[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (60, 40)  # was A4 landscape
    assert decoded(path.read_bytes(), 300) == ["6901234567892"]
