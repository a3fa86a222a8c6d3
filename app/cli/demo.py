"""``packdesk demo``: load demo data into a new database, then start the app with a simulated
scale and scanner on real ptys."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from app.cli.output import positive
from app.errors import ConfigError

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = sub.add_parser("demo", parents=[common],
                          help="load demo data, then start the app with simulated devices")
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    demo.add_argument("--customers", type=positive, default=2_000, help="number of customers")
    demo.add_argument("--orders", type=positive, default=6_000, help="number of orders")
    demo.add_argument("--no-gui", action="store_true", help="load the data and exit")
    demo.set_defaults(func=cmd_demo)


def cmd_demo(rt: Runtime) -> int:
    """The demo keeps its settings, printed files and log in a profile folder beside its database
    and never touches the station's own settings or data folder."""
    from app.demo_profile import demo_profile

    profile = demo_profile(getattr(rt.args, "db", None))
    with profile.active() as settings:
        rt.settings = settings  # the demo's own, saved only into its profile
        rt.args.db = profile.database_url
        _load(rt)
        print(f"Demo settings, printed files and log: {profile.folder}")
        if rt.args.no_gui:
            return 0
        from app.cli.gui import run_demo_shell

        return run_demo_shell(rt)


def _load(rt: Runtime) -> None:
    from sqlalchemy import func, select

    from app.db import read_only
    from app.demo import DEMO_USERS, DemoSize, load_demo
    from app.models.accounts import User

    args = rt.args
    rt.quiet = False
    with read_only(rt.sessions) as s:
        if s.scalar(select(func.count()).select_from(User)):
            raise ConfigError(
                "This database already has users: load the demo into a new file, e.g. "
                "packdesk demo --db sqlite:///demo.sqlite"
            )
    started = time.perf_counter()
    summary = load_demo(
        rt.engine,
        seed=args.seed,
        size=DemoSize(customers=args.customers, orders=args.orders),
        progress=lambda msg: print(f"  loading {msg} …", file=sys.stderr, flush=True),
    )
    print(f"Loaded demo data in {time.perf_counter() - started:.1f} s: {summary.message()}")
    print("Demo users (user / password): " + ", ".join(f"{u} / {p}" for u, p, _r, _n in DEMO_USERS))
