"""Exception and verify details in the screen's language: the station services store them as
English sentences of a few fixed forms (``scanned X, not in the order``; older rows add the
product's Chinese name); each form is matched and worded again here, a wrong scan naming its
product in the screen's language, and a detail typed by a person is shown as it was written."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from ui.station.pick import short_reasons


def _forms() -> list[tuple[re.Pattern[str], str]]:
    def tr(text: str) -> str:
        return QCoreApplication.translate("ExceptionDetails", text)

    return [
        (re.compile(r"scanned (?P<code>\S+) \((?P<name>.*)\), not in the order"),
         tr("scanned {code} ({name}), not in the order")),
        (re.compile(r"scanned (?P<code>\S+), not in the order"), tr("scanned {code}, not in the order")),
        (re.compile(r"(?P<sku>\S+) more than ordered"), tr("{sku}: more than ordered")),
        (re.compile(r"measured (?P<measured>\S+) g, expected (?P<expected>\S+) g ± (?P<allowed>\S+) g"),
         tr("measured {measured} g, expected {expected} g ± {allowed} g")),
        (re.compile(r"re-weighed (?P<measured>\S+) g, packed at (?P<packed>\S+) g"),
         tr("re-weighed {measured} g, packed at {packed} g")),
        (re.compile(r"(?P<sku>\S+) at (?P<bin>\S+): found (?P<found>\d+) of (?P<wanted>\d+) "
                    r"\((?P<reason>\w+)\)"),
         tr("{sku} at {bin}: found {found} of {wanted} ({reason})")),
    ]


def word_detail(detail: str, product: str = "") -> str:
    """``detail`` as the station services wrote it, in the language the app shows; ``product``, the
    scanned product's name in that language, names a wrong scan's product (over a stored name)."""
    forms = _forms()
    for pattern, template in forms:
        found = pattern.fullmatch(detail)
        if found:
            params = found.groupdict()
            if product and "code" in params:
                template, params["name"] = forms[0][1], product
            if "reason" in params:
                params["reason"] = short_reasons().get(params["reason"], params["reason"])
            return template.format(**params)
    return detail
