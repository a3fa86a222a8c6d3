"""Printing fixtures: sample snapshots, PDF rendering/decoding helpers, a real CUPS queue."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
from decimal import Decimal
from pathlib import Path

import pytest

from printing.snapshots import InvoiceLine, InvoiceSnapshot, Money, Party, WaybillSnapshot

NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
RECIPIENT = Party(
    "张伟",
    "13800138000",
    "广东省",
    "深圳市",
    "南山区",
    "科技园南路88号阳光花园12栋3单元1203室（工作日请送到公司前台，周末放丰巢快递柜）",
    "518057",
)
SENDER = Party("PackDesk 上海青浦仓", "021-61234567", "上海市", "上海市", "青浦区", "华新镇华志路1688号3号库")


@pytest.fixture
def waybill() -> WaybillSnapshot:
    return WaybillSnapshot(
        "SF",
        "顺丰速运",
        "顺丰标快",
        "SF1400000000012",
        "755W-120-00 012",
        RECIPIENT,
        SENDER,
        "PD0000000012",
        1840,
        cod=Money(Decimal("299.00")),
        declared_value=Money(Decimal("500.00")),
        items_summary="保温杯 500ml x2",
        printed_at=NOW,
    )


@pytest.fixture
def invoice() -> InvoiceSnapshot:
    lines = tuple(
        InvoiceLine(
            f"SKU-{i:05d}",
            f"保温杯 第{i}款",
            i % 3 + 1,
            Decimal("89.90"),
            Decimal("0.13") if i % 4 else Decimal("0.09"),
        )
        for i in range(1, 61)
    )
    return InvoiceSnapshot(
        "INV-2026-000012",
        "PD0000000012",
        NOW,
        SENDER,
        RECIPIENT,
        lines,
        shipping_fee=Decimal("8.00"),
        discount=Decimal("10.00"),
    )


def pages(pdf: bytes, dpi: int = 203) -> list:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    return [doc[i].render(scale=dpi / 72).to_pil() for i in range(len(doc))]


def decoded(pdf: bytes, dpi: int = 203) -> list[str]:
    import zxingcpp

    return [b.text for img in pages(pdf, dpi) for b in zxingcpp.read_barcodes(img)]


def text_of(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


@pytest.fixture(scope="session")
def cups_queue() -> str:
    """A running CUPS with the cups-pdf queue PDF (started here if we may), else skip."""
    if shutil.which("lp") is None or not Path("/usr/sbin/cupsd").exists():
        pytest.skip("CUPS is not installed (scripts/setup-system.sh installs it)")
    running = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False).stdout
    if "is running" not in running:
        if os.geteuid() != 0:
            pytest.skip("CUPS is not running and only root may start it")
        subprocess.run(["/usr/sbin/cupsd"], check=True)
        time.sleep(1)
    if subprocess.run(["lpstat", "-p", "PDF"], capture_output=True, check=False).returncode != 0:
        subprocess.run(
            ["lpadmin", "-p", "PDF", "-v", "cups-pdf:/", "-E", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"],
            check=True,
            capture_output=True,
        )
    return "PDF"


def printed_pdfs() -> set[Path]:
    return set(Path.home().joinpath("PDF").glob("*.pdf"))
