"""Stock: receive by scan, move, adjust, count; every change a ledger row and on-hand its sum."""

from __future__ import annotations

import datetime as dt
import random
import threading

import pytest
from sqlalchemy import select, text

from app.context import CurrentUser
from app.db import make_engine, read_only, session_factory, unit_of_work
from app.errors import Conflict, DomainError, PermissionDenied
from app.models.accounts import Role
from app.models.inventory import MoveKind, StockMove
from app.services import masterdata, settings, stock
from app.services.auth import create_user
from app.services.intake.products import import_products

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
PRODUCTS = ("sku,name,barcodes,weight_g\nTEA-1,龙井,6901234567892,250\nTEA-2,普洱,6901234567885,357\n"
            "CUP-1,茶杯,PDK-CUP-1,120\n")


def _site(engine) -> tuple[CurrentUser, CurrentUser, CurrentUser]:
    """A warehouse with bins A-01-01-1..A-02-03-2, three products; an admin, a supervisor, a picker."""
    with unit_of_work(session_factory(engine)) as s:
        ids = [create_user(s, n, "password-1", r) for n, r in
               (("boss", Role.ADMIN), ("sup", Role.SUPERVISOR), ("pick", Role.PICKER))]
        admin = CurrentUser(ids[0], "boss", "boss", Role.ADMIN)
        masterdata.save_warehouse(s, admin, "HZ01", "杭州仓", "浙江省", "杭州市")
        masterdata.generate_bins(s, admin, "HZ01", "A-01-01-1..A-02-03-2")
        import_products(s, admin, PRODUCTS, "packdesk-csv")
    return admin, CurrentUser(ids[1], "sup", "sup", Role.SUPERVISOR), CurrentUser(ids[2], "pick", "pick",
                                                                                   Role.PICKER)


def _ledger_ok(engine) -> None:
    with read_only(session_factory(engine)) as s:
        assert stock.ledger_mismatches(s) == []


def test_a_picker_receives_against_an_expected_receipt_and_sees_over_and_under(engine):
    admin, _sup, picker = _site(engine)
    sessions = session_factory(engine)
    with unit_of_work(sessions) as s:
        report = stock.import_receipts(s, admin, "reference,warehouse,sku,quantity,supplier\n"
                                       "PO-1,HZ01,TEA-1,10,茶农\nPO-1,HZ01,TEA-2,5,茶农\nPO-1,XX,TEA-2,5,\n"
                                       "PO-1,HZ01,NOPE,1,\nPO-1,HZ01,CUP-1,zwei,\n")
    assert (report.receipts, report.lines) == (1, 2)
    assert [e.line for e in report.problems] == [4, 5, 6]
    with unit_of_work(sessions) as s:  # scan the product's barcode, type the quantity, scan the bin
        got = stock.receive(s, picker, "6901234567892", 12, "a-01-01-1", NOW, receipt="PO-1")
        stock.receive(s, picker, "PDK-CUP-1", 3, "A-01-01-2", NOW, receipt="PO-1")
    assert (got.sku, got.on_hand, got.expected, got.received, got.variance) == ("TEA-1", 12, 10, 12, 2)
    with unit_of_work(sessions) as s:
        view = stock.close_receipt(s, picker, "PO-1", NOW)
    assert [(ln.sku, ln.variance) for ln in view.over] == [("CUP-1", 3), ("TEA-1", 2)]
    assert [(ln.sku, ln.variance) for ln in view.under] == [("TEA-2", -5)]
    with unit_of_work(sessions) as s, pytest.raises(Conflict, match="closed"):
        stock.receive(s, picker, "TEA-2", 1, "A-01-01-1", NOW, receipt="PO-1")
    with unit_of_work(sessions) as s:  # blind: no receipt
        stock.receive(s, picker, "TEA-2", 4, "A-02-03-2", NOW)
    with read_only(sessions) as s:
        rows = {(r.sku, r.bin): r.on_hand for r in stock.on_hand(s, warehouse="HZ01")}
        moves = s.execute(select(StockMove.kind, StockMove.document, StockMove.user_id)).all()
    assert rows == {("TEA-1", "A-01-01-1"): 12, ("CUP-1", "A-01-01-2"): 3, ("TEA-2", "A-02-03-2"): 4}
    assert (MoveKind.RECEIVE, "blind", picker.id) in moves and (MoveKind.RECEIVE, "PO-1", picker.id) in moves
    _ledger_ok(engine)


