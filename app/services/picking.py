"""Picking on a PDA: the next task of the wave, the bin scan that proves the picker is at the
right place, the item scans that count the quantity, the tote scan that confirms the put, and
short picks.

Every accepted scan is committed before it is confirmed; a task's reservation leaves stock when
its put is confirmed. An order is picked when all its tasks are. A short pick never leaves the
order in its wave: the missing units are reserved from another bin or warehouse (a remainder
task), and only when no stock is left anywhere does the order wait, held, for a supervisor in
the exception queue (``app.services.exceptions``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from app.db import affected
from app.errors import Conflict, DomainError
from app.models.catalog import Bin, Product, ProductBarcode
from app.models.fulfilment import (
    ExceptionKind,
    PickStatus,
    PickTask,
    StationException,
    Tote,
    ToteStatus,
    Wave,
    WaveStatus,
)
from app.models.inventory import MoveKind, Reservation, ReservationStatus, Stock
from app.models.orders import Order, OrderLine, OrderStatus
from app.permissions import require
from app.services import remainders, stock
from app.services.packing import stored_forms
from devices.scanner.scan import Scan, ScanKind

if TYPE_CHECKING:
    from app.context import CurrentUser


SHORT_REASONS = ("empty_bin", "damaged", "wrong_item_in_bin", "not_found")  # stored as codes


@dataclass(frozen=True)
class PickStep:
    task_id: int
    wave_id: int
    wave_number: str
    bin_code: str
    sku: str
    name: str
    quantity: int
    picked: int
    tote: str
    order_number: str
    done: int  # tasks finished in the wave
    total: int
    name_en: str = ""  # the product's English name, for an English screen ('' when it has none)

    @property
    def counted(self) -> bool:
        """Every unit scanned: the put into the tote is confirmed by scanning the tote."""
        return self.picked >= self.quantity


@dataclass(frozen=True)
class PickResult:
    verdict: (
        str  # at_bin / wrong_bin / item_ok / scan_tote / wrong_tote / task_done / wave_done / wrong_item /
        # scan_bin_first / garbled / remainder / held
    )
    step: PickStep | None  # the task now in front of the picker (None when the wave is done)
    params: dict[str, object]

    @property
    def level(self) -> str:
        return {
            "at_bin": "ok",
            "item_ok": "ok",
            "scan_tote": "ok",
            "task_done": "ok",
            "wave_done": "ok",
            "remainder": "warning",
            "held": "warning",
        }.get(self.verdict, "error")


def current(session: Session, wave_id: int) -> PickStep | None:
    row = session.execute(
        # columns, not the entity: a PickTask in the identity map may hold a stale picked_qty
        select(
            PickTask.id,
            PickTask.quantity,
            PickTask.picked_qty,
            Bin.code,
            Product.sku,
            Product.name,
            Tote.code,
            Order.number,
            Wave.number,
            Product.name_en,
        )
        .join(Bin, Bin.id == PickTask.bin_id)
        .join(Product, Product.id == PickTask.product_id)
        .join(OrderLine, OrderLine.id == PickTask.order_line_id)
        .join(Order, Order.id == OrderLine.order_id)
        .join(Wave, Wave.id == PickTask.wave_id)
        .outerjoin(Tote, Tote.id == PickTask.tote_id)
        .where(PickTask.wave_id == wave_id, PickTask.status == PickStatus.OPEN)
        .order_by(PickTask.sequence)
        .limit(1)
    ).first()
    if row is None:
        return None
    task_id, quantity, picked, bin_code, sku, name, tote, number, wave_number, name_en = row
    done, total = session.execute(
        select(func.sum(case((PickTask.status != PickStatus.OPEN, 1), else_=0)), func.count()).where(
            PickTask.wave_id == wave_id
        )
    ).one()
    return PickStep(
        task_id,
        wave_id,
        wave_number,
        bin_code,
        sku,
        name,
        quantity,
        picked,
        tote or "",
        number,
        int(done or 0),
        total,
        name_en or "",
    )


def scan_bin(step: PickStep, scan: Scan) -> PickResult:
    """The picker proves they stand at the task's bin (nothing to commit)."""
    if scan.kind is not ScanKind.BIN:
        return PickResult("scan_bin_first", step, {"bin": step.bin_code, "code": scan.raw})
    if scan.value != step.bin_code:
        return PickResult("wrong_bin", step, {"bin": step.bin_code, "code": scan.value})
    return PickResult("at_bin", step, {"bin": step.bin_code})


def scan_item(
    session: Session, actor: CurrentUser | None, step: PickStep, scan: Scan, now: dt.datetime
) -> PickResult:
    """One unit into the tote: counted and committed, or refused."""
    require(actor, "station.pick")
    if not scan.ok:
        return PickResult("garbled", step, {"code": scan.raw, "reason": scan.error})
    if step.counted:
        return PickResult("scan_tote", step, {"tote": step.tote, "code": scan.raw})
    task = session.get(PickTask, step.task_id)
    assert task is not None
    pid = session.scalar(select(ProductBarcode.product_id).where(ProductBarcode.code.in_(stored_forms(scan))))
    if pid is None:
        pid = session.scalar(select(Product.id).where(Product.sku == scan.value))
    if pid != task.product_id:
        return PickResult("wrong_item", step, {"sku": step.sku, "code": scan.raw})
    done = affected(session.execute(
        update(PickTask)
        .where(
            PickTask.id == task.id,
            PickTask.status == PickStatus.OPEN,
            PickTask.picked_qty < PickTask.quantity,
        )
        .values(picked_qty=PickTask.picked_qty + 1)
        .execution_options(synchronize_session=False)
    ))
    if done != 1:
        raise Conflict("This task was finished on another device: showing the next one.")
    session.execute(
        update(OrderLine)
        .where(OrderLine.id == task.order_line_id)
        .values(picked_qty=OrderLine.picked_qty + 1)
    )
    nxt = current(session, step.wave_id)
    if step.picked + 1 < step.quantity:
        return PickResult("item_ok", nxt, {"sku": step.sku})
    return PickResult("scan_tote", nxt, {"sku": step.sku, "tote": step.tote})


