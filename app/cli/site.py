"""``packdesk init``: a new site on an empty database (created and migrated), its first admin and
what the site is (name, return address, phone, time zone, currency, languages)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.errors import ConfigError

if TYPE_CHECKING:
    from app.cli.runtime import Runtime

_QUESTIONS = [  # (option, question, default)
    ("name", "Site name", ""),
    ("return_address", "Return address", ""),
    ("phone", "Phone", ""),
    ("time_zone", "Time zone", "Asia/Shanghai"),
    ("currency", "Currency", "CNY"),
    ("languages", "Languages (zh_CN,en)", "zh_CN,en"),
]


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="set up a new site on an empty database")
    p.add_argument("--admin", metavar="NAME", help="the first admin's user name (else asked)")
    p.add_argument("--password-file", metavar="F", help="first line is the admin's password (else asked)")
    p.add_argument("--name", help="the site's name")
    p.add_argument("--return-address", help="printed as the sender's address")
    p.add_argument("--phone", help="the site's phone, printed on labels")
    p.add_argument("--time-zone", help="IANA zone, e.g. Asia/Shanghai (default)")
    p.add_argument("--currency", help="ISO code (default CNY)")
    p.add_argument("--languages", help="comma-separated among zh_CN,en (default both)")
    p.set_defaults(func=cmd_init)


def _answer(rt: Runtime, option: str, question: str, default: str) -> str:
    given = getattr(rt.args, option)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        if option in ("admin", "name"):  # no default for these
            raise ConfigError("No {option}: give --{option} or run init in a terminal.", option=option)
        return default
    typed = input(f"{question}{f' [{default}]' if default else ''}: ").strip()
    return typed or default


def cmd_init(rt: Runtime) -> int:
    from app.cli.users import read_password
    from app.db import describe, unit_of_work
    from app.services.packaging import seed_defaults
    from app.services.site import SiteInfo, checked, initialise
    from app.services.users import checked_name, checked_password

    admin = checked_name(_answer(rt, "admin", "First admin's user name", ""))
    answers = {opt: _answer(rt, opt, q, d) for opt, q, d in _QUESTIONS}
    languages = tuple(answers.pop("languages").split(","))
    info = checked(SiteInfo(**answers, languages=languages))
    password = checked_password(read_password(rt.args.password_file, admin))
    rt.quiet = False  # every answer is good: now the database is created (and says so)
    with unit_of_work(rt.sessions) as s:
        initialise(s, info, admin, password, rt.clock())
        seed_defaults(s)  # a new site packs from day one; its boxes are edited from there
    print(f"Site {info.name} is set up in {describe(rt.engine)}; sign in as {admin}.")
    return 0
