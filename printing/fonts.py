"""The CJK TrueType font every document embeds (a subset of it), registered once per process.

reportlab's CID fonts (STSong-Light) are not embedded and render as nothing in many viewers,
so every string, Latin or Chinese, is drawn with WenQuanYi Micro Hei shipped in resources/fonts.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_FILE = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "wqy-microhei.ttc"
FONT = "PackDeskCJK"


@lru_cache(maxsize=1)
def font() -> str:
    """Register the font with reportlab (once) and return its name."""
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
    return FONT


def text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font(), size)


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break text into lines no wider than ``width`` points, by character: Chinese has no spaces,
    and Latin words are kept whole where they fit."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        candidate = line + token
        if text_width(candidate, size) <= width or not line:
            line = candidate
            while text_width(line, size) > width and len(line) > 1:  # a single token too wide
                cut = len(line) - 1
                while cut > 1 and text_width(line[:cut], size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        else:
            lines.append(line.rstrip())
            line = token.lstrip()
    if line:
        lines.append(line)
    return lines


def _tokens(text: str) -> list[str]:
    """Latin words (with their trailing space) stay together; every CJK character stands alone."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        if ch.isspace() and tokens:
            tokens[-1] += ch
        else:
            tokens.append(ch)
    if word:
        tokens.append(word)
    return tokens
