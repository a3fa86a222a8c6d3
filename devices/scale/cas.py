"""CAS indicators' 22-byte frames (CI-200/CI-400 series, NT-500 and the many CAS-format clones).

Reference: CAS CI-400 series manual, Appendix 1 "Data format, 22 bytes for CAS":
``ST``/``US``/``OL`` ``,`` ``GS``/``NT`` ``,`` device ID (1 byte, F20) lamp status (1 byte,
high bit set) ``,`` weight (8 characters, sign and decimal point included) space unit (2) CR LF.
The lamp byte is >= 0x80, so frames are parsed as bytes and never decoded as text first.
The 18-byte "AND" frames of the same manual (``ST,GS,+001.234kg``) are read by ``and``.
"""

from __future__ import annotations

from decimal import Decimal

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
from devices.scale.framing import MAX_FRAME, parse_decimal

NAME = "cas22"
HEAD = {b"ST": True, b"US": False, b"OL": False}
KIND = {b"GS": False, b"NT": True}


class Cas22Parser:
    """Fixed 22-byte frames found by their header: the ID and lamp bytes may be any value
    (even LF), so the frame is cut by length and checked for its CR LF, not split at line ends."""

    def __init__(self, options: dict[str, object] | None = None) -> None:
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
                events.append(ScaleError("garbled", f"not a 22-byte CAS frame {frame!r}", NAME, frame))
                del self._buf[:2]

    def _line(self, line: bytes) -> ScaleEvent:
        if len(line) != 20 or line[2:3] + line[5:6] + line[8:9] != b",,," or line[17:18] != b" ":
            return ScaleError("garbled", f"not a 22-byte CAS frame {line[:24]!r}", NAME, line)
        head, kind, lamp = line[:2], line[3:5], line[7]
        if head not in HEAD or kind not in KIND or not lamp & 0x80:
            return ScaleError("garbled", f"unexpected header {line[:9]!r}", NAME, line)
        unit = line[18:20].strip().decode("ascii", "replace").lower()
        if head == b"OL":
            status = WeightStatus.UNDERLOAD if line[9:17].strip().startswith(b"-") else WeightStatus.OVERLOAD
            return WeightReading(Decimal(0), False, status, KIND[kind], protocol=NAME, raw=line)
        value = parse_decimal(line[9:17])
        if value is None or unit not in GRAMS_PER_UNIT:
            return ScaleError("garbled", f"unreadable weight {line[9:20]!r}", NAME, line)
        return WeightReading(to_grams(value, unit), HEAD[head], net=KIND[kind], protocol=NAME, raw=line)


def sim_frame(state: SimState) -> bytes:
    head = b"OL" if state.overload or state.underload else (b"ST" if state.stable else b"US")
    lamp = 0x80 | (0x40 if state.stable else 0) | (0x10 if state.net else 0)
    value = f"{state.grams / 1000:+08.3f}".encode()
    device_id = bytes((int(state.options.get("device_id", 1)),))  # type: ignore[call-overload]
    return (
        head
        + b","
        + (b"NT" if state.net else b"GS")
        + b","
        + device_id
        + bytes((lamp,))
        + b","
        + value
        + b" kg\r\n"
    )


register(
    ScaleProtocol(
        name=NAME,
        title="CAS 22-byte frames (CI-200/CI-400, NT-500 …)",
        new_parser=Cas22Parser,
        allowed_baudrates=(9600, 2400, 4800, 19200),
        streams=True,
        sim_frame=sim_frame,
    )
)
