"""Mettler Toledo MT-SICS (Standard Interface Command Set), level 0/1.

Reference: METTLER TOLEDO "MT-SICS Interface Command Set" reference manual: commands ``S``
(stable weight), ``SI`` (weight immediately), ``T`` (tare), ``Z`` (zero), ``TAC`` (clear tare);
responses ``S S <value> <unit>`` (stable), ``S D`` (dynamic), ``S +``/``S -`` (over/underload),
``S I`` (not executable), ``T S``/``Z A`` (done), and ``ES``/``ET``/``EL`` (syntax,
transmission, logical error). Lines end in CR LF.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from devices.profile import Profile
from devices.scale.base import (
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
from devices.scale.framing import LineFramer, parse_decimal

NAME = "mt-sics"
ERRORS = {
    b"ES": ScaleError("syntax", "the scale did not understand the command (ES)", NAME),
    b"ET": ScaleError("transmission", "the scale reported a transmission error (ET)", NAME),
    b"EL": ScaleError("logical", "the scale cannot execute the command now (EL)", NAME),
}
# why a zero or tare was refused, by the reply's status (catalogued phrases: worded as parameters)
REFUSALS = {b"I": "not possible now", b"+": "upper limit exceeded", b"-": "lower limit exceeded"}
UNITS = {"g", "kg", "lb", "oz", "mg", "ct"}


class MtSicsParser:
    def __init__(self, options: Profile | None = None) -> None:
        self._lines = LineFramer()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        return [event for line in self._lines.feed(data) if (event := self._line(line)) is not None]

    def _line(self, line: bytes) -> ScaleEvent | None:
        raw = line
        line = line.strip()
        if not line:
            return ScaleError("garbled", "unreadable data from the scale", NAME, raw) if raw else None
        if line in ERRORS:
            return replace(ERRORS[line], raw=raw)
        parts = line.split()
        head = parts[0]
        status = parts[1] if len(parts) > 1 else b""
        if head in (b"S", b"SI"):
            return self._weight(parts, status, raw)
        if head in (b"T", b"Z", b"TAC", b"TA"):
            return self._command(head.decode(), parts, status, raw)
        return ScaleError("garbled", "unexpected reply {reply!r}", NAME, raw, params={"reply": line[:40]})

    def _weight(self, parts: list[bytes], status: bytes, raw: bytes) -> ScaleEvent:
        if status in (b"+", b"-", b"I") and len(parts) != 2:
            return ScaleError("garbled", "malformed reply {reply!r}", NAME, raw,  # "S +" is all of it
                              params={"reply": raw[:40]})
        if status == b"+":
            return WeightReading(Decimal(0), False, WeightStatus.OVERLOAD, protocol=NAME, raw=raw)
        if status == b"-":
            return WeightReading(Decimal(0), False, WeightStatus.UNDERLOAD, protocol=NAME, raw=raw)
        if status == b"I":
            return ScaleError("not_executable", "the scale cannot weigh now (busy or not ready)", NAME, raw)
        if status not in (b"S", b"D") or len(parts) < 4:
            return ScaleError("garbled", "malformed weight reply {reply!r}", NAME, raw,
                              params={"reply": raw[:40]})
        value = parse_decimal(b" ".join(parts[2:-1]))
        unit = parts[-1].decode("ascii", "replace").lower()
        if value is None or unit not in UNITS:
            return ScaleError("garbled", "malformed weight reply {reply!r}", NAME, raw,
                              params={"reply": raw[:40]})
        grams = value / 1000 if unit == "mg" else value / 5 if unit == "ct" else to_grams(value, unit)
        return WeightReading(grams, status == b"S", protocol=NAME, raw=raw)

    def _command(self, head: str, parts: list[bytes], status: bytes, raw: bytes) -> ScaleEvent:
        names = {"T": "tare", "Z": "zero", "TAC": "clear_tare", "TA": "tare"}
        if status in (b"S", b"A"):
            return CommandAck(names[head], NAME, raw)
        if status in REFUSALS:
            return ScaleError("not_executable", "{command} refused: {reason}", NAME, raw,
                              params={"command": names[head], "reason": REFUSALS[status]})
        return ScaleError("not_executable", "{command} refused", NAME, raw, params={"command": names[head]})


def _format_value(state: SimState) -> bytes:
    kg = state.grams / 1000
    return f"{kg:10.3f} kg".encode()


def sim_reply(command: bytes, state: SimState) -> bytes | None:
    cmd = command.strip().upper()
    if cmd in (b"S", b"SI"):
        if state.overload:
            return b"S +\r\n"
        if state.underload:
            return b"S -\r\n"
        if cmd == b"S" and not state.stable:
            return None  # S waits for stability; the sim just stays silent, like a scale timing out
        flag = b"S" if state.stable else b"D"
        return b"S " + flag + b" " + _format_value(state) + b"\r\n"
    if cmd == b"Z":
        state.grams = Decimal(0)
        return b"Z A\r\n"
    if cmd == b"T":
        state.tare_grams, state.grams = state.grams, Decimal(0)
        return b"T S " + f"{state.tare_grams / 1000:10.3f} kg".encode() + b"\r\n"
    if cmd == b"TAC":
        state.grams, state.tare_grams = state.grams + state.tare_grams, Decimal(0)
        return b"TAC A\r\n"
    return b"ES\r\n"


PROTOCOL = register(
    ScaleProtocol(
        name=NAME,
        title="Mettler Toledo MT-SICS",
        new_parser=MtSicsParser,
        baudrate=9600,
        allowed_baudrates=(9600, 4800, 19200, 2400, 38400),
        poll_command=b"SI\r\n",
        zero_command=b"Z\r\n",
        tare_command=b"T\r\n",
        clear_tare_command=b"TAC\r\n",
        sim_reply=sim_reply,
    )
)
