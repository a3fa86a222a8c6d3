"""``packdesk screenshot``: render one view offscreen to a PNG (``--view`` alone lists them)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ConfigError

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    shot = sub.add_parser("screenshot", parents=[common], help="render one view offscreen to a PNG")
    shot.add_argument("--view", help="view name, e.g. login, main, station.pack (leave out to list them)")
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
    from ui.screenshots import render, views

    args = rt.args
    names = sorted(views())
    if args.view not in names:
        listing = "\n".join(names)
        if args.view is None:
            print(listing)
            return 0
        raise ConfigError("Unknown view {view!r}; known views: {known}", view=args.view,
                          known=", ".join(names))
    if not args.out:
        raise ConfigError("Where to? Add --out FILE.png.")
    settings = rt.settings
    settings.language = args.lang
    print(render(rt.context(), args.view, Path(args.out), args.size))
    return 0
