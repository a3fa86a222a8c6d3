"""The waybill in the languages label printers speak: ZPL (Zebra and compatibles) and TSPL
(TSC, Xprinter, Gprinter …), for 203 and 300 dpi.

Printers have no CJK fonts, so every text is rasterised with the shipped TrueType font and
sent as a graphic (ZPL ``^GFA``, TSPL ``BITMAP``); barcodes stay native printer commands
(``^BC``/``^BQ``, ``BARCODE``/``QRCODE``) so the printer draws them at its own resolution.
Each label is self-contained: size, darkness-neutral settings, and one print command. The label
size (``printing.documents.WAYBILL_SIZES``) sets the page and scales the type; names and phones
are printed as the snapshot carries them (masked where it was built).
"""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from printing.documents import WAYBILL_SIZES, LabelSize
from printing.fonts import FONT_FILE
from printing.snapshots import WaybillSnapshot

FORMATS = ("zpl", "tspl")


@lru_cache(maxsize=32)
def _font(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), px, index=0)


def raster(text: str, px: int, max_width: int) -> Image.Image:
    """Text as a 1-bit image no wider than ``max_width`` dots: shrunk to 3/4 of its size at
    most, then wrapped by character (never clipped). The width is a whole number of bytes."""
    floor = max(8, px * 3 // 4)
    while px > floor and _font(px).getlength(text) > max_width:
        px -= 1
    font = _font(px)
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and font.getlength(line + ch) > max_width:
            lines.append(line)
            line = ch.lstrip()
        else:
            line += ch
    lines.append(line)
    width = min(max_width, max(int(font.getlength(x)) for x in lines) + 2)
    width = (width + 7) // 8 * 8  # padding bits stay white instead of printing a black edge
    step = px + px // 4
    img = Image.new("1", (width, step * len(lines)), 1)
    draw = ImageDraw.Draw(img)
    for n, x in enumerate(lines):
        draw.text((0, n * step), x, font=font, fill=0)
    return img


def _bytes_per_row(img: Image.Image) -> int:
    return (img.width + 7) // 8


def _rows(img: Image.Image, dark_is_one: bool) -> bytes:
    """Packed rows, MSB first; ZPL wants 1 = black, TSPL BITMAP wants 0 = black."""
    data = img.convert("1").tobytes()  # PIL "1": bit 1 = white
    return data if not dark_is_one else bytes(b ^ 0xFF for b in data)


def _lines(s: WaybillSnapshot, label: LabelSize) -> list[tuple[str, float]]:
    """(text, height in mm/10) of each text row, top to bottom; 76 mm labels scale type down."""
    scale = label.width_mm / 100
    to, sender = ("TO", "FROM") if label.international else ("收", "寄")
    out = [(f"{s.carrier_name}  {s.service}", 45), (s.sort_code, 80)]
    out += [(f"{to} {s.recipient.name} {s.recipient.phone}", 45), (s.recipient.address, 32),
            (f"{sender} {s.sender.name} {s.sender.phone}", 28), (s.sender.address, 26)]
    facts = f"重量 {s.weight_g / 1000:.2f}kg  件数 {s.pieces}  订单 {s.order_number}"
    if s.cod is not None:
        facts += f"  代收 {s.cod}"
    out.append((facts, 28))
    if s.items_summary:
        out.append((s.items_summary, 26))
    return [(text, height * scale) for text, height in out]


def _dots(mm10: float, dpi: int) -> int:
    return round(mm10 / 10 * dpi / 25.4)


def _label(size: str) -> LabelSize:
    if size not in WAYBILL_SIZES:
        raise ValueError(f"unknown label size {size!r}; use one of {', '.join(sorted(WAYBILL_SIZES))}")
    return WAYBILL_SIZES[size]


def _layout(s: WaybillSnapshot, dpi: int, label: LabelSize) -> list[tuple[int, int, Image.Image]]:
    """Text graphics with their (x, y) positions in dots, leaving a band for the barcode."""
    margin = _dots(30, dpi)
    usable = _dots(label.width_mm * 10, dpi) - 2 * margin
    y = margin
    placed = []
    for i, (text, height) in enumerate(_lines(s, label)):
        img = raster(text, _dots(height, dpi), usable)
        placed.append((margin, y, img))
        y += img.height + _dots(15, dpi)
        if i == 1:  # after the sort code: room for the Code128
            y += _dots(200, dpi)
    return placed


def barcode_band_y(s: WaybillSnapshot, dpi: int, size: str = "100x150") -> int:
    label = _label(size)
    margin = _dots(30, dpi)
    top_two = sum(raster(t, _dots(h, dpi), 10_000).height + _dots(15, dpi) for t, h in _lines(s, label)[:2])
    return margin + top_two


def _qr_at(label: LabelSize, dpi: int) -> tuple[int, int]:
    """Bottom right of the main part (above a two-part label's stub)."""
    bottom = _dots((label.height_mm - label.stub_mm) * 10, dpi)
    return _dots(label.width_mm * 10, dpi) - _dots(280, dpi), bottom - _dots(300, dpi)


def render_zpl(s: WaybillSnapshot, dpi: int = 203, size: str = "100x150") -> str:
    label = _label(size)
    module = 3 if dpi < 250 else 4  # whole dots: 0.375 mm at 203 dpi, 0.34 mm at 300 dpi
    out = ["^XA", "^CI28", f"^PW{_dots(label.width_mm * 10, dpi)}", f"^LL{_dots(label.height_mm * 10, dpi)}",
           "^LH0,0"]
    for x, y, img in _layout(s, dpi, label):
        row = _bytes_per_row(img)
        data = _rows(img, dark_is_one=True).hex().upper()
        out.append(f"^FO{x},{y}^GFA,{row * img.height},{row * img.height},{row},{data}^FS")
    by = barcode_band_y(s, dpi, size)
    out.append(f"^FO{_dots(60, dpi)},{by}^BY{module},3,{_dots(150, dpi)}^BCN,{_dots(150, dpi)},Y,N,N"
               f"^FD{s.tracking_number}^FS")
    qx, qy = _qr_at(label, dpi)
    out.append(f"^FO{qx},{qy}^BQN,2,{4 if dpi < 250 else 6}^FDMA,{s.tracking_number}^FS")
    out.append("^PQ1")
    out.append("^XZ")
    return "\n".join(out) + "\n"


def render_tspl(s: WaybillSnapshot, dpi: int = 203, size: str = "100x150") -> bytes:
    """TSPL is bytes, not text: BITMAP data follows its command as raw binary."""
    label = _label(size)
    module = 3 if dpi < 250 else 4
    out = bytearray()

    def cmd(line: str) -> None:
        out.extend(line.encode("ascii") + b"\r\n")

    cmd(f"SIZE {label.width_mm:g} mm,{label.height_mm:g} mm")
    cmd("GAP 2 mm,0 mm")
    cmd("DIRECTION 1")
    cmd("CLS")
    for x, y, img in _layout(s, dpi, label):
        row = _bytes_per_row(img)
        out.extend(f"BITMAP {x},{y},{row},{img.height},0,".encode("ascii"))
        out.extend(_rows(img, dark_is_one=False))
        out.extend(b"\r\n")
    by = barcode_band_y(s, dpi, size)
    cmd(f'BARCODE {_dots(60, dpi)},{by},"128",{_dots(150, dpi)},1,0,{module},{module},"{s.tracking_number}"')
    qx, qy = _qr_at(label, dpi)
    cmd(f'QRCODE {qx},{qy},M,{4 if dpi < 250 else 6},A,0,"{s.tracking_number}"')
    cmd("PRINT 1,1")
    return bytes(out)


def render_thermal(s: WaybillSnapshot, fmt: str, dpi: int = 203, size: str = "100x150") -> bytes:
    if fmt == "zpl":
        return render_zpl(s, dpi, size).encode("ascii")
    if fmt == "tspl":
        return render_tspl(s, dpi, size)
    raise ValueError(f"unknown label language {fmt!r}; use zpl or tspl")
