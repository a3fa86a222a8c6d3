"""``packdesk users``: add, list, disable and enable users, reset a password, change a role or badge."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.labels import add_printer_option
from app.cli.output import print_json
from app.errors import ConfigError

if TYPE_CHECKING:
    from app.cli.runtime import Runtime

ROLES = ["picker", "packer", "agent", "supervisor", "admin"]


def read_password(path: str | None, who: str) -> str:
    """The first line of ``path``, else typed twice at a terminal (never an argument: it would show
    in the process list and the shell's history)."""
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").splitlines()[0] if Path(path).stat().st_size else ""
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError("Cannot read the password file {path}: {why}", path=path,
                              why=getattr(exc, "strerror", None) or exc) from None
    if not sys.stdin.isatty():
        raise ConfigError("No password: give --password-file FILE or run the command in a terminal.")
    first = getpass.getpass(f"Password for {who}: ")
    if getpass.getpass("Again: ") != first:
        raise ConfigError("The two passwords differ; nothing was changed.")
    return first


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    u = sub.add_parser("users", help="the site's users (an admin's work)")
    usub = u.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = usub.add_parser("add", parents=[common], help="add a user")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--password-file", metavar="F", help="first line is the password (else a prompt)")
    add.add_argument("--display-name", default="")
    add.add_argument("--badge", default="", help="badge code (default: a new random one)")
    add.set_defaults(func=cmd_add)
    ls = usub.add_parser("list", parents=[common], help="every user")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
    for verb in ("disable", "enable"):
        p = usub.add_parser(verb, parents=[common], help=f"{verb} signing in")
        p.add_argument("name")
        p.set_defaults(func=cmd_switch, verb=verb)
    pw = usub.add_parser("password", parents=[common], help="reset a user's password")
    pw.add_argument("name")
    pw.add_argument("--password-file", metavar="F")
    pw.set_defaults(func=cmd_password)
    role = usub.add_parser("role", parents=[common], help="change a user's role")
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(func=cmd_role)
    badge = usub.add_parser("badge", parents=[common], help="give a user a new badge code")
    badge.add_argument("name")
    badge.add_argument("code")
    badge.set_defaults(func=cmd_badge)
    label = usub.add_parser("badge-label", parents=[common], help="print a user's badge (Code128)")
    label.add_argument("name")
    add_printer_option(label)
    label.set_defaults(func=cmd_badge_label)


def _line(v) -> str:
    state = "active" if v.active else "disabled"
    return f"{v.username:<16} {v.role:<10} {state:<8}  badge {v.badge_code}  {v.display_name}"


def cmd_add(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.users import add_user, checked_name, role_named

    args = rt.args
    admin = rt.user("admin.users")
    name = checked_name(args.name)
    password = read_password(args.password_file, name)
    with unit_of_work(rt.sessions) as s:
        view = add_user(s, admin, name, role_named(args.role), password, args.display_name, args.badge)
    print(f"Added {_line(view)}")
    return 0


def cmd_list(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.users import list_users
    from app.timezone import fmt

    admin = rt.user("admin.users")
    with read_only(rt.sessions) as s:
        rows = list_users(s, admin)
    if rt.args.json:
        print_json([{**r.__dict__, "created_at": r.created_at.isoformat()} for r in rows])
        return 0
    for r in rows:
        print(f"{_line(r)}  (since {fmt(r.created_at, 'date')})")
    return 0


def cmd_switch(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services import users

    admin = rt.user("admin.users")
    with unit_of_work(rt.sessions) as s:
        view = (users.disable if rt.args.verb == "disable" else users.enable)(s, admin, rt.args.name)
    print(_line(view))
    return 0


def cmd_password(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.users import reset_password

    admin = rt.user("admin.users")
    password = read_password(rt.args.password_file, rt.args.name)
    with unit_of_work(rt.sessions) as s:
        view = reset_password(s, admin, rt.args.name, password)
    print(f"New password set for {view.username}.")
    return 0


def cmd_role(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.users import role_named, set_role

    admin = rt.user("admin.users")
    with unit_of_work(rt.sessions) as s:
        view = set_role(s, admin, rt.args.name, role_named(rt.args.role))
    print(_line(view))
    return 0


def cmd_badge(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.users import set_badge

    admin = rt.user("admin.users")
    with unit_of_work(rt.sessions) as s:
        view = set_badge(s, admin, rt.args.name, rt.args.code)
    print(_line(view))
    return 0


def cmd_badge_label(rt: Runtime) -> int:
    from app.cli.labels import print_labels

    return print_labels(rt, "badge", rt.args.name, "admin.users")
