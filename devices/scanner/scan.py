"""What a scan means: raw text in, a typed ``Scan`` out, never an exception.

Product codes (EAN-8/13, UPC-A/E, GTIN-14) are check-digit validated and GS1 element strings
parsed with ``biip``; the warehouse's own labels (bins, totes, orders, waybills, station
commands) are recognised by their shapes. An invalid code is a ``Scan`` with ``error`` set: a
``ScanError``, worded like the layer's errors (English template and named parameters).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

GS = "\x1d"

# AIM symbology identifiers (ISO/IEC 15424): ]<letter><modifier>
AIM_SYMBOLOGIES = {
    "A": "code39", "C": "code128", "E": "ean-upc", "F": "codabar", "G": "code93", "I": "itf",
    "Q": "qr", "d": "datamatrix", "e": "gs1-databar", "L": "pdf417", "z": "aztec", "X": "other",
}
_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")


class ScanKind(enum.StrEnum):
    PRODUCT = "product"  # EAN/UPC/GTIN, or a GS1 string carrying a GTIN
    GS1 = "gs1"  # GS1 element string without GTIN (e.g. SSCC)
    BIN = "bin"
    TOTE = "tote"
    ORDER = "order"
    WAYBILL = "waybill"
    BADGE = "badge"
    COMMAND = "command"
    TEXT = "text"  # anything else (internal Code128 labels): looked up as is
    ERROR = "error"


@dataclass(frozen=True)
class ScanError:
    """Why a scan cannot be read: never an exception. Worded like the layer's errors (``ScaleError``,
    ``DeviceError``): ``template`` (English, the translation key) filled with ``params``."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        """The English text; filled only when asked, so a bad scan costs no formatting."""
        return self.template.format(**self.params) if self.params else self.template

    def __str__(self) -> str:  # as a parameter of a screen's text or another error
        return self.message


@dataclass(frozen=True)
class Scan:
    raw: str  # exactly what arrived, AIM prefix stripped
    kind: ScanKind
    value: str  # the normalised key to look up: GTIN-14, bin code, order number, command ...
    symbology: str = ""  # from the AIM identifier when the scanner sends one
    aim: str = ""
    gtin: str = ""
    ai: dict[str, str] = field(default_factory=dict)  # GS1 application identifiers -> values
    batch: str = ""
    serial: str = ""
    expiry: dt.date | None = None
    net_weight_kg: Decimal | None = None
    error: ScanError | None = None

    @property
    def ok(self) -> bool:
        return self.kind is not ScanKind.ERROR


# Warehouse labels. Bins: zone-aisle-bay-level, e.g. A-02-13-3 (A02-13-3 accepted).
BIN_RE = re.compile(r"^([A-Z]{1,2})-?(\d{1,3})-(\d{1,3})-(\d{1,2})$")
TOTE_RE = re.compile(r"^TOTE-?\d{3,6}$")
ORDER_RE = re.compile(r"^PD\d{10}$")
BADGE_RE = re.compile(r"^BADGE-[\w.-]+$")
COMMAND_RE = re.compile(r"^CMD:([A-Z_-]+)$")
WAYBILL_RES = [
    re.compile(r"^SF\d{12,13}$"),  # SF Express
    re.compile(r"^YT\d{13}$"),  # YTO
    re.compile(r"^JD[A-Z]?\d{11,13}$"),  # JD Logistics
    re.compile(r"^(7[358]|76)\d{10}$"),  # ZTO / STO style 12 digits
    re.compile(r"^1[01]\d{11}$"),  # EMS domestic
    re.compile(r"^[A-Z]{2}\d{9}[A-Z]{2}$"),  # UPU S10 (EMS/post international)
    re.compile(r"^1Z[0-9A-Z]{16}$"),  # UPS
]


def gtin_check_digit(body: str) -> int:
    """GS1 mod-10 check digit for the digits before it."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def upce_to_upca(upce: str) -> str:
    """Expand an 8-digit UPC-E (number system, 6 digits, check) to UPC-A."""
    ns, d, check = upce[0], upce[1:7], upce[7]
    last = d[5]
    if last in "012":
        body = f"{d[0]}{d[1]}{last}0000{d[2]}{d[3]}{d[4]}"
    elif last == "3":
        body = f"{d[0]}{d[1]}{d[2]}00000{d[3]}{d[4]}"
    elif last == "4":
        body = f"{d[0]}{d[1]}{d[2]}{d[3]}00000{d[4]}"
    else:
        body = f"{d[0]}{d[1]}{d[2]}{d[3]}{d[4]}0000{last}"
    return ns + body + check


