"""``packdesk init``: a new site from nothing, and never over a site in use."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.cli import main
from app.db import make_engine, read_only, session_factory
from app.models.accounts import Role
from app.models.audit import AuditEntry
from app.services import site
from app.services.auth import login_password


def _password_file(tmp_path, password="open-sesame-9"):
    path = tmp_path / "admin.pw"
    path.write_text(password + "\n")
    path.chmod(0o600)
    return str(path)


def test_init_creates_the_database_the_admin_and_the_site_then_refuses_to_run_again(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'new' / 'site.sqlite'}"
    args = ["init", "--db", url, "--admin", "boss", "--password-file", _password_file(tmp_path),
            "--name", "杭州小店", "--return-address", "浙江省杭州市西湖区文三路 1 号",
            "--phone", "0571-88886666",
            "--time-zone", "Asia/Shanghai", "--currency", "cny", "--languages", "zh_CN,en"]
    assert main(args) == 0
    out = capsys.readouterr()
    assert "Site 杭州小店 is set up" in out.out and "Created a new database" in out.err
    engine = make_engine(url)
    with read_only(session_factory(engine)) as s:
        assert site.current(s) == site.SiteInfo("杭州小店", "浙江省杭州市西湖区文三路 1 号", "0571-88886666",
                                                "Asia/Shanghai", "CNY", ("zh_CN", "en"))
        assert login_password(s, "boss", "open-sesame-9").role is Role.ADMIN
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.action == "site.init")) == "site.init"
    assert main([*args[:-2], "--languages", "en"]) == 1
    assert "already has a site (杭州小店)" in capsys.readouterr().err
    engine.dispose()


@pytest.mark.parametrize(("option", "value", "says"), [
    ("--time-zone", "Shanghai", "Unknown time zone 'Shanghai'"),
    ("--currency", "RMB1", "not a three-letter code"),
    ("--languages", "zh_TW", "Languages must be among zh_CN, en"),
])
def test_a_wrong_answer_is_one_line_and_creates_no_database(tmp_path, capsys, option, value, says):
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    assert main(["init", "--db", url, "--admin", "boss", "--password-file", _password_file(tmp_path),
                 "--name", "X", option, value]) == 1
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
    assert not (tmp_path / "site.sqlite").exists()


def test_a_short_password_or_a_database_with_users_is_refused(tmp_path, capsys, demo_engine):
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    assert main(["init", "--db", url, "--admin", "boss", "--password-file",
                 _password_file(tmp_path, "short"), "--name", "X"]) == 1
    assert "at least 8 characters" in capsys.readouterr().err
    demo = demo_engine.url.render_as_string(hide_password=False)
    assert main(["init", "--db", demo, "--admin", "boss", "--password-file", _password_file(tmp_path),
                 "--name", "X"]) == 1
    assert "already has a site" in capsys.readouterr().err  # the demo has its site and users


def test_an_admin_corrects_the_site_and_a_supervisor_may_not(engine):
    import datetime as dt

    from app.errors import DomainError, PermissionDenied
    from tests.conftest import make_ctx

    sessions = session_factory(engine)
    with sessions.begin() as s:
        boss = site.initialise(s, site.SiteInfo("小店"), "boss", "open-sesame-9", dt.datetime.now(dt.UTC))
    ctx = make_ctx(engine, Role.ADMIN, boss, "boss")
    info = site.SiteInfo("杭州小店", "文三路 1 号", "0571-88886666", "Europe/Berlin", "eur", ("en",))
    with ctx.sessions.begin() as s:
        assert site.update(s, ctx.user, info).currency == "EUR"
    with ctx.sessions.begin() as s:
        with pytest.raises(DomainError, match="Unknown time zone"):
            site.update(s, ctx.user, site.SiteInfo("杭州小店", time_zone="Berlin"))
        with pytest.raises(PermissionDenied):
            site.update(s, make_ctx(ctx.engine, Role.SUPERVISOR).user, info)
    with read_only(ctx.sessions) as s:
        assert site.current(s) == site.SiteInfo("杭州小店", "文三路 1 号", "0571-88886666", "Europe/Berlin",
                                                "EUR", ("en",))
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.action == "site.update")) == "site.update"
