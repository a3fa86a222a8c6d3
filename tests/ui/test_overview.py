"""The overview counts what other desks do without a click on Refresh."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel

from app.db import unit_of_work
from app.services import customers, tickets
from app.services.tickets import ContactChannel
from ui.overview import OverviewPage


def _count(page: OverviewPage, key: str) -> int:
    tile = page.findChild(QFrame, f"tile_{key}")
    return int(tile.findChild(QLabel, "count").text().replace(",", ""))


def test_a_ticket_opened_at_another_desk_shows_up_on_its_own(qtbot, demo_ctx):
    page = OverviewPage(demo_ctx, interval_ms=50)
    qtbot.addWidget(page)
    page.show()
    before = _count(page, "open_tickets")
    with unit_of_work(demo_ctx.sessions) as s:  # an agent somewhere else opens a ticket
        cid = customers.search(s, "张").matches[0].customer_id
        tickets.open_ticket(s, demo_ctx.user, customer_id=cid, subject="发票", channel=ContactChannel.CHAT,
                            now=demo_ctx.clock(), body="请开发票")
    qtbot.waitUntil(lambda: _count(page, "open_tickets") == before + 1, timeout=3000)


def test_a_parcel_packed_at_a_station_counts_as_packed_today_without_a_click(qtbot, demo_ctx, tmp_path):
    from app.services.packing import Station
    from tests.app.services.test_verify import packed
    from tests.support.station_world import demo_user

    page = OverviewPage(demo_ctx, interval_ms=50)
    qtbot.addWidget(page)
    page.show()
    before = _count(page, "packed_today")
    printers = {"waybill": {"uri": f"file:{tmp_path / 'out'}"}}
    packer = Station("PACK-02", demo_user(demo_ctx, "packer1"), printers)
    packed(demo_ctx, packer)
    qtbot.waitUntil(lambda: _count(page, "packed_today") == before + 1, timeout=3000)
