"""``packdesk devices``: list ports, probe a scale, read a weight or scans, run simulators."""

from __future__ import annotations

import argparse
import json
import queue
import sys
import time
from dataclasses import dataclass
from decimal import Decimal

import devices.scale.protocols  # noqa: F401  (registers every protocol)
from app.errors import DomainError
from devices.scale.base import (
    GRAMS_PER_UNIT,
    PROTOCOLS,
    ScaleError,
    ScaleProtocol,
    WeightReading,
    WeightStatus,
    get_protocol,
)
from devices.scale.device import ScaleDevice
from devices.scanner.serial_scanner import SUFFIXES, SerialScanner
from devices.transport import OPEN_ERRORS, LinkState, LinkStatus


class DeviceError(DomainError):
    pass


def register(sub: argparse._SubParsersAction) -> None:
    devices = sub.add_parser("devices", help="scanners and scales: list, probe, read, simulate")
    dsub = devices.add_subparsers(dest="devices_command", metavar="ACTION", required=True)

    dsub.add_parser("list", help="serial ports with description, VID:PID and serial number") \
        .set_defaults(func=cmd_list)

    probe = dsub.add_parser("probe", help="find which scale protocol and baud rate a port speaks")
    probe.add_argument("port")
    probe.add_argument("--listen", type=float, default=0.4, help="seconds to listen/wait per try")
    probe.set_defaults(func=cmd_probe)

    names = sorted(PROTOCOLS)
    rw = dsub.add_parser("read-weight", help="print one stable weight")
    rw.add_argument("port")
    rw.add_argument("--protocol", required=True, choices=names)
    rw.add_argument("--baudrate", type=int)
    rw.add_argument("--unit", choices=sorted(GRAMS_PER_UNIT), default="kg",
                    help="unit for unit-less protocols")
    rw.add_argument("--address", help="indicator address for addressed command modes (yaohua-cmd: A-Z)")
    rw.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for a stable weight")
    rw.add_argument("--json", action="store_true")
    rw.set_defaults(func=cmd_read_weight)

    rs = dsub.add_parser("read-scan", help="print scans as they arrive")
    rs.add_argument("port")
    rs.add_argument("--suffix", choices=list(SUFFIXES), default="cr")
    rs.add_argument("--baudrate", type=int, default=9600)
    rs.add_argument("--count", type=int, default=0, help="stop after N scans (default: until Ctrl-C)")
    rs.add_argument("--timeout", type=float, default=0, help="stop after S seconds without a scan")
    rs.add_argument("--json", action="store_true")
    rs.set_defaults(func=cmd_read_scan)

    sim = dsub.add_parser("sim", help="a simulated scale or scanner on a pty")
    ssub = sim.add_subparsers(dest="sim_device", metavar="DEVICE", required=True)
    sscale = ssub.add_parser("scale", help="print the port path, then read commands from stdin: "
                             "put GRAMS | unstable | overload | unplug | replug | quit")
    sscale.add_argument("--protocol", default="mt-sics", choices=names)
    sscale.add_argument("--grams", default="0")
    sscale.add_argument("--address", default="A", help="the simulated indicator's address (yaohua-cmd)")
    sscale.set_defaults(func=cmd_sim_scale)
    sscan = ssub.add_parser("scanner", help="print the port path, then send each stdin line as a scan")
    sscan.set_defaults(func=cmd_sim_scanner)


def cmd_list(args: argparse.Namespace) -> int:
    from serial.tools import list_ports

    ports = sorted(list_ports.comports(), key=lambda p: p.device)
    if not ports:
        print("No serial ports found.")
    for p in ports:
        vidpid = f"{p.vid:04X}:{p.pid:04X}" if p.vid is not None and p.pid is not None else "-"
        print(f"{p.device}\t{p.description or '-'}\t{vidpid}\t{p.serial_number or '-'}")
    return 0


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
                f"{extra}: {_kg(self.reading.grams)} kg")


def probe(port: str, listen_s: float = 0.4) -> ProbeHit | None:
    """Listen first (streaming indicators announce themselves), then ask each request/response
    protocol at each baud rate its vendor allows. Raises DeviceError if the port never opened."""

    opened = False
    failure = ""
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
            failure = str(exc)
            continue  # this port refuses these settings: try the next
        for p in streaming:
            if baud in p.allowed_baudrates and (hit := _weight(p, data)):
                return ProbeHit(p.name, baud, hit)
    # every protocol at its factory baud rate first, then the other rates its vendor allows
    tries = sorted(((i, p, b) for p in polled for i, b in enumerate(p.allowed_baudrates)),
                   key=lambda t: t[0])
    for _i, p, baud in tries:
        try:
            data = _exchange(port, baud, p.bytesize, p.parity, p.stopbits, p.probe_command or p.poll_command,
                             listen_s)
            opened = True
        except DeviceError as exc:
            failure = str(exc)
            continue  # this port refuses these settings: try the next
        if hit := _weight(p, data):
            return ProbeHit(p.name, baud, hit)
    if not opened:
        raise DeviceError(failure)
    return None


