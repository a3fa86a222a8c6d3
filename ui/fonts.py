"""Makes Chinese render on any machine: registers the CJK font shipped in resources/fonts."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
# Tried in order: the shipped font first, then fonts commonly present on Windows/macOS/Linux.
PREFERRED = ["WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
             "Source Han Sans SC"]


def install_cjk_font(app: QApplication) -> str:
    """Register shipped fonts and make a CJK-capable family the application default."""
    for path in sorted(FONTS.glob("*.tt[cf]")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("cannot load font %s", path)
    families = set(QFontDatabase.families())
    for family in PREFERRED:
        if family in families:
            font = QFont(family)
            font.setPointSize(app.font().pointSize() if app.font().pointSize() > 0 else 10)
            app.setFont(font)
            return family
    log.warning("no CJK font found; Chinese text may show as boxes")
    return app.font().family()
