"""Stock per bin, the reservations that hold it for order lines, the stock ledger, receipts and
counts."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, str_enum, utcnow


class Stock(Base):
    __tablename__ = "stock"
    __table_args__ = (
        UniqueConstraint("product_id", "bin_id"),
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        CheckConstraint("reserved >= 0 AND reserved <= quantity", name="reserved_within_quantity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"), index=True)
    quantity: Mapped[int] = mapped_column(default=0)
    reserved: Mapped[int] = mapped_column(default=0)


class ReservationStatus(enum.StrEnum):
    ACTIVE = "active"
    PICKED = "picked"
    RELEASED = "released"


class Reservation(Base):
    __tablename__ = "reservations"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    stock_id: Mapped[int] = mapped_column(ForeignKey("stock.id"), index=True)
    quantity: Mapped[int] = mapped_column()
    status: Mapped[ReservationStatus] = mapped_column(
        str_enum(ReservationStatus), default=ReservationStatus.ACTIVE
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MoveKind(enum.StrEnum):
    OPENING = "opening"  # stock loaded before the ledger (the demo)
    RECEIVE = "receive"
    RESERVE = "reserve"
    PICK = "pick"
    PACK = "pack"
    MOVE = "move"
    ADJUST = "adjust"
    COUNT = "count"


class StockMove(Base):
    """The append-only stock ledger: every change of a stock row's quantity or reservation, with
    who, when, why and the document; a stock row equals the sum of its moves."""

    __tablename__ = "stock_ledger"
    __table_args__ = (Index("ix_stock_ledger_product_bin", "product_id", "bin_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"))
    quantity: Mapped[int] = mapped_column(default=0)  # change of on-hand
    reserved: Mapped[int] = mapped_column(default=0)  # change of reserved
    kind: Mapped[MoveKind] = mapped_column(str_enum(MoveKind))
    reason: Mapped[str] = mapped_column(String(64), default="")
    document: Mapped[str] = mapped_column(String(64), default="")  # order, receipt, count ...
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    station: Mapped[str | None] = mapped_column(String(64))


def _refuse_change(mapper: object, connection: object, target: StockMove) -> None:
    raise PermissionError("the stock ledger is append-only")


event.listen(StockMove, "before_update", _refuse_change)
event.listen(StockMove, "before_delete", _refuse_change)


class Receipt(Base):
    """An expected receipt (a supplier's delivery note, imported) or a blind one."""

    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    supplier: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / closed
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column()


class ReceiptLine(Base):
    __tablename__ = "receipt_lines"
    __table_args__ = (UniqueConstraint("receipt_id", "product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    expected: Mapped[int] = mapped_column(default=0)
    received: Mapped[int] = mapped_column(default=0)


class CountStatus(enum.StrEnum):
    APPLIED = "applied"
    PENDING = "pending"  # the variance is above the threshold: a supervisor decides
    REJECTED = "rejected"


class StockCount(Base):
    """One product counted in one bin; its variance is applied at once or waits for approval."""

    __tablename__ = "stock_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    expected: Mapped[int] = mapped_column()
    counted: Mapped[int] = mapped_column()
    status: Mapped[CountStatus] = mapped_column(str_enum(CountStatus))
    counted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    counted_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column()
