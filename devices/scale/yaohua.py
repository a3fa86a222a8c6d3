"""Yaohua (耀华) XK3190 weighing indicators and the Keli/XK3118-style command mode.

References (Yaohua user manuals, "Communication" / 串行通讯 chapters):
- XK3190-A9/A9+, A23p, A26: continuous format 0 (``tF=0``): 12 bytes, STX, sign, six digits
  (high first), decimals counted from the right (0-4), XOR of bytes 2-9 as two characters, ETX,
  no line end. The manuals send each check nibble as ``+30h`` (<= 9) or ``+37h`` (> 9), i.e.
  upper-case hex; the A22 sends ``nibble + 30h`` for every nibble (``:`` to ``?`` above 9).
- XK3190-A26 format 1 / A23p format 2: 9 bytes, ``=``, the seven displayed characters (decimal
  point included) with the *lowest* digit first, then the sign (``0`` or ``-``), back to back
  with no terminator: -1.00 is ``=00.1000-``. The forward variant sends the sign first.
- XK3190-A12/A12E: 15 bytes, ``W``, ``G`` (gross) or ``N`` (net), seven characters of weight
  (decimal point included, ``-`` in the first place when negative), ``kg``, the XOR of bytes
  1-11 as two hex characters, CR LF; 4.139 kg is ``WG004.139kg3D``; overload ``         OL23``,
  underload ``         LO23``. Some firmware sends lower-case ``ww``/``wn``/``wt``.
- XK3190-A9+ command mode (and Keli XK3118): the host sends STX, address ``A``-``Z``, command
  (``A`` handshake, ``B`` gross, ``C`` tare, ``D`` net), XOR of address and command, ETX; the
  indicator answers STX, address, command, sign + six digits + decimals, XOR, ETX. The address
  is the profile's ``address`` option (factory ``A``); probe asks every address at once.
None of these formats carries a stability flag: readings go through the software rule.
"""

from __future__ import annotations

import re
from decimal import Decimal

from devices.errors import DeviceError
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
)
from devices.scale.framing import LineFramer, StxFramer, parse_decimal

STX, ETX = b"\x02", b"\x03"
KG = Decimal(1000)
BAUDS = (9600, 4800, 2400, 1200)


def xor(data: bytes) -> int:
    out = 0
    for b in data:
        out ^= b
    return out


def check_chars(value: int, a22: bool = False) -> bytes:
    """The XOR as two characters: upper-case hex, or nibble + 30h as the A22 sends it."""
    if a22:
        return bytes((0x30 + (value >> 4), 0x30 + (value & 0xF)))
    return f"{value:02X}".encode()


def read_check(chars: bytes) -> int | None:
    """Either encoding back to the XOR value; None when the characters are neither."""
    if len(chars) != 2:
        return None
    nibbles = []
    for c in chars:
        if 0x30 <= c <= 0x3F:  # 0-9 and the A22's : ; < = > ?
            nibbles.append(c - 0x30)
        elif 0x41 <= c <= 0x46:  # A-F
            nibbles.append(c - 0x37)
        else:
            return None
    return nibbles[0] << 4 | nibbles[1]


def _digits_value(sign: bytes, digits: bytes, places: bytes) -> Decimal | None:
    if sign not in (b"+", b"-") or not digits.isdigit() or len(places) != 1 or places not in b"01234":
        return None
    value = Decimal(int(digits)).scaleb(-int(places))
    return -value if sign == b"-" else value


def _kg_digits(grams: Decimal, places: int = 3) -> tuple[bytes, bytes]:
    """Sign and six digits of a weight shown in kg with `places` decimals."""
    units = int((abs(grams) / KG).scaleb(places).to_integral_value())
    return (b"-" if grams < 0 else b"+"), f"{min(units, 999_999):06d}".encode()


# -- continuous format 0 ---------------------------------------------------------------------------
TF0 = "yaohua-tf0"


class _StxEtxParser:
    """STX ... ETX frames, each decoded by the subclass's ``_frame``."""

    def __init__(self, options: Profile | None = None) -> None:
        self._frames = StxFramer(ETX)

    def feed(self, data: bytes) -> list[ScaleEvent]:
        return [self._frame(f) for f in self._frames.feed(data)]

    def _frame(self, f: bytes) -> ScaleEvent:
        raise NotImplementedError


class Tf0Parser(_StxEtxParser):
    def _frame(self, f: bytes) -> ScaleEvent:
        raw = STX + f + ETX
        if len(f) != 10:
            return ScaleError("garbled", "a {size}-byte frame, not 12", TF0, raw, params={"size": len(f) + 2})
        body, check = f[:8], read_check(f[8:])
        value = _digits_value(body[:1], body[1:7], body[7:8])
        if value is None:
            return ScaleError("garbled", "unreadable frame {frame!r}", TF0, raw, params={"frame": raw})
        if check != xor(body):
            return ScaleError("checksum", "XOR check failed (noise on the line?)", TF0, raw)
        return WeightReading(value * KG, False, protocol=TF0, raw=raw)


