"""Packing videos: where a station's clips go, their index (parcel, file, start, end, duration,
SHA-256, gaps), finding them from an order for service mode, playing and exporting them for a
marketplace claim (audited, for roles that may), and retention by days and disk quota.

The camera itself is ``devices.camera``; this module never touches frames. Clips are personal
data (faces, addresses on labels): files 0600 in folders 0700, views and exports audited.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import timezone
from app.config import StationSettings, data_dir
from app.errors import Conflict, DomainError, NotFound
from app.files import create_private, private_dir
from app.models.accounts import User
from app.models.fulfilment import Package, PackEvent, Shipment
from app.models.orders import Order
from app.models.video import PackingClip
from app.permissions import require
from app.services import audit, settings

if TYPE_CHECKING:
    from app.context import CurrentUser

PERMISSION = "service.video"
GB = 1024**3
_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]+")
_PARCEL_REF = re.compile(r"^(?:#|P|p)?(\d{1,12})$")


@dataclass(frozen=True)
class ClipView:
    id: int
    package_id: int
    order_id: int
    order_number: str
    tracking_number: str
    station: str
    packer: str
    path: str  # as the index holds it: relative to the video root (absolute only for old clips)
    status: str  # recording / complete / failed / purged
    ended_reason: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    duration_s: float | None
    frames: int | None
    size_bytes: int | None
    sha256: str
    gaps: tuple[dict[str, str], ...]
    purged_at: dt.datetime | None

    def file(self, root: Path) -> Path:
        """The clip's file on this computer, whose video root is ``root``."""
        return clip_file(root, self.path)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key in ("started_at", "ended_at", "purged_at"):
            out[key] = timezone.fmt(out[key], "iso") or None
        out["gaps"] = list(self.gaps)
        return out


@dataclass(frozen=True)
class ScanMark:
    """A scan or weight during the clip, where the player jumps to it."""

    offset_s: float
    at: dt.datetime
    kind: str  # item / weight / command / override
    code: str
    verdict: str
    grams: str = ""


@dataclass(frozen=True)
class Playback:
    clip: ClipView
    scans: tuple[ScanMark, ...]
    file: Path
    problem: str = ""  # why it cannot be played here ("" = it can)


@dataclass(frozen=True)
class Exported:
    folder: Path
    manifest: Path
    files: tuple[Path, ...]


@dataclass(frozen=True)
class Retention:
    purged: int
    freed_bytes: int
    kept_bytes: int

    def summary(self) -> str:
        return (f"purged {self.purged} clip(s), freed {self.freed_bytes / GB:.2f} GB, "
                f"{self.kept_bytes / GB:.2f} GB kept")


# --- recording: files and index -------------------------------------------------------------


def folder_for(camera: dict[str, Any]) -> Path:
    """Where this station's clips go: the camera's ``folder``, else the data folder's videos/."""
    configured = str(camera.get("folder", "")).strip()
    return Path(configured).expanduser() if configured else data_dir() / "videos"


def video_root(settings: StationSettings) -> Path:
    """The folder this computer finds clips in (a station's own, or a service desk's copy/share)."""
    return folder_for(settings.devices.get("camera") or {})


