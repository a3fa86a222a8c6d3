"""What the station's screenshot scenarios pack: the totes waiting at packing and the barcodes of
the units in them, as plain values (the scenes in ui/station/screens.py never touch the models)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models.catalog import ProductBarcode
from app.models.fulfilment import PickTask, Tote, ToteStatus
from app.models.orders import OrderLine


@dataclass(frozen=True)
class ToteAtPack:
    code: str
    barcodes: tuple[str, ...]  # one per unit picked into it, in line order


def totes_at_pack(session: Session) -> list[str]:
    """The codes of the totes waiting at packing, in code order."""
    return list(
        session.scalars(select(Tote.code).where(Tote.status == ToteStatus.AT_PACK).order_by(Tote.code))
    )


def tote_at_pack(session: Session, units: int = 1) -> ToteAtPack:
    """The first tote at packing holding at least ``units`` units (else the first one) and one
    barcode for each unit in it."""
    held = (
        select(Tote.id, Tote.code, func.coalesce(func.sum(OrderLine.quantity), 0))
        .outerjoin(PickTask, PickTask.tote_id == Tote.id)
        .outerjoin(OrderLine, OrderLine.id == PickTask.order_line_id)
        .where(Tote.status == ToteStatus.AT_PACK)
        .group_by(Tote.id, Tote.code)
        .order_by(Tote.code)
    )
    totes = session.execute(held).all()
    if not totes:
        raise NotFound("No tote is waiting at packing.")
    tote_id, code, _ = next((t for t in totes if t[2] >= units), totes[0])
    lines = session.execute(
        select(OrderLine.product_id, OrderLine.quantity)
        .join(PickTask, PickTask.order_line_id == OrderLine.id)
        .where(PickTask.tote_id == tote_id)
        .order_by(PickTask.id)
    ).all()
    first = {
        pid: session.scalar(select(ProductBarcode.code).where(ProductBarcode.product_id == pid).limit(1))
        for pid, _ in lines
    }
    return ToteAtPack(code, tuple(item for pid, qty in lines if (item := first[pid]) for _ in range(qty)))


def barcode_not_in(session: Session, codes: Iterable[str]) -> str:
    """A product barcode that is none of ``codes`` (an item that does not belong in the parcel)."""
    code = session.scalar(
        select(ProductBarcode.code).where(ProductBarcode.code.not_in(list(codes))).order_by(ProductBarcode.id).limit(1)
    )
    if code is None:
        raise NotFound("No other product barcode.")
    return code
