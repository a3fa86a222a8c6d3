"""Wording of errors in the user's language without Qt (for the CLI and the worker's logs): the
same ``resources/translations/*_<lang>.ts`` catalogues the UI compiles, read as XML, context
``errors``. A template's translation is filled with the error's parameters; a parameter that is
itself a catalogued phrase (the action of a permission) is translated too."""

from __future__ import annotations

import json
import locale
import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol, runtime_checkable

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
CONTEXT = "errors"
STORED = '{"template": '  # how a stored worded error starts (rows written before hold plain text)


@runtime_checkable
class Worded(Protocol):
    """An error with an English template (the translation key) and its parameters: printing's and
    the domain's ``WordedError`` and the devices layer's errors, which may not import either."""

    @property
    def template(self) -> str: ...
    @property
    def params(self) -> Mapping[str, object]: ...
    @property
    def message(self) -> str: ...


@dataclass(frozen=True)
class _Stored:
    template: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**_params(self.params, "en")) if self.params else self.template

    def __str__(self) -> str:  # as a parameter of another error
        return self.message


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


def word(exc: Worded, lang: str) -> str:
    """The error in ``lang``; its English text when no translation is catalogued."""
    table = catalogue(lang)
    template = table.get(exc.template)
    if template is None:
        return exc.message
    params = _params(exc.params, lang)
    try:
        return template.format(**params) if params else template
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return exc.message


def _params(params: Mapping[str, object], lang: str) -> dict[str, object]:
    """Parameters in ``lang``: a catalogued phrase, a worded error (an import row's reason) or a
    stored one (the error a job had before a person marked it printed) is worded too."""
    table = catalogue(lang)
    out: dict[str, object] = {}
    for k, v in params.items():
        if isinstance(v, Worded):
            out[k] = word(v, lang)
        elif isinstance(v, str):
            out[k] = reword(v, lang) if v.startswith(STORED) else table.get(v, v)
        else:
            out[k] = v
    return out


def stored(exc: BaseException | Worded, limit: int | None = None) -> str:
    """An error as a row keeps it (a print job's or a job run's last error): a worded error as its
    template and parameters, so each screen words it later in its own language; any other error,
    or one that would not fit ``limit``, as its English text."""
    if isinstance(exc, Worded):
        params = {k: v if isinstance(v, int | float | str | bool) else stored(v) if isinstance(v, Worded)
                  else str(v) for k, v in exc.params.items()}
        text = json.dumps({"template": exc.template, "params": params}, ensure_ascii=False)
        if limit is None or len(text) <= limit:
            return text
        return exc.message[:limit]  # a device's event is no exception: its repr is no message
    return str(exc)[:limit]


def restored(text: str) -> Worded | str:
    """A stored error (see ``stored``) as a worded error again, to pass on inside another; plain
    text as it is."""
    if text.startswith(STORED):
        try:
            data = json.loads(text)
            return _Stored(str(data["template"]), dict(data.get("params") or {}))
        except (ValueError, KeyError, TypeError, AttributeError):  # cut short or edited by hand
            pass
    return text


def reword(text: str, lang: str) -> str:
    """A stored error (see ``stored``) in ``lang``; plain text as it is."""
    error = restored(text)
    if isinstance(error, str):
        return error
    try:
        return word(error, lang)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):  # a template edited by hand
        return text