def stored_path(root: Path, path: Path) -> str:
    """How the index keeps a clip's file: relative to the video root, so moving the data folder or
    restoring a backup elsewhere keeps it playable; absolute only when it lies outside the root."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def clip_file(root: Path, stored: str) -> Path:
    path = Path(stored)
    return path if path.is_absolute() else root / path


def new_clip_file(folder: Path, station: str, order_number: str, package_id: int, now: dt.datetime) -> Path:
    """An empty private file for a parcel's clip, in the folder of the site's day (0700)."""
    local = timezone.local(now)
    day = private_dir(folder / local.strftime("%Y-%m-%d"))
    stem = f"{local:%H%M%S}-{_safe(station)}-{_safe(order_number)}-p{package_id}"
    for n in range(100):
        path = day / (f"{stem}.mp4" if n == 0 else f"{stem}-{n}.mp4")
        try:
            os.close(create_private(path))
            return path
        except FileExistsError:
            continue
    raise Conflict("Too many clips named {stem} in {folder}.", stem=stem, folder=str(day))


def _safe(text: str) -> str:
    return _UNSAFE.sub("_", text).strip("_")[:40] or "x"


def begin_clip(session: Session, *, package_id: int, station: str, path: Path, root: Path,
               started_at: dt.datetime) -> int:
    """The index row of a clip that has started recording (finished by ``finish_clip``)."""
    package = session.get(Package, package_id)
    if package is None:
        raise NotFound("No parcel {id}.", id=package_id)
    clip = PackingClip(package_id=package_id, order_id=package.order_id, station=station,
                       packer_id=package.packer_id, path=stored_path(root, path), status="recording",
                       ended_reason="", started_at=started_at, sha256="", gaps=[])
    session.add(clip)
    session.flush()
    return clip.id


def finish_clip(
    session: Session,
    clip_id: int,
    *,
    ended_at: dt.datetime,
    frames: int,
    duration_s: float,
    sha256: str,
    size_bytes: int,
    gaps: list[dict[str, str]],
    reason: str,
    error: str = "",
) -> None:
    session.execute(
        update(PackingClip)
        .where(PackingClip.id == clip_id)
        .values(status="failed" if error or not frames else "complete", ended_reason=reason[:24],
                ended_at=ended_at, frames=frames, duration_ms=round(duration_s * 1000), sha256=sha256,
                size_bytes=size_bytes, gaps=gaps)
    )


def recover_interrupted(session: Session, station: str, now: dt.datetime, *, root: Path,
                        idle_s: float = 60) -> int:
    """Clips this station left "recording" (a crash or power cut) whose file has not grown for
    ``idle_s``: hashed and closed as ``interrupted`` with what the file holds."""
    from devices.camera.recorder import sha256_of

    done = 0
    for clip in session.scalars(
        select(PackingClip).where(PackingClip.station == station, PackingClip.status == "recording")
    ):
        path = clip_file(root, clip.path)
        try:
            stat = path.stat()
        except FileNotFoundError:
            clip.status, clip.ended_reason, clip.ended_at = "failed", "interrupted", clip.started_at
            done += 1
            continue
        if now.timestamp() - stat.st_mtime < idle_s:
            continue  # still being written by this station's camera
        digest = sha256_of(path)
        frames, duration = _probe(path)
        clip.status = "complete" if frames else "failed"
        clip.ended_reason = "interrupted"
        clip.ended_at = dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC)
        clip.frames, clip.duration_ms = frames, round(duration * 1000)
        clip.size_bytes, clip.sha256 = stat.st_size, digest
        done += 1
    return done


def _probe(path: Path) -> tuple[int, float]:
    """Frames and seconds a (possibly cut-off) clip decodes to; (0, 0) without PyAV or a picture."""
    try:
        import av
    except ImportError:
        return 0, 0.0
    frames, last = 0, 0.0
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            for frame in container.decode(stream):
                frames += 1
                last = float(frame.time or 0.0)
            rate = float(stream.average_rate or 0) or 15.0
    except (av.error.FFmpegError, IndexError, OSError):
        return frames, last
    return frames, last + 1 / rate if frames else 0.0


# --- finding, playing, exporting ------------------------------------------------------------


def _views(session: Session, where: Any, limit: int = 500) -> list[ClipView]:
    rows = session.execute(
        select(PackingClip, Order.number, Shipment.tracking_number, User.display_name)
        .join(Order, Order.id == PackingClip.order_id)
        .outerjoin(Shipment, Shipment.package_id == PackingClip.package_id)
        .outerjoin(User, User.id == PackingClip.packer_id)
        .where(where)
        .order_by(PackingClip.started_at.desc(), PackingClip.id.desc())
        .limit(limit)
    ).all()
    return [
        ClipView(c.id, c.package_id, c.order_id, number, tracking or "", c.station, packer or "", c.path,
                 c.status, c.ended_reason, c.started_at, c.ended_at,
                 None if c.duration_ms is None else c.duration_ms / 1000, c.frames, c.size_bytes, c.sha256,
                 tuple(c.gaps or ()), c.purged_at)
        for c, number, tracking, packer in rows
    ]


def clips(session: Session, user: CurrentUser | None, *, order: str = "", order_id: int | None = None,
          limit: int = 200) -> list[ClipView]:
    """Clips newest first: all, or one order's (by number or id)."""
    require(user, PERMISSION)
    where: Any = PackingClip.id.is_not(None)
    if order:
        found = session.scalar(select(Order.id).where(Order.number == order.strip()))
        if found is None:
            raise NotFound("No order {number}.", number=order)
        order_id = found
    if order_id is not None:
        where = PackingClip.order_id == order_id
    return _views(session, where, limit)


