"""The hot-folder job, run by a worker again and again: each file is imported at the time of the run
that found it, and its report is written in the station's language."""

from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import select

from app.db import read_only, session_factory
from app.jobs.hot_folder import for_folder
from app.models.orders import Order
from tests.app.services.intake.test_orders import order_row, write_csv

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def _settled(job, factory, now):
    """What a run says once the dropped files have stopped changing for the settle time (1 s)."""
    deadline = time.monotonic() + 10
    while (said := job(factory, now)) == "no new files" and time.monotonic() < deadline:
        time.sleep(0.2)
    return said


def test_each_run_imports_with_its_own_time(demo_engine, tmp_path):
    factory = session_factory(demo_engine)
    tmp_path = tmp_path / "hot"
    tmp_path.mkdir()
    job = for_folder(str(tmp_path))
    write_csv(tmp_path / "morning.csv", [order_row("HOT-AM")])
    assert _settled(job, factory, T0) == "1 file(s), 0 failed"
    write_csv(tmp_path / "afternoon.csv", [order_row("HOT-PM")])
    later = T0 + dt.timedelta(hours=5)
    assert _settled(job, factory, later) == "1 file(s), 0 failed"
    with read_only(factory) as s:
        created = dict(s.execute(select(Order.channel_ref, Order.updated_at)
                                 .where(Order.channel_ref.in_(["HOT-AM", "HOT-PM"]))).all())
    assert created == {"HOT-AM": T0, "HOT-PM": later}  # the job made at 09:00 no longer dates all at 09:00


def test_a_chinese_stations_reports_are_in_chinese(demo_engine, tmp_path):
    factory = session_factory(demo_engine)
    tmp_path = tmp_path / "hot"
    tmp_path.mkdir()
    job = for_folder(str(tmp_path), "zh_CN")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "latin1.csv").write_bytes("channel,order_ref\ntmall,Müller\n".encode("latin-1"))
    write_csv(tmp_path / "good.csv", [order_row("HOT-ZH")])
    assert _settled(job, factory, T0) == "3 file(s), 2 failed"
    not_text = (tmp_path / "failed" / "latin1.csv.report.txt").read_text(encoding="utf-8")
    assert not_text.startswith("未导入：latin1.csv 不是 UTF-8 文本"), not_text  # not its private copy
    failed = (tmp_path / "failed" / "empty.csv.report.txt").read_text(encoding="utf-8")
    done = (tmp_path / "done" / "good.csv.report.txt").read_text(encoding="utf-8")
    assert "第 1 行" in failed and "empty" not in failed, failed
    assert "1" in done and not any(w in done for w in ("created", "rejected")), done
