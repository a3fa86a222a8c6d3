"""Reading import files: whatever a cell or a file holds, the reader says which line is wrong and
why, never raises; what it accepts fits the database's columns (checked by inserting it)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.db import session_factory
from app.errors import DomainError
from app.models.base import Money, utcnow
from app.models.orders import Address, Customer, CustomerEmail, Order, OrderLine
from app.services.intake.files import import_path
from app.services.intake.orders import import_orders
from app.services.intake.records import (
    MAX_LENGTH,
    MAX_MONEY,
    MAX_QUANTITY,
    OrderRecord,
    RowError,
    read,
)
from app.services.intake.tracking import TrackingRecord, read_tracking
from tests.app.services.intake.test_orders import COLUMNS, add_products, order_row

SHOPIFY_COLUMNS = [
    "Name",
    "Email",
    "Financial Status",
    "Fulfillment Status",
    "Currency",
    "Shipping",
    "Discount Amount",
    "Created at",
    "Cancelled at",
    "Lineitem quantity",
    "Lineitem price",
    "Lineitem sku",
    "Shipping Name",
    "Shipping Address1",
    "Shipping Address2",
    "Shipping City",
    "Shipping Zip",
    "Shipping Province",
    "Shipping Country",
    "Shipping Phone",
]
SHOPIFY_ROW = dict(
    zip(
        SHOPIFY_COLUMNS,
        [
            "#1001",
            "ava@example.com",
            "paid",
            "",
            "USD",
            "10.00",
            "0.00",
            "2026-11-20 10:15:02 +0800",
            "",
            "2",
            "119.00",
            "SKU-00001",
            "Ava Chen",
            "500 Market St",
            "",
            "San Francisco",
            "'94105",
            "CA",
            "US",
            "+1 415 555 0100",
        ],
        strict=True,
    )
)
# cells that broke imports before, and their neighbours
EDGE = [
    "",
    " ",
    "NaN",
    "-nan",
    "sNaN",
    "Infinity",
    "-Infinity",
    "1e9999",
    "-1e9999",
    "1e-9999",
    "1e22",
    "-0",
    "-0.01",
    "0.001",
    "999999999999.99",
    "1000000000000",
    str(10**20),
    "9" * 5000,
    "1_000",
    "１３８００１３８０００",
    "\x00",
    "a\x00b",
    "\x1b[2J",
    "x" * 5000,
    "张" * 121,
    "0001-01-01T00:00:00+08:00",
    "9999-12-31T23:59:59-08:00",
    "2026-11-20T10:15:00",
    "2026-11-20 10:15:02 +0800",
    "tmall",
    "cod",
    "cancelled",
    "SKU-00001",
    "SKU-00002",
    "#1001",
    ",",
    '"',
    "\n",
    "\r\n",
    "0.9999",
    "1",
]
cells = st.one_of(
    st.sampled_from(EDGE),
    st.text(max_size=20),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
)


def assert_fits(rec: OrderRecord) -> None:
    """Every value inside what its column takes."""
    for name, limit in MAX_LENGTH.items():
        value = rec.channel_ref if name == "channel_ref" else getattr(rec, name, "")
        assert len(value) <= limit and value == " ".join(value.split()) and "\x00" not in value, name
    assert len(rec.currency) == 3 and len(rec.country) == 2 and rec.placed_at.tzinfo is not None
    amounts = [rec.shipping_fee, rec.discount, rec.subtotal, rec.total]
    for line in rec.lines:
        assert len(line.sku) <= MAX_LENGTH["sku"] and 0 < line.quantity <= MAX_QUANTITY
        assert 0 <= line.tax_rate < 1 and line.tax_rate.as_tuple().exponent >= -4
        amounts += [line.unit_price, line.unit_price * line.quantity]
    for amount in amounts:
        assert amount.is_finite() and 0 <= amount <= MAX_MONEY and amount == amount.quantize(Decimal("0.01"))
    assert rec.lines


def to_csv(columns: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def rows_of(columns: list[str], base: dict[str, str], key: str, refs: list[str]):
    """1-5 rows of up to 3 orders, each row the base with some cells replaced by random ones."""
    row = st.tuples(st.sampled_from(refs), st.dictionaries(st.sampled_from(columns), cells, max_size=4))
    return st.lists(row, min_size=1, max_size=5).map(
        lambda picked: [{**base, key: ref, **changed} for ref, changed in picked]
    )


def orders_json():
    value = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), cells)
    nested = st.recursive(
        value, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(cells, inner, max_size=3)
    )
    fields = st.dictionaries(
        st.sampled_from(["sku", "quantity", "unit_price", "tax_rate"]), nested, max_size=2
    )
    line = fields.map(lambda extra: {"sku": "SKU-00001", "quantity": 1, "unit_price": "9.90", **extra})
    base = {
        k: v for k, v in order_row("J-1").items() if k not in ("sku", "quantity", "unit_price", "tax_rate")
    }
    order = st.tuples(
        st.dictionaries(st.sampled_from([*base, "address", "lines"]), nested, max_size=4),
        st.lists(line, max_size=3) | nested,
    ).map(lambda t: {**base, "lines": t[1], **t[0]})
    return st.lists(order, max_size=3) | nested


@settings(max_examples=300, deadline=None)
@given(rows_of(COLUMNS, order_row("R"), "order_ref", ["R-1", "R-2", "R-1"]))
def test_random_cells_in_a_packdesk_csv_are_line_errors_or_orders_that_fit(rows):
    text = to_csv(COLUMNS, rows)
    for item in read(text, "packdesk-csv"):
        assert isinstance(item, RowError) or (assert_fits(item) is None and item.channel_ref)
        if isinstance(item, RowError):
            lines = len(io.StringIO(text, newline="").readlines())  # a lone \r ends a line too
            assert 2 <= item.line <= lines and "\n" not in item.reason
            assert len(item.reason) < 300


@settings(max_examples=300, deadline=None)
@given(rows_of(SHOPIFY_COLUMNS, SHOPIFY_ROW, "Name", ["#1001", "#1002", ""]))
def test_random_cells_in_a_shopify_export_are_line_errors_or_orders_that_fit(rows):
    for item in read(to_csv(SHOPIFY_COLUMNS, rows), "shopify-csv"):
        assert isinstance(item, RowError) or assert_fits(item) is None
        if isinstance(item, RowError):
            assert "\n" not in item.reason and len(item.reason) < 300


@settings(max_examples=300, deadline=None)
@given(orders_json())
def test_random_values_in_json_orders_are_line_errors_or_orders_that_fit(data):
    for item in read(json.dumps(data, allow_nan=True), "packdesk-json"):
        assert isinstance(item, RowError) or assert_fits(item) is None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["tracking_number", "time", "status_code", "location", "description"]), cells
        ),
        max_size=4,
    ),
    st.booleans(),
)
def test_random_tracking_events_are_line_errors_or_events_that_fit(events, as_json):
    columns = ["tracking_number", "time", "status_code", "location", "description"]
    text = json.dumps(events) if as_json else to_csv(columns, events)
    for item in read_tracking(text, "tracking.json" if as_json else "tracking.csv"):
        assert isinstance(item, RowError | TrackingRecord)
        if isinstance(item, TrackingRecord):
            assert (
                len(item.location) <= 120 and len(item.description) <= 300 and len(item.tracking_number) <= 40
            )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=rows_of(COLUMNS, order_row("R"), "order_ref", ["R-1", "R-2", "R-1"]))
def test_what_the_reader_accepts_the_database_stores(products_engine, rows):
    items = list(read(to_csv(COLUMNS, rows), "packdesk-csv"))
    report = import_orders(session_factory(products_engine), items, dry_run=True, now=utcnow())
    known = {"SKU-00001", "SKU-00002", "SKU-00003"}  # add_products
    accepted = [i for i in items if isinstance(i, OrderRecord) and {line.sku for line in i.lines} <= known]
    assert report.created == len(accepted), report.text()


@pytest.fixture
def products_engine(any_engine):
    add_products(any_engine)
    return any_engine


def test_limits_are_the_columns_own():
    columns = {
        "channel_ref": Order.channel_ref,
        "name": Customer.name,
        "phone": Address.phone,
        "email": CustomerEmail.email,
        "province": Address.province,
        "city": Address.city,
        "district": Address.district,
        "street": Address.street,
        "postcode": Address.postcode,
        "sku": OrderLine.sku,
    }
    assert {k: c.type.length for k, c in columns.items()} == MAX_LENGTH
    assert Address.recipient.type.length == MAX_LENGTH["name"]
    assert Decimal(10) ** (Money.precision - Money.scale) - Decimal("0.01") == MAX_MONEY


def test_an_empty_file_a_one_column_row_and_deep_json_are_line_errors(demo_engine, tmp_path, capsys):
    factory = session_factory(demo_engine)
    empty = tmp_path / "orders.csv"
    empty.write_text("", encoding="utf-8")
    assert main(["import", "orders", str(empty), "--db", demo_engine.url.render_as_string(False)]) == 3
    assert capsys.readouterr().out.endswith("1 rejected\nline 1: the file is empty\n")
    one = tmp_path / "one.csv"
    one.write_text(",".join(COLUMNS) + "\ntmall\n" + to_csv(COLUMNS, [order_row("ONE-2")]).split("\n", 1)[1])
    report = import_path(factory, one)
    assert report.created == 1 and {e.line for e in report.errors} == {2}
    assert "order_ref is missing" in report.text()
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert import_path(factory, deep).text() == (
        "0 created, 0 updated, 0 skipped (unchanged), 1 rejected\n"
        "line 1: not valid JSON: nested too deeply or a number too long\n"
    )
    header_only = tmp_path / "header.csv"
    header_only.write_text("order,qty\n1,2\n", encoding="utf-8")
    assert "the header has no channel, order_ref, sku, quantity, unit_price column" in (
        import_path(factory, header_only).text()
    )


def test_a_cell_over_the_csv_size_limit_costs_no_other_row(demo_engine, tmp_path):
    rows = [{**order_row(f"BIG-{i}", phone=f"136{i:08d}"), "note": ""} for i in range(99)]
    rows[1]["note"] = "礼物，请包装好。" * 30_000  # a long gift note: 240,000 characters
    f = tmp_path / "orders.csv"
    f.write_text(to_csv([*COLUMNS, "note"], rows), encoding="utf-8")
    report = import_path(session_factory(demo_engine), f)
    assert (report.created, report.rejected) == (99, 0), report.text()
    rows[1]["street"] = "科技园" * 1000
    f.write_text(to_csv([*COLUMNS, "note"], rows).replace("BIG-", "BIGGER-"), encoding="utf-8")
    report = import_path(session_factory(demo_engine), f)
    assert (report.created, report.rejected) == (98, 1)
    assert (
        report.errors[0].line == 3
        and "street is longer than 300 characters (3000)" in report.errors[0].reason
    )


def test_a_file_that_cannot_be_read_is_one_clear_error(demo_engine, tmp_path):
    factory = session_factory(demo_engine)
    binary = tmp_path / "orders.csv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    fifo = tmp_path / "orders-pipe.csv"
    os.mkfifo(fifo)
    cases = {
        tmp_path / "missing.csv": "No such file: ",
        tmp_path: " is a folder, not a file",
        binary: " is not UTF-8 text; save it as UTF-8 CSV or JSON",
        fifo: " is not a regular file",  # refused, not waited on for ever
    }
    for path, message in cases.items():
        with pytest.raises(DomainError) as caught:
            import_path(factory, path)
        assert message in str(caught.value) and "\n" not in str(caught.value)
    other = tmp_path / "x.csv"
    other.write_text("a", encoding="utf-8")
    with pytest.raises(DomainError, match="Unknown format xml"):
        import_path(factory, other, fmt="xml")


def test_timestamps_keep_their_zone_and_refuse_what_no_calendar_holds():
    from app.services.intake.records import RowFault, timestamp

    assert timestamp("2026-11-20 10:15:02 +0800") == dt.datetime(2026, 11, 20, 2, 15, 2, tzinfo=dt.UTC)
    assert timestamp("2026-11-20T10:15:00") == dt.datetime(2026, 11, 20, 2, 15, tzinfo=dt.UTC)  # CST
    for raw in ("0001-01-01T00:00:00+08:00", "2026-13-01", "x" * 5000):
        with pytest.raises(RowFault, match="not a date and time"):
            timestamp(raw)
