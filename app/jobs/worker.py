"""The worker: runs each due job, on one worker at a time across a site.

A job is claimed by a conditional UPDATE of its ``job_runs`` row (due, and no live lease), which
both PostgreSQL and SQLite make atomic; the claim commits before the job runs, so a second worker
sees the lease and skips it, and a worker that dies mid-job leaves a lease that runs out. The
next run is scheduled from the claimed start, so two workers never run a job twice in one period.

Runs as a thread of the app for a one-station SQLite site (``WorkerThread``) and as
``packdesk worker`` processes for a site on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.db import affected, read_only, unit_of_work
from app.i18n import stored
from app.jobs import Job
from app.models.base import utcnow
from app.models.jobs import JobRun

log = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=10)  # longer than any job takes; a dead worker's job waits this long
_wake = threading.Event()
_nudged: set[str] = set()  # name prefixes of jobs to run at once, due or not


def nudge(prefix: str) -> None:
    """Run this process's jobs named ``prefix``... now, not at their next period (a label was just
    queued: the packer waits for it)."""
    _nudged.add(prefix)
    _wake.set()


def default_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


@dataclass(frozen=True)
class Outcome:
    job: str
    ok: bool
    summary: str


@dataclass(frozen=True)
class JobStatus:
    """What the UI and ``packdesk worker --status`` show for one job."""

    name: str
    description: str
    last_started: dt.datetime | None
    last_finished: dt.datetime | None
    next_due: dt.datetime | None
    ok: bool | None
    summary: str
    error: str
    running_on: str


class Worker:
    def __init__(
        self,
        factory: sessionmaker[Session],
        jobs: Sequence[Job],
        owner: str | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
        on_outcome: Callable[[Outcome], None] | None = None,
    ) -> None:
        self.factory = factory
        self.jobs = list(jobs)
        self.owner = owner or default_owner()
        self.clock = clock
        self.on_outcome = on_outcome  # called on the worker's thread (the UI queues it to its own)

    def run_due(self) -> list[Outcome]:
        """Run every job that is due and not held by another worker; say what each did."""
        outcomes = []
        for job in self.jobs:
            started = self.clock()
            if self._claim(job, started):
                outcome = self._run(job, started)
                outcomes.append(outcome)
                if self.on_outcome is not None:
                    self.on_outcome(outcome)
        return outcomes

    def serve(self, stop: threading.Event, tick_s: float = 1.0) -> None:
        """Run due jobs until ``stop`` is set (SIGTERM, Ctrl-C, the app closing)."""
        while not stop.is_set():
            try:
                self.run_due()
            except Exception:  # the database away for a moment: try again next tick
                log.exception("worker tick failed")
            _wake.wait(tick_s)  # a nudge ends the wait early; stop is seen within a tick
            _wake.clear()

    def _claim(self, job: Job, now: dt.datetime) -> bool:
        urgent = any(job.name.startswith(p) for p in _nudged)
        _nudged.difference_update({p for p in _nudged if job.name.startswith(p)})
        with unit_of_work(self.factory) as s:
            if s.get(JobRun, job.name) is None:
                try:
                    with s.begin_nested():
                        s.add(JobRun(name=job.name, next_due=now, runs=0))
                except IntegrityError:
                    pass  # another worker made the row a moment ago
            claimed = s.execute(
                update(JobRun)
                .where(JobRun.name == job.name, true() if urgent else JobRun.next_due <= now,
                       (JobRun.lease_until.is_(None)) | (JobRun.lease_until < now))
                .values(lease_owner=self.owner, lease_until=now + LEASE, last_started=now,
                        next_due=now + job.every)
                .execution_options(synchronize_session=False)
            )
            return affected(claimed) == 1

    def _run(self, job: Job, started: dt.datetime) -> Outcome:
        try:
            summary, ok, error, kept = job.run(self.factory, started), True, None, None
        except Exception as exc:  # a job's failure is its own: recorded, shown, and retried next time
            log.warning("job %s failed: %s", job.name, exc, exc_info=True)
            summary, ok, error = "", False, (str(exc).splitlines() or [type(exc).__name__])[0]
            kept = (stored(exc, 500).splitlines() or [error])[0]  # worded later in each screen's language
        with unit_of_work(self.factory) as s:
            s.execute(
                update(JobRun)
                .where(JobRun.name == job.name, JobRun.lease_owner == self.owner)
                .values(lease_owner=None, lease_until=None, last_finished=self.clock(), last_ok=ok,
                        last_summary=summary[:500], last_error=kept, runs=JobRun.runs + 1)
                .execution_options(synchronize_session=False)
            )
        return Outcome(job.name, ok, summary or (error or ""))


def status(factory: sessionmaker[Session], jobs: Sequence[Job]) -> list[JobStatus]:
    with read_only(factory) as s:
        rows = {r.name: r for r in s.scalars(select(JobRun).where(JobRun.name.in_([j.name for j in jobs])))}
    out = []
    for job in jobs:
        r = rows.get(job.name)
        out.append(JobStatus(
            job.name, job.description,
            r.last_started if r else None, r.last_finished if r else None, r.next_due if r else None,
            r.last_ok if r else None, (r.last_summary or "") if r else "", (r.last_error or "") if r else "",
            (r.lease_owner or "") if r else "",
        ))
    return out


class WorkerThread:
    """The worker inside the app: a daemon thread, stopped when the app closes."""

    def __init__(self, worker: Worker, tick_s: float = 1.0) -> None:
        self.worker = worker
        self._stop = threading.Event()
        self._thread = threading.Thread(target=worker.serve, args=(self._stop, tick_s),
                                        name="packdesk-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout)
