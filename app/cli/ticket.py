"""``packdesk ticket``: list tickets and show one with every message, as text or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.output import print_json

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    t = sub.add_parser("ticket", help="list tickets, show one with its messages")
    tsub = t.add_subparsers(dest="ticket_command", metavar="ACTION", required=True)
    lst = tsub.add_parser("list", parents=[common], help="newest first")
    lst.add_argument("--status", help="only tickets in this status (new, open, pending, ...)")
    lst.add_argument("--limit", type=int, default=100)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_list)
    show = tsub.add_parser("show", parents=[common], help="one ticket: messages, attachments, history")
    show.add_argument("number", help="T-000123")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_show)


def cmd_list(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.mail.commands import ticket_list

    user = rt.user("service.use")
    with read_only(rt.sessions) as s:
        rows = ticket_list(s, user, rt.args.status, limit=max(1, min(rt.args.limit, 5000)))
    if rt.args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['number']}  {r['status']:<8} {r['priority']:<7} {r['channel']:<6} {r['customer']:<12} "
              f"{r['subject']}" + (f"  → {r['assignee']}" if r["assignee"] else ""))
    return 0


def cmd_show(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.mail.commands import ticket_show

    user = rt.user("service.use")
    with read_only(rt.sessions) as s:
        data = ticket_show(s, user, rt.args.number)
    rt.audit("ticket.view", "ticket", rt.args.number)
    if rt.args.json:
        print_json(data)
        return 0
    import datetime as dt

    from app.timezone import fmt

    print(f"{data['number']}  {data['subject']}  [{data['status']}, {data['priority']}]  {data['customer']}")
    for m in data["messages"]:
        print(f"--- {fmt(dt.datetime.fromisoformat(m['at']))} {m['direction']} {m['channel']}")
        print(m["body"])
        for a in m.get("email", {}).get("attachments", []):
            print(f"    [attachment] {a['filename']} ({a['size']:,} bytes)")
    return 0
