"""Small labels with a barcode: a user's badge, a bin's location label, a product's label.

Each label is laid out once (texts top to bottom, one barcode at the foot) and drawn from that
layout as PDF (reportlab, a page per label, the font embedded) or as ZPL for a thermal printer
(texts as ``^GFA`` graphics, since printers have no CJK font; the barcode a native ``^BC`` Code128
or ``^BE`` EAN-13 drawn at the printer's resolution). Snapshots carry only what is printed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from barcode import EAN13
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.barcodes import QUIET_MODULES, code128_modules, draw_modules, module_mm
from printing.errors import PrintingError
from printing.fonts import font
from printing.layout import draw_fitted
from printing.thermal import raster

MARGIN_MM = 3.0
FORMATS = ("pdf", "zpl")


class BadLabel(PrintingError):
    """A label that cannot be printed as asked (a barcode its symbology cannot carry)."""


@dataclass(frozen=True)
class BadgeLabel:
    """A user's sign-in badge: scanning its Code128 signs the user in."""

    name: str
    username: str
    role: str
    badge_code: str


@dataclass(frozen=True)
class BinLabel:
    bin_code: str
    zone: str
    warehouse: str


@dataclass(frozen=True)
class ProductLabel:
    sku: str
    name: str
    name_en: str
    barcode: str  # an EAN-13 prints as EAN-13, anything else as Code128
    ean13: bool = False


Label = BadgeLabel | BinLabel | ProductLabel

# Width x height in mm: a badge is an ID-1 card, for a badge holder.
SIZES_MM: dict[type, tuple[float, float]] = {BadgeLabel: (85.6, 54), BinLabel: (100, 50),
                                             ProductLabel: (60, 40)}


def media(kind: type) -> str:
    """The paper a spooler feeds for a kind of label, as ``WxH`` in mm."""
    width, height = SIZES_MM[kind]
    return f"{width:g}x{height:g}"


@dataclass(frozen=True)
class _Layout:
    width_mm: float
    height_mm: float
    texts: tuple[tuple[str, float], ...]  # (text, size in points) top to bottom
    barcode: str
    ean13: bool
    bar_mm: float  # bar height, the human-readable line under it excluded


def _layout(label: Label) -> _Layout:
    width, height = SIZES_MM[type(label)]
    if isinstance(label, BadgeLabel):
        return _Layout(width, height, ((label.name, 16), (f"{label.username} · {label.role}", 9)),
                       label.badge_code, False, 14)
    if isinstance(label, BinLabel):
        return _Layout(width, height, ((label.bin_code, 34), (f"{label.warehouse} · {label.zone}", 10)),
                       label.bin_code, False, 13)
    texts = [(label.sku, 11), (label.name, 9)]
    if label.name_en:
        texts.append((label.name_en, 8))
    return _Layout(width, height, tuple(texts), label.barcode, label.ean13, 10)


def _ean13_body(code: str) -> str:
    """The 12 digits before the check digit, refusing a code that is no valid EAN-13."""
    if len(code) != 13 or not code.isdigit() or EAN13(code[:12]).get_fullcode() != code:
        raise BadLabel("{barcode} is not a valid EAN-13: print it as Code128.", barcode=code)
    return code[:12]


def _modules(lay: _Layout) -> str:
    return EAN13(_ean13_body(lay.barcode)).build()[0] if lay.ean13 else code128_modules(lay.barcode)


def _module_dots(lay: _Layout, dpi: int) -> int:
    """The widest whole-dot module (up to 4) with which the symbol and its quiet zones fit."""
    usable = (lay.width_mm - 2 * MARGIN_MM) * dpi / 25.4
    count = len(_modules(lay)) + 2 * QUIET_MODULES
    dots = 4
    while dots > 1 and dots * count > usable:
        dots -= 1
    if dots * count > usable:
        raise BadLabel("The barcode {barcode} is too long for a {width:g} mm label.", barcode=lay.barcode,
                       width=lay.width_mm)
    return dots


