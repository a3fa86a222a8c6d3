"""``packdesk screenshot``: render one named view offscreen with real data and save a PNG.

Views set up their scenes by writing (packing a tote, raising an incident), so a screenshot is
always taken on a throwaway copy of the database, or on a fresh demo, in a temporary folder
(``render_isolated``): the database and settings it was pointed at stay byte for byte the same.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from app.context import AppContext
from app.db import read_only
from app.errors import ConfigError
from app.extensions import import_optional

ViewFactory = Callable[[AppContext], QWidget]
# modules whose VIEWS dict adds views; each area registers its own
VIEW_MODULES = [
    "ui.station.screens",
    "ui.station.pick_screens",
    "ui.service.screens",
    "ui.service.work_screens",
    "ui.service.insight_screens",
    "ui.service.assist_screens",
    "ui.service.channel_screens",
    "ui.intake.screens",
    "ui.print_screens",
    "ui.settings.screens",
    "ui.admin.catalog_screens",
    "ui.admin.screens",
    "ui.station.video_screens",
    "ui.stock.screens",
]


def _shell_views() -> dict[str, ViewFactory]:
    from ui.login import LoginWindow
    from ui.main_window import MainWindow

    return {
        "login": lambda ctx: LoginWindow(ctx, ctx.settings.language or "en"),
        "main": lambda ctx: MainWindow(ctx),
    }


def view_names() -> list[str]:
    """Every view ``packdesk screenshot --view`` takes, sorted (what ``--view`` alone lists)."""
    return sorted(views())


def views() -> dict[str, ViewFactory]:
    found = _shell_views()
    for name in VIEW_MODULES:
        module = import_optional(name)
        if module is not None:
            found.update(module.VIEWS)
    return found


def sign_in_as_admin(ctx: AppContext) -> AppContext:
    """Views are rendered as the first admin (or supervisor) so every mode is visible."""
    from app.services.auth import first_manager

    with read_only(ctx.sessions) as s:
        user = first_manager(s)
    if user is None:
        raise ConfigError("The database has no admin user; load demo data first (packdesk demo).")
    return ctx.signed_in(user)


def render(ctx: AppContext, view: str, out: Path, size: tuple[int, int] | None = None) -> Path:
    """Render on ``ctx`` as it is: views write to its database, so give it a throwaway one
    (``render_isolated`` does)."""
    from ui.app import Shell

    available = views()
    if view not in available:
        raise ConfigError("Unknown view {view!r}; known views: {known}", view=view,
                          known=", ".join(sorted(available)))
    shell = Shell(ctx, ctx.settings)  # fonts + translations exactly as the app installs them
    widget: QWidget | None = None
    try:
        widget = available[view](sign_in_as_admin(ctx))
        if size:
            widget.resize(*size)
        widget.show()
        for _ in range(3):  # let layouts and deferred loads settle
            QApplication.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not widget.grab().save(str(out)):
            raise ConfigError("Cannot write {out}", out=str(out))
    finally:
        if widget is not None:
            widget.close()
            widget.deleteLater()
        shell.close()
    return out


def render_isolated(source_url: str | None, view: str, out: Path | None,
                    size: tuple[int, int] | None = None, language: str = "en") -> Path:
    """Render ``view`` from a copy of the SQLite database at ``source_url`` (None: a fresh demo),
    made in a temporary folder that also takes the settings, printed files and log it writes."""
    from app import reference
    from app.context import AppContext
    from app.db import make_engine, upgrade
    from app.demo_profile import DemoProfile

    known = view_names()
    if view not in known:
        raise ConfigError("Unknown view {view!r}; known views: {known}", view=view, known=", ".join(known))
    if out is None:
        raise ConfigError("Where to? Add --out FILE.png.")
    out = out.resolve()
    with tempfile.TemporaryDirectory(prefix="packdesk-screenshot-") as folder:
        copy = Path(folder) / "screenshot.sqlite"
        if source_url is not None:
            _copy_sqlite(source_url, copy)
        profile = DemoProfile(f"sqlite:///{copy}", Path(folder))
        with profile.active() as settings:
            settings.language = language
            engine = make_engine(profile.database_url)
            try:
                upgrade(engine)  # the copy, never the source
                reference.ensure(engine)
                if source_url is None:
                    from app.demo import load_demo

                    load_demo(engine)
                return render(AppContext(engine=engine, settings=settings), view, out, size)
            finally:
                engine.dispose()


def _copy_sqlite(source_url: str, target: Path) -> None:
    """A consistent copy through SQLite's backup API on a read-only connection (works while
    stations keep writing; a read-only connection never checkpoints into the source file)."""
    from app.db import parse_url

    url = parse_url(source_url)
    path = Path(url.database or "")
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise ConfigError("Screenshots copy the database they show, and only a SQLite file can be "
                          "copied here: leave out --db for a fresh demo, or give a sqlite:/// file.")
    if not path.is_file():
        raise ConfigError("No database at {path}.", path=str(path))
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    dest = sqlite3.connect(target)
    try:
        with dest:
            source.backup(dest)
    except sqlite3.Error as exc:
        raise ConfigError("Cannot copy {path}: {reason}", path=str(path), reason=str(exc)) from None
    finally:
        dest.close()
        source.close()
