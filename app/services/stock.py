"""Stock: receiving (against an expected receipt or blind), moves between bins, adjustments with a
reason code, cycle counts (a variance above the threshold waits for a supervisor), on-hand.

Every change of a stock row is a row of the append-only stock ledger with who, when, why and the
document (``record``): receive, reserve, pick, pack, move, adjust, count. A stock row's quantity
and reservation are the sums of its ledger rows; ``ledger_mismatches`` says where they are not.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.db import affected
from app.errors import Conflict, DomainError, NotFound
from app.models.catalog import Bin, Product, ProductBarcode, Warehouse
from app.models.inventory import (
    CountStatus,
    MoveKind,
    Receipt,
    ReceiptLine,
    Stock,
    StockCount,
    StockMove,
)
from app.permissions import require
from app.services import audit, settings
from app.services.intake.records import RowError
from app.services.masterdata import warehouse_id

if TYPE_CHECKING:
    from app.context import CurrentUser

# Adjustment reason codes (the UI and CLI word them; the ledger stores the code).
REASONS = ("damaged", "lost", "found", "expired", "sample", "correction")


def record(
    session: Session,
    stock_id: int,
    quantity: int,
    reserved: int,
    kind: MoveKind,
    *,
    document: str = "",
    reason: str = "",
    user_id: int | None = None,
    station: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    """The ledger row for a change already made to one stock row (in the same unit of work)."""
    product_id, bin_id = session.execute(
        select(Stock.product_id, Stock.bin_id).where(Stock.id == stock_id)).one()
    session.add(StockMove(product_id=product_id, bin_id=bin_id, quantity=quantity, reserved=reserved,
                          kind=kind, document=document[:64], reason=reason[:64], user_id=user_id,
                          station=station, **({"at": now} if now else {})))


def _change(
    session: Session, product_id: int, bin_id: int, delta: int, kind: MoveKind, user: CurrentUser,
    document: str, reason: str, now: dt.datetime,
) -> int:
    """Add ``delta`` to the free stock of a product in a bin (the row made if missing); the
    database refuses taking more than is free."""
    where = (Stock.product_id == product_id, Stock.bin_id == bin_id)
    if delta > 0:  # the row, made if missing (two stations putting away into one new bin: one row)
        dialect_insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        new_row = dialect_insert(Stock).values(product_id=product_id, bin_id=bin_id, quantity=0, reserved=0)
        session.execute(new_row.on_conflict_do_nothing(index_elements=["product_id", "bin_id"]))
    stock_id = session.scalar(select(Stock.id).where(*where).with_for_update())
    if stock_id is None:
        raise Conflict("There is no stock of this product in that bin.")
    done = affected(session.execute(
        update(Stock)
        .where(Stock.id == stock_id, Stock.quantity - Stock.reserved + delta >= 0)
        .values(quantity=Stock.quantity + delta)
        .execution_options(synchronize_session=False)
    ))
    if done != 1:
        free = session.scalar(select(Stock.quantity - Stock.reserved).where(Stock.id == stock_id))
        raise Conflict("Only {free} free in the bin; nothing was changed.", free=free)
    record(session, stock_id, delta, 0, kind, document=document, reason=reason, user_id=user.id, now=now)
    return stock_id


def product_id(session: Session, code: str) -> int:
    """The product a SKU or any of its barcodes names (a scan or a typed SKU)."""
    code = code.strip()
    pid = session.scalar(select(Product.id).where(Product.sku == code))
    if pid is None:
        forms = [code, code.lstrip("0"), code.zfill(13), code.zfill(14)] if code.isdigit() else [code]
        pid = session.scalar(select(ProductBarcode.product_id).where(ProductBarcode.code.in_(forms)))
    if pid is None:
        raise NotFound("No product {product}.", product=code)
    return pid


@dataclass(frozen=True)
class ProductRef:
    sku: str
    name: str
    name_en: str = ""  # the English name, for an English screen ("" when it has none)


def product(session: Session, code: str) -> ProductRef:
    """The SKU and names of the product a scan names (what a stock screen shows before it acts)."""
    sku, name, name_en = session.execute(select(Product.sku, Product.name, Product.name_en).where(
        Product.id == product_id(session, code))).one()
    return ProductRef(sku, name, name_en)


def bin_id(session: Session, code: str, warehouse: str | None = None) -> int:
    query = select(Bin.id, Warehouse.code).join(Warehouse, Warehouse.id == Bin.warehouse_id).where(
        Bin.code == code.strip().upper())
    if warehouse:
        query = query.where(Warehouse.code == warehouse.strip().upper())
    rows = session.execute(query).all()
    if not rows:
        raise NotFound("No bin {bin}{where}.", bin=code, where=f" in {warehouse}" if warehouse else "")
    if len(rows) > 1:
        raise DomainError("Bin {bin} exists in {warehouses}: say which warehouse.", bin=code,
                          warehouses=", ".join(sorted(w for _b, w in rows)))
    return rows[0][0]


# --- receiving ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    sku: str
    quantity: int
    bin: str
    on_hand: int  # in that bin, after
    receipt: str = ""
    expected: int | None = None  # on the receipt's line
    received: int | None = None  # on the receipt's line so far

    @property
    def variance(self) -> int | None:
        """Over (> 0) or under (< 0) the expected quantity, once a receipt line exists."""
        return None if self.expected is None or self.received is None else self.received - self.expected


def receive(
    session: Session, user: CurrentUser | None, product: str, quantity: int, bin_code: str, now: dt.datetime,
    *, warehouse: str | None = None, receipt: str = "",
) -> Received:
    """Put ``quantity`` of a scanned product into a scanned bin, against a receipt or blind."""
    user = require(user, "stock.receive")
    if quantity <= 0:
        raise DomainError("Receive a quantity above zero, not {quantity}.", quantity=quantity)
    pid = product_id(session, product)
    bid = bin_id(session, bin_code, warehouse)
    line = None
    if receipt:
        r = session.scalar(select(Receipt).where(Receipt.reference == receipt.strip()))
        if r is None:
            raise NotFound("No receipt {receipt}.", receipt=receipt)
        if r.status != "open":
            raise Conflict("Receipt {receipt} is closed.", receipt=receipt)
        if session.scalar(select(Bin.warehouse_id).where(Bin.id == bid)) != r.warehouse_id:
            raise DomainError("Bin {bin} is not in the receipt's warehouse.", bin=bin_code)
        line = session.scalar(select(ReceiptLine).where(ReceiptLine.receipt_id == r.id,
                                                        ReceiptLine.product_id == pid))
        if line is None:  # not on the note: received, and shows as over-receipt
            line = ReceiptLine(receipt_id=r.id, product_id=pid, expected=0, received=0)
            session.add(line)
        line.received += quantity
        session.flush()
    stock_id = _change(session, pid, bid, quantity, MoveKind.RECEIVE, user, receipt or "blind", "", now)
    sku, on_hand, code = session.execute(
        select(Product.sku, Stock.quantity, Bin.code).join(Stock, Stock.product_id == Product.id)
        .join(Bin, Bin.id == Stock.bin_id).where(Stock.id == stock_id)).one()
    return Received(sku, quantity, code, on_hand, receipt, line.expected if line else None,
                    line.received if line else None)


@dataclass(frozen=True)
class ReceiptLineView:
    sku: str
    expected: int
    received: int
    name: str = ""
    name_en: str = ""

    @property
    def variance(self) -> int:
        return self.received - self.expected


@dataclass(frozen=True)
class ReceiptView:
    reference: str
    warehouse: str
    supplier: str
    status: str
    lines: tuple[ReceiptLineView, ...]

    @property
    def over(self) -> tuple[ReceiptLineView, ...]:
        return tuple(ln for ln in self.lines if ln.variance > 0)

    @property
    def under(self) -> tuple[ReceiptLineView, ...]:
        return tuple(ln for ln in self.lines if ln.variance < 0)


def open_receipts(session: Session) -> list[str]:
    """References of the expected receipts still being received, oldest first."""
    query = select(Receipt.reference).where(Receipt.status == "open").order_by(Receipt.id)
    return list(session.scalars(query))


def receipt(session: Session, reference: str) -> ReceiptView:
    r = session.scalar(select(Receipt).where(Receipt.reference == reference.strip()))
    if r is None:
        raise NotFound("No receipt {receipt}.", receipt=reference)
    lines = session.execute(
        select(Product.sku, ReceiptLine.expected, ReceiptLine.received, Product.name,
               Product.name_en).join(Product)
        .where(ReceiptLine.receipt_id == r.id).order_by(Product.sku)).all()
    code = session.scalar(select(Warehouse.code).where(Warehouse.id == r.warehouse_id)) or ""
    return ReceiptView(r.reference, code, r.supplier, r.status, tuple(ReceiptLineView(*ln) for ln in lines))


def close_receipt(
    session: Session, user: CurrentUser | None, reference: str, now: dt.datetime
) -> ReceiptView:
    """Receiving is over: the over and under quantities are what the view reports (audited)."""
    user = require(user, "stock.receive")
    view = receipt(session, reference)
    session.execute(update(Receipt).where(Receipt.reference == view.reference).values(status="closed",
                                                                                    closed_at=now))
    audit.record(session, "receipt.close", "receipt", view.reference, user_id=user.id,
                 over=len(view.over), under=len(view.under))
    return receipt(session, reference)


RECEIPTS = "{receipts} receipts, {lines} lines imported, {refused} rows refused"


@dataclass(frozen=True)
class ReceiptImport:
    receipts: int
    lines: int
    problems: tuple[RowError, ...]

    def text(self, lang: str = "en") -> str:
        from app.i18n import catalogue, word

        template = catalogue(lang, "ImportReport").get(RECEIPTS, RECEIPTS)
        head = template.format(receipts=self.receipts, lines=self.lines, refused=len(self.problems)) + "\n"
        return head + "".join(f"  {word(e, lang)}\n" for e in self.problems)


def import_receipts(session: Session, user: CurrentUser | None, text: str) -> ReceiptImport:
    """Expected receipts as CSV ``reference,warehouse,sku,quantity[,supplier]``; a receipt already
    imported keeps what was received and takes the file's expected quantities."""
    user = require(user, "stock.receive")
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    need = {"reference", "warehouse", "sku", "quantity"}
    if not need <= set(reader.fieldnames or ()):
        raise DomainError("A receipts CSV needs the columns reference, warehouse, sku, quantity.")
    problems: list[RowError] = []
    refs: set[str] = set()
    lines = 0
    for row in reader:
        line_no = reader.line_num
        try:
            with session.begin_nested():
                ref = (row.get("reference") or "").strip()
                if not ref:
                    raise DomainError("no reference")
                qty = int((row.get("quantity") or "").strip())
                if qty <= 0:
                    raise DomainError("quantity must be above zero")
                wid = warehouse_id(session, row.get("warehouse") or "")
                pid = product_id(session, row.get("sku") or "")
                r = session.scalar(select(Receipt).where(Receipt.reference == ref))
                if r is None:
                    r = Receipt(reference=ref, warehouse_id=wid, supplier=(row.get("supplier") or "").strip())
                    session.add(r)
                    session.flush()
                elif r.warehouse_id != wid:
                    raise DomainError("receipt {receipt} is for another warehouse", receipt=ref)
                ln = session.scalar(select(ReceiptLine).where(ReceiptLine.receipt_id == r.id,
                                                              ReceiptLine.product_id == pid))
                if ln is None:
                    session.add(ReceiptLine(receipt_id=r.id, product_id=pid, expected=qty, received=0))
                else:
                    ln.expected = qty
                refs.add(ref)
                lines += 1
        except ValueError:
            problems.append(RowError(line_no, DomainError("quantity {value} is not a whole number",
                                                          value=repr(row.get("quantity")))))
        except DomainError as exc:
            problems.append(RowError(line_no, exc))
    audit.record(session, "receipts.import", "receipts", ",".join(sorted(refs))[:64], user_id=user.id,
                 lines=lines, refused=len(problems))
    return ReceiptImport(len(refs), lines, tuple(problems))


