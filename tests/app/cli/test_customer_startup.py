"""``packdesk customer find`` loads only what a search needs (it is typed while a caller waits):
no alembic, Qt, reportlab, machine learning or text models, and only the models it reads."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

# What a search declares: its own tables, the user signing in, the audit entry, the site's zone.
SEARCH_MODELS = {"accounts", "audit", "base", "orders", "settings", "shipments", "site_record", "tickets"}
NEVER = ("alembic", "PySide6", "shiboken6", "reportlab", "sklearn", "numpy", "app.reference",
         "app.services.text", "sqlalchemy.dialects.postgresql", "printing.documents", "serial")


def _models(modules: set[str]) -> set[str]:
    return {m.removeprefix("app.models.") for m in modules if m.startswith("app.models.")}


def _find_in_a_new_process(url: str, query: str) -> tuple[int, str, set[str]]:
    code = ("import json, sys; from app.cli import main; rc = main(sys.argv[1:]); "
            "print(json.dumps(sorted(sys.modules))); sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code, "customer", "find", query, "--db", url],
                          capture_output=True, text=True, timeout=60)
    *lines, modules = done.stdout.strip().splitlines()
    return done.returncode, "\n".join(lines) + done.stderr, set(json.loads(modules))


def test_a_phone_search_finds_the_customer_and_loads_only_what_it_reads(demo_engine):
    path = demo_engine.url.database
    with sqlite3.connect(path) as conn:
        customer_id, phone = conn.execute(
            "SELECT customer_id, phone FROM customer_phones ORDER BY id").fetchone()
    rc, out, modules = _find_in_a_new_process(f"sqlite:///{path}", phone)
    assert rc == 0, out
    assert f"#{customer_id} " in out and f"phone {phone[:3]}****{phone[-4:]}" in out
    assert [m for m in NEVER if m in modules] == []
    assert _models(modules) == SEARCH_MODELS


def test_a_search_by_name_and_an_unknown_ticket_load_no_more_models(demo_engine):
    path = demo_engine.url.database
    with sqlite3.connect(path) as conn:
        (name,) = conn.execute("SELECT name FROM customers ORDER BY id").fetchone()
    for query, expected_rc in ((name, 0), ("T-999999", 4)):
        rc, out, modules = _find_in_a_new_process(f"sqlite:///{path}", query)
        assert rc == expected_rc, out
        assert _models(modules) == SEARCH_MODELS
