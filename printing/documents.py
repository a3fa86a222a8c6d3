"""Documents as PDF bytes: waybills (GB/T 41833 sizes and 4x6), invoice, packing slip, pick list,
carrier manifest. Pure functions of a snapshot; every font embedded (a subset of the CJK TTF).
They print the names, phones and addresses the snapshot carries: masking is decided where the
snapshot is built."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.barcodes import code128_width, draw_code128, draw_qr, fit_module
from printing.fonts import font, text_width
from printing.layout import draw_fitted, draw_text
from printing.snapshots import (
    InvoiceSnapshot,
    ManifestSnapshot,
    Money,
    PackingSlipSnapshot,
    Party,
    PickListSnapshot,
    WaybillSnapshot,
)

# Streams are Flate-compressed binary; ASCII85 on top only makes PDFs larger and slower to write.
rl_config.useA85 = 0


@dataclass(frozen=True)
class LabelSize:
    width_mm: float
    height_mm: float
    stub_mm: float = 0  # tear-off customer stub at the bottom (two-part waybills)
    international: bool = False


WAYBILL_SIZES = {
    "100x150": LabelSize(100, 150),  # GB/T 41833-2022 one-part, the default
    "76x130": LabelSize(76, 130),
    "100x180": LabelSize(100, 180, stub_mm=30),  # two-part with customer stub
    "4x6": LabelSize(101.6, 152.4, international=True),
}


def _canvas(buf: io.BytesIO, size: tuple[float, float], title: str) -> Canvas:
    c = Canvas(buf, pagesize=size, pageCompression=1, initialFontName=font(), initialFontSize=8)
    c.setTitle(title)
    c.setCreator("PackDesk")
    return c


def _local(t: dt.datetime) -> str:
    """The time as the snapshot carries it: the app puts it in the site's zone (app.timezone)."""
    return t.strftime("%Y-%m-%d %H:%M")


# -- waybill ------------------------------------------------------------------------------------
def render_waybill(snap: WaybillSnapshot, size: str = "100x150") -> bytes:
    return render_waybills([snap], size)


def render_waybills(snaps: Sequence[WaybillSnapshot], size: str = "100x150") -> bytes:
    """One page per waybill (a batch is one PDF, ready for one print job)."""
    label = WAYBILL_SIZES[size]
    buf = io.BytesIO()
    c = _canvas(buf, (label.width_mm * mm, label.height_mm * mm), "Waybill")
    for snap in snaps:
        _waybill_page(c, snap, label)
        c.showPage()
    c.save()
    return buf.getvalue()


