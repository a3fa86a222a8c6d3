"""One instant, one reading: the screen and the printed document show the site's local time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import Engine, select

from app import timezone
from app.config import StationSettings
from app.context import AppContext
from app.db import read_only
from app.models.fulfilment import Shipment
from app.services import documents
from printing.documents import render_waybill
from ui.app import Shell

AT = dt.datetime(2026, 11, 23, 8, 28, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _os_zone_again() -> Iterator[None]:
    yield
    timezone.configure(None)


def _screen_and_waybill(qtbot, engine: Engine, zone: str) -> tuple[str, str]:
    settings = StationSettings(station="PACK-01", language="en", time_zone=zone)
    shell = Shell(AppContext(engine=engine, settings=settings, clock=lambda: AT), settings)
    try:
        login = shell.show_login()
        login.username.setText("admin")
        login.password.setText("admin123")
        with qtbot.waitSignal(login.signed_in, timeout=3000):
            login.sign_in.click()
        screen = shell.main.findChild(QLabel, "as_of").text()
        with read_only(shell.ctx.sessions) as s:
            ref = s.scalar(select(Shipment.tracking_number).order_by(Shipment.id).limit(1))
            snapshot = documents.waybill(s, ref, AT)
    finally:
        shell.close()
    pdf = pdfium.PdfDocument(render_waybill(snapshot))
    return screen, pdf[0].get_textpage().get_text_range()


def test_the_screen_and_the_waybill_show_the_same_local_time(qtbot, demo_engine):
    screen, waybill = _screen_and_waybill(qtbot, demo_engine, "Asia/Shanghai")
    assert screen == "As of 2026-11-23 16:28"  # not the stored 08:28 UTC
    assert "2026-11-23 16:28" in waybill


def test_a_site_outside_china_reads_its_own_clock_on_screen_and_paper(qtbot, demo_engine):
    screen, waybill = _screen_and_waybill(qtbot, demo_engine, "Europe/Berlin")
    assert screen == "As of 2026-11-23 09:28"
    assert "2026-11-23 09:28" in waybill