def split_aim(text: str) -> tuple[str, str, str]:
    """(aim identifier, symbology name, rest). Text without one gives ('', '', text)."""
    if _AIM.match(text):
        return text[:3], AIM_SYMBOLOGIES.get(text[1], "other"), text[3:]
    return "", "", text


def parse_scan(text: str) -> Scan:
    """Classify one scanned string. Never raises."""
    try:
        return _parse(text)
    except Exception as exc:  # a parser bug must not crash a station: show it as a bad scan
        why = ScanError("Unreadable scan ({reason})", {"reason": str(exc)})
        return Scan(raw=text, kind=ScanKind.ERROR, value="", error=why)


def _parse(text: str) -> Scan:
    aim, symbology, body = split_aim(text)
    gs1_flagged = aim in ("]C1", "]e0", "]d2", "]Q3", "]J1")
    body = body.strip("\r\n\t ")
    if not body:
        return Scan(raw=text, kind=ScanKind.ERROR, value="", aim=aim, symbology=symbology,
                    error=ScanError("Empty scan"))
    if any(ord(c) < 32 and c != GS for c in body):
        return Scan(raw=body, kind=ScanKind.ERROR, value="", aim=aim, symbology=symbology,
                    error=ScanError("Garbled scan (control characters in the data)"))
    if gs1_flagged or GS in body:
        return _gs1(body, aim, symbology)
    if body.isdigit() and len(body) in (8, 12, 13, 14):
        return _gtin(body, aim, symbology)
    return _label(body, aim, symbology)


def _gtin(digits: str, aim: str, symbology: str) -> Scan:
    if len(digits) == 8 and digits[0] in "01" and aim not in ("]E4",):
        # 8 digits starting 0/1 read as UPC-E unless the scanner said EAN-8 (]E4)
        upca = upce_to_upca(digits)
        if gtin_check_digit(upca[:-1]) == int(upca[-1]):
            return Scan(raw=digits, kind=ScanKind.PRODUCT, value=upca.zfill(14), gtin=upca.zfill(14),
                        aim=aim, symbology=symbology or "upc-e")
    if gtin_check_digit(digits[:-1]) != int(digits[-1]):
        why = ScanError("Wrong check digit in {code} (expected {expected}, got {got})",
                        {"code": digits, "expected": gtin_check_digit(digits[:-1]), "got": digits[-1]})
        return Scan(raw=digits, kind=ScanKind.ERROR, value=digits, aim=aim, symbology=symbology, error=why)
    name = {8: "ean-8", 12: "upc-a", 13: "ean-13", 14: "gtin-14"}[len(digits)]
    return Scan(raw=digits, kind=ScanKind.PRODUCT, value=digits.zfill(14), gtin=digits.zfill(14),
                aim=aim, symbology=symbology or name)


def _gs1(body: str, aim: str, symbology: str) -> Scan:
    elements = _element_strings(body)
    if isinstance(elements, ScanError):
        return Scan(raw=body, kind=ScanKind.ERROR, value="", aim=aim, symbology=symbology, error=elements)
    ai = {es.ai.ai: es.value for es in elements}
    gtin = ai.get("01", "") or ai.get("02", "")
    if gtin and gtin_check_digit(gtin[:-1]) != int(gtin[-1]):
        return Scan(raw=body, kind=ScanKind.ERROR, value=gtin, aim=aim, symbology=symbology, ai=ai,
                    error=ScanError("Wrong check digit in GTIN {gtin}", {"gtin": gtin}))
    for es in elements:  # biip keeps a wrong SSCC or GLN check digit beside the value, not as an error
        if es.sscc_error or es.gln_error:
            why = ScanError("Wrong check digit in SSCC {code}", {"code": es.value}) if es.sscc_error else \
                ScanError("Wrong check digit in GLN {code} ({ai})", {"code": es.value, "ai": es.ai.ai})
            return Scan(raw=body, kind=ScanKind.ERROR, value=es.value, aim=aim, symbology=symbology, ai=ai,
                        error=why)
    expiry = next((es.date for es in elements if es.ai.ai == "17" and es.date), None)
    weight = next((es.decimal for es in elements
                   if es.ai.ai.startswith("310") and es.decimal is not None), None)
    kind = ScanKind.PRODUCT if gtin else ScanKind.GS1
    return Scan(raw=body, kind=kind, value=gtin or ai.get("00", body), gtin=gtin, ai=ai,
                batch=ai.get("10", ""), serial=ai.get("21", ""), expiry=expiry,
                net_weight_kg=Decimal(weight) if weight is not None else None,
                aim=aim, symbology=symbology or "gs1")


