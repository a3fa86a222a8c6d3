"""``packdesk video``: packing videos (list, export for a claim) and a test recording for setting a
camera up."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.output import positive, print_json

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    v = sub.add_parser("video", help="packing videos: list, export for a claim, test a camera")
    vsub = v.add_subparsers(dest="video_command", metavar="ACTION", required=True)
    ls = vsub.add_parser("list", parents=[common], help="recorded clips, newest first (audited)")
    ls.add_argument("--order", default="", help="only this order's clips (order number)")
    ls.add_argument("--limit", type=positive, default=200)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
    ex = vsub.add_parser("export", parents=[common],
                         help="copy an order's or parcel's clips with a manifest (order, tracking, packer, "
                         "times, SHA-256) into a folder (audited)")
    ex.add_argument("ref", metavar="PARCEL_OR_ORDER", help="order number, tracking number or parcel number")
    ex.add_argument("--out", required=True, metavar="DIR")
    ex.set_defaults(func=cmd_export)
    t = vsub.add_parser("test", help="record a clip with the overlay from a camera source")
    t.add_argument("source", help="test, lavfi:GRAPH, v4l2:/dev/video0, dshow:NAME, rtsp://... or a "
                   "stream URL")
    t.add_argument("--seconds", type=float, default=5.0)
    t.add_argument("--out", required=True, metavar="FILE.mp4")
    t.add_argument("--size", default="1280x720", metavar="WxH")
    t.add_argument("--fps", type=positive, default=15)
    t.add_argument("--input-format", default="", help="a USB camera's pixel format, e.g. mjpeg")
    t.set_defaults(func=cmd_test)


def cmd_list(rt: Runtime) -> int:
    from app.db import read_only
    from app.services import video
    from app.timezone import fmt

    args = rt.args
    user = rt.user(video.PERMISSION)
    with read_only(rt.sessions) as s:
        rows = video.clips(s, user, order=args.order, limit=args.limit)
    rt.audit("video.list", "order" if args.order else "packing_clip", args.order or "*", clips=len(rows))
    if args.json:
        print_json([r.as_dict() for r in rows])
        return 0
    if not rows:
        print("No packing videos" + (f" for order {args.order}." if args.order else "."))
    for r in rows:
        length = f"{r.duration_s:7.1f} s" if r.duration_s is not None else "      ? s"
        gaps = f"  {len(r.gaps)} gap(s)" if r.gaps else ""
        print(f"#{r.id:<6} {fmt(r.started_at, 'second')}  {length}  {r.order_number:<14} "
              f"parcel {r.package_id:<6} {r.tracking_number or '-':<16} {r.packer or '?':<10} "
              f"{r.station:<10} {r.status}"
              f"{'/' + r.ended_reason if r.ended_reason else ''}{gaps}")
    return 0


def cmd_export(rt: Runtime) -> int:
    from pathlib import Path

    from app.db import unit_of_work
    from app.services import video

    user = rt.user(video.PERMISSION)
    with unit_of_work(rt.sessions) as s:
        done = video.export(s, user, rt.args.ref, Path(rt.args.out), station=rt.settings.station,
                            now=rt.clock(), root=video.video_root(rt.settings))
    for path in done.files:
        print(path)
    print(done.manifest)
    return 0


def cmd_test(rt: Runtime) -> int:
    import os
    from pathlib import Path

    from app import timezone
    from app.errors import DomainError
    from app.files import create_private
    from devices.camera.overlay import Overlay
    from devices.camera.recorder import record_test
    from devices.camera.source import CameraProfile

    args = rt.args
    if not 0 < args.seconds <= 3600:
        raise DomainError("--seconds must be more than 0 and at most 3600, not {seconds}.",
                          seconds=args.seconds)
    profile = CameraProfile.from_settings({"source": args.source, "size": args.size, "fps": args.fps,
                                           "input_format": args.input_format})
    out = Path(args.out)
    try:
        os.close(create_private(out))
    except FileExistsError:
        raise DomainError("{path} exists: give a new file name.", path=str(out)) from None
    station = rt.settings.station
    overlay = Overlay(lambda: timezone.fmt(rt.clock(), "second"))
    overlay.set_header(f"TEST · {station}",
                       f"{profile.source} · {profile.width}x{profile.height} @ {profile.fps}")
    try:
        result = record_test(profile, out, args.seconds, overlay)
    except BaseException:
        out.unlink(missing_ok=True)  # no half clip left behind for a failed test
        raise
    gaps = f", {len(result.gaps)} gap(s)" if result.gaps else ""
    print(f"Recorded {result.frames} frames, {result.duration_s:.1f} s, {profile.width}x{profile.height} at "
          f"{profile.fps} fps{gaps} into {out} (SHA-256 {result.sha256})")
    return 0
