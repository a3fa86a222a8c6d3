"""Exception details read in Chinese: what the station services store as English sentences (a wrong
item at packing, an extra item or a wrong weight at verify) is worded in zh_CN on the exceptions
and verify screens; a note a person typed stays as written."""

from __future__ import annotations

from decimal import Decimal

from app.db import unit_of_work
from app.models.fulfilment import ExceptionKind
from app.services import exceptions
from devices.scale.base import WeightReading
from devices.scanner.scan import parse_scan
from tests.app.services.test_verify import packed, sample
from tests.support.station_world import barcode, make_order
from ui.station.exceptions import ExceptionsView
from ui.station.pack import PackView
from ui.station.verify import VerifyView


def _details(qtbot, ctx) -> list[str]:
    view = ExceptionsView(ctx)
    qtbot.addWidget(view)
    return [view.table.item(r, 4).text() for r in range(view.table.rowCount())]


def test_a_wrong_item_at_packing_reads_in_chinese(qtbot, demo_ctx, chinese):
    number = make_order(demo_ctx, [("SKU-00001", 1)])
    pack = PackView(demo_ctx)
    qtbot.addWidget(pack)
    pack.handle_scan(parse_scan(number))
    stranger = barcode(demo_ctx, "SKU-00003")
    pack.handle_scan(parse_scan(stranger))
    wrong = next(d for d in _details(qtbot, demo_ctx) if stranger in d)
    assert wrong.startswith(f"扫描了 {stranger}（") and wrong.endswith("不在订单中")


def test_a_failed_verify_reads_in_chinese_on_the_banner(qtbot, demo_ctx, station, chinese):
    sample(demo_ctx, 100)
    tracking, grams = packed(demo_ctx, station)
    view = VerifyView(demo_ctx)
    qtbot.addWidget(view)
    view.handle_scan(parse_scan(tracking))
    view.handle_scan(parse_scan(barcode(demo_ctx, "SKU-00001")))
    view.handle_weight(WeightReading(Decimal(grams) + 300, True))
    assert view.banner.level == "error"
    assert f"复称 {Decimal(grams) + 300} 克，打包时" in view.banner.text()
    assert "re-weighed" not in view.banner.text()
    assert any(d.startswith("复称 ") for d in _details(qtbot, demo_ctx))


def test_a_typed_note_stays_as_written(qtbot, demo_ctx, chinese):
    with unit_of_work(demo_ctx.sessions) as s:
        exceptions.report(s, demo_ctx.user, ExceptionKind.DAMAGED, "box crushed by forklift",
                          station="PACK-01", now=demo_ctx.clock())
    assert "box crushed by forklift" in _details(qtbot, demo_ctx)
