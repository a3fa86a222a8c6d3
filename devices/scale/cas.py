"""CAS indicators' serial formats (CI-200/CI-400 series, NT-500 and the many CAS-format clones).

Reference: CAS CI-400 series manual, Appendix 1 "Data format" (the CI-200A/CI-201A manuals,
"RS-232 Communication Protocol", list the same three):
- 22 bytes for CAS: ``ST``/``US``/``OL`` ``,`` ``GS``/``NT`` ``,`` device ID (1 byte, F20) lamp
  status (1 byte, high bit set) ``,`` weight (8 characters, sign and decimal point included)
  space unit (2) CR LF. The lamp byte is >= 0x80, so frames are parsed as bytes and never
  decoded as text first.
- 10 bytes for CAS: the weight (8 characters) CR LF: no status and no unit (the profile says
  which), so readings go through the software stability rule.
- 18 bytes for AND: ``ST,GS,`` weight (8) unit (2) CR LF, sent with 7 data bits and even parity.
"""

from __future__ import annotations

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
from devices.scale.framing import MAX_FRAME, LineFramer, parse_decimal, seven_bit

NAME, CAS10, CAS18 = "cas22", "cas10", "cas18"
HEAD = {b"ST": True, b"US": False, b"OL": False}
KIND = {b"GS": False, b"NT": True}
BAUDS = (9600, 2400, 4800, 19200)


def _reading(name: str, head: bytes, kind: bytes, weight: bytes, unit_field: bytes, raw: bytes) -> ScaleEvent:
    """The header, gross/net field, 8-character weight and 2-character unit the 22- and 18-byte
    frames share, as a reading."""
    if head not in HEAD or kind not in KIND:
        return ScaleError("garbled", "unexpected header {header!r}", name, raw, params={"header": raw[:9]})
    if head == b"OL":
        status = WeightStatus.UNDERLOAD if weight.strip().startswith(b"-") else WeightStatus.OVERLOAD
        return WeightReading(Decimal(0), False, status, KIND[kind], protocol=name, raw=raw)
    unit = unit_field.strip().decode("ascii", "replace").lower()
    value = parse_decimal(weight)
    if value is None or unit not in GRAMS_PER_UNIT:
        return ScaleError("garbled", "unreadable weight {weight!r}", name, raw,
                          params={"weight": weight + unit_field})
    return WeightReading(to_grams(value, unit), HEAD[head], net=KIND[kind], protocol=name, raw=raw)


class Cas22Parser:
    """Fixed 22-byte frames found by their header: the ID and lamp bytes may be any value
    (even LF), so the frame is cut by length and checked for its CR LF, not split at line ends."""

    def __init__(self, options: Profile | None = None) -> None:
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        self._buf += data
        events: list[ScaleEvent] = []
        while True:
            starts = [i for i in (self._buf.find(h + b",") for h in HEAD) if i >= 0]
            if not starts:
                if len(self._buf) > MAX_FRAME:
                    events.append(ScaleError("garbled", "no CAS frame in the data", NAME, bytes(self._buf)))
                    self._buf.clear()
                return events
            start = min(starts)
            if start:
                events.append(ScaleError("garbled", "bytes between frames", NAME, bytes(self._buf[:start])))
                del self._buf[:start]
            if len(self._buf) < 22:
                return events
            frame = bytes(self._buf[:22])
            if frame.endswith(b"\r\n"):
                del self._buf[:22]
                events.append(self._line(frame[:20]))
            else:  # not a frame after all: look for the next header
                events.append(ScaleError("garbled", "not a 22-byte CAS frame {frame!r}", NAME, frame,
                                         params={"frame": frame}))
                del self._buf[:2]

    def _line(self, line: bytes) -> ScaleEvent:
        if len(line) != 20 or line[2:3] + line[5:6] + line[8:9] != b",,," or line[17:18] != b" ":
            return ScaleError("garbled", "not a 22-byte CAS frame {frame!r}", NAME, line,
                              params={"frame": line[:24]})
        if not line[7] & 0x80:
            return ScaleError("garbled", "lamp byte without its high bit {frame!r}", NAME, line,
                              params={"frame": line[:9]})
        return _reading(NAME, line[:2], line[3:5], line[9:17], line[18:20], line)


class Cas18Parser:
    def __init__(self, options: Profile | None = None) -> None:
        self._lines = LineFramer()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        # 7E1: a port opened 8N1 hands over the parity bit as bit 7
        return [self._line(line) for line in self._lines.feed(seven_bit(data))]

    def _line(self, line: bytes) -> ScaleEvent:
        if len(line) != 16 or line[2:3] + line[5:6] != b",,":
            return ScaleError("garbled", "not an 18-byte CAS frame {frame!r}", CAS18, line,
                              params={"frame": line[:24]})
        return _reading(CAS18, line[:2], line[3:5], line[6:14], line[14:16], line)


class Cas10Parser:
    def __init__(self, options: Profile | None = None) -> None:
        self.unit = str((options or {}).get("unit", "kg")).lower()
        self._lines = LineFramer()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        return [self._line(line) for line in self._lines.feed(data)]

    def _line(self, line: bytes) -> ScaleEvent:
        value = parse_decimal(line) if len(line) == 8 else None
        if value is None or self.unit not in GRAMS_PER_UNIT:
            return ScaleError("garbled", "not a 10-byte CAS frame {frame!r}", CAS10, line,
                              params={"frame": line[:24]})
        return WeightReading(to_grams(value, self.unit), False, protocol=CAS10, raw=line)


def _fields(state: SimState) -> tuple[bytes, bytes, bytes]:
    """Header, gross/net and the 8-character weight in kg, as the 22- and 18-byte frames send them."""
    head = b"OL" if state.overload or state.underload else (b"ST" if state.stable else b"US")
    return head, (b"NT" if state.net else b"GS"), _weight(state)


def _weight(state: SimState) -> bytes:
    return f"{state.grams / 1000:+08.3f}".encode()


def sim_frame(state: SimState) -> bytes:
    head, kind, value = _fields(state)
    lamp = 0x80 | (0x40 if state.stable else 0) | (0x10 if state.net else 0)
    device_id = int(state.options.get("device_id", 1))
    return head + b"," + kind + b"," + bytes((device_id, lamp)) + b"," + value + b" kg\r\n"


def cas18_frame(state: SimState) -> bytes:
    head, kind, value = _fields(state)
    return head + b"," + kind + b"," + value + b"kg\r\n"


register(
    ScaleProtocol(
        name=NAME,
        title="CAS 22-byte frames (CI-200/CI-400, NT-500 …)",
        new_parser=Cas22Parser,
        allowed_baudrates=BAUDS,
        streams=True,
        sim_frame=sim_frame,
    )
)
register(
    ScaleProtocol(
        name=CAS18,
        title="CAS 18-byte frames (\"for AND\", 7E1)",
        new_parser=Cas18Parser,
        bytesize=7,
        parity="E",
        allowed_baudrates=BAUDS,
        streams=True,
        sim_frame=cas18_frame,
    )
)
register(
    ScaleProtocol(
        name=CAS10,
        title="CAS 10-byte frames (weight only)",
        new_parser=Cas10Parser,
        options=("unit",),
        allowed_baudrates=BAUDS,
        streams=True,
        has_stability_flag=False,
        sim_frame=lambda state: _weight(state) + b"\r\n",
    )
)
