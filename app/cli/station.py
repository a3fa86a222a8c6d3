"""``packdesk station``: allocate open orders and plan waves from a terminal or a cron job."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import TYPE_CHECKING

from app.cli.output import positive

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    st = sub.add_parser("station", help="allocation and wave planning")
    ssub = st.add_subparsers(dest="station_command", metavar="WHAT", required=True)
    alloc = ssub.add_parser("allocate", parents=[common],
                            help="allocate stock to every new or back-ordered order")
    alloc.add_argument("--json", action="store_true")
    alloc.set_defaults(func=cmd_allocate)
    plan = ssub.add_parser("plan-waves", parents=[common], help="put every allocated order into a wave")
    plan.add_argument("--max-orders", type=positive,
                      help="orders (totes) per wave (default: the site's setting)")
    plan.add_argument("--max-lines", type=positive,
                      help="pick lines per wave (default: the site's setting)")
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(func=cmd_plan)


def cmd_allocate(rt: Runtime) -> int:
    from app.db import retrying
    from app.services.allocation import allocate_open

    args = rt.args
    planner = rt.user("station.plan")
    # a deadlock with another station's allocation is retried, never shown
    results = retrying(rt.sessions, lambda s: allocate_open(s, planner, rt.clock()))
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


def cmd_plan(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.waves import Limits, plan_waves

    args = rt.args
    planner = rt.user("station.plan")
    with unit_of_work(rt.sessions) as s:
        default = Limits.from_settings(s)
        limits = Limits(args.max_orders or default.orders, args.max_lines or default.lines)
        planned = plan_waves(s, planner, rt.clock(), limits)
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