def order_ids_with_clips(session: Session, order_ids: list[int]) -> set[int]:
    """Which of these orders have a packing video kept (for a marker in a timeline)."""
    if not order_ids:
        return set()
    return set(session.scalars(
        select(PackingClip.order_id).where(PackingClip.order_id.in_(order_ids),
                                           PackingClip.status.in_(("complete", "recording"))).distinct()
    ))


def resolve(session: Session, ref: str) -> list[ClipView]:
    """The kept clips of an order number, a tracking number or a parcel number (``123``, ``P123``)."""
    ref = ref.strip()
    kept = PackingClip.status != "purged"
    order_id = session.scalar(select(Order.id).where(Order.number == ref))
    if order_id is not None:
        found = _views(session, (PackingClip.order_id == order_id) & kept)
    else:
        package_id = session.scalar(select(Shipment.package_id).where(Shipment.tracking_number == ref))
        match = _PARCEL_REF.match(ref)
        if package_id is None and match:
            package_id = int(match.group(1))
        found = _views(session, (PackingClip.package_id == package_id) & kept) if package_id else []
    if not found:
        raise NotFound("No packing video is kept for {ref} (an order, tracking or parcel number).", ref=ref)
    return sorted(found, key=lambda c: (c.started_at, c.id))


def scans(session: Session, clip: ClipView) -> tuple[ScanMark, ...]:
    end = clip.ended_at or clip.started_at + dt.timedelta(seconds=clip.duration_s or 0)
    rows = session.execute(
        select(PackEvent.at, PackEvent.kind, PackEvent.code, PackEvent.verdict, PackEvent.grams)
        .where(PackEvent.package_id == clip.package_id, PackEvent.at >= clip.started_at, PackEvent.at <= end)
        .order_by(PackEvent.at, PackEvent.id)
    ).all()
    return tuple(
        ScanMark(max(0.0, (at - clip.started_at).total_seconds()), at, kind, code, verdict,
                 "" if grams is None else str(grams))
        for at, kind, code, verdict, grams in rows
    )


def play(session: Session, user: CurrentUser | None, clip_id: int, *, station: str, root: Path) -> Playback:
    """A clip to play, with its scans; the viewing is audited."""
    require(user, PERMISSION)
    assert user is not None
    found = _views(session, PackingClip.id == clip_id, 1)
    if not found:
        raise NotFound("No packing video {id}.", id=clip_id)
    clip = found[0]
    problem = _unplayable(clip, root)
    audit.record(session, "video.view", "packing_clip", clip.id, user_id=user.id, station=station,
                 order=clip.order_number, package_id=clip.package_id)
    return Playback(clip, scans(session, clip), clip.file(root), problem)


def _unplayable(clip: ClipView, root: Path) -> str:
    if clip.status == "purged":
        return f"deleted by retention on {timezone.fmt(clip.purged_at)}"
    if not clip.file(root).is_file():
        return f"the file is not reachable from this computer: {clip.file(root)}"
    return ""


