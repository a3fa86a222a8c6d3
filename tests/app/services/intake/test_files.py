"""Order and tracking imports: each format, bad rows with their line numbers, idempotency,
updates, dry runs, and a hot-folder file written slowly in chunks."""

from __future__ import annotations

import json
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.cli import main
from app.db import read_only, session_factory
from app.models.fulfilment import Shipment, ShipmentStatus
from app.models.orders import Address, Customer, CustomerPhone, Order
from app.models.service import Ticket
from app.services.hotfolder import HotFolder
from app.services.intake.files import import_path
from app.services.intake.records import RowError, read

DATA = Path(__file__).parent / "data"
HEADER = (
    "channel,order_ref,status,payment_status,placed_at,currency,name,phone,email,country,province,city,"
    "district,street,postcode,shipping_fee,discount,sku,quantity,unit_price,tax_rate\n"
)


def row(
    ref: str,
    sku: str = "SKU-00001",
    qty: str = "2",
    price: str = "199.00",
    phone: str = "13800138000",
    street: str = "科技园南路88号",
    status: str = "new",
    postcode: str = "518057",
) -> str:
    return (
        f"tmall,{ref},{status},paid,2026-11-20T10:15:00+08:00,CNY,张伟,{phone},,CN,广东省,深圳市,南山区,"
        f"{street},{postcode},0,0,{sku},{qty},{price},0.13\n"
    )


def db_url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def count(engine, model) -> int:
    with read_only(session_factory(engine)) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_packdesk_csv_bad_rows_are_reported_with_line_numbers_and_good_ones_land(
    demo_engine, tmp_path, capsys
):
    before = count(demo_engine, Order)
    f = tmp_path / "orders.csv"
    f.write_text(
        HEADER
        + row("TM-1")
        + row("TM-1", sku="SKU-00002", qty="1")
        + row("TM-2", qty="zero")
        + row("TM-3", price="12.345")
        + row("TM-4", sku="NOPE")
        + row("TM-5", postcode="12")
        + row("TM-6", phone="+86 139-0013-9000"),
        encoding="utf-8",
    )
    assert main(["import", "orders", str(f), "--db", db_url(demo_engine)]) == 3
    out = capsys.readouterr().out
    assert out.startswith("2 created, 0 updated, 0 skipped (unchanged), 4 rejected")
    assert "line 4: order TM-2 held back: quantity must be a whole number" in out
    assert (
        "line 5: order TM-3 held back: unit_price must be a non-negative amount with at most 2 decimals"
        in out
    )
    assert "line 6: order TM-4 held back: unknown SKU/barcode NOPE" in out
    assert "line 7: order TM-5 held back: postcode '12' does not fit CN" in out
    assert count(demo_engine, Order) == before + 2
    with read_only(session_factory(demo_engine)) as s:
        order = s.scalar(select(Order).where(Order.channel_ref == "TM-1"))
        assert [line.quantity for line in order.lines] == [2, 1] and order.total == Decimal("597.00")
        assert s.scalar(select(CustomerPhone.phone).where(CustomerPhone.phone == "13900139000"))


def test_reimport_changes_nothing_and_a_changed_export_updates(demo_engine, tmp_path, capsys):
    f = tmp_path / "orders.csv"
    f.write_text(HEADER + row("TM-9"), encoding="utf-8")
    assert main(["import", "orders", str(f), "--db", db_url(demo_engine)]) == 0
    orders, customers = count(demo_engine, Order), count(demo_engine, Customer)
    assert main(["import", "orders", str(f), "--db", db_url(demo_engine)]) == 0
    assert "0 created, 0 updated, 1 skipped" in capsys.readouterr().out.splitlines()[-1]
    assert (count(demo_engine, Order), count(demo_engine, Customer)) == (orders, customers)
    f.write_text(HEADER + row("TM-9", street="学府路1号", status="cancelled"), encoding="utf-8")
    assert main(["import", "orders", str(f), "--db", db_url(demo_engine)]) == 0
    assert "0 created, 1 updated" in capsys.readouterr().out
    with read_only(session_factory(demo_engine)) as s:
        order = s.scalar(select(Order).where(Order.channel_ref == "TM-9"))
        assert order.status.value == "cancelled" and s.get(Address, order.address_id).street == "学府路1号"
    assert count(demo_engine, Order) == orders


def test_dry_run_reports_but_writes_nothing(demo_engine, tmp_path, capsys):
    f = tmp_path / "orders.csv"
    f.write_text(HEADER + row("TM-DRY"), encoding="utf-8")
    before = count(demo_engine, Order)
    assert main(["import", "orders", str(f), "--dry-run", "--db", db_url(demo_engine)]) == 0
    assert capsys.readouterr().out.startswith("DRY RUN, nothing written: 1 created")
    assert count(demo_engine, Order) == before


