"""Waybill number pools and sort-code tables: what a carrier gave the site, handed out once."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from decimal import Decimal

import pytest
from sqlalchemy import delete, func, select

from app.context import CurrentUser
from app.db import make_engine, read_only, session_factory, unit_of_work
from app.errors import DomainError, NotFound, PermissionDenied
from app.models.accounts import Role
from app.models.fulfilment import Shipment
from app.models.orders import Order, OrderStatus
from app.models.site import NumberStatus, WaybillNumber
from app.services import carriers, packing
from app.services.carriers import NoWaybillNumbers
from devices.scanner.scan import parse_scan
from tests.support.station_world import barcode, make_order
from tests.support.station_world import station as station  # a fixture

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
ADMIN = CurrentUser(None, "admin", "Admin", Role.ADMIN)  # type: ignore[arg-type]
SUPER = CurrentUser(None, "super", "Super", Role.SUPERVISOR)  # type: ignore[arg-type]
PACKER = CurrentUser(None, "packer", "Packer", Role.PACKER)  # type: ignore[arg-type]


def test_s10_check_digits_are_the_upu_ones():
    assert carriers.s10_check_digit("12345678") == 5  # EE123456785CN, the S10 standard's example
    assert carriers.number_problem("s10", "EE123456785CN") == ""
    assert carriers.number_problem("s10", "EE123456784CN") == "wrong S10 check digit"
    assert carriers.number_problem("", "SF1400000000001") == ""
    assert "not a waybill number" in carriers.number_problem("", "SF-14")


def test_a_pool_file_of_numbers_and_ranges_imports_what_is_good_and_names_the_bad_lines(engine):
    sessions = session_factory(engine)
    text = ("# SF numbers, 2026-12\nSF1400000000001\nSF1400000000010-SF1400000000019\n"
            "SF14000000-SF15\nSF14\n\nsf1400000000002\n")
    with unit_of_work(sessions) as s:
        report = carriers.import_pool(s, ADMIN, "SF", text, "sf-dec.txt", NOW)
    assert report.added == 12 and report.already == 0
    assert [e.line for e in report.problems] == [4, 5]
    assert "same prefix and length" in report.problems[0].reason
    with unit_of_work(sessions) as s:  # the same file again adds nothing
        again = carriers.import_pool(s, ADMIN, "SF", text, "sf-dec.txt", NOW)
    assert again.added == 0 and again.already == 12
    with unit_of_work(sessions) as s:
        report = carriers.import_pool(s, ADMIN, "EMSI", "EE12345678?CN\nEE123456785CN\n"
                                      "EE00000001xCN-EE00000003xCN\n".replace("?", "4").replace("x", "0"),
                                      "ems.txt", NOW)
        # a range of S10 serials gets each serial's own check digit
        numbers = s.scalars(select(WaybillNumber.number).where(WaybillNumber.carrier == "EMSI")).all()
    assert [(e.line, e.reason) for e in report.problems] == [(1, "EE123456784CN: wrong S10 check digit")]
    assert sorted(numbers) == sorted(["EE123456785CN", "EE000000014CN", "EE000000028CN", "EE000000031CN"])
    assert all(carriers.number_problem("s10", n) == "" for n in numbers)
    with unit_of_work(sessions) as s, pytest.raises(NotFound, match="No carrier XX"):
        carriers.import_pool(s, ADMIN, "XX", "1234567", "x.txt", NOW)
    with unit_of_work(sessions) as s, pytest.raises(PermissionDenied):
        carriers.import_pool(s, PACKER, "SF", "SF1400000000003", "x.txt", NOW)


def test_each_number_goes_out_once_a_void_one_never_and_an_empty_pool_is_a_clear_error(engine, caplog):
    sessions = session_factory(engine)
    with unit_of_work(sessions) as s:
        carriers.import_pool(s, ADMIN, "YTO", "YT7500000000001-YT7500000000003", "yto.txt", NOW)
    with unit_of_work(sessions) as s:
        carriers.void_number(s, SUPER, "YTO", "YT7500000000002", "label roll damaged", NOW)
    with unit_of_work(sessions) as s, pytest.raises(PermissionDenied):
        carriers.void_number(s, PACKER, "YTO", "YT7500000000003", "why not", NOW)
    with caplog.at_level(logging.WARNING), unit_of_work(sessions) as s:
        got = [carriers.tracking_number(s, "YTO", None, NOW) for _ in range(2)]
    assert got == ["YT7500000000001", "YT7500000000003"]
    assert "waybill pool of YTO is low" in caplog.text
    with unit_of_work(sessions) as s, pytest.raises(NoWaybillNumbers, match="No waybill numbers left"):
        carriers.tracking_number(s, "YTO", None, NOW)
    with read_only(sessions) as s:
        status = {p.carrier: p for p in carriers.pool_status(s)}
    yto = status["YTO"]
    assert (yto.free, yto.issued, yto.void, yto.low) == (0, 2, 1, True)
    with unit_of_work(sessions) as s, pytest.raises(NoWaybillNumbers, match="not set up"):
        carriers.tracking_number(s, "DHL", None, NOW)


@pytest.mark.postgres
def test_concurrent_stations_on_postgresql_never_get_the_same_number(pg_url):
    engine = make_engine(pg_url)
    sessions = session_factory(engine)
    with unit_of_work(sessions) as s:
        carriers.import_pool(s, ADMIN, "ZTO", "780000000001-780000000400", "zto.txt", NOW)
    got: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def pack_station() -> None:
        try:
            start.wait()
            for _ in range(50):
                with unit_of_work(sessions) as s:
                    got.append(carriers.tracking_number(s, "ZTO", None, NOW))
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=pack_station) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(got) == 400 and len(set(got)) == 400
    with read_only(sessions) as s:
        assert s.scalar(select(func.count()).where(WaybillNumber.status == NumberStatus.FREE)) == 0
    engine.dispose()


def test_sort_codes_come_from_the_carriers_table_most_specific_first(engine, caplog):
    sessions = session_factory(engine)
    table = ("\ufeffprovince,city,district,code\n"
             "广东省,,,510\n广东省,深圳市,,755-W\n广东省,深圳市,南山区,755-W1-03\n上海市,上海市\n,,,1\n")
    with unit_of_work(sessions) as s:
        report = carriers.import_sort_codes(s, ADMIN, "SF", table)
    assert (report.added, [e.line for e in report.problems]) == (3, [5, 6])
    with read_only(sessions) as s:
        assert carriers.sort_code(s, "SF", "广东省", "深圳市", "南山区") == "755-W1-03"
        assert carriers.sort_code(s, "SF", "广东省", "深圳市", "福田区") == "755-W"
        assert carriers.sort_code(s, "SF", "广东省", "广州市", "天河区") == "510"
        with caplog.at_level(logging.WARNING):
            assert carriers.sort_code(s, "SF", "浙江省", "杭州市", "西湖区") == ""
        assert carriers.sort_code(s, "YTO", "广东省", "深圳市", "南山区") == ""
    assert "no sort code of SF for 浙江省 杭州市 西湖区" in caplog.text
    with unit_of_work(sessions) as s:  # the carrier's new table changes the code
        again = carriers.import_sort_codes(s, ADMIN, "SF", "广东省,深圳市,南山区,755-W1-04\n")
    assert (again.added, again.changed) == (0, 1)


def test_a_parcel_for_a_carrier_without_numbers_is_not_packed_and_says_why(demo_ctx, station):
    number = make_order(demo_ctx, [("SKU-00008", 1)], carrier="JD")
    with unit_of_work(demo_ctx.sessions) as s:
        s.execute(delete(WaybillNumber).where(WaybillNumber.carrier == "JD"))
        parcel = packing.open_parcel(s, station, parse_scan(number), NOW).parcel
    with unit_of_work(demo_ctx.sessions) as s:
        parcel = packing.scan_item(s, station, parcel, parse_scan(barcode(demo_ctx, "SKU-00008")), NOW).parcel
    refused = pytest.raises(NoWaybillNumbers, match="import the carrier's numbers")
    with refused, unit_of_work(demo_ctx.sessions) as s:
        packing.weigh(s, station, parcel, Decimal(parcel.expected_g), NOW)
    with read_only(demo_ctx.sessions) as s:
        order = s.scalar(select(Order).where(Order.number == number))
        assert order.status is OrderStatus.PACKING
        assert s.scalar(select(func.count()).select_from(Shipment).where(Shipment.order_id == order.id)) == 0


def test_a_packed_demo_parcel_takes_the_pools_next_number_and_the_tables_sort_code(demo_ctx, station):
    number = make_order(demo_ctx, [("SKU-00008", 1)], carrier="ZTO")
    with unit_of_work(demo_ctx.sessions) as s:
        first_free = s.scalar(select(WaybillNumber.number).order_by(WaybillNumber.id).where(
            WaybillNumber.carrier == "ZTO", WaybillNumber.status == NumberStatus.FREE))
        parcel = packing.open_parcel(s, station, parse_scan(number), NOW).parcel
    with unit_of_work(demo_ctx.sessions) as s:
        parcel = packing.scan_item(s, station, parcel, parse_scan(barcode(demo_ctx, "SKU-00008")), NOW).parcel
    with unit_of_work(demo_ctx.sessions) as s:
        done = packing.weigh(s, station, parcel, Decimal(parcel.expected_g), NOW)
    assert done.parcel.tracking_number == first_free
    with read_only(demo_ctx.sessions) as s:
        shipment = s.scalar(select(Shipment).where(Shipment.tracking_number == first_free))
        taken = s.scalar(select(WaybillNumber).where(WaybillNumber.number == first_free))
        assert taken.status is NumberStatus.ISSUED and taken.shipment_id == shipment.id
        assert shipment.sort_code != ""


def test_rules_give_an_imported_order_its_carrier_service_and_the_warehouses_next_cut_off(engine):
    from app.models.orders import Channel, PaymentStatus
    from app.services import allocation, masterdata
    from app.services.intake.products import import_products
    from app.services.site import SiteInfo, initialise
    from app.services.stock import receive

    sessions = session_factory(engine)
    with unit_of_work(sessions) as s:
        uid = initialise(s, SiteInfo("店", time_zone="Asia/Shanghai"), "boss", "password-1", NOW)
        boss = CurrentUser(uid, "boss", "boss", Role.ADMIN)
        masterdata.save_warehouse(s, boss, "HZ01", "杭州仓", "浙江省", "杭州市")
        masterdata.generate_bins(s, boss, "HZ01", "A-01-01-1..A-01-02-1")
        import_products(s, boss, "sku,name,weight_g\nSKU-00001,茶,300\nSKU-00008,壶,6000\n", "packdesk-csv")
        receive(s, boss, "SKU-00001", 50, "A-01-01-1", NOW)
        receive(s, boss, "SKU-00008", 50, "A-01-02-1", NOW)
        carriers.save_rule(s, boss, "JD", "京东特快", position=10, channel="jd")
        carriers.save_rule(s, boss, "EMS", "标准快递", position=20, cod=True)
        carriers.save_rule(s, boss, "ZTO", "重货", position=30, min_weight_g=5000)
        carriers.save_rule(s, boss, "YTO", "", position=90)
        carriers.set_cutoff(s, boss, "HZ01", "YTO", "16:00", "17:00,19:30")
        with pytest.raises(DomainError, match="HH:MM"):
            carriers.set_cutoff(s, boss, "HZ01", "ZTO", "4pm")
    plain = _order(sessions, "SKU-00001", Channel.TMALL)
    heavy = _order(sessions, "SKU-00008", Channel.TMALL)
    cod = _order(sessions, "SKU-00001", Channel.DOUYIN, PaymentStatus.COD)
    jd = _order(sessions, "SKU-00008", Channel.JD)
    late = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)  # 17:30 in Shanghai: today's 16:00 has gone
    with unit_of_work(sessions) as s:
        assert {a.status for a in allocation.allocate_open(s, boss, late)} == {"allocated"}
    with read_only(sessions) as s:
        got = {n: (c, sv, cut) for n, c, sv, cut in
               s.execute(select(Order.number, Order.carrier, Order.service, Order.cutoff_at))}
    assert got[plain] == ("YTO", "", dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC))  # tomorrow 16:00
    assert got[heavy][:2] == ("ZTO", "重货") and got[heavy][2] is None  # no cut-off set for ZTO there
    assert got[cod][:2] == ("EMS", "标准快递")
    assert got[jd][:2] == ("JD", "京东特快")  # the channel's rule comes first, heavy or not


def _order(sessions, sku: str, channel, payment=None) -> str:
    """An order as an import leaves it: new, no carrier, no cut-off, to 浙江省杭州市."""
    from app.models.catalog import Product
    from app.models.orders import Address, Customer, OrderLine, PaymentStatus

    with unit_of_work(sessions) as s:
        customer = Customer(name="王芳")
        customer.addresses.append(Address(recipient="王芳", phone="13800138000", province="浙江省",
                                          city="杭州市", district="西湖区", street="文三路 1 号"))
        s.add(customer)
        s.flush()
        product = s.scalar(select(Product).where(Product.sku == sku))
        number = f"SHOP-{customer.id}"
        order = Order(number=number, channel=channel, channel_ref=number, customer_id=customer.id,
                      address_id=customer.addresses[0].id, payment_status=payment or PaymentStatus.PAID,
                      total=product.price)
        order.lines.append(OrderLine(line_no=1, product_id=product.id, sku=sku, name=product.name, quantity=1,
                                     unit_price=product.price, amount=product.price))
        s.add(order)
    return number
