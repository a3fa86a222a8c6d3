"""Simplified Chinese / English UI: compiles the ``.ts`` sources and installs translators.

Sources live in ``resources/translations/<area>_<lang>.ts`` (one per area so parts of the app
can be translated independently). They are compiled with Qt's ``lrelease`` into a cache dir
the first time (and again when a source changes), so a checkout runs without a build step.
"""

from __future__ import annotations

import hashlib
import locale
import logging
import os
import subprocess
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def system_language() -> str:
    """zh_CN when the system locale is Chinese, else English."""
    name = QLocale.system().name() or (locale.getlocale()[0] or "")
    return "zh_CN" if name.lower().startswith("zh") else "en"


def _lrelease() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")


def compiled(ts: Path) -> Path:
    """The .qm for a .ts source, compiled into the cache dir unless this very text was compiled
    before. Keyed by content, not modification time: several checkouts and processes share the
    cache, and a .qm newer than an edited .ts would otherwise hide its new strings."""
    cache = Path(platformdirs.user_cache_dir("PackDesk")) / "translations"
    cache.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    qm = cache / f"{ts.stem}-{digest}.qm"
    if not qm.exists():
        partial = qm.with_name(f"{qm.name}.{os.getpid()}.part")  # another process may be compiling it too
        subprocess.run([str(_lrelease()), "-silent", str(ts), "-qm", str(partial)], check=True)
        os.replace(partial, qm)
    return qm


class Translations:
    """The translators installed in one QApplication, so the language can be switched at run time.

    One per application (``for_app``): a second owner would leave the first one's translators
    installed, and a translator freed while installed crashes Qt.
    """

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    @classmethod
    def for_app(cls, app: QCoreApplication) -> Translations:
        existing = getattr(app, "_packdesk_translations", None)
        if existing is None:
            existing = cls(app)
            app._packdesk_translations = existing  # type: ignore[attr-defined]
        return existing

    def install(self, language: str) -> None:
        app = self.app
        for tr in self._installed:
            app.removeTranslator(tr)
        self._installed.clear()
        self.language = language if language in LANGUAGES else "en"
        if self.language == "en":
            return  # source strings are English
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_tr = QTranslator(app)
        if qt_tr.load(f"qtbase_{self.language}", qt_dir):  # Qt's own dialogs and buttons
            self._add(qt_tr)
        for ts in sorted(TRANSLATIONS.glob(f"*_{self.language}.ts")):
            tr = QTranslator(app)
            try:
                path = compiled(ts)
            except (OSError, subprocess.CalledProcessError) as exc:
                log.warning("cannot compile %s: %s", ts.name, exc)
                continue
            if tr.load(str(path)):
                self._add(tr)
            else:
                log.warning("cannot load translation %s", path)

    def _add(self, tr: QTranslator) -> None:
        self.app.installTranslator(tr)
        self._installed.append(tr)
