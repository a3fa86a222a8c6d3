"""NCI / Weigh-Tronix Scale Control Protocol SCP-01 and SCP-02 (NCI 3825/3835/3880 and the
postal and shipping scales that speak it).

Reference: Avery Weigh-Tronix / NCI "Scale Control Protocol" manual: the host sends ``W`` CR;
the scale answers LF, the weight with its unit (``  1.234kg``; ``^^^^^^`` over capacity,
``______`` under), CR LF, two status bytes (SCP-02: a third), CR, ETX. Status byte 1:
bit 0 motion, bit 1 at zero, bit 2 RAM error, bit 3 EEPROM error; byte 2: bit 0 under
capacity, bit 1 over capacity, bit 2 ROM error, bit 3 faulty calibration; byte 3 (SCP-02):
bit 2 net. Bits 4-5 are always 1 (the bytes are printable ``0``..``?``), bit 6 is 0.
An answer with only the status (``?`` CR LF hh CR ETX) means the weight could not be given.

SCP-02 (and Ohaus's NCI mode) put ``S`` before the status bytes (``\n01.234KG\r\nS00\r\x03``);
SCP-01 sends them bare. Both are read; the ``S`` is what tells them apart (``variant``, which
probe reports and the simulator's ``variant`` option chooses).
"""

from __future__ import annotations

import re
from decimal import Decimal

from devices.profile import Profile
from devices.scale.base import (
    GRAMS_PER_UNIT,
    CommandAck,
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

NAME = "nci"
WEIGHT = re.compile(rb"^\s*([+-]?\s*[\d.]*\d[\d.]*)\s*([a-zA-Z]{1,3})\s*$")
SCP02 = b"S"  # the status prefix of SCP-02


def variant(raw: bytes) -> str:
    """Which of SCP-01 / SCP-02 an answer is in: SCP-02 prefixes its status bytes with S."""
    status = raw.rstrip(b"\x03").rstrip(b"\r").rsplit(b"\r\n", 1)[-1]
    return "SCP-02" if status.startswith(SCP02) else "SCP-01"


class NciParser:
    def __init__(self, options: Profile | None = None) -> None:
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        self._buf += data
        events: list[ScaleEvent] = []
        while (end := self._buf.find(b"\x03")) >= 0:
            frame = bytes(self._buf[:end])
            del self._buf[: end + 1]
            events.append(self._frame(frame))
        if len(self._buf) > MAX_FRAME:
            events.append(ScaleError("garbled", "unreadable data from the scale", NAME, bytes(self._buf)))
            self._buf.clear()
        return events

    def _frame(self, frame: bytes) -> ScaleEvent:
        raw = frame + b"\x03"
        start = frame.rfind(b"\n", 0, max(0, frame.rfind(b"\r\n")))  # the LF before the weight
        parts = frame[start + 1 :].split(b"\r\n") if start >= 0 else []
        if len(parts) != 2 or not parts[1].endswith(b"\r"):
            return ScaleError("garbled", "unreadable answer {answer!r}", NAME, raw,
                              params={"answer": raw[-40:]})
        shown, status = parts[0], parts[1][:-1]
        status = status.removeprefix(SCP02)
        if len(status) not in (2, 3) or any(s & 0xF0 != 0x30 for s in status):
            return ScaleError("garbled", "unreadable status {status!r}", NAME, raw, params={"status": status})
        s1, s2 = status[0], status[1]
        if s2 & 0x0C or s1 & 0x0C:
            return ScaleError("scale_fault", "the scale reports a memory or calibration fault", NAME, raw)
        net = len(status) == 3 and bool(status[2] & 0x04)
        if s2 & 0x03:
            state = WeightStatus.OVERLOAD if s2 & 0x02 else WeightStatus.UNDERLOAD
            return WeightReading(Decimal(0), False, state, net, protocol=NAME, raw=raw)
        if shown.strip() == b"?":
            return CommandAck("status", NAME, raw)
        m = WEIGHT.match(shown)
        value = parse_decimal(m.group(1)) if m else None
        unit = m.group(2).decode().lower() if m else ""
        if value is None or unit not in GRAMS_PER_UNIT:
            return ScaleError("garbled", "unreadable weight {weight!r}", NAME, raw,
                              params={"weight": shown[:20]})
        return WeightReading(to_grams(value, unit), not s1 & 0x01, net=net, protocol=NAME, raw=raw)


def sim_reply(command: bytes, state: SimState) -> bytes | None:
    """An SCP-01 answer (two bare status bytes), or with ``options["variant"] = "SCP-02"`` an
    SCP-02 one (``S``, the two bytes and the third with the net bit)."""
    if command.strip().upper() != b"W":
        return None
    s1 = 0x30 | (0 if state.stable else 0x01) | (0x02 if state.grams == 0 else 0)
    s2 = 0x30 | (0x02 if state.overload else 0) | (0x01 if state.underload else 0)
    if state.overload or state.underload:
        shown = b"^^^^^^" if state.overload else b"______"
    else:
        shown = f"{state.grams / 1000:7.3f}kg".encode()
    if str(state.options.get("variant", "SCP-01")).upper() == "SCP-02":
        status = SCP02 + bytes((s1, s2, 0x30 | (0x04 if state.net else 0)))
    else:
        status = bytes((s1, s2))
    return b"\n" + shown + b"\r\n" + status + b"\r\x03"


register(
    ScaleProtocol(
        name=NAME,
        title="NCI / Weigh-Tronix SCP-01/SCP-02",
        new_parser=NciParser,
        baudrate=9600,
        bytesize=7,
        parity="E",
        allowed_baudrates=(9600, 2400, 4800, 19200),
        poll_command=b"W\r",
        zero_command=b"Z\r",
        found_settings=lambda reading: {"variant": variant(reading.raw)},
        sim_reply=sim_reply,
    )
)