def _exchange(port: str, baud: int, bytesize: int, parity: str, stopbits: float,
              command: bytes | None, listen_s: float) -> bytes:
    import serial

    try:
        link = serial.serial_for_url(port, baudrate=baud, bytesize=bytesize, parity=parity,
                                     stopbits=stopbits, timeout=0.05)
    except OPEN_ERRORS as exc:
        raise DeviceError(f"Cannot open {port}: {exc}") from None
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
            raise DeviceError(f"{port} stopped answering: {exc}") from None
    return bytes(data)


def _weight(protocol: ScaleProtocol, data: bytes) -> WeightReading | None:
    events = protocol.new_parser({}).feed(data)
    return next((e for e in events if isinstance(e, WeightReading)), None)


def cmd_probe(args: argparse.Namespace) -> int:
    hit = probe(args.port, args.listen)
    if hit is None:
        raise DeviceError(f"No known scale protocol answered on {args.port} "
                          f"(tried {', '.join(sorted({p.name for p in PROTOCOLS.values()}))}).")
    print(hit.line())
    return 0


def read_weight(port: str, protocol: str, timeout: float, profile: dict[str, object]) -> WeightReading:
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
                    raise DeviceError(event.message)
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
        raise DeviceError(f"The weight did not settle within {timeout:g} s (last {_kg(last.grams)} kg).")
    if any(s.state is LinkState.CONNECTED for s in status):
        detail = f" (it said: {error.message})" if error else ""
        raise DeviceError(f"No answer from the scale on {port} using {protocol}{detail}: "
                          "check the protocol, baud rate and cable.")
    reason = next((s.detail for s in reversed(status) if s.detail), "not found")
    raise DeviceError(f"Cannot open {port}: {reason}")


def _kg(grams: Decimal) -> str:
    return f"{grams / 1000:.3f}"


def cmd_read_weight(args: argparse.Namespace) -> int:
    profile: dict[str, object] = {"unit": args.unit}
    if args.baudrate:
        profile["baudrate"] = args.baudrate
    if args.address:
        if "address" not in get_protocol(args.protocol).options:
            raise DeviceError(f"{args.protocol} has no indicator address; leave out --address.")
        profile["address"] = args.address
    r = read_weight(args.port, args.protocol, args.timeout, profile)
    if args.json:
        print(json.dumps({"grams": str(r.grams), "kg": _kg(r.grams), "stable": r.stable, "net": r.net,
                          "status": r.status.value, "protocol": args.protocol}))
    else:
        print(f"{_kg(r.grams)} kg{' net' if r.net else ''} (stable)")
    return 0


def cmd_read_scan(args: argparse.Namespace) -> int:
    scans: queue.Queue = queue.Queue()
    status: list[LinkStatus] = []
    scanner = SerialScanner(args.port, scans.put, status.append,
                            profile={"suffix": args.suffix, "baudrate": args.baudrate})
    scanner.start()
    count = 0
    try:
        while not args.count or count < args.count:
            try:
                scan = scans.get(timeout=args.timeout or None)
            except queue.Empty:
                if not any(s.state is LinkState.CONNECTED for s in status):
                    reason = next((s.detail for s in reversed(status) if s.detail), "not found")
                    raise DeviceError(f"Cannot open {args.port}: {reason}") from None
                break
            count += 1
            if args.json:
                print(json.dumps({"raw": scan.raw, "kind": scan.kind.value, "value": scan.value,
                                  "symbology": scan.symbology, "gtin": scan.gtin, "ai": scan.ai,
                                  "error": scan.error}, ensure_ascii=False), flush=True)
            else:
                print(f"{scan.kind.value}\t{scan.value}\t{scan.error or scan.symbology}", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        scanner.stop()
    return 0


def cmd_sim_scale(args: argparse.Namespace) -> int:
    from devices.sim.devices import SimScale

    sim = SimScale(args.protocol)
    sim.state.options["address"] = args.address.upper()
    print(sim.start(), flush=True)
    sim.put(args.grams)
    try:
        for line in sys.stdin:
            cmd, _, arg = line.strip().partition(" ")
            if cmd == "put":
                sim.put(arg or "0")
            elif cmd in ("unstable", "overload", "unplug", "replug"):
                getattr(sim, cmd)()
            elif cmd == "quit":
                break
            elif cmd:
                print(f"unknown command {cmd!r}: put GRAMS | unstable | overload | unplug | replug | quit",
                      file=sys.stderr)
    finally:
        sim.stop()
    return 0


def cmd_sim_scanner(args: argparse.Namespace) -> int:
    from devices.sim.devices import SimScanner

    sim = SimScanner()
    print(sim.start(), flush=True)
    try:
        for line in sys.stdin:
            if line.strip() == "quit":
                break
            if line.strip():
                sim.scan(line.strip())
    finally:
        sim.stop()
    return 0