def test_moves_adjustments_and_counts_with_approval_above_the_threshold(engine):
    _admin, sup, picker = _site(engine)
    sessions = session_factory(engine)
    with unit_of_work(sessions) as s:
        stock.receive(s, picker, "TEA-1", 20, "A-01-01-1", NOW)
        settings.put(s, "stock.count_approval_above", 3)
    with unit_of_work(sessions) as s:
        stock.move(s, sup, "TEA-1", 5, "A-01-01-1", "A-01-02-1", NOW)
        assert stock.adjust(s, sup, "TEA-1", -2, "A-01-01-1", "damaged", NOW) == 13
        small = stock.count(s, sup, "TEA-1", 11, "A-01-01-1", NOW)  # 2 off: applied
        big = stock.count(s, sup, "TEA-1", 0, "A-01-02-1", NOW)  # 5 off: waits
    assert (small.status, big.status, big.variance) == ("applied", "pending", -5)
    for bad, error in ((lambda s: stock.move(s, picker, "TEA-1", 1, "A-01-01-1", "A-01-02-1", NOW),
                        PermissionDenied),
                       (lambda s: stock.move(s, sup, "TEA-1", 99, "A-01-01-1", "A-01-02-1", NOW), Conflict),
                       (lambda s: stock.adjust(s, sup, "TEA-1", 1, "A-01-01-1", "whim", NOW), DomainError),
                       (lambda s: stock.decide_count(s, picker, big.id, True, NOW), PermissionDenied)):
        with pytest.raises(error), unit_of_work(sessions) as s:
            bad(s)
    with read_only(sessions) as s:
        assert [c.id for c in stock.pending_counts(s)] == [big.id]
    with unit_of_work(sessions) as s:
        stock.decide_count(s, sup, big.id, True, NOW)
    with read_only(sessions) as s:
        rows = {r.bin: r.on_hand for r in stock.on_hand(s, sku="TEA-1")}
        csv_rows = stock.on_hand_csv(stock.on_hand(s, sku="TEA-1")).splitlines()
    assert csv_rows == ["sku,warehouse,bin,on_hand,reserved,free", "TEA-1,HZ01,A-01-01-1,11,0,11"]
    assert rows == {"A-01-01-1": 11}
    _ledger_ok(engine)


def test_the_ledger_refuses_to_be_changed(any_engine):
    _admin, _sup, picker = _site(any_engine)
    with unit_of_work(session_factory(any_engine)) as s:
        stock.receive(s, picker, "TEA-1", 1, "A-01-01-1", NOW)
    with pytest.raises(Exception, match="append-only"), any_engine.begin() as conn:
        conn.execute(text("UPDATE stock_ledger SET quantity = 5"))
    with pytest.raises(Exception, match="append-only"), any_engine.begin() as conn:
        conn.execute(text("DELETE FROM stock_ledger"))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_on_hand_equals_the_ledger_after_a_random_sequence_of_operations(engine, seed):
    _admin, sup, picker = _site(engine)
    sessions = session_factory(engine)
    r = random.Random(seed)
    with read_only(sessions) as s:
        bins = [b.code for b in masterdata.bins(s, "HZ01")]
    for _ in range(150):
        sku, bin_a, bin_b = r.choice(["TEA-1", "TEA-2", "CUP-1"]), r.choice(bins), r.choice(bins)
        op = r.choice(["receive", "move", "adjust", "count"])
        try:
            with unit_of_work(sessions) as s:
                if op == "receive":
                    stock.receive(s, picker, sku, r.randint(1, 30), bin_a, NOW)
                elif op == "move":
                    stock.move(s, sup, sku, r.randint(1, 10), bin_a, bin_b, NOW)
                elif op == "adjust":
                    stock.adjust(s, sup, sku, r.choice([-3, -1, 1, 4]), bin_a, r.choice(stock.REASONS), NOW)
                else:
                    c = stock.count(s, sup, sku, r.randint(0, 20), bin_a, NOW)
                    if c.status == "pending":
                        stock.decide_count(s, sup, c.id, r.random() < 0.5, NOW)
        except (Conflict, DomainError):
            pass  # refused (not enough free, same bin): changes nothing
    _ledger_ok(engine)


def test_the_demo_ledger_matches_after_its_waves_were_reserved_and_picked(demo_engine):
    _ledger_ok(demo_engine)


@pytest.mark.postgres
def test_on_hand_equals_the_ledger_under_concurrent_stations_on_postgresql(pg_url):
    engine = make_engine(pg_url)
    _admin, sup, picker = _site(engine)
    sessions = session_factory(engine)
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def station(seed: int) -> None:
        r = random.Random(seed)
        try:
            start.wait()
            for _ in range(40):
                try:
                    with unit_of_work(sessions) as s:
                        if r.random() < 0.5:
                            into = r.choice(["A-01-01-1", "A-01-01-2"])
                            stock.receive(s, picker, "TEA-1", r.randint(1, 5), into, NOW)
                        else:
                            stock.move(s, sup, "TEA-1", r.randint(1, 5), "A-01-01-1", "A-01-01-2", NOW)
                except Conflict:
                    pass
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=station, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    _ledger_ok(engine)
    engine.dispose()
