"""Bytes on the wire to a Scan / WeightReading delivered on the GUI thread, against the floor:
the same bytes read back from the pty by a bare pyserial reader in the same run."""

from __future__ import annotations

import os
import threading
import time

from tests.bench.harness import Result, benchmark, percentiles_ms

N = 300
WARMUP = 10


def _gui_latency(kind: str) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from devices.sim.devices import SimScale, SimScanner
    from ui.bridge import DeviceBridge

    app = QApplication.instance() or QApplication([])
    sim = SimScanner() if kind == "scan" else SimScale("continuous", stream_interval=3600)
    path = sim.start()
    role = "scanner" if kind == "scan" else "scale"
    profile = {"port": path, "protocol": "continuous"} if role == "scale" else {"port": path}
    bridge = DeviceBridge({role: profile})
    got: list[float] = []
    signal = bridge.scanned if kind == "scan" else bridge.weighed
    signal.connect(lambda _e: got.append(time.perf_counter()))
    bridge.start()
    loop = QEventLoop()
    while not bridge.all_connected():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    frame = b"ST,GS,+0001.234kg\r\n"
    samples = []
    for _ in range(N):
        before = len(got)
        sent = time.perf_counter()
        if kind == "scan":
            sim.scan("6901234567892")
        else:
            sim.port.write(frame)
        while len(got) == before:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        samples.append(got[-1] - sent)
        QTimer.singleShot(0, loop.quit)
        loop.exec()
        time.sleep(0.16 if kind == "scan" else 0)  # past the double-read window: a new scan
    bridge.stop()
    sim.stop()
    del app
    return samples[WARMUP:]  # the first scans pay for imports and caches


def _floor() -> list[float]:
    """Write to the pty master, read the bytes with pyserial in another thread."""
    import serial

    from devices.sim.pty_port import PtyPort

    port = PtyPort("floor")
    port.open()
    reader = serial.Serial(port.path, timeout=1)
    samples: list[float] = []
    done = threading.Event()
    frame = b"6901234567892\r"

    def read() -> None:
        for _ in range(N):
            buf = b""
            while not buf.endswith(b"\r"):
                buf += reader.read(reader.in_waiting or 1)
            samples.append(time.perf_counter())
        done.set()

    sent: list[float] = []
    t = threading.Thread(target=read)
    t.start()
    for _ in range(N):
        before = len(samples)
        sent.append(time.perf_counter())
        port.write(frame)
        while len(samples) == before:
            time.sleep(0.0002)
    done.wait()
    reader.close()
    port.remove()
    return [b - a for a, b in zip(sent, samples, strict=True)]


@benchmark("device_scan_latency")
def scan_latency() -> Result:
    floor = percentiles_ms(_floor())
    ours = percentiles_ms(_gui_latency("scan"))
    return Result("device_scan_latency", ours, peer=f"raw pty read p99 {floor['p99_ms']:.3f} ms",
                  ratio=ours["p99_ms"] / floor["p99_ms"], goal="our processing < 5 ms p99 above the floor",
                  extra={"overhead_p99_ms": ours["p99_ms"] - floor["p99_ms"]})


@benchmark("device_weight_latency")
def weight_latency() -> Result:
    floor = percentiles_ms(_floor())
    ours = percentiles_ms(_gui_latency("weight"))
    return Result("device_weight_latency", ours, peer=f"raw pty read p99 {floor['p99_ms']:.3f} ms",
                  ratio=ours["p99_ms"] / floor["p99_ms"], goal="our processing < 5 ms p99 above the floor",
                  extra={"overhead_p99_ms": ours["p99_ms"] - floor["p99_ms"]})
