"""``packdesk hours`` and ``packdesk calendar``: each queue's business hours and the year's
public holidays and make-up working days (调休) the ticket clocks count, as a supervisor keeps
them; both nouns live here because the clocks read them together."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.output import print_json

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    h = sub.add_parser("hours", help="business hours per ticket queue (the SLA clocks count them)")
    hsub = h.add_subparsers(dest="hours_command", metavar="ACTION", required=True)
    show = hsub.add_parser("show", parents=[common], help="every queue's hours")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_hours_show)
    put = hsub.add_parser("set", parents=[common], help="a queue's shifts (split shifts allowed)")
    put.add_argument("queue", help="the queue, or '*' for every queue without its own hours")
    put.add_argument("shifts", nargs="*", metavar="SHIFT",
                     help="09:00-12:00 13:00-21:00 (none: round the clock)")
    put.add_argument("--weekdays", default="1-7", help="ISO weekdays worked: 1-5, 1,2,3,6 (default 1-7)")
    put.add_argument("--no-calendar", action="store_true", help="work public holidays too")
    put.add_argument("--clear", action="store_true", help="the queue follows '*' again")
    put.set_defaults(func=cmd_hours_set)

    c = sub.add_parser("calendar", help="public holidays and make-up working days (调休) per year")
    csub = c.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    cshow = csub.add_parser("show", parents=[common], help="one year's special days")
    cshow.add_argument("year", type=int)
    cshow.add_argument("--json", action="store_true")
    cshow.set_defaults(func=cmd_calendar_show)
    imp = csub.add_parser("import", parents=[common], help="replace a year with a file's days")
    imp.add_argument("year", type=int)
    imp.add_argument("file", nargs="?",
                     help="CSV day,kind,name[,confirmed] (default: the list PackDesk ships)")
    imp.set_defaults(func=cmd_calendar_import)
    confirm = csub.add_parser("confirm", parents=[common],
                              help="the year was checked against the official notice")
    confirm.add_argument("year", type=int)
    confirm.set_defaults(func=cmd_calendar_confirm)
    day = csub.add_parser("set", parents=[common], help="mark one day")
    day.add_argument("day", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    day.add_argument("kind", choices=["holiday", "workday", "ordinary"])
    day.add_argument("--name", default="", help="e.g. 春节")
    day.set_defaults(func=cmd_calendar_set)


def _weekdays(text: str) -> list[int]:
    from app.errors import DomainError

    days: list[int] = []
    try:
        for part in text.split(","):
            first, _, last = part.strip().partition("-")
            days.extend(range(int(first), int(last or first) + 1))
    except ValueError:
        raise DomainError("Weekdays are numbers 1 (Monday) to 7 (Sunday), not {days!r}.", days=text) from None
    return days


def cmd_hours_show(rt: Runtime) -> int:
    from app.db import read_only
    from app.services import business_hours

    with read_only(rt.sessions) as s:
        table = business_hours.load(s).hours
    if rt.args.json:
        print_json({queue: business_hours.hours_value(h) for queue, h in sorted(table.items())})
        return 0
    if not table:
        print("No business hours are set: every queue works round the clock.")
    for queue, h in sorted(table.items()):
        days = ",".join(str(d) for d in sorted(h.weekdays))
        print(f"{queue:<14} {h.describe():<26} weekdays {days}"
              + ("" if h.calendar else "  (holidays worked)"))
    return 0


def cmd_hours_set(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services import business_hours

    args = rt.args
    user = rt.user(business_hours.PERMISSION)
    hours = None if args.clear else business_hours.parse_hours(
        {"shifts": args.shifts, "weekdays": _weekdays(args.weekdays), "calendar": not args.no_calendar})
    with unit_of_work(rt.sessions) as s:
        business_hours.set_hours(s, user, args.queue, hours)
    print(f"{args.queue.strip()}: " + ("follows '*'" if hours is None else hours.describe()))
    return 0


def cmd_calendar_show(rt: Runtime) -> int:
    from app.db import read_only
    from app.services import business_hours

    with read_only(rt.sessions) as s:
        days = business_hours.days_of(s, rt.args.year)
    if rt.args.json:
        print_json([{"day": d.day.isoformat(), "kind": d.kind, "name": d.name, "confirmed": d.confirmed}
                    for d in days])
        return 0
    if not days:
        print(f"{rt.args.year}: no holidays or make-up days; import them with "
              f"'packdesk calendar import {rt.args.year} FILE'.")
    for d in days:
        print(f"{d.day:%Y-%m-%d} {d.day:%a}  {d.kind:<8} {d.name}" + ("" if d.confirmed else "  (draft)"))
    drafts = sum(not d.confirmed for d in days)
    if drafts:
        print(f"{drafts} draft day(s): check them, then 'packdesk calendar confirm {rt.args.year}'.")
    return 0


def cmd_calendar_import(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services import business_hours

    args = rt.args
    user = rt.user(business_hours.PERMISSION)
    with unit_of_work(rt.sessions) as s:
        path = Path(args.file) if args.file else None
        counts = business_hours.import_calendar(s, user, path, year=args.year)
    print(f"{args.year}: {counts[args.year]} day(s) imported.")
    return 0


def cmd_calendar_confirm(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services import business_hours

    user = rt.user(business_hours.PERMISSION)
    with unit_of_work(rt.sessions) as s:
        n = business_hours.confirm_year(s, user, rt.args.year)
    print(f"{rt.args.year}: {n} draft day(s) confirmed.")
    return 0


def cmd_calendar_set(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services import business_hours

    args = rt.args
    user = rt.user(business_hours.PERMISSION)
    with unit_of_work(rt.sessions) as s:
        business_hours.set_day(s, user, args.day, None if args.kind == "ordinary" else args.kind, args.name)
    print(f"{args.day:%Y-%m-%d}: {args.kind}")
    return 0
