"""``packdesk boxes``: the site's packaging boxes and mailers the pack screen suggests from."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.output import positive, print_json

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def _size(text: str) -> tuple[int, int, int]:
    """An argparse type: LxWxH in millimetres, such as 300x200x150."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
        raise argparse.ArgumentTypeError(f"not LxWxH in millimetres (such as 300x200x150): {text!r}")
    length, width, height = (int(p) for p in parts)
    return length, width, height


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    b = sub.add_parser("boxes", help="packaging boxes and mailers").add_subparsers(
        dest="boxes_command", metavar="ACTION", required=True)
    ls = b.add_parser("list", parents=[common], help="mailers first, then smallest first")
    ls.add_argument("--all", action="store_true", help="disabled boxes too")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
    add = b.add_parser("add", parents=[common], help="add a box (or change it: same CODE)")
    add.add_argument("code")
    add.add_argument("--title", required=True)
    add.add_argument("--size", type=_size, required=True, help="inner LxWxH in mm, such as 300x200x150")
    add.add_argument("--tare", type=int, required=True, help="its own weight in grams")
    add.add_argument("--max", type=positive, dest="max_weight", help="heaviest parcel it carries, in grams")
    add.add_argument("--bag", action="store_true", help="a mailer bag: never suggested for fragile goods")
    add.add_argument("--suits", type=lambda text: text.split(","), default=[], metavar="FLAGS",
                     help="handling flags it is made for: fragile,liquid,bulky,battery (none when left out)")
    add.set_defaults(func=cmd_add)
    dis = b.add_parser("disable", parents=[common], help="stop suggesting a box (--enable brings it back)")
    dis.add_argument("code")
    dis.add_argument("--enable", action="store_true")
    dis.set_defaults(func=cmd_disable)
    rm = b.add_parser("delete", parents=[common], help="remove a box added by mistake")
    rm.add_argument("code")
    rm.set_defaults(func=cmd_delete)


def _line(box) -> str:
    size = "x".join(str(mm) for mm in box.inner_mm)
    most = f"max {box.max_weight_g} g" if box.max_weight_g else "no weight limit"
    kind = "mailer" if box.bag else "carton"
    suits = f"suits {','.join(box.suits)}" if box.suits else "suits no flag"
    off = "" if box.active else "  (disabled)"
    return (f"{box.code:<10} {size:<13} tare {box.weight_g:>4} g  {most:<14} {kind:<6}  {suits:<36}  "
            f"{box.title}{off}")


def cmd_list(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.packaging import boxes

    with read_only(rt.sessions) as s:
        rows = boxes(s, include_disabled=rt.args.all)
    if rt.args.json:
        print_json([r.__dict__ for r in rows])
        return 0
    if not rows:
        print("No boxes: every parcel is suggested its own carton. Add some with packdesk boxes add.")
    for r in rows:
        print(_line(r))
    return 0


def cmd_add(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.packaging import save_box

    a = rt.args
    user = rt.user("admin.master_data")
    with unit_of_work(rt.sessions) as s:
        box = save_box(s, user, a.code, a.title, a.size, a.tare, a.max_weight, a.bag, a.suits)
    print(_line(box))
    return 0


def cmd_disable(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.packaging import disable_box

    user = rt.user("admin.master_data")
    with unit_of_work(rt.sessions) as s:
        box = disable_box(s, user, rt.args.code, active=rt.args.enable)
    print(_line(box))
    return 0


def cmd_delete(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.packaging import delete_box

    user = rt.user("admin.master_data")
    with unit_of_work(rt.sessions) as s:
        delete_box(s, user, rt.args.code)
    print(f"Box {rt.args.code.upper()} deleted")
    return 0
