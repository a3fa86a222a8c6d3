"""Order imports against the database: an order lands whole or is held back, a changed export
updates an order until it is released, bad cells mid-chunk cost only their own orders (SQLite and
PostgreSQL), and two imports at once on PostgreSQL both land, with ORM inserts working after."""

from __future__ import annotations

import csv
import io
import math
import threading
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from app.cli import main
from app.db import make_engine, read_only, session_factory, unit_of_work
from app.models.base import utcnow
from app.models.catalog import Product
from app.models.orders import Address, Channel, Customer, CustomerPhone, Order, OrderLine, OrderStatus
from app.services.allocation import allocate
from app.services.intake.files import import_path
from app.services.intake.orders import CHUNK
from tests.support.station_world import supervisor

DATA = Path(__file__).parent / "data"
COLUMNS = [
    "channel",
    "order_ref",
    "status",
    "payment_status",
    "placed_at",
    "currency",
    "name",
    "phone",
    "email",
    "country",
    "province",
    "city",
    "district",
    "street",
    "postcode",
    "shipping_fee",
    "discount",
    "sku",
    "quantity",
    "unit_price",
    "tax_rate",
]


def order_row(ref: str, **cells: str) -> dict[str, str]:
    row = dict(
        channel="tmall",
        order_ref=ref,
        status="new",
        payment_status="paid",
        placed_at="2026-11-20T10:15:00+08:00",
        currency="CNY",
        name="张伟",
        phone="13800138000",
        email="",
        country="CN",
        province="广东省",
        city="深圳市",
        district="南山区",
        street="科技园南路88号",
        postcode="518057",
        shipping_fee="0",
        discount="0",
        sku="SKU-00001",
        quantity="2",
        unit_price="199.00",
        tax_rate="0.13",
    )
    row.update(cells)
    return row


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def db_url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def lines_of(engine, ref: str) -> list[tuple[str, int]] | None:
    with read_only(session_factory(engine)) as s:
        order = s.scalar(select(Order).where(Order.channel_ref == ref))
        return None if order is None else [(line.sku, line.quantity) for line in order.lines]


def add_products(engine, n: int = 3) -> None:
    with unit_of_work(session_factory(engine)) as s:
        s.add_all(
            Product(sku=f"SKU-{i:05d}", name=f"Product {i}", price=Decimal("10.00")) for i in range(1, n + 1)
        )


def test_an_order_with_a_rejected_line_is_held_back_whole_and_the_corrected_file_adds_it(
    demo_engine, tmp_path, capsys
):
    export = (DATA / "shopify_orders.csv").read_text(encoding="utf-8")
    f = tmp_path / "orders_export.csv"
    f.write_text(export.replace(",1,Yoga mat,80.00,", ",1,Yoga mat,80.0O,"), encoding="utf-8")
    assert main(["import", "orders", str(f), "--db", db_url(demo_engine)]) == 3
    out = capsys.readouterr().out
    assert out.startswith("1 created")  # #1002 only
    assert "line 3: order #1001 held back: Lineitem price is not an amount: '80.0O'" in out
    assert lines_of(demo_engine, "#1001") is None  # not shipped short

    f.write_text(export, encoding="utf-8")  # the shop fixed the price
    assert main(["import", "orders", str(f), "--db", db_url(demo_engine)]) == 3  # #1003 still unknown SKU
    assert capsys.readouterr().out.startswith("1 created, 0 updated, 1 skipped")
    assert lines_of(demo_engine, "#1001") == [("SKU-00001", 2), ("SKU-00006", 1)]


def test_a_changed_export_updates_the_lines_until_the_order_is_released_then_it_is_a_conflict(
    demo_engine, tmp_path, capsys
):
    f = tmp_path / "orders.csv"
    url = db_url(demo_engine)
    write_csv(f, [order_row("TM-20")])
    assert main(["import", "orders", str(f), "--db", url]) == 0
    write_csv(f, [order_row("TM-20", quantity="3"), order_row("TM-20", sku="SKU-00002", quantity="1")])
    assert main(["import", "orders", str(f), "--db", url]) == 0
    assert "0 created, 1 updated" in capsys.readouterr().out
    assert lines_of(demo_engine, "TM-20") == [("SKU-00001", 3), ("SKU-00002", 1)]
    factory = session_factory(demo_engine)
    with unit_of_work(factory) as s:
        order = s.scalar(select(Order).where(Order.channel_ref == "TM-20"))
        assert order.total == Decimal("796.00") and order.subtotal == Decimal("796.00")
        assert allocate(s, supervisor(s), order.id, utcnow()).status == "allocated"  # released to the floor

    write_csv(f, [order_row("TM-20", quantity="3")])  # the shop dropped a line afterwards
    assert main(["import", "orders", str(f), "--db", url]) == 3
    assert (
        "line 2: conflict: order TM-20 is already allocated in the warehouse and this file has other "
        "lines or amounts for it" in capsys.readouterr().out
    )
    assert lines_of(demo_engine, "TM-20") == [("SKU-00001", 3), ("SKU-00002", 1)]


