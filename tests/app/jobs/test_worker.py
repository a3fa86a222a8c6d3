"""The worker runs the site's jobs with no window open, each job on one worker at a time, records
every outcome, and stops cleanly on SIGTERM."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest
from sqlalchemy import select, update

from app.cli import main
from app.db import make_engine, read_only, session_factory, unit_of_work
from app.jobs import Job, site_jobs
from app.jobs.worker import Worker, status
from app.models.accounts import Role
from app.models.base import utcnow
from app.models.service import AlertRule, ContactChannel, Direction, Incident, Interaction, TicketEvent
from app.services import incidents, tickets
from tests.conftest import make_ctx
from tests.support.service_world import T0, build_world


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _contacts(engine, customer_id: int, n: int, at: dt.datetime) -> None:
    with unit_of_work(session_factory(engine)) as s:
        s.add_all(Interaction(customer_id=customer_id, channel=ContactChannel.CHAT,
                              direction=Direction.INBOUND, body=f"在吗 {i}",
                              occurred_at=at - dt.timedelta(minutes=1 + i % 50))
                  for i in range(n))


def test_with_no_window_open_the_worker_escalates_a_late_ticket_and_raises_an_incident(engine, capsys):
    world = build_world(engine)
    agent = make_ctx(engine, Role.AGENT, world.agent_id, "agent1")
    with unit_of_work(session_factory(engine)) as s:  # an email opened days ago: every clock ran out
        tickets.open_ticket(s, agent.user, customer_id=world.wei, subject="快递一直没到", body="",
                            channel=ContactChannel.EMAIL, now=T0)
        incidents.ensure_default_rules(s)
        s.execute(update(AlertRule).values(enabled=AlertRule.metric == "contacts_vs_last_week"))
    now = utcnow()
    _contacts(engine, world.wei, 20, now - dt.timedelta(days=7))
    _contacts(engine, world.li, 31, now)  # +55 % on the same hour last week
    assert main(["worker", "--once", "--db", _url(engine)]) == 0
    out = capsys.readouterr().out
    assert "sla: ok: 1 ticket(s) breached" in out and "alerts: ok: raised" in out
    with read_only(session_factory(engine)) as s:
        escalations = s.scalars(select(TicketEvent.new).where(TicketEvent.field == "escalation")).all()
        assert escalations == ["supervisor: resolution time breached"]
        assert s.scalar(select(Incident.title)).startswith("Contacts")
    assert main(["worker", "--once", "--db", _url(engine)]) == 0
    assert capsys.readouterr().out == ""  # nothing is due again within its period
    assert main(["worker", "--status", "--db", _url(engine)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("sla ") and "ok (1 ticket(s) breached)" in line for line in lines)


def _counting_jobs(counter: Counter, lock: threading.Lock) -> list[Job]:
    def make(name: str):
        def run(factory, now):
            with lock:
                counter[(name, now.replace(microsecond=0))] += 1
            time.sleep(0.2)  # long enough for the other worker to try meanwhile
            return "counted"
        return Job(name, dt.timedelta(seconds=60), run, name)
    return [make("a"), make("b"), make("c")]


@pytest.mark.postgres
def test_two_workers_on_postgresql_run_each_job_once_per_period(pg_url):
    engine = make_engine(pg_url)
    factory = session_factory(engine)
    counter: Counter = Counter()
    lock = threading.Lock()
    t = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    clock = {"now": t}
    workers = [Worker(factory, _counting_jobs(counter, lock), owner=f"w{i}", clock=lambda: clock["now"])
               for i in range(2)]
    for period in range(3):
        clock["now"] = t + dt.timedelta(minutes=period)
        barrier = threading.Barrier(2)

        def tick(w: Worker, barrier=barrier) -> None:
            barrier.wait()
            w.run_due()

        threads = [threading.Thread(target=tick, args=(w,)) for w in workers]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    assert sorted(counter.values()) == [1] * 9  # 3 jobs x 3 periods, each once
    assert all(j.ok and j.running_on == "" for j in status(factory, workers[0].jobs))
    engine.dispose()


def test_a_failing_job_is_recorded_and_the_others_still_run(engine):
    def broken(factory, now):
        raise RuntimeError("printer tcp://10.0.0.9:9100 refused the connection\nmore detail")

    jobs = [Job("broken", dt.timedelta(seconds=5), broken, "x"), *site_jobs()[:1]]
    outcomes = Worker(session_factory(engine), jobs).run_due()
    assert [(o.job, o.ok) for o in outcomes] == [("broken", False), ("sla", True)]
    (failed, _sla) = status(session_factory(engine), jobs)
    assert failed.error == "printer tcp://10.0.0.9:9100 refused the connection" and failed.ok is False


def test_worker_process_stops_cleanly_on_sigterm_and_logs_in_the_data_folder(engine, tmp_path):
    env = {**os.environ, "PACKDESK_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "app.cli", "worker", "--db", _url(engine), "--tick", "0.2"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stderr is not None
        assert proc.stderr.readline().startswith("Worker ")
        time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        assert "Worker stopped." in proc.stderr.read()
    finally:
        proc.kill()
    assert (tmp_path / "data" / "logs" / "worker.log").exists()
