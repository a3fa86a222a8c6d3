"""``packdesk customer``: find a customer from one query, and show a customer's history.

Runs as a signed-in service user (``--user``), masked like the service screens, and audited.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cust = sub.add_parser("customer", help="find customers and show their history")
    csub = cust.add_subparsers(dest="customer_command", metavar="ACTION", required=True)
    find = csub.add_parser(
        "find", parents=[common],
        help="phone (or last 4 digits with a name), email, name, order, tracking or ticket number"
    )
    find.add_argument("query", nargs="+", help="what to look for (words are joined)")
    find.add_argument("--limit", type=int, default=20, help="at most this many customers")
    find.add_argument("--json", action="store_true", help="machine-readable output")
    find.set_defaults(func=cmd_find)
    hist = csub.add_parser("history", parents=[common],
                           help="header and timeline of one customer, newest first")
    hist.add_argument("id", help="customer id, as `customer find` prints it")
    hist.add_argument("--limit", type=int, default=50, help="events to show")
    hist.add_argument("--type", action="append", dest="kinds", metavar="TYPE",
                      help="only these event types (repeat): order, shipment, tracking, refund, "
                      "compensation, ticket, interaction, follow_up")
    hist.add_argument("--channel", action="append", dest="channels", metavar="CHANNEL",
                      help="only tickets/interactions on these channels (chat, phone, email, social, note)")
    hist.add_argument("--json", action="store_true", help="machine-readable output")
    hist.set_defaults(func=cmd_history)


def cmd_find(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.customers import search

    args = rt.args
    rt.user("service.use")
    query = " ".join(args.query)
    with read_only(rt.sessions) as s:
        result = search(s, query, limit=max(1, min(args.limit, 200)))
    rt.audit("customer.search", "customer", "", query=query, found=len(result.matches))
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
        return 0 if result.matches else 4
    if result.message:
        print(result.message, file=sys.stderr)
        return 4
    if not result.matches:
        print(f"No customer found for {result.query!r}.", file=sys.stderr)
        return 4
    for m in result.matches:
        print(f"#{m.customer_id:<8} {m.name:<16} {m.tier:<8} {m.phone:<14} {m.email:<22} {m.city:<10} "
              f"{m.why()}")
    if result.more:
        print("More customers match; type more of the name or add the last 4 digits of the phone.",
              file=sys.stderr)
    return 0


def cmd_history(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.customers import parse_customer_id
    from app.services.history import KINDS, header, timeline
    from app.timezone import fmt

    args = rt.args
    rt.user("service.use")
    cid = parse_customer_id(args.id)
    rt.audit("customer.view", "customer", cid)
    with read_only(rt.sessions) as s:
        head = header(s, cid)
        page = timeline(s, cid, kinds=args.kinds or KINDS, channels=args.channels or (),
                        limit=max(1, min(args.limit, 500)))
    if args.json:
        print(json.dumps({"customer": head.as_dict(), "events": [e.as_dict() for e in page.events],
                          "more": page.next is not None}, ensure_ascii=False, indent=1))
        return 0
    print(f"#{head.customer_id} {head.name}  tier {head.tier} (¥{head.lifetime_value})  "
          f"{head.orders} orders, {head.open_tickets} open tickets"
          + (f"  tags: {', '.join(head.tags)}" if head.tags else ""))
    if head.merged_into:
        print(f"merged into #{head.merged_into}")
    if head.merged_ids:
        print("includes merged customers " + ", ".join(f"#{i}" for i in head.merged_ids))
    print("  ".join(f"{c.kind}: {c.masked}" for c in head.contacts))
    for e in page.events:
        print(f"{fmt(e.at)}  {e.summary()}")
    if page.next is not None:
        print(f"… more; use --limit to see more than {len(page.events)}", file=sys.stderr)
    return 0