def tf0_frame(state: SimState) -> bytes:
    sign, digits = _kg_digits(state.grams)
    body = sign + digits + b"3"
    return STX + body + check_chars(xor(body), bool(state.options.get("a22"))) + ETX


register(
    ScaleProtocol(
        name=TF0,
        title="Yaohua XK3190 A9/A23p/A26/DS continuous format 0 (tF=0)",
        new_parser=Tf0Parser,
        allowed_baudrates=BAUDS,
        streams=True,
        has_stability_flag=False,
        sim_frame=tf0_frame,
    )
)


# -- "=" formats ----------------------------------------------------------------------------------
EQ, EQ_FWD = "yaohua-eq", "yaohua-eq-fwd"
DISPLAY = re.compile(rb"^\d*\.?\d+$")


class EqParser:
    """``=`` frames back to back: reversed digits and the sign last, or (forward) sign first."""

    def __init__(self, options: Profile | None = None, forward: bool = False) -> None:
        self.forward = forward
        self.name = EQ_FWD if forward else EQ
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        self._buf += data
        events: list[ScaleEvent] = []
        while True:
            start = self._buf.find(b"=")
            if start < 0:
                if self._buf:
                    events.append(
                        ScaleError("garbled", "data without '=' frames", self.name, bytes(self._buf))
                    )
                self._buf.clear()
                return events
            if start:
                events.append(
                    ScaleError("garbled", "bytes between frames", self.name, bytes(self._buf[:start]))
                )
                del self._buf[:start]
            if len(self._buf) < 9:
                return events  # wait for the rest of the frame
            frame = bytes(self._buf[:9])
            del self._buf[:9]
            events.append(self._frame(frame))

    def _frame(self, frame: bytes) -> ScaleEvent:
        body = frame[1:]
        if self.forward:
            sign, shown = body[:1], body[1:]
            signs: tuple[bytes, ...] = (b"+", b"-")  # a space here reads other formats' status bytes
        else:
            sign, shown = body[-1:], body[:-1][::-1]
            signs = (b"0", b"-")
        if sign not in signs or not DISPLAY.match(shown):
            return ScaleError("garbled", "unreadable frame {frame!r}", self.name, frame,
                              params={"frame": frame})
        value = parse_decimal(shown)
        assert value is not None
        return WeightReading((-value if sign == b"-" else value) * KG, False, protocol=self.name, raw=frame)


def _shown(state: SimState) -> bytes:
    """Seven display characters in kg with three decimals (``001.234``)."""
    return f"{abs(state.grams) / KG:07.3f}".encode()[-7:]


def eq_frame(state: SimState) -> bytes:
    return b"=" + _shown(state)[::-1] + (b"-" if state.grams < 0 else b"0")


def eq_fwd_frame(state: SimState) -> bytes:
    return b"=" + (b"-" if state.grams < 0 else b"+") + _shown(state)


register(
    ScaleProtocol(
        name=EQ,
        title="Yaohua XK3190 '=' format, digits reversed (A26 format 1, A23p format 2)",
        new_parser=EqParser,
        allowed_baudrates=BAUDS,
        streams=True,
        has_stability_flag=False,
        sim_frame=eq_frame,
    )
)
register(
    ScaleProtocol(
        name=EQ_FWD,
        title="Yaohua '=' format, sign first",
        new_parser=lambda o: EqParser(o, forward=True),
        allowed_baudrates=BAUDS,
        streams=True,
        has_stability_flag=False,
        sim_frame=eq_fwd_frame,
    )
)


# -- XK3190-A12 / A12E ----------------------------------------------------------------------------
A12 = "yaohua-a12"
A12_KIND = {b"G": False, b"W": False, b"N": True}  # second header byte -> net


class A12Parser:
    def __init__(self, options: Profile | None = None) -> None:
        self._lines = LineFramer()

    def feed(self, data: bytes) -> list[ScaleEvent]:
        return [e for line in self._lines.feed(data) if (e := self._line(line)) is not None]

    def _line(self, line: bytes) -> ScaleEvent | None:
        if not line:
            return ScaleError("garbled", "unreadable data from the scale", A12, line)
        if len(line) != 13:
            return ScaleError("garbled", "a {size}-byte line, not 13 {line!r}", A12, line,
                              params={"size": len(line), "line": line[:20]})
        body, check = line[:11], read_check(line[11:])
        if check != xor(body):
            return ScaleError("checksum", "XOR check failed (noise on the line?)", A12, line)
        if body[:9] == b" " * 9 and body[9:] in (b"OL", b"LO"):
            status = WeightStatus.OVERLOAD if body[9:] == b"OL" else WeightStatus.UNDERLOAD
            return WeightReading(Decimal(0), False, status, protocol=A12, raw=line)
        head, kind = body[:1].upper(), body[1:2].upper()
        if head != b"W" or body[9:].lower() != b"kg" or kind not in (*A12_KIND, b"T"):
            return ScaleError("garbled", "unexpected line {line!r}", A12, line, params={"line": line})
        if kind == b"T":
            return ScaleError("not_weight", "the indicator sent its tare, not the weight", A12, line)
        value = parse_decimal(body[2:9])
        if value is None:
            return ScaleError("garbled", "unreadable weight {weight!r}", A12, line,
                              params={"weight": body[2:9]})
        return WeightReading(value * KG, False, net=A12_KIND[kind], protocol=A12, raw=line)


