"""Packing videos as service mode and the CLI use them: the index of a packed parcel's clip, finding
it by order, tracking or parcel number, playing and exporting it (audited, roles that may), a file
that changed, crash recovery, and retention by days and quota."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.context import AppContext, CurrentUser
from app.db import read_only, unit_of_work
from app.errors import Conflict, NotFound, PermissionDenied
from app.models.accounts import Role, User
from app.models.audit import AuditEntry
from app.models.fulfilment import Package, PackageStatus, PackEvent, Shipment
from app.models.orders import Channel, Customer, Order
from app.models.video import PackingClip
from app.services import settings, video
from app.services.auth import hash_password
from tests.conftest import make_ctx

DAY = dt.timedelta(days=1)
_serial = itertools.count(1)


@dataclass(frozen=True)
class Packed:
    order_number: str
    order_id: int
    package_id: int
    tracking_number: str


@dataclass(frozen=True)
class Site:
    ctx: AppContext
    packer: CurrentUser
    agent: CurrentUser


@pytest.fixture
def site(engine) -> Site:
    """A fresh database with a packer and an agent (passwords packer123 / agent123)."""
    users = {}
    with unit_of_work(make_ctx(engine).sessions) as s:
        for name, role in (("packer1", Role.PACKER), ("agent1", Role.AGENT)):
            user = User(username=name, display_name=name.title(), role=role,
                        password_hash=hash_password(name[:-1] + "123"))
            s.add(user)
            s.flush()
            users[name] = CurrentUser(user.id, name, user.display_name, role)
    return Site(make_ctx(engine), users["packer1"], users["agent1"])


def pack(site: Site, packed_at: dt.datetime | None = None) -> tuple[str, Packed]:
    """A parcel packed at PACK-01 by packer1: an item scanned 5 s and weighed 7 s after it opened."""
    n = next(_serial)
    opened = (packed_at or site.ctx.clock()) - dt.timedelta(seconds=10)
    with unit_of_work(site.ctx.sessions) as s:
        customer = Customer(name=f"Customer {n}")
        s.add(customer)
        s.flush()
        order = Order(number=f"PD{n:010d}", channel=Channel.TMALL, channel_ref=f"T{n}",
                      customer_id=customer.id)
        s.add(order)
        s.flush()
        package = Package(order_id=order.id, station="PACK-01", packer_id=site.packer.id,
                          status=PackageStatus.PACKED, started_at=opened,
                          packed_at=opened + dt.timedelta(seconds=7))
        s.add(package)
        s.flush()
        s.add(Shipment(order_id=order.id, package_id=package.id, carrier="SF", tracking_number=f"SF{n:012d}",
                       created_at=opened + dt.timedelta(seconds=7)))
        s.add_all([PackEvent(package_id=package.id, at=opened + dt.timedelta(seconds=5), kind="item",
                             code="6901234567892", verdict="ok", user_id=site.packer.id),
                   PackEvent(package_id=package.id, at=opened + dt.timedelta(seconds=7), kind="weight",
                             verdict="ok", grams=Decimal(812), user_id=site.packer.id)])
        done = Packed(order.number, order.id, package.id, f"SF{n:012d}")
    return done.order_number, done


def record(site: Site, parcel: Packed, folder: Path, started: dt.datetime,
           content: bytes = b"\0\0\0\x18ftypmp42", size: int | None = None) -> int:
    """A finished clip of the parcel as the station's camera reports it."""
    path = video.new_clip_file(folder, "PACK-01", parcel.order_number, parcel.package_id, started)
    path.write_bytes(content)
    with unit_of_work(site.ctx.sessions) as s:
        clip_id = video.begin_clip(s, package_id=parcel.package_id, station="PACK-01", path=path,
                                   root=folder, started_at=started)
        video.finish_clip(s, clip_id, ended_at=started + dt.timedelta(seconds=42), frames=630,
                          duration_s=42.0, sha256=hashlib.sha256(content).hexdigest(),
                          size_bytes=size or len(content), gaps=[], reason="packed")
    return clip_id


