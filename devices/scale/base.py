"""What every scale protocol shares: the typed reading, error events and the registry.

A protocol is data (serial defaults, command bytes) plus a pure parser (bytes in, events
out) plus the two functions a simulator needs to speak it: the frame the device sends for a
weight, and its reply to a command. Adding a scale is adding a ``ScaleProtocol`` record.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from devices.errors import DeviceError
from devices.profile import Profile

GRAMS_PER_UNIT: dict[str, Decimal] = {
    "g": Decimal(1),
    "kg": Decimal(1000),
    "lb": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
    "t": Decimal(1_000_000),
}


def to_grams(value: Decimal, unit: str) -> Decimal:
    """Convert a displayed value to grams; raises KeyError on an unknown unit."""
    return value * GRAMS_PER_UNIT[unit.strip().lower()]


class WeightStatus(enum.Enum):
    OK = "ok"
    OVERLOAD = "overload"
    UNDERLOAD = "underload"


@dataclass(frozen=True)
class WeightReading:
    """One weight the scale reported. ``grams`` is what the display shows, in grams."""

    grams: Decimal
    stable: bool
    status: WeightStatus = WeightStatus.OK
    net: bool = False  # True when the display shows net (a tare is active)
    tare_grams: Decimal | None = None
    protocol: str = ""
    raw: bytes = b""


@dataclass(frozen=True)
class ScaleError:
    """Something the scale said or sent that is not a weight: never an exception. Worded like the
    layer's errors: ``template`` (English, the translation key) filled with ``params``."""

    code: str  # e.g. "not_executable", "syntax", "transmission", "logical", "garbled", "checksum"
    template: str
    protocol: str = ""
    raw: bytes = b""
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        """The English text; filled only when asked, so a parser's error costs no formatting."""
        return self.template.format(**self.params) if self.params else self.template


@dataclass(frozen=True)
class CommandAck:
    """The scale confirmed a command (zero, tare, clear tare)."""

    command: str
    protocol: str = ""
    raw: bytes = b""


ScaleEvent = WeightReading | ScaleError | CommandAck


class ScaleParser(Protocol):
    """Stateful framer + decoder. ``feed`` accepts any split of the byte stream."""

    def feed(self, data: bytes) -> list[ScaleEvent]: ...


@dataclass
class SimState:
    """What a simulated scale has on its platter; simulators mutate it."""

    grams: Decimal = Decimal(0)
    stable: bool = True
    overload: bool = False
    underload: bool = False
    tare_grams: Decimal = Decimal(0)
    unit: str = "kg"
    options: Profile = field(default_factory=dict)

    @property
    def net(self) -> bool:
        return self.tare_grams != 0


@dataclass(frozen=True)
class ScaleProtocol:
    """A scale protocol as a record (serial defaults, commands) plus its parser and sim hooks."""

    name: str
    title: str
    new_parser: Callable[[Profile], ScaleParser]  # profile options -> fresh parser
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"  # pyserial constants: "N", "E", "O"
    stopbits: float = 1
    allowed_baudrates: tuple[int, ...] = (9600,)
    streams: bool = False  # sends unasked (continuous output) rather than on request
    has_stability_flag: bool = True
    repeats_unchanged: bool = True  # False: silent while the weight does not change (Adam)
    options: tuple[str, ...] = ()  # profile options the format reads: "address", "unit" (it sends none)
    lenient: bool = False  # reads many layouts (varying widths): probe asks it after the strict formats
    poll_command: bytes | None = None  # request a weight (request/response protocols)
    # the request for a station profile (an indicator's address); raises DeviceError when the
    # profile's option is not one the indicator can have
    poll_for: Callable[[Profile], bytes] | None = None
    probe_command: bytes | None = None  # what probe sends if not poll_command (every address at once)
    found_settings: Callable[[WeightReading], dict[str, str]] | None = None  # options a reply reveals
    zero_command: bytes | None = None
    tare_command: bytes | None = None
    clear_tare_command: bytes | None = None
    # simulator hooks: the frame sent for the current state; the reply to a received command
    sim_frame: Callable[[SimState], bytes] | None = None
    sim_reply: Callable[[bytes, SimState], bytes | None] | None = None


PROTOCOLS: dict[str, ScaleProtocol] = {}


def register(protocol: ScaleProtocol, *aliases: str) -> ScaleProtocol:
    for name in (protocol.name, *aliases):
        PROTOCOLS[name] = protocol
    return protocol


def get_protocol(name: str) -> ScaleProtocol:
    """Look a protocol up by name, importing every protocol module first; DeviceError if none."""
    from devices.scale import protocols  # noqa: F401  (registers all protocol modules)

    try:
        return PROTOCOLS[name]
    except KeyError:
        raise DeviceError("Unknown scale protocol {name}; known: {known}",
                          name=name, known=", ".join(sorted(PROTOCOLS))) from None