def confirm_put(
    session: Session, actor: CurrentUser | None, step: PickStep, scan: Scan, now: dt.datetime
) -> PickResult:
    """The picker scans the tote the counted units went into: the task is done."""
    picker = require(actor, "station.pick")
    if not step.counted:
        return PickResult("item_ok", step, {"sku": step.sku})
    if scan.kind is not ScanKind.TOTE or scan.value != step.tote:
        return PickResult("wrong_tote", step, {"tote": step.tote, "code": scan.raw})
    task = session.get(PickTask, step.task_id)
    assert task is not None
    if task.status is not PickStatus.OPEN:
        raise Conflict("This task was finished on another device: showing the next one.")
    _close_task(session, task, PickStatus.PICKED, task.quantity, picker.id, now)
    return _after_task(session, step, "task_done", now)


def short(
    session: Session,
    actor: CurrentUser | None,
    step: PickStep,
    found: int,
    reason: str,
    now: dt.datetime,
    station: str = "",
) -> PickResult:
    """The bin holds fewer than the task needs: take what is there; the rest is reserved from
    another bin or warehouse (a remainder task), or, with no stock anywhere, the order is held
    for a supervisor (the exception names ``station``, the PDA or station that found it short)."""
    picker = require(actor, "station.pick")
    task = session.get(PickTask, step.task_id)
    assert task is not None
    if not 0 <= found < task.quantity:
        raise DomainError("A short pick finds fewer than {quantity}.", quantity=task.quantity)
    if reason not in SHORT_REASONS:
        raise DomainError(
            "Say why the pick is short: one of {reasons} (got {reason!r}).",
            reasons=", ".join(SHORT_REASONS),
            reason=reason,
        )
    extra = found - step.picked
    if extra:
        session.execute(
            update(OrderLine)
            .where(OrderLine.id == task.order_line_id)
            .values(picked_qty=OrderLine.picked_qty + extra)
        )
    task.short_reason = reason
    _close_task(session, task, PickStatus.SHORT, found, picker.id, now)
    missing = task.quantity - found
    made_up = remainders.make_up(session, task, missing, now)
    order_id = session.execute(
        select(OrderLine.order_id).where(OrderLine.id == task.order_line_id)
    ).scalar_one()
    if made_up < missing:
        session.add(
            StationException(
                kind=ExceptionKind.SHORT_PICK,
                order_id=order_id,
                pick_task_id=task.id,
                station=station,
                raised_by=picker.id,
                created_at=now,
                detail=f"{step.sku} at {step.bin_code}: found {found} of {task.quantity} ({reason})",
            )
        )
        remainders.hold(session, order_id, now)
    result = _after_task(session, step, "task_done", now)
    verdict = "held" if made_up < missing else "remainder"
    params = {**result.params, "sku": step.sku, "missing": missing - made_up, "made_up": made_up}
    return PickResult(result.verdict if result.verdict == "wave_done" else verdict, result.step, params)


def _close_task(
    session: Session, task: PickTask, status: PickStatus, taken: int, picker_id: int, now: dt.datetime
) -> None:
    """The task's reservation leaves stock: ``taken`` units off the shelf, the rest unreserved."""
    session.execute(
        update(PickTask)
        .where(PickTask.id == task.id)
        .values(status=status, picked_qty=taken, picker_id=picker_id, done_at=now)
        .execution_options(synchronize_session=False)
    )
    res = session.get(Reservation, task.reservation_id) if task.reservation_id else None
    if res is not None and res.status is ReservationStatus.ACTIVE:
        session.execute(
            update(Stock)
            .where(Stock.id == res.stock_id)
            .values(quantity=Stock.quantity - taken, reserved=Stock.reserved - res.quantity)
        )
        stock.record(session, res.stock_id, -taken, -res.quantity, MoveKind.PICK, document=f"pick {task.id}")
        res.status = ReservationStatus.PICKED


def _after_task(session: Session, step: PickStep, verdict: str, now: dt.datetime) -> PickResult:
    order_id = session.scalar(
        select(OrderLine.order_id)
        .join(PickTask, PickTask.order_line_id == OrderLine.id)
        .where(PickTask.id == step.task_id)
    )
    statuses = set(
        session.scalars(
            select(PickTask.status)
            .join(OrderLine, OrderLine.id == PickTask.order_line_id)
            .where(OrderLine.order_id == order_id)
        )
    )
    if PickStatus.OPEN not in statuses and not remainders.unsettled(session, order_id):
        session.execute(
            update(Order)
            .where(Order.id == order_id, Order.status == OrderStatus.IN_WAVE)
            .values(status=OrderStatus.PICKED, version=Order.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )
    nxt = current(session, step.wave_id)
    if nxt is None:
        session.execute(update(Wave).where(Wave.id == step.wave_id).values(status=WaveStatus.PICKED))
        session.execute(update(Tote).where(Tote.wave_id == step.wave_id).values(status=ToteStatus.AT_PACK))
        return PickResult("wave_done", None, {"wave": step.wave_number, "tote": step.tote})
    return PickResult(verdict, nxt, {"sku": step.sku, "tote": step.tote})
