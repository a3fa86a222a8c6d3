"""Live across stations: what one desktop commits shows on the others within a second or two.

Writing side: every ORM flush that touches a watched table (a ticket taken, replied, reassigned, an
incident raised, an order's pack lock, a notice) says so in the same transaction: on PostgreSQL a
``pg_notify`` on channel ``packdesk_live`` whose payload is the topic, delivered to the listeners
only when the transaction commits (and once per topic and transaction). SQLite needs nothing:
every commit changes the file's ``PRAGMA data_version`` as another connection sees it, and a few
cheap reads then tell which topics changed.

Reading side: a ``Listener`` holds its own connection (``LISTEN`` on PostgreSQL, a polled
``data_version`` on SQLite) in a thread and calls back with the topics that changed. The UI turns
the call into a Qt signal and refreshes what is shown.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

CHANNEL = "packdesk_live"
# table -> topic the screens listen for
TOPICS = {
    "tickets": "tickets",
    "interactions": "tickets",
    "ticket_events": "tickets",
    "ticket_tags": "tickets",
    "csat_surveys": "tickets",
    "follow_ups": "tickets",
    "incidents": "incidents",
    "orders": "orders",  # the pack lock (locked_by / locked_at) lives on the order
    "service_notices": "notices",
}
ANY = "*"
log = logging.getLogger(__name__)


def _after_flush(session: Session, _context: object) -> None:
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    touched = {TOPICS[t] for t in (_table(o) for o in (*session.new, *session.dirty, *session.deleted))
               if t in TOPICS}
    sent = session.info.setdefault("live.sent", set())
    for topic in sorted(touched - sent):
        session.connection().execute(text("SELECT pg_notify(:channel, :topic)"),
                                     {"channel": CHANNEL, "topic": topic})
        sent.add(topic)


def _after_end(session: Session, *_args: object) -> None:
    session.info.pop("live.sent", None)  # the next transaction notifies again


def _table(obj: object) -> str:
    table = getattr(obj, "__table__", None)
    return getattr(table, "name", "")


def install() -> None:
    """Listen to every session's flushes in this process (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "after_commit", _after_end)
        event.listen(Session, "after_rollback", _after_end)


class Listener:
    """Calls ``on_change(topics)`` from its own thread when another connection committed changes.

    ``interval`` is how long a wait lasts before it checks whether to stop (PostgreSQL) or how often
    ``data_version`` is read (SQLite). A lost PostgreSQL connection is made again with back-off."""

    def __init__(self, engine: Engine, on_change: Callable[[set[str]], None], interval: float = 0.25) -> None:
        self.engine, self.on_change, self.interval = engine, on_change, interval
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="live-listener", daemon=True)

    def start(self, timeout_s: float = 10) -> Listener:
        """Start, and return once the listener's connection is listening."""
        self._thread.start()
        self._ready.wait(timeout_s)
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            try:
                if self.engine.dialect.name == "postgresql":
                    self._listen_postgresql()
                else:
                    self._poll_sqlite()
                backoff = 0.5
            except Exception as exc:  # a dropped connection: try again, never kill the app
                log.warning("live updates: %s; retrying in %.1f s", exc, backoff)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 30)

    def _listen_postgresql(self) -> None:
        import psycopg

        url = self.engine.url.set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True,
                             connect_timeout=5) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            self._ready.set()
            while not self._stop.is_set():
                topics = {n.payload or ANY for n in conn.notifies(timeout=self.interval)}
                if topics:
                    self.on_change(topics)

    def _poll_sqlite(self) -> None:
        database = self.engine.url.database or ""
        if not database or database == ":memory:":
            self._ready.set()
            self._stop.wait()
            return
        conn = sqlite3.connect(database, timeout=5, check_same_thread=False)
        try:
            seen = conn.execute("PRAGMA data_version").fetchone()[0]
            prints = _fingerprints(conn)
            self._ready.set()
            while not self._stop.wait(self.interval):
                now = conn.execute("PRAGMA data_version").fetchone()[0]
                if now == seen:
                    continue
                seen, before, prints = now, prints, _fingerprints(conn)
                topics = {topic for topic, value in prints.items() if before.get(topic) != value}
                if topics:
                    self.on_change(topics)
        finally:
            conn.close()


# SQLite says that the file changed, not what: these cheap reads tell the topics apart, so a
# station's own background jobs (job runs every few seconds) do not refresh every screen
FINGERPRINTS = {
    "tickets": "SELECT (SELECT max(id) FROM ticket_events), (SELECT max(id) FROM interactions), "
               "(SELECT count(*) FROM tickets), (SELECT max(id) FROM csat_surveys), "
               "(SELECT count(*) FROM follow_ups WHERE done_at IS NULL)",
    "incidents": "SELECT max(id), count(closed_at) FROM incidents",
    "orders": "SELECT count(locked_by), max(locked_at) FROM orders",
    "notices": "SELECT max(id) FROM service_notices",
}


def _fingerprints(conn: sqlite3.Connection) -> dict[str, tuple[object, ...]]:
    out = {}
    for topic, query in FINGERPRINTS.items():
        try:
            out[topic] = tuple(conn.execute(query).fetchone())
        except sqlite3.Error:  # a table a newer version adds: that topic is never announced
            out[topic] = ()
    return out
