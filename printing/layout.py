"""Text placement helpers shared by the documents: fit a text into a box, draw labelled zones."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from printing.errors import PrintingError
from printing.fonts import font, text_width, wrap

ABSOLUTE_MIN_SIZE = 5.0  # below this thermal print is unreadable: refuse instead


class DoesNotFit(PrintingError):
    """A text too long for its zone even at the smallest readable size."""


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: list[str]
    leading: float


def fit(text: str, width: float, height: float, max_size: float, min_size: float) -> Fitted:
    """Largest size at which ``text`` fits: first on one line shrinking down to ``min_size``,
    then wrapped at decreasing sizes, never below ABSOLUTE_MIN_SIZE (then DoesNotFit)."""
    size = max_size
    while size >= min_size:
        if text_width(text, size) <= width and size * 1.2 <= height:
            return Fitted(size, [text], size * 1.2)
        size -= 0.5
    size = min_size
    while size >= ABSOLUTE_MIN_SIZE:
        lines = wrap(text, size, width)
        if len(lines) * size * 1.2 <= height:
            return Fitted(size, lines, size * 1.2)
        size -= 0.5
    raise DoesNotFit("Text too long for its zone on the label: {start}…", start=text[:30])


def draw_fitted(c: Canvas, text: str, x: float, top: float, width: float, height: float,
                max_size: float, min_size: float) -> Fitted:
    """Draw ``text`` fitted into the box whose upper-left corner is (x, top)."""
    f = fit(text, width, height, max_size, min_size)
    c.setFont(font(), f.size)
    y = top - f.size
    for line in f.lines:
        c.drawString(x, y, line)
        y -= f.leading
    return f


def draw_text(c: Canvas, text: str, x: float, y: float, size: float, bold: bool = False) -> None:
    c.setFont(font(), size)
    if bold:  # the CJK font has no bold face: a thin stroke of the same colour thickens it
        c.saveState()
        c.setLineWidth(size * 0.04)
        t = c.beginText(x, y)
        t.setTextRenderMode(2)
        t.setFont(font(), size)
        t.textOut(text)
        c.drawText(t)
        c.restoreState()
    else:
        c.drawString(x, y, text)
