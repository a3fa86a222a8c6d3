"""``packdesk assist``: what the agent assist suggests for a message, retraining the intent
model from the shipped examples and the desk's labels, and the answer bot's weekly figures."""

from __future__ import annotations

import argparse
import datetime as dt
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
    bot = asub.add_parser("bot", parents=[common],
                          help="the answer bot per week: answered, contained, accuracy")
    bot.add_argument("--from", dest="start", type=_day, help="first day, YYYY-MM-DD (default: 4 weeks ago)")
    bot.add_argument("--to", dest="end", type=_day, help="last day, YYYY-MM-DD (default: today)")
    bot.add_argument("--json", action="store_true")
    bot.set_defaults(func=cmd_bot)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day (YYYY-MM-DD): {text!r}") from None


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


def cmd_bot(rt: Runtime) -> int:
    from app.db import read_only
    from app.services import answer_bot

    rt.user("service.dashboard")
    now = rt.clock()
    end = rt.args.end or now.date()
    start = rt.args.start or end - dt.timedelta(days=27)
    with read_only(rt.sessions) as s:
        weeks = answer_bot.weekly(s, start, end, now)
    if rt.args.json:
        print_json([{"week": w.week.isoformat(), "messages": w.messages, "answered": w.answered,
                     "answered_share": w.answered_share, "contained": w.contained, "judged": w.judged,
                     "contained_share": w.contained_share, "labelled": w.labelled, "agreed": w.agreed,
                     "accuracy": w.accuracy} for w in weeks])
        return 0

    def share(x: float | None) -> str:
        return f"{x:.0%}" if x is not None else "-"

    print(f"{'week of':<11} {'messages':>8} {'answered':>8} {'contained':>9} {'accuracy':>8}")
    for w in weeks:
        print(f"{w.week.isoformat():<11} {w.messages:>8} {share(w.answered_share):>8} "
              f"{share(w.contained_share):>9} {share(w.accuracy):>8}")
    if not weeks:
        print("No customer message reached the bot in this range.")
    return 0
