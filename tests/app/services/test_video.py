"""Packing videos as service mode and the CLI use them: the index of a packed parcel's clip, finding
it by order, tracking or parcel number, playing and exporting it (audited, roles that may), a file
that changed, crash recovery, and retention by days and quota."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.db import read_only, unit_of_work
from app.errors import Conflict, NotFound, PermissionDenied
from app.models.audit import AuditEntry
from app.models.video import PackingClip
from app.services import packing, settings, video
from app.services.packing import Station
from devices.scanner.scan import parse_scan
from tests.app.packing.conftest import barcode, demo_user, make_order

DAY = dt.timedelta(days=1)


@pytest.fixture
def station(demo_ctx, tmp_path) -> Station:
    """The pack station PACK-01 with packer1 signed in, printing into files."""
    printers = {doc: {"uri": f"file:{tmp_path / 'printed'}"} for doc in ("waybill", "invoice")}
    return Station("PACK-01", demo_user(demo_ctx, "packer1"), printers)


def pack(ctx, station, sku="SKU-00008"):
    """A one-item parcel packed at ``station``: (order number, parcel)."""
    number = make_order(ctx, [(sku, 1)])
    with unit_of_work(ctx.sessions) as s:
        parcel = packing.open_parcel(s, station, parse_scan(number), ctx.clock()).parcel
    with unit_of_work(ctx.sessions) as s:
        parcel = packing.scan_item(s, station, parcel, parse_scan(barcode(ctx, sku)), ctx.clock()).parcel
    with unit_of_work(ctx.sessions) as s:
        parcel = packing.weigh(s, station, parcel, Decimal(parcel.expected_g), ctx.clock()).parcel
    return number, parcel


def record(ctx, station, parcel, folder: Path, started: dt.datetime,
           content: bytes = b"\0\0\0\x18ftypmp42", size: int | None = None) -> int:
    """A finished clip of the parcel as the station's camera reports it."""
    with unit_of_work(ctx.sessions) as s:
        path = video.new_clip_file(folder, station.name, parcel.order_number, parcel.package_id, started)
    path.write_bytes(content)
    with unit_of_work(ctx.sessions) as s:
        clip_id = video.begin_clip(s, package_id=parcel.package_id, station=station.name, path=path,
                                   started_at=started)
        video.finish_clip(s, clip_id, ended_at=started + dt.timedelta(seconds=42), frames=630,
                          duration_s=42.0, sha256=hashlib.sha256(content).hexdigest(),
                          size_bytes=size or len(content), gaps=[], reason="packed")
    return clip_id


def audits(ctx, action):
    with read_only(ctx.sessions) as s:
        return s.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


def test_a_parcels_clip_is_found_by_order_tracking_or_parcel_and_exported_for_a_claim(demo_ctx, station,
                                                                                      tmp_path):
    number, parcel = pack(demo_ctx, station)
    started = demo_ctx.clock() - dt.timedelta(minutes=1)
    clip_id = record(demo_ctx, station, parcel, tmp_path / "videos", started)
    agent = demo_user(demo_ctx, "agent1")
    with read_only(demo_ctx.sessions) as s:
        [clip] = video.clips(s, agent, order=number)
        assert video.order_ids_with_clips(s, [parcel.order_id, 999_999]) == {parcel.order_id}
        assert [c.id for c in video.resolve(s, parcel.tracking_number)] == [clip_id]
        assert [c.id for c in video.resolve(s, f"P{parcel.package_id}")] == [clip_id]
        with pytest.raises(NotFound, match="No packing video is kept for NOPE"):
            video.resolve(s, "NOPE")
    assert (clip.order_number, clip.tracking_number) == (number, parcel.tracking_number)
    assert clip.station == "PACK-01"
    assert clip.packer == demo_user(demo_ctx, "packer1").display_name and clip.duration_s == 42.0
    out = tmp_path / "claim"
    with unit_of_work(demo_ctx.sessions) as s:
        done = video.export(s, agent, number, out, station="SERVICE-1", now=demo_ctx.clock())
    [copy] = done.files
    assert copy.read_bytes() == Path(clip.path).read_bytes()
    modes = [p.stat().st_mode & 0o777 for p in (out, copy, done.manifest)]
    assert modes == [0o700, 0o600, 0o600]
    manifest = json.loads(done.manifest.read_text(encoding="utf-8"))
    [entry] = manifest["clips"]
    assert entry["order"] == number and entry["tracking"] == parcel.tracking_number
    assert entry["sha256"] == clip.sha256 == hashlib.sha256(copy.read_bytes()).hexdigest()
    assert entry["packer"] == clip.packer and entry["file"] == copy.name
    assert [a.detail["order"] for a in audits(demo_ctx, "video.export")] == [number]


