"""A new site's commands show and print times in the zone given to ``packdesk init``, also on a
server whose own zone is UTC and whose station settings name none."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.cli import main


def test_print_jobs_are_listed_in_the_zone_the_site_was_set_up_with(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("PACKDESK_TIME_ZONE", raising=False)
    db = ["--db", f"sqlite:///{tmp_path / 'site.sqlite'}"]
    pw = tmp_path / "admin.pw"
    pw.write_text("first-admin-1\n", encoding="utf-8")
    assert main(["init", *db, "--admin", "boss", "--password-file", str(pw), "--name", "西湖茶具",
                 "--return-address", "杭州市文三路 9 号", "--time-zone", "Asia/Shanghai"]) == 0
    monkeypatch.setenv("PACKDESK_USER", "boss")
    monkeypatch.setenv("PACKDESK_PASSWORD", "first-admin-1")
    assert main(["users", "add", "lin", "--role", "picker", "--password-file", str(pw), *db]) == 0
    assert main(["users", "badge-label", "lin", "--printer", "files", *db]) == 0
    capsys.readouterr()
    before = dt.datetime.now(ZoneInfo("Asia/Shanghai"))
    assert main(["print-jobs", "list", *db]) == 0
    after = dt.datetime.now(ZoneInfo("Asia/Shanghai"))
    listed = capsys.readouterr().out
    assert any(t.strftime("%Y-%m-%d %H:%M") in listed for t in (before, after)), listed


def test_a_command_run_in_process_leaves_the_zone_as_it_found_it(tmp_path, monkeypatch):
    from app import timezone

    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("PACKDESK_TIME_ZONE", raising=False)
    db = ["--db", f"sqlite:///{tmp_path / 'site.sqlite'}"]
    pw = tmp_path / "admin.pw"
    pw.write_text("first-admin-1\n", encoding="utf-8")
    assert main(["init", *db, "--admin", "boss", "--password-file", str(pw), "--name", "西湖茶具",
                 "--return-address", "杭州市文三路 9 号", "--time-zone", "Asia/Shanghai"]) == 0
    monkeypatch.setenv("PACKDESK_USER", "boss")
    monkeypatch.setenv("PACKDESK_PASSWORD", "first-admin-1")
    assert main(["users", "list", *db]) == 0
    assert timezone.fmt(dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.UTC)) == "2026-12-01 14:00"
