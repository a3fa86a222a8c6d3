"""Constraints the models promise: no oversell, no double ship, unique keys, append-only audit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models.audit import AuditEntry
from app.models.catalog import Bin, Product, ProductBarcode, Warehouse, Zone
from app.models.fulfilment import Shipment
from app.models.inventory import Stock
from app.models.orders import Customer, CustomerPhone, Order, OrderLine


def _product(s: Session, sku: str = "SKU-1") -> Product:
    p = Product(sku=sku, name="保温杯", price=Decimal("89.00"), unit_weight_g=420)
    s.add(p)
    s.flush()
    return p


def _bin(s: Session) -> Bin:
    wh = Warehouse(code="SH01", name="上海仓")
    s.add(wh)
    s.flush()
    zone = Zone(warehouse_id=wh.id, code="A")
    s.add(zone)
    s.flush()
    b = Bin(warehouse_id=wh.id, zone_id=zone.id, code="A-01-01-1", aisle=1, bay=1, level=1)
    s.add(b)
    s.flush()
    return b


def _order(s: Session, number: str = "PD0000000001") -> Order:
    c = Customer(name="张伟")
    s.add(c)
    s.flush()
    o = Order(number=number, channel="tmall", channel_ref=number, customer_id=c.id, total=Decimal("89.00"))
    s.add(o)
    s.flush()
    return o


def test_reserved_stock_can_never_exceed_quantity(any_engine):
    with Session(any_engine) as s:
        stock = Stock(product_id=_product(s).id, bin_id=_bin(s).id, quantity=2, reserved=0)
        s.add(stock)
        s.commit()
        stock.reserved = 3
        with pytest.raises(IntegrityError):
            s.commit()


def test_one_shipment_per_package_and_tracking_numbers_are_unique(any_engine):
    with Session(any_engine) as s:
        o = _order(s)
        s.add(Shipment(order_id=o.id, carrier="SF", tracking_number="SF1400000000001"))
        s.commit()
        s.add(Shipment(order_id=o.id, carrier="SF", tracking_number="SF1400000000001"))
        with pytest.raises(IntegrityError):
            s.commit()


def test_order_line_quantities_and_money_stay_exact(any_engine):
    with Session(any_engine) as s:
        o = _order(s)
        p = _product(s)
        s.add(OrderLine(order_id=o.id, line_no=1, product_id=p.id, sku=p.sku, name=p.name, quantity=3,
                        unit_price=Decimal("0.10"), amount=Decimal("0.30")))
        s.commit()
        s.expire_all()
        line = s.get(Order, o.id).lines[0]
        assert line.amount == Decimal("0.30") and isinstance(line.amount, Decimal)
        line.packed_qty = 4  # more than ordered
        with pytest.raises(IntegrityError):
            s.commit()


def test_a_phone_or_barcode_belongs_to_one_record(any_engine):
    with Session(any_engine) as s:
        p = _product(s)
        s.add_all([ProductBarcode(product_id=p.id, code="6901234567892", kind="ean13"),
                   ProductBarcode(product_id=p.id, code="6901234567892", kind="ean13")])
        with pytest.raises(IntegrityError):
            s.commit()
        s.rollback()
        c1, c2 = Customer(name="李娜"), Customer(name="王芳")
        s.add_all([c1, c2])
        s.flush()
        s.add_all([CustomerPhone(customer_id=c1.id, phone="13800138000", last4="8000"),
                   CustomerPhone(customer_id=c2.id, phone="13800138000", last4="8000")])
        with pytest.raises(IntegrityError):
            s.commit()


def test_the_audit_log_is_append_only_in_the_orm_and_in_the_database(any_engine):
    with Session(any_engine) as s:
        s.add(AuditEntry(action="pii.reveal", entity="customer", entity_id="1"))
        s.commit()
        entry = s.query(AuditEntry).one()
        entry.action = "tampered"
        with pytest.raises(PermissionError):
            s.commit()
        s.rollback()
    with any_engine.begin() as conn, pytest.raises(Exception, match="append-only"):
        conn.exec_driver_sql("DELETE FROM audit_log")


def test_an_edit_from_a_stale_view_of_an_order_is_refused(any_engine):
    from sqlalchemy.orm.exc import StaleDataError

    with Session(any_engine) as s:
        oid = _order(s).id
        s.commit()
    with Session(any_engine) as b:  # station 2 reads the order and keeps it on screen
        stale = b.get(Order, oid)
        b.expunge(stale)
    with Session(any_engine) as a:  # station 1 changes it meanwhile
        a.get(Order, oid).note = "station 1"
        a.commit()
    with Session(any_engine) as b:
        mine = b.merge(stale, load=False)
        mine.note = "station 2"
        with pytest.raises(StaleDataError):
            b.commit()
