"""Screenshot views of the Setup window's Site, Users, Settings, Warehouses-and-bins and
Packaging-boxes tabs on the demo, each mid-task (a row chosen, a save just made)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.services import site
from ui.admin.window import AdminWindow


def _window(ctx: AppContext, key: str) -> tuple[AdminWindow, QWidget]:
    window = AdminWindow(ctx)
    return window, window.show_tab(key)


def _site(ctx: AppContext) -> QWidget:
    with read_only(ctx.sessions) as s:
        known = site.current(s)
    if known is None:  # the demo predates packdesk init: give the screenshot's copy a site
        with unit_of_work(ctx.sessions) as s:
            site.update(s, ctx.user, site.SiteInfo("杭州云仓", "浙江省杭州市余杭区仓前街道 88 号",
                                                   "0571-88886666"))
    window, tab = _window(ctx, "site")
    tab.load()
    return window


def _users(ctx: AppContext) -> QWidget:
    window, tab = _window(ctx, "users")
    if len(tab.rows) > 1:
        tab.table.selectRow(1)
    return window


def _settings(ctx: AppContext) -> QWidget:
    window, tab = _window(ctx, "settings")
    tab.fields["verify.sample_pct"].setText("150")
    tab.save()  # refused: the one-line message under the form
    return window


def _warehouses(ctx: AppContext) -> QWidget:
    window, tab = _window(ctx, "warehouses")
    tab.pattern.setText("R-01-01-1..R-04-05-3")
    tab.generate()
    return window


def _boxes(ctx: AppContext) -> QWidget:
    window, tab = _window(ctx, "boxes")
    codes = [b.code for b in tab.boxes]
    if "BOX-2" in codes:
        tab.table.selectRow(codes.index("BOX-2"))
    return window


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "admin.site": _site,
    "admin.users": _users,
    "admin.settings": _settings,
    "admin.warehouses": _warehouses,
    "admin.boxes": _boxes,
}
