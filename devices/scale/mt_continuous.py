"""Mettler Toledo standard continuous output (Toledo 8142, IND/Panther/Jaguar "continuous"
mode) and the many indicators that copy it.

Reference: METTLER TOLEDO IND560/IND780 technical manuals, "Standard Continuous Output": STX,
status words A, B and C, six weight digits and six tare digits (no decimal point, no sign,
leading zeros or spaces), CR, and an optional checksum byte (two's complement of the 7-bit sum
of STX through CR).
- A bits 0-2: decimal point (000 = X00, 001 = X0, 010 = X, 011 = 0.X ... 111 = 0.0000X);
  bits 3-4: increment (x1/x2/x5); bit 5 = 1.
- B bit 0: net; bit 1: negative; bit 2: out of range (over or under); bit 3: motion;
  bit 4: kg (else lb); bit 5 = 1; bit 6: not zeroed since power-up.
- C bits 0-2: unit when not lb/kg (001 g, 010 t, 011 oz); bit 4: expanded data (x10); bit 5 = 1.
Clones differ in the "always 1/0" bits and parity, so bits 5-7 are ignored and the parity bit is
dropped. The checksum is skipped, not checked; when it happens to be 02h it is not taken for STX.
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
from devices.scale.framing import StxFramer, seven_bit

NAME = "mt-continuous"
DECIMALS = {0: 2, 1: 1, 2: 0, 3: -1, 4: -2, 5: -3, 6: -4, 7: -5}  # A bits 0-2 -> power of ten
UNITS_C = {1: "g", 2: "t", 3: "oz"}


def _digits(field: bytes) -> int | None:
    text = field.replace(b" ", b"0")
    return int(text) if len(text) == 6 and text.isdigit() else None


class MtContinuousParser:
    def __init__(self, options: Profile | None = None) -> None:
        self._frames = StxFramer(b"\r", length=17)

    def feed(self, data: bytes) -> list[ScaleEvent]:
        # 7E1 clones read on a port opened 8N1 hand over the parity bit as bit 7
        return [self._frame(f) for f in self._frames.feed(seven_bit(data))]

    def _frame(self, f: bytes) -> ScaleEvent:
        raw = b"\x02" + f + b"\r"
        if len(f) != 15:
            return ScaleError("garbled", "a {size}-byte frame, not 17", NAME, raw,
                              params={"size": len(f) + 2})
        a, b, c = (x & 0x1F for x in f[:3])  # bits 5-7 vary between clones
        weight, tare = _digits(f[3:9]), _digits(f[9:15])
        if weight is None or tare is None:
            return ScaleError("garbled", "unreadable frame {frame!r}", NAME, raw, params={"frame": raw})
        unit = UNITS_C.get(c & 0x07) or ("kg" if b & 0x10 else "lb")
        if c & 0x07 and (c & 0x07) not in UNITS_C:
            return ScaleError("unit", "the indicator shows a unit PackDesk cannot convert", NAME, raw)
        power = DECIMALS[a & 0x07] - (1 if c & 0x10 else 0)  # expanded: one more digit
        sign = -1 if b & 0x02 else 1
        net = bool(b & 0x01)
        if b & 0x04:
            status = WeightStatus.UNDERLOAD if sign < 0 else WeightStatus.OVERLOAD
            return WeightReading(Decimal(0), False, status, net, protocol=NAME, raw=raw)
        value = to_grams(Decimal(sign * weight).scaleb(power), unit)
        tare_g = to_grams(Decimal(tare).scaleb(power), unit) if net else None
        return WeightReading(value, not b & 0x08, net=net, tare_grams=tare_g, protocol=NAME, raw=raw)


def checksum(frame: bytes) -> bytes:
    """The optional byte after CR: two's complement of the 7-bit sum of STX .. CR."""
    return bytes(((-sum(frame)) & 0x7F,))


def sim_frame(state: SimState) -> bytes:
    a = 0x20 | 0x08 | 5  # increment x1, 0.00X (three decimals of a kg)
    b = 0x20 | 0x10  # kg
    b |= 0x01 if state.net else 0
    b |= 0x02 if state.grams < 0 or state.underload else 0
    b |= 0x04 if state.overload or state.underload else 0
    b |= 0 if state.stable else 0x08
    weight = min(int(abs(state.grams)), 999_999)
    tare = min(int(abs(state.tare_grams)), 999_999)
    frame = bytes((0x02, a, b, 0x20)) + f"{weight:6d}{tare:06d}\r".encode()
    return frame + checksum(frame) if state.options.get("checksum") else frame


register(
    ScaleProtocol(
        name=NAME,
        title="Mettler Toledo standard continuous output",
        new_parser=MtContinuousParser,
        baudrate=9600,
        bytesize=7,
        parity="E",
        allowed_baudrates=(9600, 4800, 2400, 19200),
        streams=True,
        sim_frame=sim_frame,
    )
)