# --- moves, adjustments, counts ----------------------------------------------------------


def move(
    session: Session, user: CurrentUser | None, product: str, quantity: int, from_bin: str, to_bin: str,
    now: dt.datetime, *, warehouse: str | None = None,
) -> None:
    """Move free stock from one bin to another (two ledger rows, one document)."""
    user = require(user, "stock.adjust")
    if quantity <= 0:
        raise DomainError("Move a quantity above zero, not {quantity}.", quantity=quantity)
    pid = product_id(session, product)
    src, dst = bin_id(session, from_bin, warehouse), bin_id(session, to_bin, warehouse)
    if src == dst:
        raise DomainError("The stock is already in {bin}.", bin=to_bin)
    doc = f"move {from_bin.upper()}>{to_bin.upper()}"
    # lock order: the lower stock row first, as allocation does
    for bid, delta in sorted(((src, -quantity), (dst, quantity)), key=lambda x: x[0]):
        _change(session, pid, bid, delta, MoveKind.MOVE, user, doc, "", now)


def adjust(
    session: Session, user: CurrentUser | None, product: str, delta: int, bin_code: str, reason: str,
    now: dt.datetime, *, warehouse: str | None = None, note: str = "",
) -> int:
    """Add or take stock with a reason code (damaged, lost, found ...); the new on-hand in the bin."""
    user = require(user, "stock.adjust")
    if reason not in REASONS:
        raise DomainError("Reason {reason!r}: use one of {reasons}.", reason=reason,
                          reasons=", ".join(REASONS))
    if delta == 0:
        raise DomainError("An adjustment changes the quantity.")
    pid = product_id(session, product)
    sid = _change(session, pid, bin_id(session, bin_code, warehouse), delta, MoveKind.ADJUST, user,
                  note or "adjustment", reason, now)
    audit.record(session, "stock.adjust", "stock", sid, user_id=user.id, delta=delta, reason=reason)
    return session.scalar(select(Stock.quantity).where(Stock.id == sid)) or 0


