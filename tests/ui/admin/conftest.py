"""A new site with its first admin, as ``packdesk init`` leaves it: what the Setup screens start from."""

from __future__ import annotations

import datetime as dt

import pytest

from app.context import AppContext
from app.models.accounts import Role
from app.services import packaging, site
from tests.conftest import make_ctx


@pytest.fixture
def admin_ctx(engine) -> AppContext:
    with make_ctx(engine).sessions.begin() as s:
        boss = site.initialise(s, site.SiteInfo("杭州小店"), "boss", "open-sesame-9", dt.datetime.now(dt.UTC))
        packaging.seed_defaults(s)  # as packdesk init does
    return make_ctx(engine, Role.ADMIN, boss, "boss")


@pytest.fixture
def supervisor_ctx(admin_ctx) -> AppContext:
    from app.services import users

    with admin_ctx.sessions.begin() as s:
        chief = users.add_user(s, admin_ctx.user, "chief", Role.SUPERVISOR, "shift-lead-1")
    return make_ctx(admin_ctx.engine, Role.SUPERVISOR, chief.id, "chief")
