"""``packdesk screenshot``: render one view offscreen to a PNG (``--view`` alone lists them)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    shot = sub.add_parser("screenshot", parents=[common], help="render one view offscreen to a PNG")
    shot.add_argument("--view", help="view name, e.g. login, main, station.pack (leave out to list them)")
    shot.epilog = "Renders from a copy of --db (a SQLite file) or, without --db, from a fresh demo."
    shot.add_argument("--out", help="PNG file to write")
    shot.add_argument("--lang", choices=["zh_CN", "en"], default="en", help="UI language")
    shot.add_argument("--size", type=_size, help="window size WxH, e.g. 1280x800")
    shot.set_defaults(func=cmd_screenshot)


def _size(text: str) -> tuple[int, int]:
    w, sep, h = text.lower().partition("x")
    if not (sep and w.isdigit() and h.isdigit() and int(w) > 0 and int(h) > 0):
        raise argparse.ArgumentTypeError(f"not a size WxH: {text!r}")
    return int(w), int(h)


def cmd_screenshot(rt: Runtime) -> int:
    """Never writes to the database it shows: renders from a copy (or a fresh demo) in a
    temporary folder, with settings and printed files of its own."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # renders off screen: works with no display too
    from ui.screenshots import render_isolated, view_names

    args = rt.args
    if args.view is None:
        print("\n".join(view_names()))
        return 0
    out = render_isolated(getattr(args, "db", None), args.view, Path(args.out) if args.out else None,
                          args.size, args.lang)
    print(out)
    return 0
