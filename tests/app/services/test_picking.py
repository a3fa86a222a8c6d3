"""The step a picker's PDA shows: the wave, the order, the bin and the product, each in its place."""

from __future__ import annotations

from sqlalchemy import select

from app.db import read_only, unit_of_work
from app.models.catalog import Product
from app.models.orders import Order, OrderStatus
from app.services import allocation, picking, waves
from tests.support.station_world import demo_user, make_order


def test_the_pda_step_names_the_wave_the_order_and_the_product_in_both_languages(demo_ctx):
    number = make_order(demo_ctx, [("SKU-00001", 2)], status=OrderStatus.NEW)
    with unit_of_work(demo_ctx.sessions) as s:
        order_id = s.scalar(select(Order.id).where(Order.number == number))
        allocation.allocate(s, demo_ctx.user, order_id, demo_ctx.clock())
        (wave,) = waves.plan_waves(s, demo_ctx.user, demo_ctx.clock())
        waves.start_wave(s, demo_user(demo_ctx, "picker1"), wave.id, demo_ctx.clock())
    with read_only(demo_ctx.sessions) as s:
        step = picking.current(s, wave.id)
        product = s.scalars(select(Product).where(Product.sku == "SKU-00001")).one()
    assert (step.wave_number, step.order_number) == (wave.number, number)
    assert (step.sku, step.name, step.name_en) == ("SKU-00001", product.name, product.name_en)
    assert step.tote.startswith("TOTE-") and (step.quantity, step.picked) == (2, 0)
