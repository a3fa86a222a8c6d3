"""``packdesk assist``: what the agent assist suggests for a message, and retraining the intent
model from the shipped examples and the desk's labels."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.output import print_json

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    a = sub.add_parser("assist", help="agent assist: suggest replies for a message, retrain the model")
    asub = a.add_subparsers(dest="assist_command", metavar="ACTION", required=True)
    sug = asub.add_parser("suggest", parents=[common], help="intent, confidence and filled suggestions")
    sug.add_argument("text", nargs="+", help="the customer's message (words are joined)")
    sug.add_argument("--customer", type=int, help="fill suggestions from this customer's orders")
    sug.add_argument("--limit", type=int, default=5)
    sug.add_argument("--json", action="store_true")
    sug.set_defaults(func=cmd_suggest)
    asub.add_parser("train", parents=[common], help="rebuild the intent model from examples and labels") \
        .set_defaults(func=cmd_train)


def cmd_suggest(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.assist import suggest

    rt.user("service.use")
    rt.with_reference_data()
    args = rt.args
    with read_only(rt.sessions) as s:
        result = suggest(s, " ".join(args.text), rt.clock(), customer_id=args.customer,
                         limit=max(1, min(args.limit, 20)))
    if args.customer is not None:
        rt.audit("assist.suggest", "customer", args.customer)
    if args.json:
        print_json(result.as_dict())
        return 0
    print(f"intent {result.intent} ({result.confidence:.0%})"
          + (f", order {result.order_number}" if result.order_number else ""))
    for i, item in enumerate(result.suggestions, 1):
        print(f"{i}. [{item.kind}] {item.title}" + (f" (action: {item.action})" if item.action else ""))
        print(f"   {item.text}")
    return 0


def cmd_train(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.intents import retrain

    rt.user("admin.settings")
    with unit_of_work(rt.sessions) as s:
        run = retrain(s, rt.clock())
    print(f"Trained on {run.examples} examples and {run.labels} labels in {run.seconds:.1f} s.")
    return 0
