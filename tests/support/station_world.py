"""Orders ready for the pack station, made from the demo catalogue."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import AppContext, CurrentUser
from app.db import read_only, unit_of_work
from app.models.accounts import Role, User
from app.models.catalog import Product, ProductBarcode
from app.models.orders import Address, Channel, Order, OrderLine, OrderStatus, PaymentStatus
from app.services.packing import Station

_numbers = itertools.count(9_000_000_001)


def make_order(
    ctx: AppContext,
    lines: list[tuple[str, int]],
    status: OrderStatus = OrderStatus.PICKED,
    carrier: str = "SF",
) -> str:
    """A paid order of ``(sku, quantity)`` lines for the first demo customer, in ``status``."""
    number = f"PD{next(_numbers):010d}"
    with unit_of_work(ctx.sessions) as s:
        address = s.scalar(select(Address).order_by(Address.id).limit(1))
        assert address is not None
        order = Order(
            number=number,
            channel=Channel.TMALL,
            channel_ref=number,
            customer_id=address.customer_id,
            address_id=address.id,
            status=status,
            payment_status=PaymentStatus.PAID,
            carrier=carrier,
            warehouse_id=1,
        )
        total = Decimal(0)
        for no, (sku, qty) in enumerate(lines, 1):
            p = s.scalar(select(Product).where(Product.sku == sku))
            assert p is not None
            order.lines.append(
                OrderLine(
                    line_no=no,
                    product_id=p.id,
                    sku=sku,
                    name=p.name,
                    quantity=qty,
                    unit_price=p.price,
                    amount=p.price * qty,
                )
            )
            total += p.price * qty
        order.subtotal = order.total = total
        s.add(order)
    return number


def barcode(ctx: AppContext, sku: str) -> str:
    with unit_of_work(ctx.sessions) as s:
        code = s.scalar(
            select(ProductBarcode.code)
            .join(Product)
            .where(Product.sku == sku, ProductBarcode.kind == "ean13")
        )
    assert code is not None
    return code


def unit_weight(ctx: AppContext, sku: str) -> int | None:
    with unit_of_work(ctx.sessions) as s:
        return s.scalar(select(Product.unit_weight_g).where(Product.sku == sku))


def demo_user(ctx: AppContext, username: str) -> CurrentUser:
    """A demo user as signed in (admin, super1, packer1, packer2, picker1, picker2, agent1, agent2)."""
    with read_only(ctx.sessions) as s:
        u = s.scalar(select(User).where(User.username == username))
        assert u is not None
        return CurrentUser(u.id, u.username, u.display_name, u.role)


def supervisor(session: Session) -> CurrentUser:
    """The site's first supervisor, as signed in: the one who allocates and plans waves."""
    u = session.scalars(select(User).where(User.role == Role.SUPERVISOR).order_by(User.id)).first()
    assert u is not None
    return CurrentUser(u.id, u.username, u.display_name, u.role)


@pytest.fixture
def station(demo_ctx: AppContext, tmp_path) -> Station:
    """The pack station PACK-01 with packer1 signed in."""
    printers = {
        "waybill": {"uri": f"file:{tmp_path / 'printed'}"},
        "invoice": {"uri": f"file:{tmp_path / 'printed'}"},
        "manifest": {"uri": f"file:{tmp_path / 'printed'}"},
    }
    return Station("PACK-01", demo_user(demo_ctx, "packer1"), printers)