def export(session: Session, user: CurrentUser | None, ref: str, out: Path, *, station: str,
           now: dt.datetime, root: Path) -> Exported:
    """Copy the clips of an order / tracking / parcel number into ``out`` with a manifest (order,
    tracking, packer, times, SHA-256, gaps, scans) for a marketplace claim. A copy whose hash
    differs from the index is refused: the file was changed or damaged. Audited."""
    require(user, PERMISSION)
    assert user is not None
    found = resolve(session, ref)
    if out.exists() and not out.is_dir():
        raise DomainError("{path} is a file: give a folder to export into.", path=str(out))
    private_dir(out)
    files: list[Path] = []
    entries = []
    for clip in found:
        problem = _unplayable(clip, root)
        if problem or not clip.sha256:
            raise Conflict("Packing video {id} of {order} cannot be exported: {problem}.", id=clip.id,
                           order=clip.order_number, problem=problem or "it is still being recorded")
        target = out / f"{_safe(clip.order_number)}-p{clip.package_id}-clip{clip.id}.mp4"
        digest = _copy_private(clip.file(root), target)
        if digest != clip.sha256:
            target.unlink()
            raise Conflict("Packing video {id} of {order} does not match its index (SHA-256 differs): it "
                           "was changed or damaged and is not exported.", id=clip.id, order=clip.order_number)
        files.append(target)
        entries.append({
            "file": target.name, "clip": clip.id, "parcel": clip.package_id, "order": clip.order_number,
            "tracking": clip.tracking_number, "packer": clip.packer, "station": clip.station,
            "started": timezone.fmt(clip.started_at, "iso"), "ended": timezone.fmt(clip.ended_at, "iso"),
            "duration_s": clip.duration_s, "frames": clip.frames, "sha256": clip.sha256,
            "gaps": list(clip.gaps),
            "scans": [{"offset_s": round(m.offset_s, 2), "at": timezone.fmt(m.at, "iso"), "kind": m.kind,
                       "code": m.code, "verdict": m.verdict, **({"grams": m.grams} if m.grams else {})}
                      for m in scans(session, clip)],
        })
    manifest = out / f"{_safe(found[0].order_number)}-manifest.json"
    body = {"exported_at": timezone.fmt(now, "iso"), "exported_by": user.display_name, "station": station,
            "reference": ref, "clips": entries}
    manifest.unlink(missing_ok=True)  # an earlier export of the same order is replaced
    with os.fdopen(create_private(manifest), "w", encoding="utf-8") as f:
        json.dump(body, f, ensure_ascii=False, indent=1)
    audit.record(session, "video.export", "order", found[0].order_id, user_id=user.id, station=station,
                 order=found[0].order_number, clips=",".join(str(c.id) for c in found), folder=str(out))
    return Exported(out, manifest, tuple(files))


def _copy_private(source: Path, target: Path) -> str:
    import hashlib

    target.unlink(missing_ok=True)
    digest = hashlib.sha256()
    with source.open("rb") as src, os.fdopen(create_private(target), "wb") as dst:
        for block in iter(lambda: src.read(1 << 20), b""):
            digest.update(block)
            dst.write(block)
    return digest.hexdigest()


# --- retention ------------------------------------------------------------------------------


def enforce_retention(session: Session, station: str, folder: Path, now: dt.datetime) -> Retention:
    """Delete this station's clips older than ``video.retention_days``, then the oldest ones
    while they take more than ``video.quota_gb``; their index rows stay, marked purged."""
    days = settings.get(session, "video.retention_days")
    quota = int(settings.get(session, "video.quota_gb")) * GB
    kept = list(session.scalars(
        select(PackingClip)
        .where(PackingClip.station == station, PackingClip.status.in_(("complete", "failed")))
        .order_by(PackingClip.started_at, PackingClip.id)
    ))
    cutoff = now - dt.timedelta(days=days)
    total = sum(c.size_bytes or 0 for c in kept)
    purged = freed = 0
    for clip in kept:
        if clip.started_at >= cutoff and total <= quota:
            break  # oldest first: the rest are newer and fit
        size = clip.size_bytes or 0
        clip_file(folder, clip.path).unlink(missing_ok=True)
        clip.status, clip.purged_at = "purged", now
        total -= size
        freed += size
        purged += 1
    _drop_empty_days(folder)
    return Retention(purged, freed, total)


def _drop_empty_days(folder: Path) -> None:
    if not folder.is_dir():
        return
    for day in folder.iterdir():
        if day.is_dir() and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day.name) and not any(day.iterdir()):
            day.rmdir()