# fields whose data starts with a YYMMDD date (production, best before, expiry, delivery times ...)
DATE_AIS = ("11", "12", "13", "15", "16", "17", "4324", "4325", "4326", "7003", "7006", "7007", "7011",
            "8008")
_FIXED_DIGITS = re.compile(r"^N(\d+)$")  # a GS1 data format of exactly so many digits, e.g. N14


def _element_strings(body: str) -> list[Any] | ScanError:
    """The element strings one by one (as ``GS1Message.parse`` reads them), so a failure knows
    which field it is in."""
    import biip
    from biip.gs1_element_strings import GS1ElementString

    elements: list[Any] = []
    rest = body.strip()
    while rest:
        try:
            es = GS1ElementString.extract(rest)
        except biip.ParseError as exc:
            return _gs1_refusal(rest, exc)
        elements.append(es)
        rest = rest[len(es):].lstrip(GS)  # a separator may follow any element string
    return elements


def _clip(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _gs1_refusal(rest: str, exc: Exception) -> ScanError:
    """Why the element string at the start of ``rest`` cannot be read, worded for the field."""
    import biip
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier

    head = rest.split(GS, 1)[0]  # the field up to its separator
    try:
        ai = GS1ApplicationIdentifier.extract(head)
    except biip.ParseError:
        return ScanError("Unknown GS1 application identifier at {data}", {"data": _clip(head)})
    data = head[len(ai.ai):]
    spec = ai.format.partition("+")[2]
    fixed = _FIXED_DIGITS.match(spec)
    params = {"ai": ai.ai, "data": _clip(data)}
    if not data:
        return ScanError("GS1 field ({ai}) is empty", params)
    if fixed and len(data) < int(fixed.group(1)) and data.isdigit():
        return ScanError("GS1 field ({ai}) needs {length} digits, got {got}: {data}",
                         {**params, "length": int(fixed.group(1)), "got": len(data)})
    if ai.ai in DATE_AIS and len(data) >= 6 and data[:6].isdigit():
        return ScanError("GS1 field ({ai}) is not a valid date: {data}", params)
    if fixed:
        return ScanError("GS1 field ({ai}) needs {length} digits, not letters or signs: {data}",
                         {**params, "length": int(fixed.group(1))})
    if not re.match(ai.pattern.removesuffix("$"), ai.ai + data):
        return ScanError("GS1 field ({ai}) does not fit its format {format}: {data}",
                         {**params, "format": spec})
    # biip refused something this module does not tell apart: its own words are the last resort
    return ScanError("Malformed GS1 data ({reason})", {"reason": str(exc).rstrip(".")})


def _label(body: str, aim: str, symbology: str) -> Scan:
    code = body.strip().upper()
    if m := COMMAND_RE.match(code):
        kind, value = ScanKind.COMMAND, m.group(1)
    elif m := BIN_RE.match(code):
        kind = ScanKind.BIN
        value = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}-{int(m.group(4))}"
    elif TOTE_RE.match(code):
        kind, value = ScanKind.TOTE, "TOTE-" + code.removeprefix("TOTE").lstrip("-")
    elif ORDER_RE.match(code):
        kind, value = ScanKind.ORDER, code
    elif BADGE_RE.match(body.strip()):
        kind, value = ScanKind.BADGE, body.strip()
    elif any(r.match(code) for r in WAYBILL_RES):
        kind, value = ScanKind.WAYBILL, code
    else:
        kind, value = ScanKind.TEXT, body.strip()
    return Scan(raw=body, kind=kind, value=value, aim=aim, symbology=symbology)