def test_playing_a_clip_is_audited_and_lists_its_scans_to_jump_to(demo_ctx, station, tmp_path):
    started = demo_ctx.clock() - dt.timedelta(seconds=5)
    number, parcel = pack(demo_ctx, station)
    clip_id = record(demo_ctx, station, parcel, tmp_path, started)
    with unit_of_work(demo_ctx.sessions) as s:
        shown = video.play(s, demo_user(demo_ctx, "agent1"), clip_id, station="SERVICE-1")
    assert shown.problem == ""
    assert [m.kind for m in shown.scans] == ["item", "weight"]
    assert all(4 <= m.offset_s <= 10 for m in shown.scans)
    assert [a.detail["order"] for a in audits(demo_ctx, "video.view")] == [number]


def test_a_packer_may_neither_list_nor_play_nor_export_videos(demo_ctx, station, tmp_path):
    number, parcel = pack(demo_ctx, station)
    clip_id = record(demo_ctx, station, parcel, tmp_path, demo_ctx.clock())
    packer = demo_user(demo_ctx, "packer1")
    with unit_of_work(demo_ctx.sessions) as s:
        for attempt in (lambda: video.clips(s, packer, order=number),
                        lambda: video.play(s, packer, clip_id, station="PACK-01"),
                        lambda: video.export(s, packer, number, tmp_path / "out", station="PACK-01",
                                             now=demo_ctx.clock())):
            with pytest.raises(PermissionDenied, match="may not view and export packing videos"):
                attempt()
    assert not (tmp_path / "out").exists()


def test_a_clip_changed_after_recording_is_not_exported(demo_ctx, station, tmp_path):
    number, parcel = pack(demo_ctx, station)
    record(demo_ctx, station, parcel, tmp_path / "videos", demo_ctx.clock())
    with read_only(demo_ctx.sessions) as s:
        [clip] = video.clips(s, demo_user(demo_ctx, "agent1"), order=number)
    with open(clip.path, "ab") as f:
        f.write(b"edited")
    with pytest.raises(Conflict, match="does not match its index"), unit_of_work(demo_ctx.sessions) as s:
        video.export(s, demo_user(demo_ctx, "agent1"), number, tmp_path / "claim", station="S",
                     now=demo_ctx.clock())
    assert list((tmp_path / "claim").iterdir()) == []
    assert audits(demo_ctx, "video.export") == []


def test_clip_files_are_private_in_a_folder_per_site_day(demo_ctx, tmp_path, monkeypatch):
    monkeypatch.setenv("PACKDESK_TIME_ZONE", "Asia/Shanghai")
    late = dt.datetime(2026, 12, 1, 17, 30, tzinfo=dt.UTC)  # 01:30 the next day in Shanghai
    path = video.new_clip_file(tmp_path, "PACK 01", "PD/1", 7, late)
    assert path.parent.name == "2026-12-02" and path.name == "013000-PACK_01-PD_1-p7.mp4"
    assert (path.stat().st_mode & 0o777, path.parent.stat().st_mode & 0o777) == (0o600, 0o700)
    again = video.new_clip_file(tmp_path, "PACK 01", "PD/1", 7, late)
    assert again != path and again.exists()


