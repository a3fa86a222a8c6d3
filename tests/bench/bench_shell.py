"""Start-up time and the 1M/3M demo load, each against its floor measured in the same run."""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.harness import Result, benchmark

ROOT = Path(__file__).resolve().parents[2]

# Both children print when their first window is up and the event loop has run once.
BARE = """
import time, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1]); w = QWidget(); w.resize(520, 420); w.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""
PACKDESK = """
import sys
from PySide6.QtCore import QTimer
from app.cli import main
QTimer.singleShot(0, lambda: print("shown", flush=True))  # first event-loop turn: login is up
QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: sys.exit(0)))
main(["--db", sys.argv[1]])
"""


def _time_to_window(code: str, *args: str) -> float:
    """Seconds from process start to the child's "shown" line (not to its exit)."""
    # bytecode written as an installed app has it (the warm-up run writes it), as PySide6's is
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    _out, err = proc.communicate(timeout=60)
    assert line.strip() == "shown" and proc.returncode == 0, err
    return elapsed


@benchmark("startup")
def startup() -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("PACKDESK_CONFIG_DIR", tmp)
        url = f"sqlite:///{tmp}/bench.sqlite"
        _time_to_window(PACKDESK, url)  # first run creates the database and compiles translations
        ours = [_time_to_window(PACKDESK, url) for _ in range(5)]
        bare = [_time_to_window(BARE) for _ in range(5)]
    p50, peer = statistics.median(ours), statistics.median(bare)
    return Result("startup", {"p50_s": p50, "max_s": max(ours)}, peer=f"bare PySide6 window {peer:.3f}s",
                  ratio=p50 / peer, goal="<= 2x")


@benchmark("demo_load")
def demo_load() -> Result:
    """PACKDESK_BENCH_CUSTOMERS / _ORDERS set the size (default the 1M / 3M the issue asks)."""
    from app.db import make_engine, upgrade
    from app.demo import DemoSize, load_demo

    customers = int(os.environ.get("PACKDESK_BENCH_CUSTOMERS", 1_000_000))
    orders = int(os.environ.get("PACKDESK_BENCH_ORDERS", 3_000_000))
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/demo.sqlite")
        upgrade(engine)
        t0 = time.perf_counter()
        summary = load_demo(engine, seed=1, size=DemoSize(customers, orders))
        ours = time.perf_counter() - t0
        engine.dispose()
        floor = _raw_floor(Path(tmp) / "raw.sqlite", customers, orders)
    rows = sum(summary.counts.values())
    return Result("demo_load", {"total_s": ours, "rows_m": rows / 1e6},
                  peer=f"raw sqlite3 executemany of bare customers+orders rows {floor:.1f}s",
                  ratio=ours / floor, goal="1M/3M under 600 s",
                  extra={"customers": customers, "orders": orders})


def _raw_floor(path: Path, customers: int, orders: int) -> float:
    """The FACTS.md floor: customers and orders only, five indexes, raw sqlite3."""
    conn = sqlite3.connect(path)
    conn.executescript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
        "CREATE TABLE c (id INTEGER PRIMARY KEY, name TEXT, phone TEXT UNIQUE, email TEXT);"
        "CREATE TABLE o (id INTEGER PRIMARY KEY, number TEXT UNIQUE, customer_id INT, total TEXT,"
        " tracking TEXT); CREATE INDEX oc ON o(customer_id); CREATE INDEX ot ON o(tracking);"
        "CREATE INDEX cn ON c(name);"
    )
    t0 = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO c VALUES (?,?,?,?)",
                         ((i, f"张{i % 997}", f"138{i:08d}", f"u{i}@qq.com")
                          for i in range(1, customers + 1)))
        conn.executemany("INSERT INTO o VALUES (?,?,?,?,?)",
                         ((i, f"PD{i:010d}", i % customers + 1, "99.00", f"SF{i:013d}")
                          for i in range(1, orders + 1)))
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed
