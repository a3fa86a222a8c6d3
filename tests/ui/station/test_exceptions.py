"""The exceptions desk: a supervisor picks an exception, chooses what was done, and resolves it."""

from __future__ import annotations

from app.db import unit_of_work
from app.models.fulfilment import ExceptionKind
from app.services import exceptions
from ui.station.exceptions import ExceptionsView


def _raise(ctx, detail: str) -> None:
    with unit_of_work(ctx.sessions) as s:
        exceptions.report(s, ctx.user, ExceptionKind.DAMAGED, detail, station="PACK-01", now=ctx.clock())


def test_a_refresh_keeps_the_exception_being_resolved(qtbot, demo_ctx):
    _raise(demo_ctx, "box crushed by forklift")
    view = ExceptionsView(demo_ctx)
    qtbot.addWidget(view)
    view.table.selectRow(next(r for r, e in enumerate(view.rows) if e.detail == "box crushed by forklift"))
    _raise(demo_ctx, "tape torn")  # another station raises one meanwhile
    view.refresh()
    chosen = view.selected()
    assert chosen is not None and chosen.detail == "box crushed by forklift"
    assert view.table.selectionModel().isRowSelected(view.table.currentRow())


def test_a_short_pick_on_the_pda_shows_the_pda_as_its_station(qtbot, demo_ctx):
    from dataclasses import replace

    from app.db import read_only
    from app.services import stock, waves
    from devices.scanner.scan import parse_scan
    from ui.station.pick import PickView

    pda = replace(demo_ctx, settings=replace(demo_ctx.settings, station="PDA-03"))
    with unit_of_work(pda.sessions) as s:
        waves.plan_waves(s, pda.user, pda.clock())
    pick = PickView(pda)
    qtbot.addWidget(pick)
    pick.start_selected_wave()
    step = pick.step
    assert step is not None
    with unit_of_work(pda.sessions) as s:  # no other bin can make it up: the order is held
        for row in stock.on_hand(s, step.sku):
            if row.bin != step.bin_code and row.free > 0:
                stock.adjust(s, pda.user, step.sku, -row.free, row.bin, "lost", pda.clock(),
                             warehouse=row.warehouse)
    pick.handle_scan(parse_scan(step.bin_code))
    pick.short(0, "empty_bin")  # the picker presses Short at the empty bin
    with read_only(demo_ctx.sessions) as s:
        assert any(e.order_number == step.order_number for e in exceptions.open_exceptions(s))
    desk = ExceptionsView(demo_ctx)
    qtbot.addWidget(desk)
    desk.select_order(step.order_number)
    row = desk.table.currentRow()
    assert desk.table.item(row, 2).text() == step.order_number
    assert desk.table.item(row, 3).text() == "PDA-03"