def audits(ctx, action):
    with read_only(ctx.sessions) as s:
        return s.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


def test_a_parcels_clip_is_found_by_order_tracking_or_parcel_and_exported_for_a_claim(site, tmp_path):
    number, parcel = pack(site)
    started = site.ctx.clock() - dt.timedelta(minutes=1)
    root = tmp_path / "videos"
    clip_id = record(site, parcel, root, started)
    agent = site.agent
    with read_only(site.ctx.sessions) as s:
        [clip] = video.clips(s, agent, order=number)
        assert video.order_ids_with_clips(s, [parcel.order_id, 999_999]) == {parcel.order_id}
        assert [c.id for c in video.resolve(s, parcel.tracking_number)] == [clip_id]
        assert [c.id for c in video.resolve(s, f"P{parcel.package_id}")] == [clip_id]
        with pytest.raises(NotFound, match="No packing video is kept for NOPE"):
            video.resolve(s, "NOPE")
    assert (clip.order_number, clip.tracking_number) == (number, parcel.tracking_number)
    assert clip.station == "PACK-01"
    assert clip.packer == site.packer.display_name and clip.duration_s == 42.0
    out = tmp_path / "claim"
    with unit_of_work(site.ctx.sessions) as s:
        done = video.export(s, agent, number, out, station="SERVICE-1", now=site.ctx.clock(), root=root)
    [copy] = done.files
    assert copy.read_bytes() == clip.file(root).read_bytes()
    modes = [p.stat().st_mode & 0o777 for p in (out, copy, done.manifest)]
    assert modes == [0o700, 0o600, 0o600]
    manifest = json.loads(done.manifest.read_text(encoding="utf-8"))
    [entry] = manifest["clips"]
    assert entry["order"] == number and entry["tracking"] == parcel.tracking_number
    assert entry["sha256"] == clip.sha256 == hashlib.sha256(copy.read_bytes()).hexdigest()
    assert entry["packer"] == clip.packer and entry["file"] == copy.name
    assert [a.detail["order"] for a in audits(site.ctx, "video.export")] == [number]


def test_playing_a_clip_is_audited_and_lists_its_scans_to_jump_to(site, tmp_path):
    started = site.ctx.clock() - dt.timedelta(seconds=10)  # the parcel opened: its scans come 5 and 7 s in
    number, parcel = pack(site)
    clip_id = record(site, parcel, tmp_path, started)
    with unit_of_work(site.ctx.sessions) as s:
        shown = video.play(s, site.agent, clip_id, station="SERVICE-1", root=tmp_path)
    assert shown.problem == ""
    assert [m.kind for m in shown.scans] == ["item", "weight"]
    assert [round(m.offset_s) for m in shown.scans] == [5, 7]
    assert [a.detail["order"] for a in audits(site.ctx, "video.view")] == [number]


def test_a_packer_may_neither_list_nor_play_nor_export_videos(site, tmp_path):
    number, parcel = pack(site)
    clip_id = record(site, parcel, tmp_path, site.ctx.clock())
    packer = site.packer
    with unit_of_work(site.ctx.sessions) as s:
        for attempt in (lambda: video.clips(s, packer, order=number),
                        lambda: video.play(s, packer, clip_id, station="PACK-01", root=tmp_path),
                        lambda: video.export(s, packer, number, tmp_path / "out", station="PACK-01",
                                             now=site.ctx.clock(), root=tmp_path)):
            with pytest.raises(PermissionDenied, match="may not view and export packing videos"):
                attempt()
    assert not (tmp_path / "out").exists()


def test_a_clip_changed_after_recording_is_not_exported(site, tmp_path):
    number, parcel = pack(site)
    root = tmp_path / "videos"
    record(site, parcel, root, site.ctx.clock())
    with read_only(site.ctx.sessions) as s:
        [clip] = video.clips(s, site.agent, order=number)
    with open(clip.file(root), "ab") as f:
        f.write(b"edited")
    with pytest.raises(Conflict, match="does not match its index"), unit_of_work(site.ctx.sessions) as s:
        video.export(s, site.agent, number, tmp_path / "claim", station="S", now=site.ctx.clock(), root=root)
    assert list((tmp_path / "claim").iterdir()) == []
    assert audits(site.ctx, "video.export") == []


