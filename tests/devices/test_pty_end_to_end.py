"""Readings and scans through the real pyserial transport on pty pairs, unplug and re-plug."""

from __future__ import annotations

import queue
import time
from decimal import Decimal

import pytest

from devices.scale.base import WeightReading, WeightStatus
from devices.scale.device import ScaleDevice
from devices.scanner.scan import ScanKind
from devices.scanner.serial_scanner import SerialScanner
from devices.sim.devices import SimScale, SimScanner
from devices.transport import LinkState


def wait_for(q: queue.Queue, predicate, timeout: float = 3.0):
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            item = q.get(timeout=left)
        except queue.Empty:
            break
        if predicate(item):
            return item
    raise AssertionError("timed out waiting")


@pytest.fixture
def sim_scale(request):
    sim = SimScale(request.param)
    sim.start()
    yield sim
    sim.stop()


@pytest.mark.parametrize("sim_scale", ["mt-sics", "toledo8217", "adam", "continuous"], indirect=True)
def test_stable_weight_flows_from_the_wire(sim_scale):
    events: queue.Queue = queue.Queue()
    dev = ScaleDevice(sim_scale.path, sim_scale.protocol.name, events.put, poll_interval=0.05,
                      profile={"stable_window_s": 0.3, "unit": "kg"})
    dev.start()
    try:
        sim_scale.put(2345)
        reading = wait_for(events, lambda e: isinstance(e, WeightReading) and e.stable)
        assert reading.grams == Decimal(2345)
        sim_scale.overload()
        if sim_scale.protocol.name != "adam":  # Adam has no overload message in its format
            wait_for(events, lambda e: isinstance(e, WeightReading) and e.status is WeightStatus.OVERLOAD)
    finally:
        dev.stop()


@pytest.mark.parametrize("sim_scale", ["mt-sics", "continuous"], indirect=True)
def test_unplug_and_replug_reconnects_within_two_seconds(sim_scale):
    events: queue.Queue = queue.Queue()
    status: queue.Queue = queue.Queue()
    dev = ScaleDevice(sim_scale.path, sim_scale.protocol.name, events.put, status.put, poll_interval=0.05)
    dev.start()
    try:
        wait_for(status, lambda s: s.state is LinkState.CONNECTED)
        sim_scale.put(500)
        wait_for(events, lambda e: isinstance(e, WeightReading) and e.grams == 500)
        sim_scale.unplug()
        gone = wait_for(status, lambda s: s.state is LinkState.DISCONNECTED)
        assert gone.detail
        t0 = time.monotonic()
        sim_scale.replug()
        wait_for(status, lambda s: s.state is LinkState.CONNECTED)
        sim_scale.put(750)
        wait_for(events, lambda e: isinstance(e, WeightReading) and e.grams == 750)
        assert time.monotonic() - t0 < 2.0
    finally:
        dev.stop()


def test_a_port_that_does_not_exist_reports_disconnected_and_never_raises():
    status: queue.Queue = queue.Queue()
    dev = ScaleDevice("/dev/does-not-exist", "mt-sics", lambda e: None, status.put)
    dev.start()
    try:
        s = wait_for(status, lambda s: s.state is LinkState.DISCONNECTED)
        assert "does-not-exist" in s.detail or s.detail
        assert dev.tare() is False  # commands to an absent scale are refused, not raised
    finally:
        dev.stop()


def test_zero_and_tare_reach_the_scale():
    sim = SimScale("mt-sics")
    sim.start()
    events: queue.Queue = queue.Queue()
    dev = ScaleDevice(sim.path, "mt-sics", events.put, poll_interval=0.05)
    dev.start()
    try:
        sim.put(300)
        wait_for(events, lambda e: isinstance(e, WeightReading) and e.grams == 300)
        assert dev.tare()
        wait_for(events, lambda e: getattr(e, "command", "") == "tare")
        wait_for(events, lambda e: isinstance(e, WeightReading) and e.grams == 0)
    finally:
        dev.stop()
        sim.stop()


def test_scans_flow_and_survive_replugging():
    sim = SimScanner()
    sim.start()
    scans: queue.Queue = queue.Queue()
    status: queue.Queue = queue.Queue()
    dev = SerialScanner(sim.path, scans.put, status.put, profile={"suffix": "cr"})
    dev.start()
    try:
        wait_for(status, lambda s: s.state is LinkState.CONNECTED)
        sim.scan("6901234567892", aim="]E0")
        scan = wait_for(scans, lambda s: True)
        assert scan.kind is ScanKind.PRODUCT and scan.aim == "]E0"
        sim.send_raw(b"\xff\xfe\r")
        assert wait_for(scans, lambda s: True).kind is ScanKind.ERROR
        sim.unplug()
        wait_for(status, lambda s: s.state is LinkState.DISCONNECTED)
        sim.replug()
        wait_for(status, lambda s: s.state is LinkState.CONNECTED)
        sim.scan("TOTE-0001")
        assert wait_for(scans, lambda s: True).kind is ScanKind.TOTE
    finally:
        dev.stop()
        sim.stop()
