"""``packdesk worker``: the site's background jobs (SLA escalation, alert rules, mail, training)
as a long-running process, for a site on PostgreSQL or a server without a window open. Several
workers may run at once: each job runs on one of them at a time. Stops cleanly on SIGTERM or
Ctrl-C; logs go to the data folder (``logs/worker.log``)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    w = sub.add_parser("worker", parents=[common], help="run the site's background jobs until stopped")
    w.add_argument("--once", action="store_true", help="run what is due now, then exit")
    w.add_argument("--status", action="store_true", help="show each job's last and next run, then exit")
    w.add_argument("--station-jobs", action="store_true",
                   help="also this station's own jobs (its print queue and hot folder)")
    w.add_argument("--tick", type=float, default=1.0, help="seconds between looks for due jobs")
    w.set_defaults(func=cmd_worker)


def _jobs(rt: Runtime) -> list:
    from app.jobs import site_jobs, station_jobs

    return site_jobs() + (station_jobs(rt.settings) if rt.args.station_jobs else [])


def cmd_worker(rt: Runtime) -> int:
    from app.i18n import reword
    from app.jobs.mail import MailWatch
    from app.jobs.worker import Worker, status

    args = rt.args
    jobs = _jobs(rt)
    if args.status:
        for j in status(rt.sessions, jobs):
            failed = f"FAILED: {reword(j.error, rt.language)}"
            state = "never run" if j.ok is None else ("ok" if j.ok else failed)
            print(f"{j.name:<24} last {_when(j.last_finished):<17} "
                  f"next {_when(j.next_due):<17} {state}"
                  + (f" ({j.summary})" if j.ok and j.summary else "")
                  + (f" running on {j.running_on}" if j.running_on else ""))
        return 0
    worker = Worker(rt.sessions, jobs, clock=rt.clock)
    if args.once:
        for o in worker.run_due():
            print(f"{o.job}: {'ok' if o.ok else 'FAILED'}: {o.summary}")
        return 0
    _log_to_data_folder()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print(f"Worker {worker.owner}: {', '.join(j.name for j in jobs)} (SIGTERM or Ctrl-C stops)",
          file=sys.stderr, flush=True)
    watch = MailWatch(rt.sessions, stop).start()  # new mail is fetched at once, not at the next poll
    worker.serve(stop, args.tick)
    watch.join()
    print("Worker stopped.", file=sys.stderr)
    return 0


def _when(at) -> str:
    from app.timezone import fmt

    return fmt(at, "second") if at else "—"


def _log_to_data_folder() -> None:
    from logging.handlers import RotatingFileHandler

    from app.config import data_dir

    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    handler = RotatingFileHandler(folder / "worker.log", maxBytes=5_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