def test_shopify_export_and_json(demo_engine, tmp_path, capsys):
    assert main(["import", "orders", str(DATA / "shopify_orders.csv"), "--db", db_url(demo_engine)]) == 3
    out = capsys.readouterr().out
    assert out.startswith("2 created") and "unknown SKU/barcode SKU-99999" in out
    with read_only(session_factory(demo_engine)) as s:
        first = s.scalar(select(Order).where(Order.channel_ref == "#1001"))
        assert len(first.lines) == 2 and first.currency == "USD" and first.discount == Decimal("10.00")
        assert s.get(Address, first.address_id).postcode == "94105"
    j = tmp_path / "orders.json"
    j.write_text(
        json.dumps(
            [
                {
                    "channel": "jd",
                    "order_ref": "JD-77",
                    "placed_at": "2026-11-20T09:00:00+08:00",
                    "name": "李娜",
                    "phone": "+86 139 0013 9111",
                    "address": {
                        "province": "北京市",
                        "city": "北京市",
                        "district": "朝阳区",
                        "street": "建国路1号",
                        "postcode": "100020",
                    },
                    "lines": [{"sku": "SKU-00002", "quantity": 1, "unit_price": 89.9}],
                },
                {"channel": "jd"},
            ]
        ),
        encoding="utf-8",
    )
    assert main(["import", "orders", str(j), "--db", db_url(demo_engine)]) == 3
    out = capsys.readouterr().out
    assert out.startswith("1 created") and "line 2: order #2 held back: order_ref is missing" in out


def test_tracking_events_update_shipments_and_exceptions_open_one_ticket(demo_engine, tmp_path, capsys):
    with read_only(session_factory(demo_engine)) as s:
        shipment = s.scalar(select(Shipment).where(Shipment.status == ShipmentStatus.LABEL_CREATED).limit(1))
        number = shipment.tracking_number
    f = tmp_path / "tracking.csv"
    f.write_text(
        "tracking_number,time,status_code,location,description\n"
        f"{number},2026-11-24T08:00:00+08:00,in_transit,深圳,到达转运中心\n"
        f"{number},2026-11-24T20:00:00+08:00,delay,深圳,天气原因延误\n"
        "XX000,2026-11-24T08:00:00+08:00,in_transit,,\n",
        encoding="utf-8",
    )
    tickets = count(demo_engine, Ticket)
    assert main(["import", "tracking", str(f), "--db", db_url(demo_engine)]) == 3
    assert "line 4: no shipment with tracking number XX000" in capsys.readouterr().out
    assert main(["import", "tracking", str(f), "--db", db_url(demo_engine)]) == 3
    assert "0 created, 0 updated, 2 skipped" in capsys.readouterr().out
    with read_only(session_factory(demo_engine)) as s:
        assert (
            s.scalar(select(Shipment.status).where(Shipment.tracking_number == number))
            is ShipmentStatus.EXCEPTION
        )
        ticket = s.scalar(select(Ticket).order_by(Ticket.id.desc()).limit(1))
        assert ticket.category == "logistics" and number in ticket.subject and ticket.number.startswith("T-")
    assert count(demo_engine, Ticket) == tickets + 1


def test_hot_folder_never_reads_a_half_written_file(demo_engine, tmp_path):
    factory = session_factory(demo_engine)
    folder = tmp_path / "hot"
    folder.mkdir()
    hot = HotFolder(folder, lambda p: import_path(factory, p), settle_s=0.3)
    target = folder / "orders.csv"
    content = (HEADER + row("HOT-1") + row("HOT-2")).encode()
    done = threading.Event()

    def slow_writer() -> None:
        with open(target, "wb") as fh:
            for i in range(0, len(content), 40):
                fh.write(content[i : i + 40])
                fh.flush()
                time.sleep(0.05)
        done.set()

    threading.Thread(target=slow_writer).start()
    while not target.exists():  # the writer thread has opened the file
        time.sleep(0.005)
    outcomes = []
    deadline = time.monotonic() + 15
    while not outcomes and time.monotonic() < deadline:
        outcomes = hot.scan_once()
        assert outcomes or target.exists()
        time.sleep(0.05)
    assert done.is_set()
    (outcome,) = outcomes
    assert outcome.ok and outcome.file == folder / "done" / "orders.csv"
    assert outcome.report.read_text().startswith("2 created")
    (folder / "broken.json").write_text("{nope", encoding="utf-8")
    (folder / "ignored.csv.part").write_text("x", encoding="utf-8")
    hot.settle_s = 0
    hot.scan_once()
    (failed,) = hot.scan_once()
    assert (
        not failed.ok
        and failed.file.parent.name == "failed"
        and "not valid JSON" in failed.report.read_text()
    )
    assert (folder / "ignored.csv.part").exists()


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400))
def test_readers_never_raise_on_garbage(text):
    for fmt in ("packdesk-csv", "packdesk-json", "shopify-csv"):
        for item in read(text, fmt):
            assert isinstance(item, RowError) or item.channel_ref


@pytest.mark.parametrize("phone", ["+86 138 0013 8000", "0086-13800138000", "13800138000"])
def test_chinese_mobiles_are_normalised(phone):
    from app.services.intake.records import normalise_phone

    assert normalise_phone(phone) == "13800138000"
