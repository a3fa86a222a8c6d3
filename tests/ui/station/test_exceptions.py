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
