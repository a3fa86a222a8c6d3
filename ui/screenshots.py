"""``packdesk screenshot``: render one named view offscreen with real data and save a PNG."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app.context import AppContext, CurrentUser
from app.db import read_only
from app.errors import ConfigError
from app.extensions import import_optional
from app.models.accounts import Role, User

ViewFactory = Callable[[AppContext], QWidget]
# modules whose VIEWS dict adds views; each area registers its own
VIEW_MODULES = [
    "ui.station.screens",
    "ui.station.pick_screens",
    "ui.service.screens",
    "ui.service.work_screens",
    "ui.service.insight_screens",
    "ui.intake.screens",
    "ui.settings.screens",
]


def _shell_views() -> dict[str, ViewFactory]:
    from ui.login import LoginWindow
    from ui.main_window import MainWindow

    return {
        "login": lambda ctx: LoginWindow(ctx, ctx.settings.language or "en"),
        "main": lambda ctx: MainWindow(ctx),
    }


def views() -> dict[str, ViewFactory]:
    found = _shell_views()
    for name in VIEW_MODULES:
        module = import_optional(name)
        if module is not None:
            found.update(module.VIEWS)
    return found


def sign_in_as_admin(ctx: AppContext) -> AppContext:
    """Views are rendered as the first admin (or supervisor) so every mode is visible."""
    with read_only(ctx.sessions) as s:
        user = s.scalar(
            select(User).where(User.role.in_((Role.ADMIN, Role.SUPERVISOR))).order_by(User.id)
        )
    if user is None:
        raise ConfigError("The database has no admin user; load demo data first (packdesk demo).")
    return ctx.signed_in(CurrentUser(user.id, user.username, user.display_name, user.role))


def render(ctx: AppContext, view: str, out: Path, size: tuple[int, int] | None = None) -> Path:
    from ui.app import Shell

    available = views()
    if view not in available:
        raise ConfigError(f"Unknown view {view!r}; known views: {', '.join(sorted(available))}")
    shell = Shell(ctx, ctx.settings)  # fonts + translations exactly as the app installs them
    widget = available[view](sign_in_as_admin(ctx))
    try:
        if size:
            widget.resize(*size)
        widget.show()
        for _ in range(3):  # let layouts and deferred loads settle
            QApplication.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not widget.grab().save(str(out)):
            raise ConfigError(f"Cannot write {out}")
    finally:
        widget.close()
        widget.deleteLater()
        shell.close()
    return out
