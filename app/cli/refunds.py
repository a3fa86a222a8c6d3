"""``packdesk refunds``: the refunds waiting for a supervisor, and their approval or decline."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.output import print_json

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    r = sub.add_parser("refunds", help="refunds above the approval limit, waiting for a supervisor")
    rsub = r.add_subparsers(dest="refunds_command", metavar="ACTION", required=True)
    pending = rsub.add_parser("pending", parents=[common], help="list them, oldest first")
    pending.add_argument("--json", action="store_true")
    pending.set_defaults(func=cmd_pending)
    for verb, approve in (("approve", True), ("decline", False)):
        p = rsub.add_parser(verb, parents=[common],
                            help=f"{verb} one (audited, noted in the customer's history)")
        p.add_argument("refund", type=int, help="refund number as `refunds pending` shows it")
        p.add_argument("--note", default="", help="why (required to decline)")
        p.set_defaults(func=cmd_decide, approve=approve)


def cmd_pending(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.customer_actions import pending_refunds
    from app.timezone import fmt

    user = rt.user("service.approve_refund")
    with read_only(rt.sessions) as s:
        rows = pending_refunds(s, user)
    if rt.args.json:
        print_json([r.__dict__ for r in rows])
        return 0
    if not rows:
        print("No refunds are waiting for approval.")
    for r in rows:
        asked = f"asked by {r.requested_by or '?'}" + (f", {r.ticket}" if r.ticket else "")
        print(f"#{r.id:<6} {fmt(r.requested_at)}  {r.order_number:<14} {r.amount:>10} {r.currency}  "
              f"{r.customer:<12} {r.reason}  ({asked})")
    return 0


def cmd_decide(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.customer_actions import decide_refund

    args = rt.args
    user = rt.user("service.approve_refund")
    with unit_of_work(rt.sessions) as s:
        done = decide_refund(s, user, args.refund, approve=args.approve, now=rt.clock(), note=args.note,
                             station=rt.settings.station)
    print(f"Refund #{done.id} on {done.ref} {'approved' if args.approve else 'declined'}.")
    return 0
