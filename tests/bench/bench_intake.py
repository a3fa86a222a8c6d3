"""Importing a 100,000-order CSV (about 150,000 rows) into a demo database, against the floor of
merely parsing and validating the same file (no database) in the same run."""

from __future__ import annotations

import os
import random
import tempfile
import time

from tests.bench.harness import Result, benchmark

HEADER = (
    "channel,order_ref,status,payment_status,placed_at,currency,name,phone,email,country,province,city,"
    "district,street,postcode,shipping_fee,discount,sku,quantity,unit_price,tax_rate\n"
)


def make_csv(n: int, seed: int = 1) -> str:
    r = random.Random(seed)
    out = [HEADER]
    for i in range(n):
        phone = f"13{r.randint(0, 9)}{r.randint(0, 99_999_999):08d}"
        for ln in range(r.choice([1, 1, 2])):
            out.append(
                f"tmall,TMB-{i},new,paid,2026-11-20T10:15:00+08:00,CNY,张伟{i % 97},{phone},,CN,广东省,"
                f"深圳市,南山区,科技园南路{i % 300}号,518057,0,0,SKU-{(i + ln) % 200 + 1:05d},"
                f"{r.randint(1, 3)},{r.randint(10, 500)}.00,0.13\n"
            )
    return "".join(out)


@benchmark("import_100k_orders")
def import_100k() -> Result:
    from app.db import make_engine, session_factory, upgrade
    from app.demo import DemoSize, load_demo
    from app.models.base import utcnow
    from app.services.intake.orders import import_orders
    from app.services.intake.records import read

    n = int(os.environ.get("PACKDESK_BENCH_IMPORT_ORDERS", 100_000))
    text = make_csv(n)
    t0 = time.perf_counter()
    parsed = sum(1 for _ in read(text, "packdesk-csv"))
    floor = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.sqlite")
        upgrade(engine)
        load_demo(engine, seed=1, size=DemoSize(1000, 1000))
        t0 = time.perf_counter()
        report = import_orders(session_factory(engine), read(text, "packdesk-csv"), now=utcnow())
        ours = time.perf_counter() - t0
        engine.dispose()
    assert report.created == parsed == n, report.summary()
    return Result(
        "import_100k_orders",
        {"total_s": ours, "orders_per_s": n / ours},
        peer=f"parse+validate only {floor:.1f} s",
        ratio=ours / floor,
        goal="100k orders < 60 s",
        extra={"orders": n},
    )
