"""Cycle count of a bin by scanning; a variance above the threshold waits for a supervisor, who
approves or rejects it in the approval list."""

from __future__ import annotations

from app.db import read_only, unit_of_work
from app.services import stock
from devices.scanner.scan import parse_scan
from tests.ui.stock.conftest import CUP_1, TEA_1
from ui.stock.count import ApprovalsView, CountView


def _stocked(ctx) -> None:
    with unit_of_work(ctx.sessions) as s:
        stock.receive(s, ctx.user, "TEA-1", 3, "A-01-01-1", ctx.clock())
        stock.receive(s, ctx.user, "TEA-2", 20, "A-01-01-1", ctx.clock())


def _on_hand(ctx) -> dict[str, int]:
    with read_only(ctx.sessions) as s:
        return {r.sku: r.on_hand for r in stock.on_hand(s) if r.bin == "A-01-01-1"}


def test_a_bin_is_counted_by_scanning_and_a_big_variance_waits_for_approval(qtbot, site):
    _stocked(site.supervisor)
    count = CountView(site.supervisor)
    qtbot.addWidget(count)
    count.handle_scan(parse_scan(TEA_1))
    assert "Scan the bin you count first" in count.banner.text()
    count.handle_scan(parse_scan("A-01-01-1"))
    assert count.lines.rowCount() == 2 and count.lines.item(0, 2).text() == "3"
    for code in (TEA_1, TEA_1, TEA_1, TEA_1, CUP_1):  # one tin more than on record, a cup not on record
        count.handle_scan(parse_scan(code))
    assert [count.lines.item(r, 0).text() for r in range(3)] == ["CUP-1", "TEA-1", "TEA-2"]
    assert count.lines.item(1, 4).text() == "+1" and count.lines.item(2, 4).text() == "-20"  # TEA-2 unseen
    count.handle_scan(parse_scan("A-02-01-1"))  # another bin before this one is finished: refused
    assert "Finish bin A-01-01-1 first" in count.banner.text()
    count.finish()
    assert "Bin A-01-01-1 counted: 2 applied, 1 wait for a supervisor's approval" in count.banner.text()
    assert count.lines.item(2, 5).text() == "waits for approval" and not count.finish_button.isEnabled()
    assert _on_hand(site.supervisor) == {"TEA-1": 4, "TEA-2": 20, "CUP-1": 1}

    approvals = ApprovalsView(site.supervisor)
    qtbot.addWidget(approvals)
    assert approvals.table.rowCount() == 1 and approvals.table.item(0, 6).text() == "-20"
    assert approvals.table.item(0, 1).text() == "HZ01 A-01-01-1"  # bin codes repeat across warehouses
    approvals.decide(False)
    assert "rejected: A-01-01-1 keeps its stock" in approvals.banner.text()
    assert approvals.table.rowCount() == 0 and _on_hand(site.supervisor)["TEA-2"] == 20


def test_a_full_carton_is_set_not_scanned_and_approval_applies_it(qtbot, site):
    _stocked(site.supervisor)
    count = CountView(site.supervisor)
    qtbot.addWidget(count)
    count.handle_scan(parse_scan("A-01-01-1"))
    count.handle_scan(parse_scan(TEA_1))
    count.set_count.setValue(3)
    count.handle_scan(parse_scan("6901234567885"))
    count.set_count.setValue(12)  # a carton of 12 where the record says 20
    count.finish()
    approvals = ApprovalsView(site.supervisor)
    qtbot.addWidget(approvals)
    approvals.decide(True)
    assert "approved: A-01-01-1 now holds 12 × TEA-2" in approvals.banner.text()
    assert _on_hand(site.supervisor) == {"TEA-1": 3, "TEA-2": 12}

