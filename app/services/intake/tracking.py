"""Carrier tracking feeds: events update shipment status; exceptions open a logistics ticket.

Rows: tracking_number, time, status_code, location, description (CSV or JSON). The same event
imported twice is one row (unique shipment + time + code), and one exception opens one ticket.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models.fulfilment import Shipment, ShipmentStatus, TrackingEvent
from app.models.orders import Order, OrderStatus
from app.models.service import Priority, Ticket
from app.services import tickets
from app.services.intake.orders import ImportReport
from app.services.intake.records import RowError, RowFault, csv_rows, not_json, show, text_field, timestamp

STATUS = {
    "picked_up": ShipmentStatus.IN_TRANSIT,
    "in_transit": ShipmentStatus.IN_TRANSIT,
    "out_for_delivery": ShipmentStatus.OUT_FOR_DELIVERY,
    "delivered": ShipmentStatus.DELIVERED,
    "returned": ShipmentStatus.RETURNED,
}
EXCEPTIONS = {
    "delay": "运输延误 Delay in transit",
    "wrong_address": "地址错误 Wrong address",
    "lost": "包裹丢失 Parcel lost",
    "exception": "物流异常 Delivery exception",
}


@dataclass(frozen=True)
class TrackingRecord:
    line: int
    tracking_number: str
    occurred_at: dt.datetime
    status_code: str
    location: str
    description: str


def read_tracking(text: str, name: str = "") -> Iterator[TrackingRecord | RowError]:
    if name.endswith(".json") or text.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield RowError(exc.lineno, not_json(exc))
            return
        except (RecursionError, ValueError):
            yield RowError(1, RowFault("not valid JSON: nested too deeply or a number too long"))
            return
        rows = data.get("events", []) if isinstance(data, dict) else data
        if not isinstance(rows, list):
            example = '{"events": [...]}'
            yield RowError(1, RowFault("expected a list of events (or {example})", example=example))
            return
        numbered = [(i, r) for i, r in enumerate(rows, start=1)]
    else:
        numbered = []
        for item in csv_rows(text):
            if isinstance(item, RowError):
                yield item
            else:
                numbered.append(item)
    for line, row in numbered:
        try:
            if not isinstance(row, dict):
                raise RowFault("an event must be an object")
            number = str(row.get("tracking_number") or "").strip().upper()
            code = str(row.get("status_code") or "").strip().lower()
            if not number:
                raise RowFault("{what} is missing", what="tracking_number")
            if code not in STATUS and code not in EXCEPTIONS:
                raise RowFault("unknown status_code {code}", code=show(code))
            yield TrackingRecord(
                line,
                text_field(number, "tracking_number", 40),
                timestamp(str(row.get("time") or "")),
                code,
                text_field(row.get("location"), "location", 120),
                text_field(row.get("description"), "description", 300),
            )
        except RowFault as exc:
            yield RowError(line, exc)


def import_tracking(
    factory: sessionmaker[Session], text: str, name: str, now: dt.datetime, *, dry_run: bool = False
) -> ImportReport:
    report = ImportReport()
    with factory() as s:
        tx = s.begin()
        try:
            for item in read_tracking(text, name):
                if isinstance(item, RowError):
                    report.reject(item)
                    continue
                _event(s, item, report, now)
        except BaseException:
            tx.rollback()
            raise
        if dry_run:
            tx.rollback()  # the report is real, the database unchanged
        else:
            tx.commit()
    return report


def _event(s: Session, rec: TrackingRecord, report: ImportReport, now: dt.datetime) -> None:
    shipment = s.scalar(select(Shipment).where(Shipment.tracking_number == rec.tracking_number))
    if shipment is None:
        report.reject(RowError(rec.line, RowFault("no shipment with tracking number {number}",
                                                  number=rec.tracking_number)))
        return
    duplicate = s.scalar(
        select(TrackingEvent.id).where(
            TrackingEvent.shipment_id == shipment.id,
            TrackingEvent.occurred_at == rec.occurred_at,
            TrackingEvent.status_code == rec.status_code,
        )
    )
    if duplicate:
        report.skipped += 1
        return
    s.add(
        TrackingEvent(
            shipment_id=shipment.id,
            occurred_at=rec.occurred_at,
            status_code=rec.status_code,
            location=rec.location,
            description=rec.description,
        )
    )
    latest = s.scalar(
        select(TrackingEvent.occurred_at)
        .where(TrackingEvent.shipment_id == shipment.id)
        .order_by(TrackingEvent.occurred_at.desc())
        .limit(1)
    )
    if latest is None or rec.occurred_at >= latest:  # an old event arriving late does not roll status back
        if rec.status_code in EXCEPTIONS:
            shipment.status = ShipmentStatus.EXCEPTION
            _ticket(s, shipment, rec, now)
        else:
            shipment.status = STATUS[rec.status_code]
            order = s.get(Order, shipment.order_id)
            if shipment.status is ShipmentStatus.DELIVERED:
                shipment.delivered_at = rec.occurred_at
                if order is not None:
                    order.status = OrderStatus.DELIVERED
            elif order is not None and order.status is OrderStatus.PACKED:
                order.status = OrderStatus.SHIPPED
    report.created += 1


def _ticket(s: Session, shipment: Shipment, rec: TrackingRecord, now: dt.datetime) -> None:
    subject = f"{EXCEPTIONS[rec.status_code]}: {shipment.tracking_number}"
    if s.scalar(select(Ticket.id).where(Ticket.subject == subject)):
        return  # one ticket per shipment and exception, however often the feed repeats it
    order = s.get(Order, shipment.order_id)
    assert order is not None
    # routed, timed and assigned like any other ticket
    tickets.open_system_ticket(
        s,
        customer_id=order.customer_id,
        order_id=order.id,
        subject=subject,
        category="logistics",
        now=now,
        priority=Priority.HIGH if rec.status_code == "lost" else None,
    )
