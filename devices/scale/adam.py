"""Adam Equipment print-on-request protocol (AZExtra, CBK, GBK and similar; 4800 8N1).

Reference: Adam Equipment AZextra / CBK user manuals, RS-232 section: the ``P`` command
prints the displayed weight as ``  1.234kg`` / ``   12.5 g`` (sign, value, unit) followed by
CR LF. The scale does not answer while nothing new is on the platter and sends no stability
flag, so readings go through the software stability rule.
"""

from __future__ import annotations

import re

from devices.profile import Profile
from devices.scale.base import (
    GRAMS_PER_UNIT,
    ScaleError,
    ScaleEvent,
    ScaleProtocol,
    SimState,
    WeightReading,
    register,
    to_grams,
)
from devices.scale.framing import LineFramer, parse_decimal

NAME = "adam"
LINE = re.compile(rb"^\s*([+-]?\s*[\d.]+)\s*([a-zA-Z]{1,3})\s*$")


class AdamParser:
    def __init__(self, options: Profile | None = None) -> None:
        self._lines = LineFramer()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        events: list[ScaleEvent] = []
        for line in self._lines.feed(data):
            m = LINE.match(line)
            value = parse_decimal(m.group(1)) if m else None
            unit = m.group(2).decode().lower() if m else ""
            if value is None or unit not in GRAMS_PER_UNIT:
                if line.strip() or not line:
                    events.append(ScaleError("garbled", "unreadable line {line!r}", NAME, line,
                                             params={"line": line[:40]}))
                continue
            events.append(WeightReading(to_grams(value, unit), False, protocol=NAME, raw=line))
        return events


def sim_reply(command: bytes, state: SimState) -> bytes | None:
    if command.strip().upper() != b"P":
        return None
    shown = f"{state.grams} {state.overload}"  # options hold settings-file scalars
    if state.options.get("adam_last") == shown:
        return None  # nothing new on the platter: the scale stays silent
    state.options["adam_last"] = shown
    return f"{state.grams / 1000:9.3f}kg\r\n".encode()


PROTOCOL = register(
    ScaleProtocol(
        name=NAME,
        title="Adam Equipment (P command)",
        new_parser=AdamParser,
        baudrate=4800,
        allowed_baudrates=(4800, 9600, 2400, 19200),
        has_stability_flag=False,
        repeats_unchanged=False,
        poll_command=b"P\r\n",
        zero_command=b"Z\r\n",
        tare_command=b"T\r\n",
        sim_reply=sim_reply,
    )
)


# -- CPWplus continuous output ---------------------------------------------------------------------
# Reference: Adam CPWplus user manual, "RS-232 interface": continuous output ``ASNG/W + 0.51 kg``
# (A the address set by the user, S stable / U unstable, N no error, G/W gross or N/W net, the
# unit) and the normal (print) output ``G/W: + 2.00 kg`` after an ``add: A`` line. CR LF.
CPW = "adam-cpw"
CPW_LINE = re.compile(rb"^(?:(.)([SU])([NE])|)([GN])/W:?\s*([+-])\s*([\d.]+)\s*([a-zA-Z]{1,3})\s*$")


class CpwParser:
    def __init__(self, options: Profile | None = None) -> None:
        self._lines = LineFramer()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        events: list[ScaleEvent] = []
        for line in self._lines.feed(data):
            if line.startswith(b"add:") or not line.strip():
                continue  # the address line of the print output; blank lines
            m = CPW_LINE.match(line)
            value = parse_decimal(m.group(6)) if m else None
            unit = m.group(7).decode().lower() if m else ""
            if m is None or value is None or unit not in GRAMS_PER_UNIT:
                events.append(ScaleError("garbled", "unreadable line {line!r}", CPW, line,
                                         params={"line": line[:40]}))
            elif m.group(3) == b"E":
                events.append(ScaleError("scale_error", "the scale reports an error (E)", CPW, line))
            else:
                grams = to_grams(-value if m.group(5) == b"-" else value, unit)
                stable = m.group(2) != b"U"  # a printed line (no status) is a stable weight
                events.append(WeightReading(grams, stable, net=m.group(4) == b"N", protocol=CPW, raw=line))
        return events


def cpw_frame(state: SimState) -> bytes:
    sign = "-" if state.grams < 0 else "+"
    kind = "N" if state.net else "G"
    return f"A{'S' if state.stable else 'U'}N{kind}/W {sign} {abs(state.grams) / 1000:.3f} kg\r\n".encode()


register(
    ScaleProtocol(
        name=CPW,
        title="Adam CPWplus (continuous output)",
        new_parser=CpwParser,
        allowed_baudrates=(9600, 4800, 2400, 19200),
        streams=True,
        sim_frame=cpw_frame,
    )
)


# -- Highland continuous output --------------------------------------------------------------------
# Reference: Adam Highland series user manual, "Data format", continuous output: 22 characters,
# ``ST``/``US``, ``,``, ``GS``/``NT``, the sign (``-`` or space), the weight right-justified in
# ten places, a space, the unit in three places (``g`` with a space either side), CR LF.
HIGHLAND = "adam-highland"
HIGHLAND_LINE = re.compile(rb"^(ST|US),(GS|NT)([- ])([ \d.]{10}) ([ a-z]{3})$")


class HighlandParser:
    def __init__(self, options: Profile | None = None) -> None:
        self._lines = LineFramer()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        events: list[ScaleEvent] = []
        for line in self._lines.feed(data):
            if not line.strip():
                continue  # the two blank lines after a print
            m = HIGHLAND_LINE.match(line)
            value = parse_decimal(m.group(4)) if m else None
            unit = m.group(5).strip().decode() if m else ""
            if m is None or value is None or unit not in GRAMS_PER_UNIT:
                events.append(ScaleError("garbled", "unreadable line {line!r}", HIGHLAND, line,
                                         params={"line": line[:40]}))
                continue
            grams = to_grams(-value if m.group(3) == b"-" else value, unit)
            events.append(
                WeightReading(
                    grams, m.group(1) == b"ST", net=m.group(2) == b"NT", protocol=HIGHLAND, raw=line
                )
            )
        return events


def highland_frame(state: SimState) -> bytes:
    head = "ST" if state.stable else "US"
    kind = "NT" if state.net else "GS"
    sign = "-" if state.grams < 0 else " "
    return f"{head},{kind}{sign}{abs(state.grams) / 1000:10.3f} kg \r\n".encode()


register(
    ScaleProtocol(
        name=HIGHLAND,
        title="Adam Highland (continuous output)",
        new_parser=HighlandParser,
        baudrate=4800,
        allowed_baudrates=(4800, 9600, 2400, 19200),
        streams=True,
        sim_frame=highland_frame,
    )
)
