"""Station speed: scan-to-verdict on the GUI thread of the pack screen with 100,000 orders in the
database, against a raw sqlite3 floor (indexed barcode look-up plus one committed insert, what
"committed before it is confirmed" costs at least); wave planning for 10,000 open orders,
against merely reading the same reservation rows."""

from __future__ import annotations

import itertools
import os
import sqlite3
import tempfile
import time

from tests.bench.harness import Result, benchmark, percentiles_ms, timed
from tests.support.station_world import supervisor


def _demo(tmp: str, customers: int, orders: int) -> tuple[str, object]:
    from app.db import make_engine, upgrade
    from app.demo import DemoSize, load_demo

    path = f"{tmp}/bench.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    load_demo(engine, seed=1, size=DemoSize(customers, orders))
    return path, engine


@benchmark("station_scan_to_verdict")
def scan_to_verdict() -> Result:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from app.db import read_only
    from app.models.accounts import Role, User
    from tests.conftest import make_ctx
    from ui.station.pack import PackView

    n_orders = int(os.environ.get("PACKDESK_BENCH_STATION_ORDERS", 100_000))
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path, engine = _demo(tmp, n_orders // 5, n_orders)
        ctx = make_ctx(engine, Role.PACKER)
        with read_only(ctx.sessions) as s:
            admin = s.scalar(select(User.id).where(User.username == "admin"))
        ctx = make_ctx(engine, Role.ADMIN, admin or 1)
        ctx.settings.printers = {"waybill": {"uri": f"file:{tmp}/printed"}}
        view = PackView(ctx)
        samples, codes = measure_scans(app, view, ctx)
        view.close()
        engine.dispose()
        floor = _raw_scan_floor(path, codes, len(samples))
    ours = percentiles_ms(samples)
    peer = percentiles_ms(floor)
    return Result(
        "station_scan_to_verdict",
        ours,
        peer=f"raw sqlite3 look-up + commit p50 {peer['p50_ms']:.3f} ms p99 {peer['p99_ms']:.3f} ms",
        ratio=ours["p99_ms"] / peer["p99_ms"],
        ratio_note="p99 ours/floor",
        goal="p99 < 10 ms",
        extra={"orders": n_orders, "scans": len(samples)},
    )


def measure_scans(app: object, view: object, ctx: object, parcels: int = 3) -> tuple[list[float], list[str]]:
    """Scan-to-verdict on a shown pack screen: ``parcels`` orders of 200 item scans (and a wrong item
    every fourth), each cancelled at the end; (seconds per scan, the barcodes scanned)."""
    from devices.scanner.scan import parse_scan
    from tests.support.station_world import barcode, make_order

    skus = [f"SKU-{i:05d}" for i in range(1, 6)]
    codes = {sku: barcode(ctx, sku) for sku in [*skus, "SKU-00099"]}
    view.resize(1100, 700)
    view.show()
    app.processEvents()
    samples: list[float] = []
    for _ in range(parcels):
        number = make_order(ctx, [(sku, 40) for sku in skus])
        view.handle_scan(parse_scan(number))
        app.processEvents()
        for i in range(200):
            for code in ([codes["SKU-00099"]] if i % 4 == 0 else []) + [codes[skus[i // 40]]]:
                scan = parse_scan(code)
                t0 = time.perf_counter()
                view.handle_scan(scan)  # verdict committed, banner and line shown ...
                app.processEvents()  # ... and painted
                samples.append(time.perf_counter() - t0)
        assert view.parcel is not None and view.parcel.complete, view.banner.text()
        view.command("CANCEL")
    return samples, list(codes.values())


def _raw_scan_floor(path: str, codes: list[str], n: int) -> list[float]:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")  # as the app runs
    con.execute("CREATE TABLE floor_scans (product_id INTEGER, code TEXT)")

    cycle = itertools.cycle(codes)

    def one() -> None:
        code = next(cycle)
        pid = con.execute("SELECT product_id FROM product_barcodes WHERE code = ?", (code,)).fetchone()
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO floor_scans VALUES (?, ?)", (pid[0], code))
        con.execute("COMMIT")

    try:
        return timed(one, n)
    finally:
        con.close()


@benchmark("station_plan_waves")
def plan_waves_10k() -> Result:
    from sqlalchemy import text, update

    from app.db import session_factory, unit_of_work
    from app.demo import NOW
    from app.models.inventory import Stock
    from app.services import allocation, waves

    target = int(os.environ.get("PACKDESK_BENCH_WAVE_ORDERS", 10_000))
    with tempfile.TemporaryDirectory() as tmp:
        _path, engine = _demo(tmp, target, target * 6)  # about a fifth of demo orders are new
        sessions = session_factory(engine)
        with unit_of_work(sessions) as s:  # enough stock that every open order is allocated
            s.execute(update(Stock).values(quantity=Stock.quantity + 100_000))
        t0 = time.perf_counter()
        with unit_of_work(sessions) as s:
            results = allocation.allocate_open(s, supervisor(s), NOW, target)
            allocated = sum(a.status == "allocated" for a in results)
        allocate_s = time.perf_counter() - t0
        with engine.connect() as conn:
            t0 = time.perf_counter()
            rows = conn.execute(
                text(
                    "SELECT o.id, o.carrier, o.cutoff_at, l.id, r.id, r.quantity, st.product_id, b.id,"
                    " b.warehouse_id, z.code, b.aisle, b.bay, b.level FROM orders o"
                    " JOIN order_lines l ON l.order_id = o.id"
                    " JOIN reservations r ON r.order_line_id = l.id"
                    " JOIN stock st ON st.id = r.stock_id JOIN bins b ON b.id = st.bin_id"
                    " JOIN zones z ON z.id = b.zone_id WHERE o.status = 'allocated' AND r.status = 'active'"
                )
            ).all()
            floor = time.perf_counter() - t0
        t0 = time.perf_counter()
        with unit_of_work(sessions) as s:
            planned = waves.plan_waves(s, supervisor(s), NOW)
        ours = time.perf_counter() - t0
        engine.dispose()
    assert sum(w.orders for w in planned) >= allocated, "every allocated order is in a wave"
    return Result(
        "station_plan_waves",
        {"total_s": ours, "waves": len(planned), "orders": allocated},
        peer=f"reading the {len(rows)} reservation rows {floor:.3f} s",
        ratio=ours / floor if floor else None,
        goal="10,000 open orders < 2 s",
        extra={"allocate_s": allocate_s, "pick_rows": len(rows)},
    )


@benchmark("station_weight_to_label")
def weight_to_label() -> Result:
    """A stable weight on the pty scale to the waybill's bytes at a TCP 9100 label printer: the pack
    screen judges the weight, packing queues the ZPL label, the worker thread sends it (woken by
    the packing, not at its 2 s period)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from app.config import StationSettings
    from app.context import AppContext, CurrentUser
    from app.db import read_only
    from app.jobs import station_jobs
    from app.jobs.worker import Worker, WorkerThread
    from app.models.accounts import Role, User
    from devices.scanner.scan import parse_scan
    from devices.sim.devices import SimScale
    from tests.printing.peers import ZplPrinter
    from tests.support.station_world import barcode, make_order
    from ui.bridge import DeviceBridge
    from ui.station.pack import PackView

    class TimedPrinter(ZplPrinter):
        """A Zebra on 127.0.0.1 that notes when each label's bytes arrived."""

        def __init__(self) -> None:
            self.arrived: list[float] = []
            super().__init__(print_s=0)

        def _print_due(self) -> None:
            before = len(self.printed)
            super()._print_due()
            self.arrived += [time.perf_counter()] * (len(self.printed) - before)

    parcels = int(os.environ.get("PACKDESK_BENCH_LABELS", 30))
    app = QApplication.instance() or QApplication([])
    peer, scale = TimedPrinter(), SimScale("continuous", stream_interval=0.05)
    with tempfile.TemporaryDirectory() as tmp:
        _path, engine = _demo(tmp, 300, 900)
        cfg = StationSettings(
            station="BENCH-PACK",
            devices={"scale": {"port": scale.start(), "protocol": "continuous"}},
            printers={
                "waybill": {"uri": peer.uri, "format": "zpl"},
                "invoice": {"uri": f"file:{tmp}/printed"},
            },
        )
        ctx = AppContext(engine=engine, settings=cfg)
        with read_only(ctx.sessions) as s:
            admin = s.scalar(select(User).where(User.username == "admin"))
            ctx = ctx.signed_in(CurrentUser(admin.id, admin.username, admin.display_name, Role.ADMIN))
        bridge = DeviceBridge(cfg.devices)
        view = PackView(ctx)
        bridge.weighed.connect(view.handle_weight)
        worker = WorkerThread(Worker(ctx.sessions, station_jobs(cfg)))
        bridge.start()
        worker.start()
        code = barcode(ctx, "SKU-00001")

        def until(done, timeout_s: float = 10.0) -> None:
            end = time.perf_counter() + timeout_s
            while not done():
                if time.perf_counter() > end:
                    raise TimeoutError(view.banner.text())
                app.processEvents()
                time.sleep(0.001)

        samples: list[float] = []
        try:
            until(bridge.all_connected)
            for _ in range(parcels):
                view.handle_scan(parse_scan(make_order(ctx, [("SKU-00001", 1)])))
                view.handle_scan(parse_scan(code))
                assert view.parcel is not None and view.parcel.expected_g is not None, view.banner.text()
                labels = len(peer.arrived)
                t0 = time.perf_counter()
                scale.put(view.parcel.expected_g)
                until(lambda n=labels: len(peer.arrived) > n)
                samples.append(peer.arrived[labels] - t0)
                scale.put(0)
                until(lambda: view.last_stable is not None and view.last_stable < 10)
        finally:
            worker.stop()
            bridge.stop()
            scale.stop()
            peer.close()
            view.close()
            engine.dispose()
    ours = percentiles_ms(samples)
    return Result(
        "station_weight_to_label",
        ours,
        peer="a commercial WMS's published weigh-to-label figure: 5-7 s",
        ratio=ours["p50_ms"] / 5000,
        ratio_note="p50 ours/5 s",
        goal="p99 <= 1000 ms",
        extra={"labels": len(samples), "scale_stream_ms": 50},
    )
