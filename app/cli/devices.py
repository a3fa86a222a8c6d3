"""``packdesk devices``: list ports, probe a scale, read a weight or scans, run simulators."""

from __future__ import annotations

import argparse
import json
import queue
import sys
from typing import TYPE_CHECKING

from devices.errors import DeviceError
from devices.probe import kg, probe, read_weight
from devices.scale.base import GRAMS_PER_UNIT, PROTOCOLS, get_protocol
from devices.scanner.serial_scanner import SUFFIXES, SerialScanner
from devices.transport import LinkState, LinkStatus

if TYPE_CHECKING:
    from app.cli.runtime import Runtime
    from devices.profile import Profile


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
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
    sscale.add_argument("--variant", choices=["SCP-01", "SCP-02"], help="NCI reply format (nci)")
    sscale.set_defaults(func=cmd_sim_scale)
    sscan = ssub.add_parser("scanner", help="print the port path, then send each stdin line as a scan")
    sscan.set_defaults(func=cmd_sim_scanner)


def cmd_list(rt: Runtime) -> int:
    from serial.tools import list_ports

    ports = sorted(list_ports.comports(), key=lambda p: p.device)
    if not ports:
        print("No serial ports found.")
    for p in ports:
        vidpid = f"{p.vid:04X}:{p.pid:04X}" if p.vid is not None and p.pid is not None else "-"
        print(f"{p.device}\t{p.description or '-'}\t{vidpid}\t{p.serial_number or '-'}")
    return 0


def cmd_probe(rt: Runtime) -> int:
    args = rt.args
    hit = probe(args.port, args.listen)
    if hit is None:
        raise DeviceError("No known scale protocol answered on {port} (tried {tried}).", port=args.port,
                          tried=", ".join(sorted({p.name for p in PROTOCOLS.values()})))
    print(hit.line())
    return 0


def cmd_read_weight(rt: Runtime) -> int:
    args = rt.args
    profile: Profile = {"unit": args.unit}
    if args.baudrate:
        profile["baudrate"] = args.baudrate
    if args.address:
        if "address" not in get_protocol(args.protocol).options:
            raise DeviceError("{protocol} has no indicator address; leave out --address.",
                              protocol=args.protocol)
        profile["address"] = args.address
    r = read_weight(args.port, args.protocol, args.timeout, profile)
    if args.json:
        print(json.dumps({"grams": str(r.grams), "kg": kg(r.grams), "stable": r.stable, "net": r.net,
                          "status": r.status.value, "protocol": args.protocol}))
    else:
        print(f"{kg(r.grams)} kg{' net' if r.net else ''} (stable)")
    return 0


def cmd_read_scan(rt: Runtime) -> int:
    from app.i18n import word

    args = rt.args
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
                    raise DeviceError("Cannot open {port}: {reason}", port=args.port, reason=reason) from None
                break
            count += 1
            error = word(scan.error, rt.language) if scan.error else ""
            if args.json:
                print(json.dumps({"raw": scan.raw, "kind": scan.kind.value, "value": scan.value,
                                  "symbology": scan.symbology, "gtin": scan.gtin, "ai": scan.ai,
                                  "error": error}, ensure_ascii=False), flush=True)
            else:
                print(f"{scan.kind.value}\t{scan.value}\t{error or scan.symbology}", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        scanner.stop()
    return 0


def cmd_sim_scale(rt: Runtime) -> int:
    args = rt.args
    from devices.sim.devices import SimScale

    sim = SimScale(args.protocol)
    sim.state.options["address"] = args.address.upper()
    if args.variant:
        sim.state.options["variant"] = args.variant
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


def cmd_sim_scanner(rt: Runtime) -> int:
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
