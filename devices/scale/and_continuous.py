"""A&D standard data format and the ``ST,GS,`` lines of Chinese indicators (continuous output).

References: A&D "FX-i/FZ-i" and "EK-i" instruction manuals, "Data format / A&D standard
format": ``ST,+00123.45  g`` (header ``ST`` stable, ``US`` unstable, ``OL`` overload, ``QT``
counting), CR LF. CAS, Yaohua (耀华) and many Chinese platform-scale indicators stream the
same idea with a gross/net field and varying widths: ``ST,GS,+0001.234kg``, ``US,NT,…``,
``OL,GS,…``. Scales stream unasked, so this protocol never polls (``continuous`` is its alias).
"""

from __future__ import annotations

import re
from decimal import Decimal

from devices.profile import Profile
from devices.scale.base import (
    GRAMS_PER_UNIT,
    ScaleError,
    ScaleEvent,
    ScaleProtocol,
    SimState,
    WeightReading,
    WeightStatus,
    register,
    to_grams,
)
from devices.scale.framing import LineFramer, parse_decimal

NAME = "and"
HEADERS = {b"ST": True, b"US": False, b"OL": False, b"QT": False}
WEIGHT = re.compile(rb"^\s*([+-]?\s*[\d.]*\d[\d.]*)\s*([a-zA-Z]{0,3})\s*$")


class AndContinuousParser:
    def __init__(self, options: Profile | None = None) -> None:
        self._lines = LineFramer()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        return [e for line in self._lines.feed(data) if (e := self._line(line)) is not None]

    def _line(self, line: bytes) -> ScaleEvent | None:
        if not line.strip():
            return ScaleError("garbled", "unreadable data from the scale", NAME, line) if not line else None
        fields = [f.strip() for f in line.split(b",")]
        header = fields[0].upper()
        if header not in HEADERS or len(fields) not in (2, 3):
            return ScaleError("garbled", "unexpected line {line!r}", NAME, line, params={"line": line[:40]})
        kind = fields[1].upper() if len(fields) == 3 else b"GS"
        if kind in (b"TR", b"TARE"):
            return ScaleError("not_weight", "the indicator sent its tare, not the weight", NAME, line)
        if kind not in (b"GS", b"NT", b"NET", b"GROSS"):
            return ScaleError("garbled", "unexpected field {field!r}", NAME, line,
                              params={"field": fields[1][:8]})
        net = kind in (b"NT", b"NET")
        data = fields[-1]
        if header == b"OL":
            status = WeightStatus.UNDERLOAD if data.lstrip().startswith(b"-") else WeightStatus.OVERLOAD
            return WeightReading(Decimal(0), False, status, net, protocol=NAME, raw=line)
        if header == b"QT":
            return ScaleError("not_weight", "the scale is in counting mode (QT), not weighing", NAME, line)
        m = WEIGHT.match(data)
        value = parse_decimal(m.group(1)) if m else None
        unit = m.group(2).decode().lower() if m and m.group(2) else "kg"
        if value is None or unit not in GRAMS_PER_UNIT:
            return ScaleError("garbled", "unreadable weight {weight!r}", NAME, line,
                              params={"weight": data[:20]})
        return WeightReading(to_grams(value, unit), HEADERS[header], net=net, protocol=NAME, raw=line)


def sim_frame(state: SimState) -> bytes:
    head = b"OL" if state.overload or state.underload else (b"ST" if state.stable else b"US")
    kg = state.grams / 1000
    sign = "-" if kg < 0 or state.underload else "+"
    return head + (b",NT," if state.net else b",GS,") + f"{sign}{abs(kg):09.3f}kg\r\n".encode()


PROTOCOL = register(
    ScaleProtocol(
        name=NAME,
        title="A&D standard / ST,GS continuous (CAS, Yaohua, Dibal …)",
        new_parser=AndContinuousParser,
        baudrate=9600,
        allowed_baudrates=(9600, 2400, 4800, 19200),
        streams=True,
        lenient=True,
        sim_frame=sim_frame,
    ),
    "continuous",
)

