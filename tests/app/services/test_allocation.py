"""Allocation: validation, warehouse choice, splitting only when needed, no oversell."""

from __future__ import annotations

from sqlalchemy import func, select, update

from app.db import read_only, unit_of_work
from app.models.catalog import Bin, Product, Warehouse
from app.models.inventory import Stock
from app.models.orders import Address, Order, OrderStatus, PaymentStatus
from app.services import allocation
from tests.support.station_world import make_order


def _id(ctx, number: str) -> int:
    with read_only(ctx.sessions) as s:
        return s.scalar(select(Order.id).where(Order.number == number))


def allocate(ctx, number: str, rule: str | None = None) -> allocation.Allocation:
    with unit_of_work(ctx.sessions) as s:
        return allocation.allocate(s, ctx.user, _id(ctx, number), ctx.clock(), rule)


def set_stock(ctx, sku: str, per_warehouse: dict[str, int]) -> None:
    """Exactly this much free stock of a product: what is there is all reserved, plus one new bin
    per warehouse with the given quantity."""
    with unit_of_work(ctx.sessions) as s:
        pid = s.scalar(select(Product.id).where(Product.sku == sku))
        s.execute(update(Stock).where(Stock.product_id == pid).values(quantity=Stock.reserved))
        for code, qty in per_warehouse.items():
            wid = s.scalar(select(Warehouse.id).where(Warehouse.code == code))
            bin_id = s.scalar(
                select(Bin.id)
                .where(
                    Bin.warehouse_id == wid,
                    Bin.id.not_in(select(Stock.bin_id).where(Stock.product_id == pid)),
                )
                .order_by(Bin.id)
                .limit(1)
            )
            s.add(Stock(product_id=pid, bin_id=bin_id, quantity=qty, reserved=0))


def test_cheapest_covering_warehouse_reserves_the_stock(demo_ctx):
    set_stock(demo_ctx, "SKU-00001", {"SH01": 5, "GZ01": 5})
    number = make_order(demo_ctx, [("SKU-00001", 3)], status=OrderStatus.NEW)
    result = allocate(demo_ctx, number)
    assert result.status == "allocated" and result.warehouses == ("SH01",) and not result.split
    assert result.low_stock == ("SKU-00001@SH01",)  # 2 left there, under the threshold of 5
    with read_only(demo_ctx.sessions) as s:
        assert s.scalar(select(func.sum(Stock.reserved)).join(Product).where(Product.sku == "SKU-00001")) == 3
        assert s.scalar(select(Order.status).where(Order.number == number)) is OrderStatus.ALLOCATED
    assert allocate(demo_ctx, number).status == "skipped"  # never twice


def test_distance_rule_prefers_the_customers_province(demo_ctx):
    set_stock(demo_ctx, "SKU-00002", {"SH01": 5, "GZ01": 5})
    number = make_order(demo_ctx, [("SKU-00002", 1)], status=OrderStatus.NEW)
    with unit_of_work(demo_ctx.sessions) as s:
        s.execute(
            update(Address)
            .where(Address.id == select(Order.address_id).where(Order.number == number).scalar_subquery())
            .values(province="广东省")
        )
    assert allocate(demo_ctx, number, "distance").warehouses == ("GZ01",)


def test_split_only_when_no_warehouse_covers_and_backorder_when_short(demo_ctx):
    set_stock(demo_ctx, "SKU-00003", {"SH01": 2, "GZ01": 2})
    split = make_order(demo_ctx, [("SKU-00003", 3)], status=OrderStatus.NEW)
    r = allocate(demo_ctx, split)
    assert r.status == "allocated" and r.split and r.warehouses == ("GZ01", "SH01")
    short = make_order(demo_ctx, [("SKU-00003", 2)], status=OrderStatus.NEW)
    r = allocate(demo_ctx, short)
    assert r.status == "backordered"
    with read_only(demo_ctx.sessions) as s:
        assert s.scalar(select(func.sum(Stock.reserved)).join(Product).where(Product.sku == "SKU-00003")) == 3


def test_invalid_orders_are_not_released_and_say_why(demo_ctx):
    number = make_order(demo_ctx, [("SKU-00001", 1)], status=OrderStatus.NEW)
    with unit_of_work(demo_ctx.sessions) as s:
        s.execute(update(Order).where(Order.number == number).values(payment_status=PaymentStatus.PENDING))
    r = allocate(demo_ctx, number)
    assert r.status == "invalid" and "payment is pending" in r.problems[0]


def test_scarce_stock_is_never_oversold(demo_ctx):
    set_stock(demo_ctx, "SKU-00004", {"SH01": 3})
    numbers = [make_order(demo_ctx, [("SKU-00004", 1)], status=OrderStatus.NEW) for _ in range(5)]
    results = [allocate(demo_ctx, n).status for n in numbers]
    assert results.count("allocated") == 3 and results.count("backordered") == 2
    with read_only(demo_ctx.sessions) as s:
        free = s.scalar(
            select(func.sum(Stock.quantity - Stock.reserved)).join(Product).where(Product.sku == "SKU-00004")
        )
        over = s.scalar(select(func.count()).select_from(Stock).where(Stock.reserved > Stock.quantity))
    assert free == 0 and over == 0
