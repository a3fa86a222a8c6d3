"""Demo data for the station screens: some orders allocated and planned into waves, the first
wave picked into its totes, so a packer can start on a tote and a picker on a wave."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.db import session_factory, unit_of_work
from app.models.accounts import Role, User
from app.models.orders import Order, OrderStatus
from app.services import allocation, picking, waves
from devices.scanner.scan import parse_scan

ORDERS = 60


def prepare(engine: Engine, now: dt.datetime) -> dict[str, int]:
    sessions = session_factory(engine)
    with unit_of_work(sessions) as s:
        boss = _first(s, Role.SUPERVISOR)  # the shift supervisor allocates and plans
        ids = s.scalars(
            select(Order.id)
            .where(Order.status == OrderStatus.NEW)
            .order_by(Order.priority.desc(), Order.id)
            .limit(ORDERS)
        ).all()
        allocated = sum(allocation.allocate(s, boss, oid, now).status == "allocated" for oid in ids)
        planned = waves.plan_waves(s, boss, now, waves.Limits(orders=8, lines=40))
    if not planned:
        return {"allocated": allocated, "waves": 0, "picked": 0}
    first = planned[0].id
    with unit_of_work(sessions) as s:
        picker = _first(s, Role.PICKER)  # as a picker would
        waves.start_wave(s, picker, first, now)
        step = picking.current(s, first)
        while step is not None:  # the picker walked the whole first wave: each item, then its tote
            step = picking.scan_item(s, picker, step, parse_scan(step.sku), now).step
            if step is not None and step.counted:
                step = picking.confirm_put(s, picker, step, parse_scan(step.tote), now).step
    return {"allocated": allocated, "waves": len(planned), "picked": planned[0].orders}


def _first(s: Session, role: Role) -> CurrentUser | None:
    u = s.scalars(select(User).where(User.role == role).order_by(User.id)).first()
    return CurrentUser(u.id, u.username, u.display_name, u.role) if u else None
