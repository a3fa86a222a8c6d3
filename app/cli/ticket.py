"""``packdesk ticket``: list tickets and show one with every message, as text or JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.output import positive, print_json

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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
    find = tsub.add_parser("search", parents=[common],
                           help="by number, subject, message text, tag or customer (name, email, phone)")
    find.add_argument("text")
    find.add_argument("--open", action="store_true", help="open tickets only")
    find.add_argument("--limit", type=positive, default=50)
    find.add_argument("--json", action="store_true")
    find.set_defaults(func=cmd_search)
    tag = tsub.add_parser("tag", parents=[common], help="add (or --remove) tags; prints the ticket's tags")
    tag.add_argument("number", help="T-000123")
    tag.add_argument("tags", nargs="*", metavar="TAG")
    tag.add_argument("--remove", action="append", default=[], metavar="TAG")
    tag.set_defaults(func=cmd_tag)
    attach = tsub.add_parser("attachment", parents=[common],
                             help="save a message's attachment to a file (ids in 'ticket show')")
    attach.add_argument("number", help="T-000123")
    attach.add_argument("id", type=positive, help="the attachment's id")
    attach.add_argument("--out", required=True, metavar="FILE", help="a new file (never overwritten)")
    attach.set_defaults(func=cmd_attachment)
    survey = tsub.add_parser("csat", parents=[common], help="survey answers per agent, queue and week")
    span = survey.add_mutually_exclusive_group()
    span.add_argument("--week", action="store_true", help="this week (Monday to today)")
    span.add_argument("--days", type=positive, default=30,
                      help="the last N days, today included (default 30)")
    survey.add_argument("--json", action="store_true")
    survey.set_defaults(func=cmd_csat)


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
            print(f"    [attachment #{a['id']}] {a['filename']} ({a['size']:,} bytes)"
                  + ("" if a["stored"] else " - over the size limit, not kept"))
    return 0


def _ticket_id(s: Session, number: str) -> int:
    from app.errors import NotFound
    from app.services import tickets

    found = tickets.ticket_by_number(s, number)
    if found is None:
        raise NotFound("No ticket {number}.", number=number)
    return found


def cmd_search(rt: Runtime) -> int:
    import dataclasses

    from app.db import read_only
    from app.services import tickets

    user = rt.user("service.use")
    with read_only(rt.sessions) as s:
        rows = tickets.search_tickets(s, user, rt.args.text, limit=min(rt.args.limit, 5000),
                                      open_only=rt.args.open)
    rt.audit("ticket.search", "ticket", "", text=rt.args.text, found=len(rows))
    if rt.args.json:
        print_json([dataclasses.asdict(r) for r in rows])
        return 0
    if not rows:
        print(f"No ticket matches {rt.args.text!r}.")
    for r in rows:
        print(f"{r.number}  {r.status:<8} {r.priority:<7} {r.customer:<12} {r.subject}"
              + (f"  → {r.assignee}" if r.assignee else ""))
    return 0


def cmd_tag(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services import tickets

    user = rt.user("service.use")
    with unit_of_work(rt.sessions) as s:
        ticket_id = _ticket_id(s, rt.args.number)
        removed = {tickets.normal_tag(t) for t in rt.args.remove}
        wanted = [t for t in (*tickets.tags_of(s, ticket_id), *rt.args.tags)
                  if tickets.normal_tag(t) not in removed]
        tags = tickets.set_tags(s, user, ticket_id, wanted, rt.clock())
    print(f"{rt.args.number.strip().upper()}: " + (", ".join(tags) or "no tags"))
    return 0


def cmd_attachment(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.errors import NotFound
    from app.services import tickets

    user = rt.user("service.use")
    with unit_of_work(rt.sessions) as s:
        ticket_id = _ticket_id(s, rt.args.number)
        if rt.args.id not in {a.id for a in tickets.detail(s, ticket_id).attachments}:
            raise NotFound("Ticket {number} has no attachment #{id}.", number=rt.args.number, id=rt.args.id)
        path = tickets.save_attachment(s, user, rt.args.id, Path(rt.args.out))
    print(f"Saved to {path} (readable by you only).")
    return 0


def cmd_csat(rt: Runtime) -> int:
    import dataclasses
    import datetime as dt

    from app.db import read_only
    from app.services import service_stats
    from app.timezone import local

    rt.user("service.dashboard")
    today = local(rt.clock()).date()
    back = today.weekday() if rt.args.week else rt.args.days - 1
    start = today - dt.timedelta(days=back)
    with read_only(rt.sessions) as s:
        board = service_stats.csat(s, start, today)
    if rt.args.json:
        print_json(dataclasses.asdict(board))
        return 0
    if board.average is None:
        print(f"{start} to {today}: no survey answered.")
        return 0
    print(f"{start} to {today}: {board.average:.1f} / 5 from {board.answers} answers")
    for title, rows in (("agent", board.by_agent), ("queue", board.by_queue), ("week", board.by_week)):
        for r in rows:
            print(f"  {title:<6} {r.key or '-':<16} {r.answers:>4} answers  {r.average:.1f}  "
                  f"{r.satisfied:.0%} satisfied")
    return 0
