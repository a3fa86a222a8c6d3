"""Wording of errors in the user's language without Qt (for the CLI and the worker's logs): the
same ``resources/translations/*_<lang>.ts`` catalogues the UI compiles, read as XML, context
``errors``. A template's translation is filled with the error's parameters; a parameter that is
itself a catalogued phrase (the action of a permission) is translated too."""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from printing.errors import WordedError

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
CONTEXT = "errors"


def language(configured: str = "") -> str:
    """zh_CN or en: the station's setting, else the environment's locale."""
    if configured in ("zh_CN", "en"):
        return configured
    name = os.environ.get("LC_ALL") or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return "zh_CN" if name.lower().startswith("zh") else "en"


@cache
def catalogue(lang: str, context: str = CONTEXT) -> dict[str, str]:
    """source → translation of one context across every area's .ts file of ``lang``."""
    out: dict[str, str] = {}
    if lang == "en":
        return out
    for ts in sorted(TRANSLATIONS.glob(f"*_{lang}.ts")):
        for ctx in ET.parse(ts).getroot().iter("context"):
            if ctx.findtext("name") != context:
                continue
            for message in ctx.iter("message"):
                source, target = message.findtext("source"), message.find("translation")
                if source and target is not None and target.text and target.get("type") != "unfinished":
                    out[source] = target.text
    return out


def word(exc: WordedError, lang: str) -> str:
    """The error in ``lang``; its English text when no translation is catalogued."""
    table = catalogue(lang)
    template = table.get(exc.template)
    if template is None:
        return exc.message
    params = {k: table.get(v, v) if isinstance(v, str) else v for k, v in exc.params.items()}
    try:
        return template.format(**params) if params else template
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return exc.message