# (cells, what the report says) for orders that are refused, not stored wrong or crashing the chunk
BAD_CELLS = [
    ({"quantity": str(10**20)}, "quantity must be a whole number from 1 to 1,000,000"),
    ({"tax_rate": "NaN"}, "tax_rate is not an amount: 'NaN'"),
    ({"tax_rate": "1e9999"}, "tax_rate must be a rate from 0 to below 1"),
    ({"tax_rate": "-0.13"}, "tax_rate must be a rate from 0 to below 1"),
    ({"unit_price": "1e22"}, "unit_price is too large"),
    ({"unit_price": "Infinity"}, "unit_price is not an amount"),
    ({"shipping_fee": "-5"}, "shipping_fee must not be negative"),
    ({"discount": "500.00"}, "discount 500.00 is more than the order's amount 398.00"),
    ({"quantity": "999999", "unit_price": "999999999.00"}, "line amount"),
    ({"name": "张" * 5000}, "name is longer than 120 characters (5000)"),
    ({"street": "x" * 301}, "street is longer than 300 characters"),
    ({"postcode": "5" * 17}, "postcode is longer than 16 characters"),
    ({"phone": "1" * 40}, "phone is longer than 32 characters"),
    ({"email": "a" * 250 + "@x.cn"}, "email is longer than 254 characters"),
    ({"street": "科技园\x00南路"}, "street contains a control character (U+0000)"),
    ({"currency": "YUAN"}, "currency must be 3 letters"),
    ({"country": "CHN"}, "country must be 2 letters"),
    ({"order_ref": "R" * 65}, "order_ref is longer than 64 characters"),
    ({"placed_at": "0001-01-01T00:00:00+08:00"}, "not a date and time"),
]


def test_bad_cells_mid_chunk_cost_only_their_own_orders(any_engine, tmp_path):
    add_products(any_engine)
    good = CHUNK + 500  # the bad ones sit in the middle of the first chunk
    rows = [order_row(f"OK-{i}", phone=f"139{i:08d}") for i in range(good)]
    bad = [order_row(f"BAD-{n}", **cells) for n, (cells, _reason) in enumerate(BAD_CELLS)]
    for n, row in enumerate(bad):
        rows.insert(1000 + n * 7, row)
    f = write_csv(tmp_path / "orders.csv", rows)
    report = import_path(session_factory(any_engine), f)
    assert (report.created, report.rejected) == (good, len(BAD_CELLS)), report.text()
    by_line = {e.line: e.reason for e in report.errors}
    for row, (_cells, reason) in zip(bad, BAD_CELLS, strict=True):
        said = by_line.get(rows.index(row) + 2, "")  # + the header, 1-based
        assert " held back: " in said and reason in said, (row, said)
    with read_only(session_factory(any_engine)) as s:
        assert s.scalar(select(func.count()).select_from(Order)) == good
        totals = s.scalars(select(OrderLine.tax_rate)).all() + s.scalars(select(Order.total)).all()
        assert all(math.isfinite(x) for x in totals)
        assert s.scalar(select(func.max(OrderLine.quantity))) == 2


def _orders(prefix: str, n: int) -> list[dict[str, str]]:
    # every tenth customer is in both files: the same phone arriving from two imports at once
    return [
        order_row(f"{prefix}-{i}", phone=f"137{i:08d}" if i % 10 == 0 else f"13{prefix[-1]}{i:08d}")
        for i in range(n)
    ]


def test_two_imports_at_once_on_postgresql_both_land_and_orm_inserts_work_after(pg_url, tmp_path):
    engine = make_engine(pg_url)
    add_products(engine)
    files = [write_csv(tmp_path / f"{p}.csv", _orders(p, 3000)) for p in ("SHOP8", "SHOP9")]
    start = threading.Barrier(2)
    reports: dict[Path, object] = {}

    def run(path: Path) -> None:
        factory = session_factory(make_engine(pg_url))
        start.wait()
        try:
            reports[path] = import_path(factory, path)
        except Exception as exc:  # the assertion below names it
            reports[path] = exc

    threads = [threading.Thread(target=run, args=(p,)) for p in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for path in files:
        report = reports[path]
        assert not isinstance(report, Exception), report
        assert (report.created, report.rejected) == (3000, 0), report.text()
    factory = session_factory(engine)
    with read_only(factory) as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 6000
        shared = s.scalar(
            select(func.count()).select_from(CustomerPhone).where(CustomerPhone.phone.like("137%"))
        )
        assert shared == 300
    with unit_of_work(factory) as s:  # the sequences moved on with the import
        customer = Customer(name="王芳")
        s.add(customer)
        s.flush()
        address = Address(customer_id=customer.id, recipient="王芳", phone="13900000001", city="北京市")
        s.add(address)
        s.flush()
        s.add(
            Order(
                number="PD-ORM-1",
                channel=Channel.OWN_SITE,
                channel_ref="ORM-1",
                customer_id=customer.id,
                address_id=address.id,
                status=OrderStatus.NEW,
            )
        )
    with read_only(factory) as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 6001
    engine.dispose()
