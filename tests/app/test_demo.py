"""Demo data: deterministic from the seed, consistent, and refusing to pile onto real data."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from app.db import make_engine, upgrade
from app.demo import DEMO_USERS, HEAVY_CUSTOMER_NAME, DemoSize, ean13, load_demo
from app.errors import ConfigError
from app.models.catalog import ProductBarcode
from app.models.orders import Customer, Order, OrderStatus

TABLES = ["customers", "customer_phones", "addresses", "orders", "order_lines", "shipments",
          "tracking_events", "tickets", "interactions", "stock"]


def _fingerprint(engine: Engine) -> str:
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in TABLES:
            for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY id")):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def _load(tmp_path: Path, name: str, seed: int) -> Engine:
    eng = make_engine(f"sqlite:///{tmp_path / name}")
    upgrade(eng)
    load_demo(eng, seed=seed, size=DemoSize(customers=120, orders=300))
    return eng


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path):
    a, b, c = _load(tmp_path, "a.sqlite", 5), _load(tmp_path, "b.sqlite", 5), _load(tmp_path, "c.sqlite", 6)
    assert _fingerprint(a) == _fingerprint(b)
    assert _fingerprint(a) != _fingerprint(c)


def test_demo_data_is_realistic_and_consistent(demo_engine: Engine):
    with Session(demo_engine) as s:
        codes = s.scalars(select(ProductBarcode.code).where(ProductBarcode.kind == "ean13")).all()
        assert codes and all(ean13(c[:12]) == c for c in codes)
        statuses = set(s.scalars(select(Order.status).distinct()))
        assert {OrderStatus.NEW, OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED} <= statuses
        assert s.scalar(select(func.count()).select_from(Customer).where(Customer.name.like("%张%")))
        heavy = s.scalar(select(Customer).where(Customer.name == HEAVY_CUSTOMER_NAME))
        assert heavy is not None and heavy.lifetime_value > 0
        order = s.scalar(select(Order).where(Order.status == OrderStatus.DELIVERED).limit(1))
        assert order.number.startswith("PD") and order.total == (
            sum(line.amount for line in order.lines) + order.shipping_fee - order.discount
        )
        # every delivered order has a shipment with a tracking history ending in delivered
        row = s.execute(text(
            "SELECT t.status_code FROM tracking_events t JOIN shipments sh ON sh.id = t.shipment_id "
            "WHERE sh.order_id = :o ORDER BY t.occurred_at DESC LIMIT 1"), {"o": order.id}).scalar()
        assert row == "delivered"


def test_demo_users_can_sign_in_with_the_documented_passwords(demo_engine: Engine):
    from app.services.auth import login_password

    with Session(demo_engine) as s:
        for username, password, role, _name in DEMO_USERS:
            assert login_password(s, username, password).role == role


def test_demo_refuses_a_database_that_has_orders(demo_engine: Engine):
    with pytest.raises(ConfigError, match="already has orders"):
        load_demo(demo_engine, seed=1, size=DemoSize(customers=10, orders=10))


@pytest.mark.postgres
def test_demo_loads_into_postgresql(pg_url: str):
    eng = make_engine(pg_url)
    summary = load_demo(eng, seed=3, size=DemoSize(customers=50, orders=120))
    assert summary.counts["orders"] == 120
    with Session(eng) as s:  # sequences continue after the bulk-loaded ids
        s.add(Customer(name="新客户"))
        s.commit()
        assert s.scalar(select(func.max(Customer.id))) == 51


def test_same_seed_same_waves_and_totes_in_every_process(tmp_path: Path):
    # string hashing differs per process; waves once followed it, and screenshots with them
    script = (
        "import sys, hashlib; from sqlalchemy import text; from app.db import make_engine, upgrade;"
        "from app.demo import DemoSize, load_demo;"
        "e = make_engine('sqlite:///' + sys.argv[1]); upgrade(e);"
        "load_demo(e, seed=4, size=DemoSize(customers=80, orders=240));"
        "c = e.connect(); print(hashlib.sha256(repr([c.execute(text(f'SELECT * FROM {t} ORDER BY id')).all()"
        " for t in ('waves', 'pick_tasks', 'totes')]).encode()).hexdigest())"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / f"{hash_seed}.sqlite")],
                              env={**os.environ, "PYTHONHASHSEED": hash_seed}, capture_output=True,
                              text=True, check=True, cwd=Path(__file__).resolve().parents[2])
        digests.add(done.stdout.strip())
    assert len(digests) == 1
