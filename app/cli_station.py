"""``packdesk station``: allocate open orders and plan waves from a terminal or a cron job."""

from __future__ import annotations

import argparse
import json
from collections import Counter


def register(sub: argparse._SubParsersAction) -> None:
    st = sub.add_parser("station", help="allocation and wave planning")
    ssub = st.add_subparsers(dest="station_command", metavar="WHAT", required=True)
    alloc = ssub.add_parser("allocate", help="allocate stock to every new or back-ordered order")
    alloc.add_argument("--json", action="store_true")
    alloc.add_argument("--db", metavar="URL", default=argparse.SUPPRESS)
    alloc.set_defaults(func=cmd_allocate)
    plan = ssub.add_parser("plan-waves", help="put every allocated order into a wave")
    plan.add_argument("--max-orders", type=int, default=30, help="orders (totes) per wave")
    plan.add_argument("--max-lines", type=int, default=150, help="pick lines per wave")
    plan.add_argument("--json", action="store_true")
    plan.add_argument("--db", metavar="URL", default=argparse.SUPPRESS)
    plan.set_defaults(func=cmd_plan)


def cmd_allocate(args: argparse.Namespace) -> int:
    from app.cli_import import _factory
    from app.db import unit_of_work
    from app.models.base import utcnow
    from app.services.allocation import allocate_open

    with unit_of_work(_factory(args)) as s:
        results = allocate_open(s, utcnow())
    if args.json:
        print(json.dumps([r.__dict__ for r in results], ensure_ascii=False, default=list))
        return 0
    counts = Counter(r.status for r in results)
    print(", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "No open orders.")
    for r in results:
        if r.problems or r.low_stock:
            print(
                f"  {r.order_number}: {r.status}; "
                + "; ".join(r.problems)
                + (f" low stock: {', '.join(r.low_stock)}" if r.low_stock else "")
            )
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from app.cli_import import _factory
    from app.db import unit_of_work
    from app.models.base import utcnow
    from app.services.waves import Limits, plan_waves

    with unit_of_work(_factory(args)) as s:
        planned = plan_waves(s, utcnow(), Limits(args.max_orders, args.max_lines))
    if args.json:
        print(
            json.dumps(
                [
                    {**w.__dict__, "cutoff_at": w.cutoff_at.isoformat() if w.cutoff_at else None}
                    for w in planned
                ],
                ensure_ascii=False,
            )
        )
        return 0
    orders, picks = sum(w.orders for w in planned), sum(w.tasks for w in planned)
    print(f"{len(planned)} wave(s), {orders} orders, {picks} picks")
    for w in planned:
        print(f"  {w.number}  {w.carrier or '—':4} zone {w.zone}  {w.orders:3} orders  {w.tasks:4} picks")
    return 0
