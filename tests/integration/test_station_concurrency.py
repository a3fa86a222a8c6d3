"""Eight station processes on one PostgreSQL: they allocate the same scarce stock and race to
pack the same orders. No unit is oversold, no order is packed or shipped twice."""

from __future__ import annotations

import multiprocessing
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from app.config import StationSettings
from app.context import AppContext
from app.db import make_engine, read_only, unit_of_work
from app.demo import DemoSize, load_demo
from app.errors import DomainError
from app.models.catalog import Product
from app.models.fulfilment import Package, PackageStatus, Shipment
from app.models.inventory import Stock
from app.models.orders import Order, OrderStatus
from app.services import allocation, packing
from devices.scanner.scan import parse_scan
from tests.app.packing.conftest import make_order

PROCESSES = 8
ORDERS = 24
UNITS = 10  # free stock of the product: only 10 of the 24 orders can ship


def station_worker(url: str, index: int, numbers: list[str]) -> dict[str, int]:
    """One station: allocate what it can, then try to pack every order, as fast as it can."""
    engine = make_engine(url)
    ctx = AppContext(engine=engine, settings=StationSettings(station=f"PACK-{index:02d}"))
    station = packing.Station(ctx.station, None)
    counts = {"allocated": 0, "packed": 0, "refused": 0}
    with unit_of_work(ctx.sessions) as s:
        ids = s.scalars(select(Order.id).where(Order.number.in_(numbers))).all()
    for oid in ids[index::2] + ids:  # overlapping halves: every order is fought over
        try:
            with unit_of_work(ctx.sessions) as s:
                counts["allocated"] += allocation.allocate(s, oid, ctx.clock()).status == "allocated"
        except DomainError:
            pass
    for number in numbers:
        try:
            with unit_of_work(ctx.sessions) as s:
                parcel = packing.open_parcel(s, station, parse_scan(number), ctx.clock()).parcel
            with unit_of_work(ctx.sessions) as s:
                parcel = packing.scan_item(s, station, parcel, parse_scan("SKU-00005"), ctx.clock()).parcel
            with unit_of_work(ctx.sessions) as s:
                r = packing.weigh(s, station, parcel, Decimal(parcel.expected_g), ctx.clock())
            counts["packed"] += r.verdict is packing.Verdict.PACKED
        except DomainError:
            counts["refused"] += 1
    engine.dispose()
    return counts


@pytest.mark.postgres
def test_eight_processes_never_oversell_or_double_pack(pg_url):
    engine = make_engine(pg_url)
    load_demo(engine, seed=5, size=DemoSize(customers=20, orders=20))
    ctx = AppContext(engine=engine, settings=StationSettings(station="SETUP"))
    with unit_of_work(ctx.sessions) as s:
        pid = s.scalar(select(Product.id).where(Product.sku == "SKU-00005"))
        s.execute(update(Stock).where(Stock.product_id == pid).values(quantity=0, reserved=0))
        first = s.scalar(select(Stock.id).where(Stock.product_id == pid).order_by(Stock.id).limit(1))
        s.execute(update(Stock).where(Stock.id == first).values(quantity=UNITS))
    numbers = [make_order(ctx, [("SKU-00005", 1)], status=OrderStatus.NEW) for _ in range(ORDERS)]
    with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
        results = pool.starmap(station_worker, [(pg_url, i, numbers) for i in range(PROCESSES)])
    assert sum(r["allocated"] for r in results) == UNITS
    assert sum(r["packed"] for r in results) == UNITS
    with read_only(ctx.sessions) as s:
        stock = s.execute(
            select(func.sum(Stock.quantity), func.sum(Stock.reserved)).where(Stock.product_id == pid)
        ).one()
        assert tuple(stock) == (0, 0)  # all ten left the shelf, none reserved twice
        order_ids = select(Order.id).where(Order.number.in_(numbers))
        per_order = s.execute(
            select(Shipment.order_id, func.count())
            .where(Shipment.order_id.in_(order_ids))
            .group_by(Shipment.order_id)
        ).all()
        assert len(per_order) == UNITS and all(n == 1 for _oid, n in per_order)
        packed = s.scalar(
            select(func.count())
            .select_from(Package)
            .where(Package.order_id.in_(order_ids), Package.status == PackageStatus.PACKED)
        )
        assert packed == UNITS
        statuses = s.execute(
            select(Order.status, func.count()).where(Order.id.in_(order_ids)).group_by(Order.status)
        ).all()
    assert dict(statuses) == {OrderStatus.PACKED: UNITS, OrderStatus.BACKORDERED: ORDERS - UNITS}
    engine.dispose()