def test_clip_files_are_private_in_a_folder_per_site_day(site, tmp_path, monkeypatch):
    monkeypatch.setenv("PACKDESK_TIME_ZONE", "Asia/Shanghai")
    late = dt.datetime(2026, 12, 1, 17, 30, tzinfo=dt.UTC)  # 01:30 the next day in Shanghai
    path = video.new_clip_file(tmp_path, "PACK 01", "PD/1", 7, late)
    assert path.parent.name == "2026-12-02" and path.name == "013000-PACK_01-PD_1-p7.mp4"
    assert (path.stat().st_mode & 0o777, path.parent.stat().st_mode & 0o777) == (0o600, 0o700)
    again = video.new_clip_file(tmp_path, "PACK 01", "PD/1", 7, late)
    assert again != path and again.exists()


def test_retention_deletes_clips_past_their_days_then_the_oldest_beyond_the_quota(site, tmp_path):
    now = site.ctx.clock()
    folder = tmp_path / "videos"
    with unit_of_work(site.ctx.sessions) as s:
        settings.put(s, "video.retention_days", 30)
        settings.put(s, "video.quota_gb", 1)
    ids = []
    for age_days in (40, 20, 10, 1):
        _number, parcel = pack(site)
        ids.append(record(site, parcel, folder, now - age_days * DAY, size=400 * 2**20))
    with unit_of_work(site.ctx.sessions) as s:
        kept = video.enforce_retention(s, "PACK-01", folder, now)
    assert (kept.purged, kept.kept_bytes) == (2, 800 * 2**20)  # 40 days old, then the oldest of three
    with read_only(site.ctx.sessions) as s:
        rows = {c.id: c for c in s.scalars(select(PackingClip))}
    assert [rows[i].status for i in ids] == ["purged", "purged", "complete", "complete"]
    assert [video.clip_file(folder, rows[i].path).exists() for i in ids] == [False, False, True, True]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        {Path(rows[i].path).parent.name for i in ids[2:]}), "empty day folders go too"
    with unit_of_work(site.ctx.sessions) as s:
        shown = video.play(s, site.agent, ids[0], station="S", root=folder)
    assert shown.problem.startswith("deleted by retention on")


def test_a_clip_a_crash_left_recording_is_closed_from_what_its_file_holds(site, tmp_path):
    av = pytest.importorskip("av", reason="PyAV is not installed: pip install 'packdesk[video]'")
    from devices.camera.overlay import Overlay
    from devices.camera.recorder import record_test
    from devices.camera.source import CameraProfile

    _number, parcel = pack(site)
    now = site.ctx.clock()
    with unit_of_work(site.ctx.sessions) as s:
        path = video.new_clip_file(tmp_path, "PACK-01", parcel.order_number, parcel.package_id, now)
        clip_id = video.begin_clip(s, package_id=parcel.package_id, station="PACK-01", path=path,
                                   root=tmp_path, started_at=now)
    record_test(CameraProfile.from_settings({"source": "test", "size": "320x240"}), path, 1.0, Overlay())
    with unit_of_work(site.ctx.sessions) as s:
        assert video.recover_interrupted(s, "PACK-01", now, root=tmp_path) == 0, "a growing file stays"
    os.utime(path, (now.timestamp() - 120, now.timestamp() - 120))
    with unit_of_work(site.ctx.sessions) as s:
        assert video.recover_interrupted(s, "PACK-01", now, root=tmp_path) == 1
    with read_only(site.ctx.sessions) as s:
        clip = s.get(PackingClip, clip_id)
        assert (clip.status, clip.ended_reason) == ("complete", "interrupted")
        assert clip.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    with av.open(str(path)) as c:
        assert clip.frames == sum(1 for _ in c.decode(video=0)) >= 10