def _waybill_page(c: Canvas, s: WaybillSnapshot, label: LabelSize) -> None:
    W = label.width_mm * mm
    H = label.height_mm * mm
    scale = label.width_mm / 100  # 76 mm labels shrink type and zones in proportion
    m = 3 * mm
    inner = W - 2 * m
    main_bottom = label.stub_mm * mm
    c.setLineWidth(0.8)
    c.rect(m / 2, main_bottom + m / 2, W - m, H - main_bottom - m)
    y = H - m
    intl = label.international

    # 1. carrier, service, COD flag, print time
    head = 11 * mm * scale
    draw_text(c, s.carrier_name, m + 1 * mm, y - head * 0.62, 16 * scale, bold=True)
    c.setFont(font(), 8 * scale)
    c.drawString(m + 1 * mm, y - head * 0.95, s.service)
    right = W - m - 1 * mm
    if s.cod is not None:
        tag = ("COD " if intl else "代收货款 ") + str(s.cod)
        tw = text_width(tag, 10 * scale) + 3 * mm
        c.rect(right - tw, y - head * 0.72, tw, 6 * mm * scale, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont(font(), 10 * scale)
        c.drawRightString(right - 1.5 * mm, y - head * 0.72 + 1.6 * mm * scale, tag)
        c.setFillColorRGB(0, 0, 0)
    c.setFont(font(), 6.5 * scale)
    c.drawRightString(
        right,
        y - head * 0.95,
        ("Printed " if intl else "打印时间 ")
        + _local(s.printed_at)
        + (" REPRINT" if s.reprint and intl else " 补打" if s.reprint else ""),
    )
    y -= head
    c.line(m / 2, y, W - m / 2, y)

    # 2. three-segment sorting code, large
    zone = 15 * mm * scale
    draw_fitted(c, s.sort_code, m + 1 * mm, y - 1.5 * mm, inner - 2 * mm, zone - 2 * mm, 30 * scale, 14)
    y -= zone
    c.line(m / 2, y, W - m / 2, y)

    # 3. tracking number as Code128 with the number under it
    zone = 24 * mm * scale
    module = fit_module(s.tracking_number, inner)
    x = (W - code128_width(s.tracking_number, module)) / 2
    draw_code128(c, s.tracking_number, x, y - zone + 1.5 * mm, zone - 3 * mm, module, text_size=10 * scale)
    y -= zone
    c.line(m / 2, y, W - m / 2, y)

    # 4. recipient: name and phone large, full address fitted
    zone = 30 * mm * scale
    tag_w = _zone_tag(c, "TO" if intl else "收", m, y, zone, scale)
    tx = m + tag_w + 2 * mm
    tw = W - m - tx - 1 * mm
    draw_fitted(c, f"{s.recipient.name}  {s.recipient.phone}", tx, y - 1.5 * mm, tw, 7 * mm * scale,
                13 * scale, 8)
    address = s.recipient.address + (f" {s.recipient.postcode}" if intl and s.recipient.postcode else "")
    draw_fitted(c, address, tx, y - 9 * mm * scale, tw, zone - 10 * mm * scale, 11 * scale, 9 * scale)
    y -= zone
    c.line(m / 2, y, W - m / 2, y)

    # 5. sender
    zone = 17 * mm * scale
    tag_w = _zone_tag(c, "FROM" if intl else "寄", m, y, zone, scale)
    tx = m + tag_w + 2 * mm
    tw = W - m - tx - 1 * mm
    draw_fitted(c, f"{s.sender.name}  {s.sender.phone}", tx, y - 1.5 * mm, tw, 5 * mm * scale, 9 * scale, 6)
    draw_fitted(c, s.sender.address, tx, y - 6.5 * mm * scale, tw, zone - 7.5 * mm * scale, 8 * scale, 6)
    y -= zone
    c.line(m / 2, y, W - m / 2, y)

    # 6. parcel facts, order, items, and the tracking number again as QR
    qr = min(24 * mm * scale, y - main_bottom - m - 12 * mm * scale)
    draw_qr(c, s.tracking_number, W - m - qr, y - qr - 1 * mm, qr)
    facts = [
        (("Weight" if intl else "重量") + f" {s.weight_g / 1000:.2f} kg"),
        (("Pieces" if intl else "件数") + f" {s.pieces}"),
    ]
    if s.declared_value is not None:
        facts.append(("Declared" if intl else "保价") + f" {s.declared_value}")
    c.setFont(font(), 8.5 * scale)
    c.drawString(m + 1 * mm, y - 4 * mm * scale, "   ".join(facts))
    c.drawString(m + 1 * mm, y - 8.5 * mm * scale, ("Order " if intl else "订单号 ") + s.order_number)
    if s.items_summary:
        draw_fitted(
            c,
            ("Items: " if intl else "内件：") + s.items_summary,
            m + 1 * mm,
            y - 10 * mm * scale,
            W - 2 * m - qr - 3 * mm,
            qr - 10 * mm * scale,
            8 * scale,
            6,
        )
    y -= qr + 2 * mm
    c.line(m / 2, y, W - m / 2, y)

    # 7. signature box for the courier's proof of delivery
    c.setFont(font(), 7 * scale)
    c.drawString(m + 1 * mm, y - 4 * mm, "Received by / date:" if intl else "签收人/时间：")
    c.setFont(font(), 6 * scale)
    c.drawRightString(W - m - 1 * mm, main_bottom + m, s.tracking_number)

    if label.stub_mm:
        _stub(c, s, W, main_bottom, m)


def _zone_tag(c: Canvas, text: str, x: float, top: float, height: float, scale: float) -> float:
    """The black side tab that names a zone (收 / 寄 / TO / FROM); its word shrinks to fit inside."""
    w = (7 if len(text) == 1 else 10) * mm * scale
    c.rect(x / 2, top - height, w, height, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    size = min(12 * scale, (w - 2 * mm) / text_width(text, 1))
    draw_text(
        c,
        text,
        x / 2 + w / 2 - text_width(text, size) / 2,
        top - height / 2 - size / 3,
        size,
        bold=True,
    )
    c.setFillColorRGB(0, 0, 0)
    return w


def _stub(c: Canvas, s: WaybillSnapshot, W: float, height: float, m: float) -> None:
    """Customer stub below the perforation: tracking barcode, recipient, items."""
    c.setDash(2, 2)
    c.line(0, height, W, height)
    c.setDash()
    c.setFont(font(), 6)
    c.drawString(m, height - 3 * mm, "客户联  " + s.carrier_name)
    module = fit_module(s.tracking_number, W * 0.6, max_dots=2)
    draw_code128(c, s.tracking_number, m / 2, 3 * mm, height - 8 * mm, module, text_size=7)
    draw_fitted(
        c,
        f"收：{s.recipient.name} {s.recipient.phone}",
        W * 0.62,
        height - 5 * mm,
        W * 0.36,
        5 * mm,
        7,
        5.5,
    )
    draw_fitted(
        c, s.items_summary or s.order_number, W * 0.62, height - 11 * mm, W * 0.36, height - 14 * mm, 6.5, 5.5
    )


# -- A4 documents with tables --------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float
    align: str = "left"  # left / right / center


class _TableDoc:
    """An A4 document whose rows flow over pages, repeating the page header and table header,
    with "page x of y" (layout is computed before drawing, so y is known)."""

    top_block_mm = 62.0  # what the first page shows above the table
    next_top_mm = 30.0
    row_mm = 7.0
    footer_mm = 18.0

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        row_height_mm: float | None = None,
        last_block_mm: float = 0,
    ) -> None:
        self.title = title
        self.columns = columns
        self.rows = rows
        self.row_mm = row_height_mm or self.row_mm
        self.last_block_mm = last_block_mm

    def paginate(self) -> list[Sequence[Sequence[str]]]:
        H = A4[1] / mm
        pages: list[Sequence[Sequence[str]]] = []
        i = 0
        first = True
        while True:
            room = H - (self.top_block_mm if first else self.next_top_mm) - self.footer_mm - self.row_mm
            n = max(1, int(room // self.row_mm))
            chunk = self.rows[i : i + n]
            i += len(chunk)
            if i >= len(self.rows):
                # the totals block must fit under the last rows, else it gets a page of its own
                if len(chunk) * self.row_mm + self.last_block_mm > room:
                    pages.append(chunk)
                    pages.append(())
                else:
                    pages.append(chunk)
                return pages
            pages.append(chunk)
            first = False

    def render(
        self,
        first_header: Callable[[Canvas], None],
        page_header: Callable[[Canvas], None],
        cell: Callable[[Canvas, int, str, float, float, float], None] | None = None,
        last_block: Callable[[Canvas, float], None] | None = None,
    ) -> bytes:
        buf = io.BytesIO()
        c = _canvas(buf, A4, self.title)
        pages = self.paginate()
        W, H = A4
        for n, rows in enumerate(pages, start=1):
            (first_header if n == 1 else page_header)(c)
            top = H - (self.top_block_mm if n == 1 else self.next_top_mm) * mm
            y = self._table(c, rows, top, cell)
            if n == len(pages) and last_block:
                last_block(c, y - 4 * mm)
            c.setFont(font(), 8)
            c.drawCentredString(W / 2, 10 * mm, f"Page {n} of {len(pages)}  第 {n} 页 / 共 {len(pages)} 页")
            c.showPage()
        c.save()
        return buf.getvalue()

    def _table(
        self,
        c: Canvas,
        rows: Sequence[Sequence[str]],
        top: float,
        cell: Callable[[Canvas, int, str, float, float, float], None] | None,
    ) -> float:
        x0 = 15 * mm
        rh = self.row_mm * mm
        c.setFillColorRGB(0.92, 0.93, 0.95)
        c.rect(x0, top - 7 * mm, sum(col.width_mm for col in self.columns) * mm, 7 * mm, fill=1, stroke=0)
        c.setFillColorRGB(0, 0, 0)
        self._row(c, [col.title for col in self.columns], top - 7 * mm, 7 * mm, 8.5, None)
        y = top - 7 * mm
        for row in rows:
            y -= rh
            self._row(c, row, y, rh, 8.5, cell)
            c.setStrokeColorRGB(0.8, 0.8, 0.8)
            c.line(x0, y, x0 + sum(col.width_mm for col in self.columns) * mm, y)
            c.setStrokeColorRGB(0, 0, 0)
        return y

    def _row(
        self,
        c: Canvas,
        values: Sequence[str],
        y: float,
        h: float,
        size: float,
        cell: Callable[[Canvas, int, str, float, float, float], None] | None,
    ) -> None:
        x = 15 * mm
        for i, (col, value) in enumerate(zip(self.columns, values, strict=True)):
            w = col.width_mm * mm
            if cell is not None and value.startswith("\x00"):
                cell(c, i, value[1:], x, y, w)  # a cell drawn by the document (a barcode)
            else:
                f = size
                while text_width(value, f) > w - 2 * mm and f > 5:
                    f -= 0.5
                c.setFont(font(), f)
                ty = y + h / 2 - f * 0.35
                if col.align == "right":
                    c.drawRightString(x + w - 1 * mm, ty, value)
                elif col.align == "center":
                    c.drawCentredString(x + w / 2, ty, value)
                else:
                    c.drawString(x + 1 * mm, ty, value)
            x += w


def _party_block(c: Canvas, title: str, p: Party, x: float, top: float, width: float) -> None:
    c.setFont(font(), 8)
    c.drawString(x, top, title)
    c.setFont(font(), 10)
    c.drawString(x, top - 5 * mm, p.company or p.name)
    lines = [p.name if p.company else "", p.address, p.phone, f"税号 Tax ID: {p.tax_id}" if p.tax_id else ""]
    y = top - 6.5 * mm
    for line in (x for x in lines if x):
        fitted = draw_fitted(c, line, x, y, width, 9 * mm, 8.5, 7)
        y -= len(fitted.lines) * fitted.leading + 0.8 * mm


def _money(amount: Decimal, currency: str) -> str:
    return str(Money(amount, currency))


def render_invoice(s: InvoiceSnapshot) -> bytes:
    columns = [
        Column("SKU", 30),
        Column("商品 Item", 62),
        Column("数量 Qty", 16, "right"),
        Column("单价 Unit price", 26, "right"),
        Column("税率 Tax", 15, "right"),
        Column("金额 Amount", 31, "right"),
    ]
    rows = [
        (
            line.sku,
            line.name,
            str(line.quantity),
            _money(line.unit_price, s.currency),
            f"{line.tax_rate * 100:.0f}%",
            _money(line.amount, s.currency),
        )
        for line in s.lines
    ]
    summary = s.tax_summary()
    doc = _TableDoc(f"Invoice {s.invoice_number}", columns, rows, last_block_mm=40 + 6 * len(summary))
    W, H = A4

    def header(c: Canvas, first: bool) -> None:
        draw_text(c, "发票 INVOICE", 15 * mm, H - 20 * mm, 18, bold=True)
        c.setFont(font(), 9)
        c.drawRightString(W - 15 * mm, H - 14 * mm, f"发票号 Invoice no.  {s.invoice_number}")
        c.drawRightString(W - 15 * mm, H - 19 * mm, f"开票日期 Date  {_local(s.issued_at)[:10]}")
        c.drawRightString(W - 15 * mm, H - 24 * mm, f"订单号 Order  {s.order_number}")
        if first:
            module = fit_module(s.order_number, 70 * mm, max_dots=3)
            bw = code128_width(s.order_number, module)
            draw_code128(c, s.order_number, W - 15 * mm - bw, H - 40 * mm, 13 * mm, module, text_size=7)
            _party_block(c, "销售方 Seller", s.seller, 15 * mm, H - 30 * mm, 80 * mm)
            _party_block(c, "购买方 Buyer", s.buyer, 100 * mm, H - 45 * mm, 95 * mm)

    def totals(c: Canvas, y: float) -> None:
        x_label, x_value = W - 90 * mm, W - 15 * mm
        subtotal = sum((line.amount for line in s.lines), Decimal(0))
        entries = [("小计 Subtotal", subtotal)]
        if s.shipping_fee:
            entries.append(("运费 Shipping", s.shipping_fee))
        if s.discount:
            entries.append(("优惠 Discount", -s.discount))
        for label, amount in entries:
            c.setFont(font(), 9)
            c.drawString(x_label, y, label)
            c.drawRightString(x_value, y, _money(amount, s.currency))
            y -= 5.5 * mm
        draw_text(c, "合计 Total", x_label, y - 1 * mm, 11, bold=True)
        draw_text(
            c,
            _money(s.total, s.currency),
            x_value - text_width(_money(s.total, s.currency), 11),
            y - 1 * mm,
            11,
            bold=True,
        )
        y -= 9 * mm
        c.setFont(font(), 8.5)
        c.drawString(
            15 * mm,
            y,
            "税额汇总 Tax summary" + ("（含税价 prices include tax）" if s.prices_include_tax else ""),
        )
        for rate, net, tax in summary:
            y -= 5 * mm
            c.drawString(15 * mm, y, f"{rate * 100:.0f}%")
            c.drawRightString(95 * mm, y, "不含税 Net " + _money(net, s.currency))
            c.drawRightString(150 * mm, y, "税额 Tax " + _money(tax, s.currency))

    return doc.render(lambda c: header(c, True), lambda c: header(c, False), last_block=totals)


def render_packing_slip(s: PackingSlipSnapshot) -> bytes:
    columns = [
        Column("✓", 10, "center"),
        Column("SKU", 32),
        Column("商品 Item", 110),
        Column("数量 Qty", 28, "right"),
    ]
    rows = [("☐", line.sku, line.name, str(line.quantity)) for line in s.lines]
    doc = _TableDoc(f"Packing slip {s.order_number}", columns, rows, last_block_mm=20)
    W, H = A4

    def header(c: Canvas, first: bool) -> None:
        draw_text(c, "装箱单 PACKING SLIP", 15 * mm, H - 20 * mm, 16, bold=True)
        module = fit_module(s.order_number, 70 * mm, max_dots=3)
        bw = code128_width(s.order_number, module)
        draw_code128(c, s.order_number, W - 15 * mm - bw, H - 28 * mm, 14 * mm, module, text_size=7)
        if first:
            c.setFont(font(), 9)
            c.drawString(15 * mm, H - 27 * mm, f"下单时间 Ordered {_local(s.placed_at)}")
            _party_block(c, "收货人 Ship to", s.recipient, 15 * mm, H - 36 * mm, 120 * mm)

    def note(c: Canvas, y: float) -> None:
        c.setFont(font(), 9)
        total = sum(line.quantity for line in s.lines)
        c.drawString(15 * mm, y, f"共 {total} 件 / {total} item(s)")
        if s.note:
            draw_fitted(c, "备注 Note: " + s.note, 15 * mm, y - 3 * mm, 180 * mm, 12 * mm, 9, 6)

    return doc.render(lambda c: header(c, True), lambda c: header(c, False), last_block=note)


def render_pick_list(s: PickListSnapshot) -> bytes:
    columns = [
        Column("库位 Bin", 26),
        Column("SKU", 24),
        Column("商品 Item", 46),
        Column("数量", 12, "right"),
        Column("周转箱 Tote", 20),
        Column("条码 Barcode", 52),
    ]
    rows = [
        (line.bin_code, line.sku, line.name, str(line.quantity), line.tote, "\x00" + line.barcode)
        for line in s.lines
    ]
    doc = _TableDoc(f"Pick list {s.wave_number}", columns, rows, row_height_mm=11)
    doc.top_block_mm = 40
    W, H = A4

    def header(c: Canvas) -> None:
        draw_text(c, f"拣货单 PICK LIST  {s.wave_number}", 15 * mm, H - 18 * mm, 15, bold=True)
        c.setFont(font(), 9)
        c.drawString(
            15 * mm,
            H - 24 * mm,
            f"拣货员 Picker: {s.picker}   {_local(s.created_at)}   "
            f"{len(s.lines)} 行 lines, {sum(x.quantity for x in s.lines)} 件 units",
        )
        module = fit_module(s.wave_number, 60 * mm, max_dots=3)
        bw = code128_width(s.wave_number, module)
        draw_code128(c, s.wave_number, W - 15 * mm - bw, H - 28 * mm, 12 * mm, module, text_size=7)

    def barcode_cell(c: Canvas, _i: int, value: str, x: float, y: float, w: float) -> None:
        module = fit_module(value, w, max_dots=3)
        draw_code128(c, value, x, y + 0.8 * mm, 9.5 * mm, module, text_size=5.5)

    return doc.render(header, header, cell=barcode_cell)


def render_manifest(s: ManifestSnapshot) -> bytes:
    columns = [
        Column("#", 10, "right"),
        Column("运单号 Tracking", 70),
        Column("订单号 Order", 36),
        Column("目的地 Destination", 40),
        Column("重量 kg", 24, "right"),
    ]
    rows = [
        (str(i), "\x00" + p.tracking_number, p.order_number, p.destination, f"{p.weight_g / 1000:.2f}")
        for i, p in enumerate(s.parcels, start=1)
    ]
    doc = _TableDoc(f"Manifest {s.batch_number}", columns, rows, row_height_mm=13, last_block_mm=35)
    doc.top_block_mm = 42
    W, H = A4

    def header(c: Canvas) -> None:
        draw_text(c, f"交接清单 HAND-OVER MANIFEST  {s.carrier_name}", 15 * mm, H - 18 * mm, 14, bold=True)
        c.setFont(font(), 9)
        c.drawString(
            15 * mm, H - 24 * mm, f"批次 Batch {s.batch_number}   {s.warehouse}   {_local(s.created_at)}"
        )
        module = fit_module(s.batch_number, 60 * mm, max_dots=3)
        bw = code128_width(s.batch_number, module)
        draw_code128(c, s.batch_number, W - 15 * mm - bw, H - 30 * mm, 12 * mm, module, text_size=7)

    def tracking_cell(c: Canvas, _i: int, value: str, x: float, y: float, w: float) -> None:
        module = fit_module(value, w, max_dots=3)
        draw_code128(c, value, x, y + 0.8 * mm, 11.5 * mm, module, text_size=6)

    def signatures(c: Canvas, y: float) -> None:
        total = sum(p.weight_g for p in s.parcels) / 1000
        c.setFont(font(), 10)
        c.drawString(15 * mm, y, f"合计 Total: {len(s.parcels)} 件 parcels, {total:.2f} kg")
        c.setFont(font(), 9)
        c.drawString(15 * mm, y - 14 * mm, "仓库交接人 Warehouse: ____________________")
        c.drawString(110 * mm, y - 14 * mm, "快递员 Courier: ____________________")
        c.drawString(15 * mm, y - 24 * mm, "时间 Time: ____________________")

    return doc.render(header, header, cell=tracking_cell, last_block=signatures)