@dataclass(frozen=True)
class Counted:
    id: int
    sku: str
    bin: str
    expected: int
    counted: int
    status: str  # applied / pending (waits for a supervisor) / rejected
    warehouse: str = ""  # bin codes repeat across warehouses
    name: str = ""
    name_en: str = ""

    @property
    def variance(self) -> int:
        return self.counted - self.expected


def count(
    session: Session, user: CurrentUser | None, product: str, counted: int, bin_code: str, now: dt.datetime,
    *, warehouse: str | None = None,
) -> Counted:
    """A product counted in a bin: a variance within the threshold is applied at once; above it
    the count waits for a supervisor (``decide_count``)."""
    user = require(user, "stock.adjust")
    if counted < 0:
        raise DomainError("A count cannot be negative.")
    pid = product_id(session, product)
    bid = bin_id(session, bin_code, warehouse)
    expected = session.scalar(select(Stock.quantity).where(Stock.product_id == pid, Stock.bin_id == bid)) or 0
    limit = settings.get(session, "stock.count_approval_above")
    status = CountStatus.PENDING if abs(counted - expected) > limit else CountStatus.APPLIED
    row = StockCount(bin_id=bid, product_id=pid, expected=expected, counted=counted, status=status,
                     counted_by=user.id, counted_at=now)
    session.add(row)
    session.flush()
    if status is CountStatus.APPLIED and counted != expected:
        _change(session, pid, bid, counted - expected, MoveKind.COUNT, user, f"count {row.id}", "", now)
    return _counted(session, row)


