"""Barcodes as vector bars on a reportlab canvas: Code128 (or any linear pattern) and QR.

Bars are whole printer dots wide (at 203 dpi one dot is 0.125 mm), so a thermal printer
never has to round a module to 1 or 2 dots and skew the bar/space ratios; quiet zones are
at least 10 modules. python-barcode encodes; segno builds the QR matrix; the drawing is ours,
one path per symbol (far faster than reportlab's widget per bar).
"""

from __future__ import annotations

from functools import lru_cache

import segno
from barcode import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import font

QUIET_MODULES = 10


def module_mm(dots: int, dpi: int = 203) -> float:
    return dots * 25.4 / dpi


@lru_cache(maxsize=4096)
def code128_modules(data: str) -> str:
    """The bar/space pattern ('1' = bar) of a Code128 symbol, start and stop included."""
    return Code128(data).build()[0]


def code128_width(data: str, module: float) -> float:
    """Width in points including both quiet zones."""
    return (len(code128_modules(data)) + 2 * QUIET_MODULES) * module


def draw_code128(c: Canvas, data: str, x: float, y: float, height: float, module: float,
                 text_size: float = 0) -> float:
    """Draw at (x, y) = lower-left of the quiet zone; returns the width used (points).
    ``text_size`` > 0 prints the human-readable text centred under the bars."""
    return draw_modules(c, code128_modules(data), data, x, y, height, module, text_size)


def draw_modules(c: Canvas, modules: str, text: str, x: float, y: float, height: float, module: float,
                 text_size: float = 0) -> float:
    """Any linear symbol's bar/space pattern ('1' = bar), as ``draw_code128`` draws Code128."""
    text_gap = text_size * 1.25 if text_size else 0
    path = c.beginPath()
    start = None
    left = x + QUIET_MODULES * module
    for i, bit in enumerate(modules + "0"):
        if bit == "1" and start is None:
            start = i
        elif bit != "1" and start is not None:
            path.rect(left + start * module, y + text_gap, (i - start) * module, height - text_gap)
            start = None
    c.drawPath(path, stroke=0, fill=1)
    width = (len(modules) + 2 * QUIET_MODULES) * module
    if text_size:
        c.setFont(font(), text_size)
        c.drawCentredString(x + width / 2, y + text_size * 0.15, text)
    return width


@lru_cache(maxsize=1024)
def qr_matrix(data: str) -> tuple[tuple[int, ...], ...]:
    # A fixed mask skips scoring all eight (a third of a label's time); any mask is valid QR
    # and every waybill test decodes it at 203 and 300 dpi.
    return tuple(tuple(row) for row in segno.make(data, error="m", micro=False, mask=4).matrix)


def draw_qr(c: Canvas, data: str, x: float, y: float, size: float) -> None:
    """A QR code filling a ``size`` square (quiet zone of 2 modules inside it) at (x, y)."""
    matrix = qr_matrix(data)
    n = len(matrix) + 4
    module = size / n
    path = c.beginPath()
    for r, row in enumerate(matrix):
        run = None
        for col, bit in enumerate((*row, 0)):
            if bit and run is None:
                run = col
            elif not bit and run is not None:
                path.rect(x + (run + 2) * module, y + size - (r + 3) * module, (col - run) * module, module)
                run = None
    c.drawPath(path, stroke=0, fill=1)


def fit_module(data: str, max_width: float, dpi: int = 203, max_dots: int = 4) -> float:
    """The widest whole-dot module (up to ``max_dots``) for which the symbol fits ``max_width``."""
    for dots in range(max_dots, 0, -1):
        module = module_mm(dots, dpi) * mm
        if code128_width(data, module) <= max_width:
            return module
    return module_mm(1, dpi) * mm


