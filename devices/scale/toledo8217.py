"""Mettler Toledo 8217 / NCI "W" protocol as spoken by POS and shipping scales (7E1).

Reference: Mettler Toledo 8217 mode as documented for the Ariva-S / Viva and compatible
shipping scales: ``W<CR>`` asks for the weight; the reply is ``<STX>`` + the weight with its
decimal point and no unit (the profile says kg or lb) + ``<CR>``, or, when no weight can be
given, ``<STX>?<status><CR>`` whose status bits are: bit 0 in motion, bit 1 over capacity,
bit 2 negative (under zero), bit 5 net (bit 6 is always set so the byte is printable).
``Z``, ``T`` and ``C`` zero, tare and clear the tare.
"""

from __future__ import annotations

from decimal import Decimal

from devices.profile import Profile
from devices.scale.base import (
    ScaleError,
    ScaleEvent,
    ScaleProtocol,
    SimState,
    WeightReading,
    WeightStatus,
    register,
    to_grams,
)
from devices.scale.framing import StxFramer, parse_decimal, seven_bit

NAME = "toledo8217"
MOTION, OVER, NEGATIVE, NET = 0x01, 0x02, 0x04, 0x20


class Toledo8217Parser:
    def __init__(self, options: Profile | None = None) -> None:
        self.unit = str((options or {}).get("unit", "kg")).lower()
        self._frames = StxFramer(end=b"\r")

    def feed(self, data: bytes) -> list[ScaleEvent]:
        # 7E1 ports deliver the parity bit stripped, but a misconfigured 8N1 port does not
        data = seven_bit(data)
        return [self._frame(f) for f in self._frames.feed(data)]

    def _frame(self, body: bytes) -> ScaleEvent:
        raw = b"\x02" + body + b"\r"
        if body[:1] == b"?" and len(body) == 2:
            status = body[1]
            if status & OVER:
                return WeightReading(Decimal(0), False, WeightStatus.OVERLOAD, bool(status & NET),
                                     protocol=NAME, raw=raw)
            if status & NEGATIVE:
                return WeightReading(Decimal(0), False, WeightStatus.UNDERLOAD, bool(status & NET),
                                     protocol=NAME, raw=raw)
            if status & MOTION:
                return ScaleError("in_motion", "the scale is still moving", NAME, raw)
            return ScaleError("status", "scale status {status:#04x} without a weight", NAME, raw,
                              params={"status": status})
        value = parse_decimal(body)
        if value is None or b"." not in body:
            return ScaleError("garbled", "unreadable weight frame {frame!r}", NAME, raw,
                              params={"frame": raw})
        return WeightReading(to_grams(value, self.unit), True, protocol=NAME, raw=raw)


def sim_reply(command: bytes, state: SimState) -> bytes | None:
    cmd = command.strip().upper()
    if cmd == b"W":
        status = 0x40 | (NET if state.net else 0)
        if state.overload:
            return b"\x02?" + bytes([status | OVER]) + b"\r"
        if state.underload or state.grams < 0:
            return b"\x02?" + bytes([status | NEGATIVE]) + b"\r"
        if not state.stable:
            return b"\x02?" + bytes([status | MOTION]) + b"\r"
        value = state.grams / (1000 if state.unit == "kg" else Decimal("453.59237"))
        text = f"{value:06.3f}" if state.unit == "kg" else f"{value:06.2f}"
        return b"\x02" + text.encode() + b"\r"
    if cmd == b"Z":
        state.grams = Decimal(0)
    elif cmd == b"T":
        state.tare_grams, state.grams = state.grams, Decimal(0)
    elif cmd == b"C":
        state.grams, state.tare_grams = state.grams + state.tare_grams, Decimal(0)
    return None


PROTOCOL = register(
    ScaleProtocol(
        name=NAME,
        title="Mettler Toledo 8217 (NCI W)",
        new_parser=Toledo8217Parser,
        options=("unit",),
        baudrate=9600,
        bytesize=7,
        parity="E",
        allowed_baudrates=(9600, 4800, 2400, 1200),
        poll_command=b"W\r",
        zero_command=b"Z\r",
        tare_command=b"T\r",
        clear_tare_command=b"C\r",
        sim_reply=sim_reply,
    )
)