def test_retention_deletes_clips_past_their_days_then_the_oldest_beyond_the_quota(demo_ctx, station,
                                                                                   tmp_path):
    now = demo_ctx.clock()
    folder = tmp_path / "videos"
    with unit_of_work(demo_ctx.sessions) as s:
        settings.put(s, "video.retention_days", 30)
        settings.put(s, "video.quota_gb", 1)
    ids = []
    for age_days in (40, 20, 10, 1):
        _number, parcel = pack(demo_ctx, station)
        ids.append(record(demo_ctx, station, parcel, folder, now - age_days * DAY, size=400 * 2**20))
    with unit_of_work(demo_ctx.sessions) as s:
        kept = video.enforce_retention(s, station.name, folder, now)
    assert (kept.purged, kept.kept_bytes) == (2, 800 * 2**20)  # 40 days old, then the oldest of three
    with read_only(demo_ctx.sessions) as s:
        rows = {c.id: c for c in s.scalars(select(PackingClip))}
    assert [rows[i].status for i in ids] == ["purged", "purged", "complete", "complete"]
    assert [Path(rows[i].path).exists() for i in ids] == [False, False, True, True]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        {Path(rows[i].path).parent.name for i in ids[2:]}), "empty day folders go too"
    with unit_of_work(demo_ctx.sessions) as s:
        shown = video.play(s, demo_user(demo_ctx, "agent1"), ids[0], station="S")
    assert shown.problem.startswith("deleted by retention on")


def test_a_clip_a_crash_left_recording_is_closed_from_what_its_file_holds(demo_ctx, station, tmp_path):
    av = pytest.importorskip("av", reason="PyAV is not installed: pip install 'packdesk[video]'")
    from devices.camera.overlay import Overlay
    from devices.camera.recorder import record_test
    from devices.camera.source import CameraProfile

    _number, parcel = pack(demo_ctx, station)
    now = demo_ctx.clock()
    with unit_of_work(demo_ctx.sessions) as s:
        path = video.new_clip_file(tmp_path, station.name, parcel.order_number, parcel.package_id, now)
        clip_id = video.begin_clip(s, package_id=parcel.package_id, station=station.name, path=path,
                                   started_at=now)
    record_test(CameraProfile.from_settings({"source": "test", "size": "320x240"}), path, 1.0, Overlay())
    with unit_of_work(demo_ctx.sessions) as s:
        assert video.recover_interrupted(s, station.name, now) == 0, "a file still growing is left alone"
    os.utime(path, (now.timestamp() - 120, now.timestamp() - 120))
    with unit_of_work(demo_ctx.sessions) as s:
        assert video.recover_interrupted(s, station.name, now) == 1
    with read_only(demo_ctx.sessions) as s:
        clip = s.get(PackingClip, clip_id)
        assert (clip.status, clip.ended_reason) == ("complete", "interrupted")
        assert clip.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    with av.open(str(path)) as c:
        assert clip.frames == sum(1 for _ in c.decode(video=0)) >= 10


def test_the_cli_lists_and_exports_an_orders_clips_as_a_user_who_may(demo_ctx, station, tmp_path, capsys,
                                                                     monkeypatch):
    url = str(demo_ctx.engine.url)
    number, parcel = pack(demo_ctx, station)
    clip_id = record(demo_ctx, station, parcel, tmp_path / "videos", demo_ctx.clock())
    monkeypatch.setenv("PACKDESK_USER", "agent1")
    monkeypatch.setenv("PACKDESK_PASSWORD", "agent123")
    assert main(["video", "list", "--order", number, "--json", "--db", url]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["id"], row["order_number"]) == (clip_id, number)
    assert row["tracking_number"] == parcel.tracking_number
    claim = str(tmp_path / "claim")
    assert main(["video", "export", parcel.tracking_number, "--out", claim, "--db", url]) == 0
    printed = capsys.readouterr().out.split()
    assert [Path(p).suffix for p in printed] == [".mp4", ".json"]
    assert [a.action for a in audits(demo_ctx, "video.list")] == ["video.list"]
    monkeypatch.setenv("PACKDESK_USER", "packer1")
    monkeypatch.setenv("PACKDESK_PASSWORD", "packer123")
    assert main(["video", "list", "--db", url]) == 1
    assert "may not view and export packing videos" in capsys.readouterr().err