def test_the_cli_lists_and_exports_an_orders_clips_as_a_user_who_may(site, tmp_path, capsys,
                                                                     monkeypatch):
    url = str(site.ctx.engine.url)
    number, parcel = pack(site)
    clip_id = record(site, parcel, video.folder_for({}), site.ctx.clock())  # the data folder's videos/
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
    assert [a.action for a in audits(site.ctx, "video.list")] == ["video.list"]
    monkeypatch.setenv("PACKDESK_USER", "packer1")
    monkeypatch.setenv("PACKDESK_PASSWORD", "packer123")
    assert main(["video", "list", "--db", url]) == 1
    assert "may not view and export packing videos" in capsys.readouterr().err


def test_a_station_with_a_camera_runs_the_retention_job_on_its_own_folder(site, tmp_path):
    from app.config import StationSettings
    from app.jobs import station_jobs

    folder = tmp_path / "videos"
    assert not [j for j in station_jobs(StationSettings(station="PACK-01")) if j.name.startswith("video@")]
    cfg = StationSettings(station="PACK-01", devices={"camera": {"source": "test", "folder": str(folder)}})
    [job] = [j for j in station_jobs(cfg) if j.name == "video@PACK-01"]
    _number, parcel = pack(site)
    old = record(site, parcel, folder, site.ctx.clock() - 100 * DAY)
    assert job.run(site.ctx.sessions, site.ctx.clock()).startswith("purged 1 clip(s)")
    with read_only(site.ctx.sessions) as s:
        assert s.get(PackingClip, old).status == "purged"


def test_a_clip_stays_playable_when_the_data_folder_moves_or_a_backup_is_restored_elsewhere(site, tmp_path):
    import shutil

    number, parcel = pack(site)
    old_root = tmp_path / "data" / "videos"
    clip_id = record(site, parcel, old_root, site.ctx.clock())
    with read_only(site.ctx.sessions) as s:
        stored = s.get(PackingClip, clip_id).path
    assert not Path(stored).is_absolute() and Path(stored).parent.name == parcel_day(site)
    shutil.move(tmp_path / "data", tmp_path / "restored")
    new_root = tmp_path / "restored" / "videos"
    with unit_of_work(site.ctx.sessions) as s:
        shown = video.play(s, site.agent, clip_id, station="S", root=new_root)
        done = video.export(s, site.agent, number, tmp_path / "claim", station="S", now=site.ctx.clock(),
                            root=new_root)
    assert shown.problem == "" and shown.file == new_root / stored and shown.file.is_file()
    assert done.files[0].read_bytes() == shown.file.read_bytes()
    with unit_of_work(site.ctx.sessions) as s:
        gone = video.play(s, site.agent, clip_id, station="S", root=old_root)
    assert gone.problem == f"the file is not reachable from this computer: {old_root / stored}"


def parcel_day(site: Site) -> str:
    from app import timezone

    return timezone.local(site.ctx.clock()).strftime("%Y-%m-%d")


def test_the_upgrade_keeps_clips_indexed_by_absolute_path_relative_to_their_day_folder(site, tmp_path):
    from alembic import command
    from sqlalchemy import text, update

    from app.db import _alembic_config, current_revision

    root = tmp_path / "videos"
    ids = [record(site, pack(site)[1], root, site.ctx.clock()) for _ in range(2)]
    with read_only(site.ctx.sessions) as s:
        relative = s.get(PackingClip, ids[0]).path
    with unit_of_work(site.ctx.sessions) as s:  # as the stations before this version wrote them
        s.execute(update(PackingClip).where(PackingClip.id == ids[0]).values(path=str(root / relative)))
        s.execute(update(PackingClip).where(PackingClip.id == ids[1]).values(path="/mnt/camera/loose.mp4"))
    engine = site.ctx.engine
    head = current_revision(engine)
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '0011'"))
    command.upgrade(_alembic_config(engine), "0012")  # this migration alone: later ones made their tables
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
    with read_only(site.ctx.sessions) as s:
        paths = [s.get(PackingClip, i).path for i in ids]
    assert paths == [relative, "/mnt/camera/loose.mp4"], "a path with no day folder is left as it was"
