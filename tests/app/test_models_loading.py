"""Model modules load on their own (a quick command declares only the tables it uses), the package's
``Base`` has them all, and a write declares every model its foreign keys need."""

from __future__ import annotations

import subprocess
import sys

LOADED = "sorted(m.split('.')[-1] for m in sys.modules if m.startswith('app.models.'))"

# A new ticket and a changed one, in a process that imported no model but the ticket's own.
WRITE_A_TICKET = """
import sys
from sqlalchemy import update
from app.db import make_engine, session_factory, unit_of_work
from app.models.tickets import ContactChannel, Ticket

with unit_of_work(session_factory(make_engine(sys.argv[1]))) as s:
    s.add(Ticket(number="T-000001", customer_id=1, subject="Where is my parcel?",
                 channel=ContactChannel.PHONE))
    s.flush()
    s.execute(update(Ticket), [{"id": 1, "subject": "Parcel found"}])
print(len([m for m in sys.modules if m.startswith("app.models.")]))
"""


def _run(code: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                          timeout=60).stdout.strip()


def test_importing_one_model_module_declares_only_it():
    assert _run(f"import sys; import app.models.orders; print({LOADED})") == "['base', 'orders']"


def test_the_package_base_has_the_tables_of_every_model_file():
    """Alembic and the demo loader take ``Base`` from the package: no model file may be missing."""
    every_file = ("import importlib, pathlib, app.models as pkg; from app.models.base import Base; "
                  "[importlib.import_module('app.models.' + p.stem) "
                  "for p in pathlib.Path(pkg.__file__).parent.glob('[a-z]*.py')]; "
                  "print(len(Base.metadata.tables))")
    package = "from app.models import Base; print(len(Base.metadata.tables))"
    assert int(_run(package)) == int(_run(every_file)) >= 59


def test_a_ticket_written_with_only_its_own_module_loaded_is_saved(engine):
    """tickets point at customers, orders, users and incidents: writing one declares them first."""
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customers (id, name, tier, tags, language, lifetime_value, created_at) "
            "VALUES (1, '张伟', 'new', '', 'zh_CN', 0, '2026-12-01 08:00:00')")
    assert int(_run(WRITE_A_TICKET, str(engine.url))) > 10  # every model declared by the write
    with engine.connect() as conn:
        saved = conn.exec_driver_sql("SELECT number, subject FROM tickets").all()
    assert saved == [("T-000001", "Parcel found")]
