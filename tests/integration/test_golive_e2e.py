"""A new site from an empty database to a handed-over parcel, with its own data and no demo code:
init -> users -> warehouse, bins, totes -> products from a Shopify product CSV -> carrier pool,
sort codes, rule and cut-off -> receive stock by scan -> orders from a Shopify order CSV ->
allocate -> plan and pick -> pack -> waybill from the imported pool -> verify -> hand-over; the
ledger sums match on-hand at the end. Commands run as a site would type them."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.db import make_engine, read_only, session_factory, unit_of_work
from app.models.fulfilment import Shipment
from app.models.orders import Order, OrderStatus
from app.models.site import NumberStatus, WaybillNumber
from app.services import packing, picking, settings, stock, verify, waves
from app.services.auth import login_password
from devices.scanner.scan import parse_scan

PRODUCTS = Path(__file__).parents[1] / "app" / "services" / "intake" / "data" / "shopify_products.csv"
ORDER_HEADER = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,"
    "Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Name,Shipping Address1,"
    "Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Id\n"
)
ORDERS = ORDER_HEADER + (
    "#2001,wang@example.com,paid,2026-12-01 08:00:00 +0800,unfulfilled,CNY,118.00,0.00,0.00,118.00,"
    "2026-12-01 08:00:00 +0800,2,Green Tea Mug Green,59.00,MUG-GRN,王芳,文三路 1 号,杭州市,310000,浙江省,CN,"
    "13800138000,7001\n"
)


def _run(capsys, *args: str) -> str:
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_a_new_site_ships_its_first_parcel_from_an_empty_database(backend, tmp_path, capsys, monkeypatch,
                                                                   request):
    url = f"sqlite:///{tmp_path / 'site' / 'packdesk.sqlite'}" if backend == "sqlite" \
        else request.getfixturevalue("pg_url")
    db = ["--db", url]
    pw = _file(tmp_path, "admin.pw", "first-admin-1\n")
    said = _run(capsys, "init", *db, "--admin", "boss", "--password-file", pw, "--name", "西湖茶具",
                "--return-address", "杭州市西湖区文三路 9 号", "--phone", "0571-88880000",
                "--time-zone", "Asia/Shanghai")
    assert "Site 西湖茶具 is set up" in said
    monkeypatch.setenv("PACKDESK_USER", "boss")
    monkeypatch.setenv("PACKDESK_PASSWORD", "first-admin-1")
    staff = _file(tmp_path, "staff.pw", "staff-pass-1\n")
    for name, role in (("lin", "picker"), ("mei", "packer"), ("zhou", "supervisor")):
        _run(capsys, "users", "add", name, "--role", role, "--password-file", staff, *db)
    _run(capsys, "warehouses", "add", "HZ01", "--name", "杭州仓", "--province", "浙江省", "--city", "杭州市",
         *db)
    assert "16 bins added" in _run(capsys, "bins", "generate", "HZ01", "A-01-01-1..A-02-02-4", *db)
    _run(capsys, "totes", "add", "10", *db)
    # two bad variants (no SKU, a wrong check digit): reported by line, exit 3, the rest imported
    assert main(["import", "products", str(PRODUCTS), "--format", "shopify-csv", *db]) == 3
    report = capsys.readouterr().out
    assert "4 products added" in report and "line 7: barcode 6901234567890: wrong check digit" in report
    pool = _file(tmp_path, "yto.txt", "YT7500000000001-YT7500000000005\n")
    assert "5 numbers added" in _run(capsys, "carriers", "pool", "import", "YTO", pool, *db)
    codes = _file(tmp_path, "yto-sort.csv", "province,city,district,code\n浙江省,杭州市,,571-HZ\n")
    _run(capsys, "carriers", "sortcodes", "import", "YTO", codes, *db)
    _run(capsys, "carriers", "rule", "add", "YTO", "--channel", "shopify", *db)
    _run(capsys, "carriers", "cutoff", "YTO", "HZ01", "16:00", "--pickups", "17:00", *db)
    monkeypatch.setenv("PACKDESK_USER", "lin")
    monkeypatch.setenv("PACKDESK_PASSWORD", "staff-pass-1")
    # the picker scans the mug's barcode, types 10, scans the bin
    got = _run(capsys, "stock", "receive", parse_scan("6901234567892").value.lstrip("0"), "10", "--bin",
               "A-01-01-1", *db)
    assert "Received 10 x MUG-GRN into A-01-01-1" in got
    monkeypatch.setenv("PACKDESK_USER", "boss")
    monkeypatch.setenv("PACKDESK_PASSWORD", "first-admin-1")
    assert "1 created" in _run(capsys, "import", "orders", _file(tmp_path, "orders.csv", ORDERS), *db)
    allocated = json.loads(_run(capsys, "station", "allocate", "--json", *db))
    assert allocated  # the import made an order and allocation took it

    engine = make_engine(url)
    sessions = session_factory(engine)
    now = dt.datetime.now(dt.UTC)
    with read_only(sessions) as s:
        order = s.scalar(select(Order))
        assert (order.status, order.carrier) == (OrderStatus.ALLOCATED, "YTO")
        assert order.cutoff_at is not None  # waves group it by its cut-off hour
        users = {n: login_password(s, n, p) for n, p in (("lin", "staff-pass-1"), ("mei", "staff-pass-1"),
                                                          ("zhou", "staff-pass-1"))}
    picker, packer, sup = users["lin"], users["mei"], users["zhou"]
    with unit_of_work(sessions) as s:
        settings.put(s, "verify.sample_pct", 0)
        planned = waves.plan_waves(s, sup, now)
        assert [(w.carrier, w.orders) for w in planned] == [("YTO", 1)]
        waves.start_wave(s, picker, planned[0].id, now)
    step = _current(sessions, planned[0].id)
    while step is not None:  # scan the item, then the tote it went into
        with unit_of_work(sessions) as s:
            step = picking.scan_item(s, picker, step, parse_scan(step.sku), now).step
            if step is not None and step.counted:
                step = picking.confirm_put(s, picker, step, parse_scan(step.tote), now).step
    station = packing.Station("PACK-01", packer, {d: {"uri": f"file:{tmp_path / 'printed'}"}
                                                  for d in ("waybill", "invoice", "manifest")})
    with unit_of_work(sessions) as s:
        parcel = packing.open_parcel(s, station, parse_scan(order.number), now).parcel
    for _ in range(2):
        with unit_of_work(sessions) as s:
            parcel = packing.scan_item(s, station, parcel, parse_scan("6901234567892"), now).parcel
    with unit_of_work(sessions) as s:
        done = packing.weigh(s, station, parcel, Decimal(parcel.expected_g), now)
    assert done.verdict is packing.Verdict.PACKED
    assert done.parcel.tracking_number == "YT7500000000001"  # the pool's first number, not an invented one
    vstation = packing.Station("VERIFY-01", sup)
    with unit_of_work(sessions) as s:
        result = verify.start(s, vstation, parse_scan("YT7500000000001"), now)
        if result.verdict == "started":  # a first parcel may be sampled: check it fully
            for _ in range(2):
                result = verify.scan_item(s, vstation, result.task, parse_scan("6901234567892"), now)
            result = verify.weigh(s, vstation, result.task, Decimal(parcel.expected_g), now)
    with unit_of_work(sessions) as s:
        batch, tracking = verify.hand_over(s, vstation, parse_scan("YT7500000000001"), now)
    assert batch.carrier == "YTO" and tracking == "YT7500000000001"
    with read_only(sessions) as s:
        shipment = s.scalar(select(Shipment))
        assert shipment.sort_code == "571-HZ" and shipment.handover_batch_id is not None
        issued = s.scalar(select(WaybillNumber).where(WaybillNumber.number == tracking))
        assert issued.status is NumberStatus.ISSUED and issued.shipment_id == shipment.id
        assert stock.ledger_mismatches(s) == []
        assert [(r.sku, r.bin, r.on_hand) for r in stock.on_hand(s)] == [("MUG-GRN", "A-01-01-1", 8)]
    on_hand = json.loads(_run(capsys, "stock", "on-hand", "--sku", "MUG-GRN", "--json", *db))
    assert on_hand == [{"sku": "MUG-GRN", "warehouse": "HZ01", "bin": "A-01-01-1", "on_hand": 8,
                        "reserved": 0, "free": 8}]
    status = {p["carrier"]: p for p in json.loads(_run(capsys, "carriers", "pool", "status", "--json", *db))}
    assert (status["YTO"]["free"], status["YTO"]["issued"]) == (4, 1)
    engine.dispose()


def _current(sessions, wave_id: int):
    with read_only(sessions) as s:
        return picking.current(s, wave_id)