def _counted(session: Session, row: StockCount) -> Counted:
    sku, name, name_en = session.execute(select(Product.sku, Product.name, Product.name_en).where(
        Product.id == row.product_id)).one()
    code, house = session.execute(select(Bin.code, Warehouse.code).join(
        Warehouse, Warehouse.id == Bin.warehouse_id).where(Bin.id == row.bin_id)).one()
    return Counted(row.id, sku, code, row.expected, row.counted, row.status.value, house, name, name_en)


def pending_counts(session: Session) -> list[Counted]:
    return [_counted(session, r) for r in
            session.scalars(select(StockCount).where(StockCount.status == CountStatus.PENDING)
                            .order_by(StockCount.id))]


def decide_count(
    session: Session, supervisor: CurrentUser | None, count_id: int, approve: bool, now: dt.datetime
) -> Counted:
    """Approve (the bin takes the counted quantity, whatever moved since by the count's variance)
    or reject a count waiting for approval."""
    supervisor = require(supervisor, "stock.approve")
    row = session.get(StockCount, count_id)
    if row is None or row.status is not CountStatus.PENDING:
        raise NotFound("No count {count} waits for approval.", count=count_id)
    row.status = CountStatus.APPLIED if approve else CountStatus.REJECTED
    row.decided_by, row.decided_at = supervisor.id, now
    if approve and row.counted != row.expected:
        _change(session, row.product_id, row.bin_id, row.counted - row.expected, MoveKind.COUNT, supervisor,
                f"count {row.id}", "approved", now)
    audit.record(session, "stock.count_" + ("approve" if approve else "reject"), "stock_count", row.id,
                 user_id=supervisor.id, variance=row.counted - row.expected)
    return _counted(session, row)


