"""Finding and reading a scale from a command line or a set-up screen: probe a port for the
protocol and baud rate it speaks, and wait for one stable weight. Failures are ``DeviceError``s
worded for the person at the station."""

from __future__ import annotations

import queue
import time
from dataclasses import dataclass
from decimal import Decimal

import devices.scale.protocols  # noqa: F401  (registers every protocol)
from devices.errors import DeviceError
from devices.profile import Profile
from devices.scale.base import PROTOCOLS, ScaleError, ScaleProtocol, WeightReading, WeightStatus, get_protocol
from devices.scale.device import ScaleDevice
from devices.transport import OPEN_ERRORS, LinkState, LinkStatus


@dataclass(frozen=True)
class ProbeHit:
    protocol: str
    baudrate: int
    reading: WeightReading

    @property
    def settings(self) -> dict[str, str]:
        """Options the reply revealed (an indicator's address), for the station profile."""
        found = get_protocol(self.protocol).found_settings
        return found(self.reading) if found else {}

    def line(self) -> str:
        p = get_protocol(self.protocol)
        extra = "".join(f", {k} {v}" for k, v in self.settings.items())
        return (f"{self.protocol} ({p.title}) at {self.baudrate} baud {p.bytesize}{p.parity}{int(p.stopbits)}"
                f"{extra}: {kg(self.reading.grams)} kg")


def probe(port: str, listen_s: float = 0.4) -> ProbeHit | None:
    """Listen first (streaming indicators announce themselves), then ask each request/response
    protocol at each baud rate its vendor allows. A weight heard in any exchange counts for every
    protocol of that framing: a scale that sends only when its weight changes sends that weight
    once, and asking it again on a quiet platter gets nothing. Raises DeviceError if the port
    never opened."""

    opened = False
    failure: DeviceError | None = None
    protocols = list(dict.fromkeys(PROTOCOLS.values()))
    # a strict format before one that reads many layouts (CAS "18 bytes for AND" is also A&D's)
    streaming = sorted((p for p in protocols if p.streams), key=lambda p: p.lenient)
    polled = [p for p in protocols if not p.streams and p.poll_command]
    framings = sorted({(b, p.bytesize, p.parity, p.stopbits) for p in streaming for b in p.allowed_baudrates},
                      key=lambda f: (f[0] != 9600, f[0], -f[1], f[2]))  # the usual factory setting first
    for baud, bytesize, parity, stopbits in framings:
        try:
            data = _exchange(port, baud, bytesize, parity, stopbits, None, listen_s)
            opened = True
        except DeviceError as exc:
            failure = exc
            continue  # this port refuses these settings: try the next
        if hit := _recognise(data, baud, streaming, polled):
            return hit
    # every protocol at its factory baud rate first, then the other rates its vendor allows
    tries = sorted(((i, p, b) for p in polled for i, b in enumerate(p.allowed_baudrates)),
                   key=lambda t: t[0])
    for _i, p, baud in tries:
        try:
            data = _exchange(port, baud, p.bytesize, p.parity, p.stopbits, p.probe_command or p.poll_command,
                             listen_s)
            opened = True
        except DeviceError as exc:
            failure = exc
            continue  # this port refuses these settings: try the next
        if hit := _recognise(data, baud, [p], streaming, polled):
            return hit
    if not opened and failure is not None:
        raise failure
    return None


def _exchange(port: str, baud: int, bytesize: int, parity: str, stopbits: float,
              command: bytes | None, listen_s: float) -> bytes:
    import serial

    try:
        link = serial.serial_for_url(port, baudrate=baud, bytesize=bytesize, parity=parity,
                                     stopbits=stopbits, timeout=0.05)
    except OPEN_ERRORS as exc:
        raise DeviceError("Cannot open {port}: {reason}", port=port, reason=str(exc)) from None
    data = bytearray()
    with link:
        try:
            link.reset_input_buffer()
            if command:
                link.write(command)
            deadline = time.monotonic() + listen_s
            while time.monotonic() < deadline:
                data += link.read(256)
        except OPEN_ERRORS as exc:  # unplugged while listening
            raise DeviceError("{port} stopped answering: {reason}", port=port, reason=str(exc)) from None
    return bytes(data)


def _recognise(data: bytes, baud: int, *candidates: list[ScaleProtocol]) -> ProbeHit | None:
    """The first protocol, in the order given, that reads a weight in ``data`` heard at ``baud``:
    the one asked, then the streaming formats (strict before lenient), then the polled ones."""
    for p in dict.fromkeys(p for group in candidates for p in group):
        if baud in p.allowed_baudrates and (hit := _weight(p, data)):
            return ProbeHit(p.name, baud, hit)
    return None


def _weight(protocol: ScaleProtocol, data: bytes) -> WeightReading | None:
    events = protocol.new_parser({}).feed(data)
    return next((e for e in events if isinstance(e, WeightReading)), None)


def read_weight(port: str, protocol: str, timeout: float, profile: Profile) -> WeightReading:
    events: queue.Queue = queue.Queue()
    status: list[LinkStatus] = []
    device = ScaleDevice(port, protocol, events.put, status.append, profile=profile, poll_interval=0.1)
    device.start()
    last: WeightReading | None = None
    error: ScaleError | None = None
    deadline = time.monotonic() + timeout
    try:
        while (left := deadline - time.monotonic()) > 0:
            try:
                event = events.get(timeout=min(left, 0.2))
            except queue.Empty:
                continue
            if isinstance(event, ScaleError):
                if event.code == "profile":
                    raise DeviceError(event.template, **event.params)
                error = event
            elif isinstance(event, WeightReading):
                if event.status is WeightStatus.OVERLOAD:
                    raise DeviceError("The scale is overloaded: take weight off the platter.")
                if event.status is WeightStatus.UNDERLOAD:
                    raise DeviceError("The scale reads below zero: clear the platter and zero it.")
                last = event
                if event.stable:
                    return event
    finally:
        device.stop()
    if last is not None:
        raise DeviceError("The weight did not settle within {timeout:g} s (last {kg} kg).",
                          timeout=timeout, kg=kg(last.grams))
    if any(s.state is LinkState.CONNECTED for s in status):
        if error is not None:
            raise DeviceError("No answer from the scale on {port} using {protocol} (it said: {said}): "
                              "check the protocol, baud rate and cable.",
                              port=port, protocol=protocol, said=error.message)
        raise DeviceError("No answer from the scale on {port} using {protocol}: "
                          "check the protocol, baud rate and cable.", port=port, protocol=protocol)
    reason = next((s.detail for s in reversed(status) if s.detail), "not found")
    raise DeviceError("Cannot open {port}: {reason}", port=port, reason=reason)


def kg(grams: Decimal) -> str:
    return f"{grams / 1000:.3f}"
