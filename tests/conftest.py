"""Fixtures shared by every test: isolated settings dirs, migrated databases, contexts.

``engine`` is a fresh migrated SQLite file; ``any_engine`` runs a test on SQLite and, when
``PACKDESK_TEST_PG_URL`` points at a server, on a fresh PostgreSQL database cloned from a
migrated template. ``demo_engine`` is a copy of a small deterministic demo database. A Qt test
whose modal dialog nobody answers fails after ``MODAL_LIMIT_S`` instead of hanging the run.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.config import StationSettings
from app.context import AppContext, CurrentUser
from app.db import check_connection, make_engine, parse_url, upgrade
from app.errors import ConfigError
from app.models.accounts import Role

PG_URL = os.environ.get("PACKDESK_TEST_PG_URL", "")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the developer's real settings or database."""
    base = tmp_path_factory.mktemp("packdesk-home")
    monkeypatch.setenv("PACKDESK_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("PACKDESK_DATA_DIR", str(base / "data"))
    monkeypatch.delenv("PACKDESK_DATABASE_URL", raising=False)
    # CLI commands run as a named user; on demo data that is the demo's admin (cli_as for others)
    monkeypatch.setenv("PACKDESK_USER", "admin")
    monkeypatch.setenv("PACKDESK_PASSWORD", "admin123")


CLI_PASSWORD = "cli-secret-1"


@pytest.fixture
def cli_as(monkeypatch: pytest.MonkeyPatch):
    """``cli_as(engine, Role.AGENT)``: CLI commands sign in as a user of that role (created in
    that database if missing, with a real password)."""

    def sign_in(engine: Engine, role: Role = Role.ADMIN, username: str | None = None) -> str:
        from sqlalchemy.orm import Session

        from app.models.accounts import User
        from app.services.auth import hash_password

        name = username or f"cli-{role.value}"
        with Session(engine) as s, s.begin():
            if s.query(User).filter_by(username=name).first() is None:
                s.add(User(username=name, display_name=name, password_hash=hash_password(CLI_PASSWORD),
                           role=role))
        monkeypatch.setenv("PACKDESK_USER", name)
        monkeypatch.setenv("PACKDESK_PASSWORD", CLI_PASSWORD)
        return name

    return sign_in


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


def _sqlite_copy(template: Path, tmp_path: Path) -> Engine:
    path = tmp_path / "packdesk.sqlite"
    shutil.copyfile(template, path)
    return make_engine(f"sqlite:///{path}")


@pytest.fixture
def engine(_migrated_sqlite: Path, tmp_path: Path) -> Iterator[Engine]:
    eng = _sqlite_copy(_migrated_sqlite, tmp_path)
    yield eng
    eng.dispose()


def _admin_engine() -> Engine:
    return make_engine(PG_URL).execution_options(isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("PostgreSQL not configured (set PACKDESK_TEST_PG_URL)")
    admin = _admin_engine()
    try:
        check_connection(admin)
    except ConfigError as exc:
        if os.environ.get("PACKDESK_REQUIRE_PG"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    name = f"packdesk_tpl_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    eng = make_engine(parse_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    upgrade(eng)
    eng.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_url(_pg_template: str) -> Iterator[str]:
    """A fresh migrated PostgreSQL database for one test (cloned from the template)."""
    name = f"packdesk_t_{uuid.uuid4().hex[:10]}"
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_pg_template}"'))
    yield parse_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_engine(request: pytest.FixtureRequest, _migrated_sqlite: Path, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        eng = _sqlite_copy(_migrated_sqlite, tmp_path)
    else:
        eng = make_engine(request.getfixturevalue("pg_url"))
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def _demo_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import DemoSize, load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    eng = make_engine(f"sqlite:///{path}")
    upgrade(eng)
    load_demo(eng, seed=7, size=DemoSize(customers=300, orders=900))
    eng.dispose()
    return path


@pytest.fixture
def demo_engine(_demo_sqlite: Path, tmp_path: Path) -> Iterator[Engine]:
    """A private copy of the small demo database (seed 7: 300 customers, 900 orders)."""
    eng = _sqlite_copy(_demo_sqlite, tmp_path)
    yield eng
    eng.dispose()


def make_ctx(
    engine: Engine, role: Role = Role.ADMIN, user_id: int = 1, username: str = "admin"
) -> AppContext:
    return AppContext(
        engine=engine,
        settings=StationSettings(station="TEST-ST1"),
        user=CurrentUser(user_id, username, username.title(), role),
    )


@pytest.fixture
def ctx(engine: Engine) -> AppContext:
    """Signed in as an admin on a fresh empty database (user id 1 need not exist)."""
    return make_ctx(engine)


@pytest.fixture
def demo_ctx(demo_engine: Engine) -> AppContext:
    """Signed in as the demo admin (user ``admin``) on the demo database."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from app.models.accounts import User

    with Session(demo_engine) as s:
        admin = s.scalar(select(User).where(User.username == "admin"))
        assert admin is not None
        return make_ctx(demo_engine, Role.ADMIN, admin.id, "admin")


MODAL_LIMIT_S = float(os.environ.get("PACKDESK_TEST_MODAL_LIMIT_S", "20"))
_MODAL_WATCH = pytest.StashKey["_ModalWatch"]()


class _ModalWatch:
    """Looks at the active modal widget twice a second; one open longer than the limit is
    described, closed (so ``exec()`` returns) and kept as the test's failure."""

    def __init__(self, limit_s: float) -> None:
        self.limit_s = limit_s
        self.widget: object = None
        self.since = time.monotonic()
        self.failures: list[str] = []

    def check(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

        widget = QApplication.activeModalWidget()
        if widget is not self.widget:
            self.widget, self.since = widget, time.monotonic()
            return
        if widget is None or time.monotonic() - self.since <= self.limit_s:
            return
        said = f" saying {widget.text()!r}" if isinstance(widget, QMessageBox) else ""
        self.failures.append(f"{type(widget).__name__} {widget.objectName()!r} titled "
                             f"{widget.windowTitle()!r}{said}")
        self.widget = None
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        else:
            widget.close()


@pytest.fixture(autouse=True)
def _unanswered_dialogs_fail_fast(request: pytest.FixtureRequest) -> Iterator[None]:
    """No pytest-timeout here: a modal dialog nobody answered once hung a test for 12 minutes."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from PySide6.QtCore import QTimer

    request.getfixturevalue("qapp")
    watch = request.node.stash[_MODAL_WATCH] = _ModalWatch(MODAL_LIMIT_S)
    timer = QTimer()
    timer.timeout.connect(watch.check)
    timer.start(500)
    yield
    timer.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """The test itself fails (not its teardown) when the guard had to close a dialog."""
    try:
        return (yield)
    finally:
        watch = item.stash.get(_MODAL_WATCH, None)
        if watch is not None and watch.failures:
            pytest.fail(f"a modal dialog stayed open with nobody to answer it for more than "
                        f"{watch.limit_s:g} s and was closed: {'; '.join(watch.failures)}. Answer it in "
                        "the test (e.g. a QTimer.singleShot that clicks its button) or do not open it.",
                        pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def _free_qt_objects_before_exit() -> Iterator[None]:
    """Free every widget while the QApplication lives; Qt objects freed later by the
    interpreter's final garbage collection crash the process at exit."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
