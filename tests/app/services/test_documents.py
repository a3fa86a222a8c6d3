"""Document snapshots decide what personal data a printed page carries: waybills of every size and
carrier masked by default (a per-carrier setting may show the full contact), packing slips (they
travel in the box) masked with no street, invoices with a masked phone unless set otherwise."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.db import read_only, session_factory, unit_of_work
from app.models.accounts import Role
from app.models.fulfilment import Shipment
from app.models.orders import Address, Order
from app.services import documents, settings, site
from printing import documents as docs
from tests.conftest import make_ctx
from tests.printing.conftest import text_of

NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)


@pytest.fixture
def factory(demo_engine):
    return session_factory(demo_engine)


def _shipped(factory) -> tuple[Shipment, Order, Address]:
    with read_only(factory) as s:
        shipment, order, address = s.execute(
            select(Shipment, Order, Address)
            .join(Order, Order.id == Shipment.order_id)
            .join(Address, Address.id == Order.address_id)
            .where(Address.phone != "")
            .order_by(Shipment.id)
            .limit(1)
        ).one()
        s.expunge_all()
        return shipment, order, address


@pytest.mark.parametrize("size", sorted(docs.WAYBILL_SIZES))
def test_every_waybill_size_prints_the_masked_name_and_phone(factory, size):
    shipment, _order, address = _shipped(factory)
    with read_only(factory) as s:
        snap = documents.waybill(s, shipment.tracking_number, NOW)
    assert snap.recipient.name != address.recipient and snap.recipient.name[0] == address.recipient[0]
    assert "****" in snap.recipient.phone and snap.recipient.phone[-4:] == address.phone[-4:]
    text = text_of(docs.render_waybill(snap, size))
    assert address.phone not in text and address.recipient not in text and snap.recipient.phone in text


def test_a_carrier_that_requires_the_full_contact_gets_it_and_no_other(factory):
    shipment, _order, address = _shipped(factory)
    with unit_of_work(factory) as s:
        settings.put(s, f"print.waybill.full_contact.{shipment.carrier}", True)
        settings.put(s, "print.waybill.full_contact.NOPE", True)
    with read_only(factory) as s:
        snap = documents.waybill(s, shipment.tracking_number, NOW)
    assert (snap.recipient.name, snap.recipient.phone) == (address.recipient, address.phone)
    assert address.phone in text_of(docs.render_waybill(snap, "4x6"))
    with unit_of_work(factory) as s:
        settings.put(s, f"print.waybill.full_contact.{shipment.carrier}", False)
    with read_only(factory) as s:
        assert documents.waybill(s, shipment.tracking_number, NOW).recipient.phone != address.phone


def test_the_packing_slip_in_the_box_carries_the_masked_contact_and_no_street(factory):
    _shipment, order, address = _shipped(factory)
    with read_only(factory) as s:
        slip = documents.packing_slip(s, order.number)
    assert "****" in slip.recipient.phone and slip.recipient.name != address.recipient
    assert slip.recipient.street == "" and slip.recipient.city == address.city
    text = text_of(docs.render_packing_slip(slip)).replace("\n", "").replace("\r", "")
    assert address.phone not in text and address.street not in text and address.recipient not in text
    assert slip.recipient.phone in text


def test_the_invoice_masks_the_buyer_phone_unless_the_setting_is_off(factory):
    _shipment, order, address = _shipped(factory)
    with read_only(factory) as s:
        invoice = documents.invoice(s, order.number, NOW)
    assert invoice.buyer.name == address.recipient and invoice.buyer.street == address.street
    text = text_of(docs.render_invoice(invoice))
    assert address.phone not in text and invoice.buyer.phone in text and "****" in invoice.buyer.phone
    with unit_of_work(factory) as s:
        settings.put(s, "print.invoice.mask_phone", False)
    with read_only(factory) as s:
        invoice = documents.invoice(s, order.number, NOW)
    assert invoice.buyer.phone == address.phone and address.phone in text_of(docs.render_invoice(invoice))


def test_the_waybill_sender_is_the_site_with_its_return_address_not_an_invented_one(factory):
    shipment, _order, _address = _shipped(factory)
    with read_only(factory) as s:
        demo = documents.waybill(s, shipment.tracking_number, NOW).sender
    assert demo.phone == "400-820-8820" and "退货组" in demo.address  # the demo's site row
    with unit_of_work(factory) as s:
        site.update(s, make_ctx(s.get_bind(), Role.ADMIN).user,
                    site.SiteInfo("杭州小店", "", "0571-8888 6666"))
    with read_only(factory) as s:
        sender = documents.waybill(s, shipment.tracking_number, NOW).sender
    assert sender.name.startswith("杭州小店 ") and sender.phone == "0571-8888 6666"
    assert sender.province and "退货组" not in sender.address  # no return address: the warehouse's place


def test_a_database_without_a_site_prints_the_warehouse_as_sender_and_no_invented_phone(factory):
    from app.models.site import Site

    shipment, _order, _address = _shipped(factory)
    with unit_of_work(factory) as s:
        s.query(Site).delete()  # a database upgraded from before `packdesk init` existed
    with read_only(factory) as s:
        sender = documents.waybill(s, shipment.tracking_number, NOW).sender
    assert sender.name and sender.phone == "" and sender.province
