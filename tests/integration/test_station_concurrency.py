"""Eight station processes on one PostgreSQL, released together by a barrier: they allocate
multi-line orders from scarce stock in two warehouses and race to pack the same orders. No unit
is oversold, no order is packed or shipped twice, and no station ever sees a database error."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import time
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from app.config import StationSettings
from app.context import AppContext
from app.db import make_engine, read_only, retrying
from app.demo import DemoSize, load_demo
from app.errors import DomainError
from app.models.catalog import Product
from app.models.fulfilment import Package, PackageStatus, Shipment
from app.models.inventory import Stock
from app.models.orders import Order, OrderLine, OrderStatus
from app.services import allocation, packing
from devices.scanner.scan import parse_scan
from tests.app.services.test_allocation import set_stock
from tests.support.station_world import demo_user, make_order

PROCESSES = 8
ORDERS = 32
SKUS = ("SKU-00005", "SKU-00006", "SKU-00007")
PER_WAREHOUSE = 8  # of each product in SH01 and in GZ01: about half the orders can ship
# Lines in every order of two or three products, so two stations lock the same rows both ways.
LINES = [list(p) for n in (2, 3) for p in itertools.permutations(SKUS, n)]


class _Retries(logging.Handler):
    """Counts the deadlocks and serialization failures the retry helper absorbed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def station_worker(url: str, index: int, numbers: list[str], start: Any) -> dict[str, Any]:
    """One station: allocate what it can, then try to pack every order, as fast as it can."""
    engine = make_engine(url)
    ctx = AppContext(engine=engine, settings=StationSettings(station=f"PACK-{index:02d}"))
    station = packing.Station(ctx.station, demo_user(ctx, f"packer{1 + index % 2}"))
    boss = demo_user(ctx, "super1")
    retries = _Retries()
    logging.getLogger("app.db").addHandler(retries)
    counts: dict[str, Any] = {"calls": 0, "allocated": 0, "packed": 0, "refused": 0, "errors": []}

    def run(work):  # a station's one action; anything but a clear refusal is an error surfaced
        try:
            return retrying(ctx.sessions, work)
        except DomainError as exc:
            if exc.code == "db.busy":
                counts["errors"].append(str(exc))
            else:
                counts["refused"] += 1
        except Exception as exc:
            counts["errors"].append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
        return None

    with read_only(ctx.sessions) as s:
        ids = s.scalars(select(Order.id).where(Order.number.in_(numbers)).order_by(Order.id)).all()
    shift = index * len(ids) // PROCESSES  # every station starts on other orders, then fights for all
    start.wait()
    began = time.perf_counter()
    for oid in ids[shift:] + ids:
        counts["calls"] += 1
        result = run(lambda s, oid=oid: allocation.allocate(s, boss, oid, ctx.clock()))
        counts["allocated"] += result is not None and result.status == "allocated"
    counts["seconds"] = time.perf_counter() - began
    for number in numbers[shift:] + numbers[:shift]:
        parcel = run(lambda s, n=number: packing.open_parcel(s, station, parse_scan(n), ctx.clock()).parcel)
        for line in parcel.lines if parcel else ():
            for _unit in range(line.remaining):
                parcel = run(
                    lambda s, p=parcel, sku=line.sku: packing.scan_item(
                        s, station, p, parse_scan(sku), ctx.clock()
                    ).parcel
                )
        if parcel and parcel.complete:
            r = run(lambda s, p=parcel: packing.weigh(s, station, p, Decimal(p.expected_g), ctx.clock()))
            counts["packed"] += r is not None and r.verdict is packing.Verdict.PACKED
    counts["retries"] = retries.count
    engine.dispose()
    return counts


def _stock(ctx: AppContext) -> dict[str, tuple[int, int]]:
    """Per SKU: units on the shelf, units reserved."""
    with read_only(ctx.sessions) as s:
        rows = s.execute(
            select(Product.sku, func.sum(Stock.quantity), func.sum(Stock.reserved))
            .join(Stock, Stock.product_id == Product.id)
            .where(Product.sku.in_(SKUS))
            .group_by(Product.sku)
        ).all()
    return {sku: (int(qty), int(res)) for sku, qty, res in rows}


@pytest.mark.postgres
def test_eight_processes_never_oversell_double_pack_or_show_a_deadlock(pg_url):
    engine = make_engine(pg_url)
    load_demo(engine, seed=5, size=DemoSize(customers=20, orders=20))
    ctx = AppContext(engine=engine, settings=StationSettings(station="SETUP"))
    for sku in SKUS:
        set_stock(ctx, sku, {"SH01": PER_WAREHOUSE, "GZ01": PER_WAREHOUSE})
    before = _stock(ctx)  # what the demo's own orders hold stays reserved for them
    numbers = [
        make_order(ctx, [(sku, 1 + i % 2) for sku in LINES[i % len(LINES)]], status=OrderStatus.NEW)
        for i in range(ORDERS)
    ]
    spawn = multiprocessing.get_context("spawn")
    with spawn.Manager() as manager, spawn.Pool(PROCESSES) as pool:
        start = manager.Barrier(PROCESSES)
        results = pool.starmap(station_worker, [(pg_url, i, numbers, start) for i in range(PROCESSES)])
    print(
        f"\n{sum(r['calls'] for r in results)} concurrent allocations by {PROCESSES} processes in "
        f"{max(r['seconds'] for r in results):.2f} s; {sum(r['retries'] for r in results)} deadlocks "
        f"retried, {sum(len(r['errors']) for r in results)} surfaced; "
        f"{sum(r['allocated'] for r in results)} of {ORDERS} orders allocated"
    )
    assert [e for r in results for e in r["errors"]] == []
    allocated = sum(r["allocated"] for r in results)
    parcels = sum(r["packed"] for r in results)  # an order split over both warehouses: one each
    assert allocated > 0 and parcels >= allocated
    with read_only(ctx.sessions) as s:
        order_ids = select(Order.id).where(Order.number.in_(numbers))
        statuses = s.execute(
            select(Order.status, func.count()).where(Order.id.in_(order_ids)).group_by(Order.status)
        ).all()
        assert dict(statuses) == {OrderStatus.PACKED: allocated, OrderStatus.BACKORDERED: ORDERS - allocated}
        shipped = dict(
            s.execute(
                select(OrderLine.sku, func.sum(OrderLine.quantity))
                .join(Order, Order.id == OrderLine.order_id)
                .where(Order.id.in_(order_ids), Order.status == OrderStatus.PACKED)
                .group_by(OrderLine.sku)
            ).all()
        )
    after = _stock(ctx)
    for sku in SKUS:  # every unit that left the shelf is in exactly one packed order
        assert after[sku][0] + shipped.get(sku, 0) == before[sku][0] and after[sku][1] == before[sku][1]
    with read_only(ctx.sessions) as s:
        per_order = s.execute(
            select(Shipment.order_id, func.count())
            .where(Shipment.order_id.in_(order_ids))
            .group_by(Shipment.order_id)
        ).all()
        assert len(per_order) == allocated and all(n in (1, 2) for _oid, n in per_order)
        packed = s.scalar(
            select(func.count())
            .select_from(Package)
            .where(Package.order_id.in_(order_ids), Package.status == PackageStatus.PACKED)
        )
        assert packed == parcels == sum(n for _oid, n in per_order)  # no parcel packed twice
    engine.dispose()
