"""Adam Equipment print-on-request protocol (AZExtra, CBK, GBK and similar; 4800 8N1).

Reference: Adam Equipment AZextra / CBK user manuals, RS-232 section: the ``P`` command
prints the displayed weight as ``  1.234kg`` / ``   12.5 g`` (sign, value, unit) followed by
CR LF. The scale does not answer while nothing new is on the platter and sends no stability
flag, so readings go through the software stability rule.
"""

from __future__ import annotations

import re

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
    def __init__(self, options: dict[str, object] | None = None) -> None:
        self._lines = LineFramer()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        events: list[ScaleEvent] = []
        for line in self._lines.feed(data):
            m = LINE.match(line)
            value = parse_decimal(m.group(1)) if m else None
            unit = m.group(2).decode().lower() if m else ""
            if value is None or unit not in GRAMS_PER_UNIT:
                if line.strip() or not line:
                    events.append(ScaleError("garbled", f"unreadable line {line[:40]!r}", NAME, line))
                continue
            events.append(WeightReading(to_grams(value, unit), False, protocol=NAME, raw=line))
        return events


def sim_reply(command: bytes, state: SimState) -> bytes | None:
    if command.strip().upper() != b"P":
        return None
    shown = (state.grams, state.overload)
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