# -- PDF ---------------------------------------------------------------------------------------
def render_labels(labels: Sequence[Label], copies: int = 1) -> bytes:
    """One page per label (each ``copies`` times), pages sized to the label."""
    buf = io.BytesIO()
    c = Canvas(buf, pageCompression=1, initialFontName=font(), initialFontSize=8)
    c.setTitle("Labels")
    c.setCreator("PackDesk")
    for label in labels:
        lay = _layout(label)
        for _ in range(copies):
            c.setPageSize((lay.width_mm * mm, lay.height_mm * mm))
            _page(c, lay)
            c.showPage()
    c.save()
    return buf.getvalue()


def _page(c: Canvas, lay: _Layout) -> None:
    W, m = lay.width_mm * mm, MARGIN_MM * mm
    top = lay.height_mm * mm - m
    for text, size in lay.texts:
        fitted = draw_fitted(c, text, m, top, W - 2 * m, size * 1.25, size, size * 0.6)
        top -= fitted.leading
    module = module_mm(_module_dots(lay, 203)) * mm
    modules = _modules(lay)
    width = (len(modules) + 2 * QUIET_MODULES) * module
    text_size = 8
    draw_modules(c, modules, lay.barcode, (W - width) / 2, m, lay.bar_mm * mm + text_size * 1.25, module,
                 text_size=text_size)


# -- ZPL ---------------------------------------------------------------------------------------
def _dots(mm_: float, dpi: int) -> int:
    return round(mm_ * dpi / 25.4)


def _field_data(code: str) -> str:
    """``^FH`` hex escapes for ZPL's own control characters; ``>`` is Code128's escape in ``^BC``."""
    return "".join(f"_{ord(ch):02X}" if ch in "^~_" else "><" if ch == ">" else ch for ch in code)


def render_labels_zpl(labels: Sequence[Label], copies: int = 1, dpi: int = 203) -> str:
    """One self-contained ZPL label per label, each printed ``copies`` times (``^PQ``)."""
    out: list[str] = []
    for label in labels:
        lay = _layout(label)
        margin, width = _dots(MARGIN_MM, dpi), _dots(lay.width_mm, dpi)
        out += ["^XA", "^CI28", f"^PW{width}", f"^LL{_dots(lay.height_mm, dpi)}", "^LH0,0"]
        y = margin
        for text, size in lay.texts:
            img = raster(text, round(size / 72 * dpi), width - 2 * margin)
            row = (img.width + 7) // 8
            data = bytes(b ^ 0xFF for b in img.convert("1").tobytes()).hex().upper()  # ZPL: 1 = black
            out.append(f"^FO{margin},{y}^GFA,{row * img.height},{row * img.height},{row},{data}^FS")
            y += img.height + _dots(1, dpi)
        dots = _module_dots(lay, dpi)
        bar = _dots(lay.bar_mm, dpi)
        symbol = (len(_modules(lay)) + 2 * QUIET_MODULES) * dots
        x = (width - symbol) // 2 + QUIET_MODULES * dots
        y_bar = _dots(lay.height_mm - MARGIN_MM, dpi) - bar - _dots(4, dpi)  # room for the text line
        if lay.ean13:
            out.append(f"^FO{x},{y_bar}^BY{dots}^BEN,{bar},Y,N^FD{_ean13_body(lay.barcode)}^FS")
        else:
            out.append(f"^FO{x},{y_bar}^BY{dots}^BCN,{bar},Y,N,N^FH_^FD{_field_data(lay.barcode)}^FS")
        out += [f"^PQ{copies}", "^XZ"]
    return "\n".join(out) + "\n"


def render(labels: Sequence[Label], fmt: str, copies: int = 1, dpi: int = 203) -> bytes:
    if fmt == "pdf":
        return render_labels(labels, copies)
    if fmt == "zpl":
        return render_labels_zpl(labels, copies, dpi).encode("ascii")
    raise BadLabel("Labels print as PDF or ZPL, not {format}.", format=fmt)
