"""Waybill rendering: ours (vector bars in whole dots, QR as one path, cached font) against the
naive reportlab path (its QrCodeWidget and Code128 barcode widgets on a canvas), same run."""

from __future__ import annotations

import datetime as dt
import io
import time
from decimal import Decimal

from tests.bench.harness import Result, benchmark, percentiles_ms, timed


def _snapshots(n: int) -> list:
    from printing.snapshots import Money, Party, WaybillSnapshot

    recipient = Party(
        "张伟", "13800138000", "广东省", "深圳市", "南山区", "科技园南路88号阳光花园12栋3单元1203室"
    )
    sender = Party("PackDesk 上海青浦仓", "021-61234567", "上海市", "上海市", "青浦区", "华新镇华志路1688号")
    now = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    return [
        WaybillSnapshot(
            "SF",
            "顺丰速运",
            "顺丰标快",
            f"SF{1_400_000_000_000 + i}",
            "755W-120-00 012",
            recipient,
            sender,
            f"PD{i:010d}",
            1840,
            cod=Money(Decimal("99.00")),
            items_summary="保温杯 x2",
            printed_at=now,
        )
        for i in range(n)
    ]


def _naive(snaps: list) -> bytes:
    """What a first version would write: reportlab's barcode widgets per label."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode import code128
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from printing.fonts import font

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(100 * mm, 150 * mm))
    for s in snaps:
        c.setFont(font(), 16)
        c.drawString(5 * mm, 140 * mm, s.carrier_name)
        c.setFont(font(), 28)
        c.drawString(5 * mm, 125 * mm, s.sort_code)
        code128.Code128(s.tracking_number, barWidth=0.375 * mm, barHeight=18 * mm).drawOn(c, 5 * mm, 100 * mm)
        c.setFont(font(), 10)
        c.drawString(5 * mm, 90 * mm, f"{s.recipient.name} {s.recipient.phone}")
        c.drawString(5 * mm, 85 * mm, s.recipient.address)
        qr = QrCodeWidget(s.tracking_number)
        b = qr.getBounds()
        d = Drawing(
            24 * mm, 24 * mm, transform=[24 * mm / (b[2] - b[0]), 0, 0, 24 * mm / (b[3] - b[1]), 0, 0]
        )
        d.add(qr)
        renderPDF.draw(d, c, 70 * mm, 10 * mm)
        c.showPage()
    c.save()
    return buf.getvalue()


@benchmark("waybill_one")
def waybill_one() -> Result:
    from printing.documents import render_waybill

    snaps = _snapshots(200)
    render_waybill(snaps[0])  # font registration and caches: once per process
    it = iter(snaps)
    ours = percentiles_ms(timed(lambda: render_waybill(next(it)), 200))
    it2 = iter(snaps)
    naive = percentiles_ms(timed(lambda: _naive([next(it2)]), 200))
    return Result(
        "waybill_one",
        ours,
        peer=f"naive reportlab widgets p50 {naive['p50_ms']:.2f} ms",
        ratio=naive["p50_ms"] / ours["p50_ms"],
        ratio_note="speedup",
        goal="< 10 ms, >= 5x",
    )


@benchmark("waybill_batch_1000")
def waybill_batch() -> Result:
    from printing.documents import render_waybills

    snaps = _snapshots(1000)
    render_waybills(snaps[:1])
    t0 = time.perf_counter()
    pdf = render_waybills(snaps)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    _naive(snaps)
    naive = time.perf_counter() - t0
    return Result(
        "waybill_batch_1000",
        {"total_s": ours, "pdf_mb": len(pdf) / 1e6},
        peer=f"naive reportlab widgets {naive:.2f} s",
        ratio=naive / ours,
        ratio_note="speedup",
        goal="< 3 s, >= 5x",
    )