# --- on hand -----------------------------------------------------------------------------


@dataclass(frozen=True)
class OnHand:
    sku: str
    warehouse: str
    bin: str
    on_hand: int
    reserved: int

    @property
    def free(self) -> int:
        return self.on_hand - self.reserved


def on_hand(session: Session, sku: str | None = None, warehouse: str | None = None) -> list[OnHand]:
    query = (
        select(Product.sku, Warehouse.code, Bin.code, Stock.quantity, Stock.reserved)
        .join(Stock, Stock.product_id == Product.id).join(Bin, Bin.id == Stock.bin_id)
        .join(Warehouse, Warehouse.id == Bin.warehouse_id)
        .where((Stock.quantity != 0) | (Stock.reserved != 0))
        .order_by(Product.sku, Warehouse.code, Bin.code)
    )
    if sku:
        query = query.where(Product.sku == sku.strip())
    if warehouse:
        query = query.where(Warehouse.code == warehouse.strip().upper())
    return [OnHand(*r) for r in session.execute(query)]


def on_hand_csv(rows: list[OnHand]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["sku", "warehouse", "bin", "on_hand", "reserved", "free"])
    for r in rows:
        w.writerow([r.sku, r.warehouse, r.bin, r.on_hand, r.reserved, r.free])
    return out.getvalue()


def ledger_mismatches(session: Session) -> list[tuple[str, str, int, int, int, int]]:
    """(sku, bin, on hand, ledger sum, reserved, ledger reserved) wherever they differ (none)."""
    ledger = (
        select(StockMove.product_id, StockMove.bin_id, func.sum(StockMove.quantity).label("q"),
               func.sum(StockMove.reserved).label("r"))
        .group_by(StockMove.product_id, StockMove.bin_id).subquery()
    )
    rows = session.execute(
        select(Product.sku, Bin.code, Stock.quantity, func.coalesce(ledger.c.q, 0), Stock.reserved,
               func.coalesce(ledger.c.r, 0))
        .join(Product, Product.id == Stock.product_id).join(Bin, Bin.id == Stock.bin_id)
        .outerjoin(ledger, (ledger.c.product_id == Stock.product_id) & (ledger.c.bin_id == Stock.bin_id))
    ).all()
    return [tuple(r) for r in rows if r[2] != r[3] or r[4] != r[5]]
