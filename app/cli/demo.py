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
    if args.no_gui:
        return 0
    return _run_demo_gui(rt)


def _run_demo_gui(rt: Runtime) -> int:
    """The app on the demo data with a simulated scale and scanner on real ptys."""
    from app.cli.gui import run_shell
    from devices.sim.devices import SimScale, SimScanner
    from ui.sim_panel import SimPanel

    settings = rt.settings
    scale, scanner = SimScale("mt-sics"), SimScanner()
    settings.devices = {"scale": {"port": scale.start(), "protocol": "mt-sics"},
                        "scanner": {"port": scanner.start(), "suffix": "cr"}}
    try:
        return run_shell(rt.context(), settings, extra_windows=(lambda: SimPanel(scale, scanner),))
    finally:
        scale.stop()
        scanner.stop()
