"""The exceptions desk: a supervisor picks an exception, chooses what was done, and resolves it."""

from __future__ import annotations

import pytest

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


def _names(ctx, sku: str) -> tuple[str, str]:
    from app.db import read_only
    from app.services import catalog

    with read_only(ctx.sessions) as s:
        p = catalog.search_products(s, sku)[0]
    return p.name, p.name_en


def _detail_of(qtbot, ctx, code: str) -> str:
    desk = ExceptionsView(ctx)
    qtbot.addWidget(desk)
    return next(desk.table.item(r, 4).text() for r in range(desk.table.rowCount())
                if code in desk.table.item(r, 4).text())


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_wrong_item_names_the_product_in_the_desks_language(qtbot, qapp, demo_ctx, language):
    from devices.scanner.scan import parse_scan
    from tests.support.station_world import barcode, make_order
    from ui.i18n import Translations
    from ui.station.pack import PackView

    pack = PackView(demo_ctx)
    qtbot.addWidget(pack)
    pack.handle_scan(parse_scan(make_order(demo_ctx, [("SKU-00001", 1)])))
    stranger = barcode(demo_ctx, "SKU-00003")
    pack.handle_scan(parse_scan(stranger))  # the packer scans an item the order does not have
    name, name_en = _names(demo_ctx, "SKU-00003")
    assert name_en and name_en != name
    Translations.for_app(qapp).install(language)
    try:
        shown = _detail_of(qtbot, demo_ctx, stranger)
    finally:
        Translations.for_app(qapp).install("en")
    if language == "en":
        assert shown == f"scanned {stranger} ({name_en}), not in the order"
    else:
        assert shown == f"扫描了 {stranger}（{name}），不在订单中"


def test_an_old_wrong_item_row_with_a_chinese_name_reads_in_english(qtbot, demo_ctx):
    from tests.support.station_world import barcode

    code = barcode(demo_ctx, "SKU-00003")
    name, name_en = _names(demo_ctx, "SKU-00003")
    _raise(demo_ctx, f"scanned {code} ({name}), not in the order")  # as rows were stored before
    gone = "scanned 0000000000017 (某个旧商品), not in the order"  # a product no longer known
    _raise(demo_ctx, gone)
    assert _detail_of(qtbot, demo_ctx, code) == f"scanned {code} ({name_en}), not in the order"
    assert _detail_of(qtbot, demo_ctx, "0000000000017") == gone