def a12_frame(state: SimState) -> bytes:
    if state.overload or state.underload:
        body = b" " * 9 + (b"OL" if state.overload else b"LO")
    else:
        width = 6 if state.grams < 0 else 7  # '-' takes the first place of seven
        shown = f"{abs(state.grams) / KG:.3f}".rjust(width, "0")[-width:]
        body = (b"WN" if state.net else b"WG") + (b"-" if state.grams < 0 else b"") + shown.encode() + b"kg"
    return body + check_chars(xor(body)) + b"\r\n"


register(
    ScaleProtocol(
        name=A12,
        title="Yaohua XK3190-A12/A12E",
        new_parser=A12Parser,
        allowed_baudrates=BAUDS,
        streams=True,
        has_stability_flag=False,
        sim_frame=a12_frame,
    )
)


# -- command mode (XK3190-A9+, Keli XK3118) -------------------------------------------------------
CMD = "yaohua-cmd"
READS = {b"B": False, b"D": True}  # gross, net


ADDRESSES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def address_of(profile: Profile) -> str:
    """The indicator's address from a station profile (factory setting ``A``)."""
    address = str(profile.get("address") or "A").strip().upper()
    if len(address) != 1 or address not in ADDRESSES:
        raise DeviceError("The indicator address must be one letter A-Z, not {address!r}.", address=address)
    return address


def command(address: str, code: bytes) -> bytes:
    """The host's request: STX, address, command, XOR of both, ETX."""
    body = address.encode()[:1].upper() + code
    return STX + body + check_chars(xor(body)) + ETX


class CmdParser(_StxEtxParser):
    """Replies to the gross/net/tare requests; with an ``address`` option, only that indicator's
    (another address answering means two indicators share the bus or the setting is wrong)."""

    def __init__(self, options: Profile | None = None) -> None:
        super().__init__(options)
        address = str((options or {}).get("address") or "").strip().upper()
        self.address = address.encode() or None

    def _frame(self, f: bytes) -> ScaleEvent:
        raw = STX + f + ETX
        if len(f) < 4 or not b"A"[0] <= f[0] <= b"Z"[0]:
            return ScaleError("garbled", "unreadable frame {frame!r}", CMD, raw, params={"frame": raw})
        body, check = f[:-2], read_check(f[-2:])
        if check != xor(body):
            return ScaleError("checksum", "XOR check failed (noise on the line?)", CMD, raw)
        if self.address is not None and body[:1] != self.address:
            return ScaleError("address", "indicator {answered} answered, not {expected}", CMD, raw,
                              params={"answered": body[:1].decode(), "expected": self.address.decode()})
        code, data = body[1:2], body[2:]
        if code == b"A" and not data:
            return CommandAck("handshake", CMD, raw)
        if code not in (*READS, b"C") or len(data) != 8:
            return ScaleError("garbled", "unexpected reply {reply!r}", CMD, raw, params={"reply": raw})
        value = _digits_value(data[:1], data[1:7], data[7:8])
        if value is None:
            return ScaleError("garbled", "unreadable weight {weight!r}", CMD, raw, params={"weight": data})
        if code == b"C":
            return ScaleError("not_weight", "the indicator sent its tare, not the weight", CMD, raw)
        return WeightReading(value * KG, False, net=READS[code], protocol=CMD, raw=raw)


def cmd_reply(request: bytes, state: SimState) -> bytes | None:
    f = request.strip(b"\r\n")
    if len(f) != 6 or f[:1] != STX or f[-1:] != ETX or read_check(f[3:5]) != xor(f[1:3]):
        return None  # an indicator ignores what is not a valid request for it
    address, code = f[1:2], f[2:3]
    if address != str(state.options.get("address", "A")).encode():
        return None  # a request for another indicator on the bus
    if code == b"A":
        data = b""
    elif code in (b"B", b"C", b"D"):
        grams = {b"B": state.grams + state.tare_grams, b"C": state.tare_grams, b"D": state.grams}[code]
        sign, digits = _kg_digits(grams)
        data = sign + digits + b"3"
    else:
        return None
    body = address + code + data
    return STX + body + check_chars(xor(body)) + ETX


register(
    ScaleProtocol(
        name=CMD,
        title="Yaohua / Keli command mode (XK3190-A9+, XK3118)",
        new_parser=CmdParser,
        options=("address",),
        allowed_baudrates=BAUDS,
        has_stability_flag=False,
        poll_command=command("A", b"B"),
        poll_for=lambda profile: command(address_of(profile), b"B"),
        # every address in one go: only the indicator that has it answers
        probe_command=b"".join(command(a, b"B") for a in ADDRESSES),
        found_settings=lambda reading: {"address": reading.raw[1:2].decode()},
        sim_reply=cmd_reply,
    )
)
