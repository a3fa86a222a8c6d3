"""Live across stations: two app instances on one PostgreSQL database, each with its own engine and
its own listener connection, see each other's changes (a ticket taken, replied, reassigned, an
incident raised, a pack lock) well within 2 s; on SQLite a commit by another connection shows
through ``PRAGMA data_version`` (only the topics that changed). Nothing is said for a transaction
that was rolled back."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from app.db import make_engine, session_factory, unit_of_work
from app.models.accounts import Role
from app.models.orders import Order
from app.models.service import ContactChannel, Incident
from app.services import live, settings, tickets
from tests.conftest import make_ctx
from tests.support.service_world import T0, build_world

WITHIN_S = 2.0


class Station:
    """One desktop: its engine and its listener, the topics it heard in order."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.factory = session_factory(self.engine)
        self.heard: list[set[str]] = []
        self._lock = threading.Lock()
        self.listener = live.Listener(self.engine, self._hear, interval=0.05).start()

    def _hear(self, topics: set[str]) -> None:
        with self._lock:
            self.heard.append(topics)

    def forget(self) -> None:
        with self._lock:
            self.heard.clear()

    def wait_for(self, topic: str, timeout_s: float = WITHIN_S) -> float:
        start = time.monotonic()
        while time.monotonic() - start < timeout_s:
            with self._lock:
                if any(topic in t for t in self.heard):
                    return time.monotonic() - start
            time.sleep(0.005)
        raise AssertionError(f"{topic} not heard within {timeout_s} s (heard {self.heard})")

    def close(self) -> None:
        self.listener.stop()
        self.engine.dispose()


@pytest.fixture
def two_stations(pg_url):
    live.install()
    world = build_world(make_engine(pg_url))
    a, b = Station(pg_url), Station(pg_url)
    yield world, a, b
    a.close()
    b.close()


def test_two_stations_on_postgresql_see_each_others_changes_within_two_seconds(two_stations):
    world, a, b = two_stations
    agent = make_ctx(a.engine, Role.AGENT, world.agent_id, "agent1").user
    boss = make_ctx(b.engine, Role.SUPERVISOR, world.super_id, "super1").user
    waits = {}
    with unit_of_work(a.factory) as s:  # station A: a ticket handed to the queue, nobody available
        tickets.set_available(s, agent, False)
        tid = tickets.open_ticket(s, agent, customer_id=world.wei, subject="快递一直没到",
                                  channel=ContactChannel.PHONE, now=T0, to_queue=True).id
    waits["opened"] = b.wait_for("tickets")
    b.forget()
    with unit_of_work(a.factory) as s:  # A takes it
        tickets.assign(s, agent, tid, world.agent_id, T0)
    waits["taken"] = b.wait_for("tickets")
    a.forget()
    with unit_of_work(b.factory) as s:  # B reassigns it to the supervisor and replies
        tickets.assign(s, boss, tid, world.super_id, T0)
        tickets.reply(s, boss, tid, "您好，我来跟进", T0)
    waits["reassigned and replied"] = a.wait_for("tickets")
    a.forget()
    with unit_of_work(b.factory) as s:
        s.add(Incident(title="顺丰延误", opened_at=T0))
    waits["incident"] = a.wait_for("incidents")
    b.forget()
    with unit_of_work(a.factory) as s:  # the pack lock: station A starts packing an order
        order = s.query(Order).filter_by(number=world.order).one()
        order.locked_by, order.locked_at = "PACK-01", T0 + dt.timedelta(minutes=1)
    waits["pack lock"] = b.wait_for("orders")
    print("live update waits (s):", {k: round(v, 3) for k, v in waits.items()})
    assert max(waits.values()) < WITHIN_S


def test_a_rolled_back_change_is_not_announced(two_stations):
    _, a, b = two_stations
    with pytest.raises(RuntimeError), unit_of_work(a.factory) as s:
        s.add(Incident(title="误报", opened_at=T0))
        s.flush()
        raise RuntimeError("the user cancelled")
    with pytest.raises(AssertionError, match="not heard"):
        b.wait_for("incidents", timeout_s=0.5)


def test_sqlite_stations_see_a_commit_through_data_version(engine):
    path = engine.url.database
    other = Station(f"sqlite:///{path}")
    try:
        with unit_of_work(session_factory(engine)) as s:  # a change no screen shows: nothing said
            settings.put(s, "service.sla_warn_minutes", 20)
        with pytest.raises(AssertionError, match="not heard"):
            other.wait_for("tickets", timeout_s=0.5)
        with unit_of_work(session_factory(engine)) as s:
            s.add(Incident(title="顺丰延误", opened_at=T0))
        assert other.wait_for("incidents") < WITHIN_S
        assert all(topics == {"incidents"} for topics in other.heard)
    finally:
        other.close()
