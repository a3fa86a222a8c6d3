"""The composition root of a ``packdesk`` command: one ``Runtime`` per process, built from the
parsed arguments, handing out settings, the engine, the session factory, the clock and the
signed-in user. Each part is made on first use, so a command that never touches the database
(``devices read-scan``) never imports SQLAlchemy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import ConfigError, PermissionDenied

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from app.config import StationSettings
    from app.context import AppContext, CurrentUser


def common_options() -> argparse.ArgumentParser:
    """Options every command takes, before or after its name (declared here once)."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a value given before the command is not overwritten by the command's default
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="database URL (default: the station's SQLite file)")
    common.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help="sign in as NAME (password from PACKDESK_PASSWORD or a prompt); "
                        "default PACKDESK_USER")
    return common


def _utcnow() -> dt.datetime:
    from app.models.base import utcnow

    return utcnow()


@dataclass
class Runtime:
    args: argparse.Namespace
    clock: Callable[[], dt.datetime] = _utcnow
    quiet: bool = True  # say nothing about migrations unless the command is about the database
    _signed_in: Any = field(default=None, repr=False)

    @cached_property
    def settings(self) -> StationSettings:
        from app import timezone
        from app.config import load_settings

        settings = load_settings()
        timezone.configure(getattr(settings, "time_zone", ""))  # every time printed in the site's zone
        return settings

    @property
    def language(self) -> str:
        """The language errors are worded in: the station's setting, else the locale."""
        from app.i18n import language

        try:
            return language(self.settings.language)
        except Exception:  # an unreadable settings file is itself the error being worded
            return language()

    @property
    def database_url(self) -> str:
        return self.settings.resolved_database_url(getattr(self.args, "db", None))

    @cached_property
    def raw_engine(self) -> Engine:
        """The engine as it is: no migration (``db upgrade`` and ``db backup`` use it)."""
        from app.db import make_engine

        return make_engine(self.database_url)

    @cached_property
    def engine(self) -> Engine:
        """An engine on a database brought to the newest schema (created if new)."""
        from app.db import upgrade

        result = upgrade(self.raw_engine)
        if result.changed:
            from app import reference

            if not self.quiet:
                print(result.message(), file=sys.stderr)
            reference.ensure(self.raw_engine)
        self._use_site_zone()
        return self.raw_engine

    def _use_site_zone(self) -> None:
        """The zone given to ``packdesk init`` when neither the station nor the environment names one:
        a server left on UTC still prints the site's local times."""
        from app import timezone
        from app.db import read_only, session_factory
        from app.services.site import current

        if getattr(self.settings, "time_zone", "") or os.environ.get("PACKDESK_TIME_ZONE", "").strip():
            return
        with read_only(session_factory(self.raw_engine)) as s:
            site = current(s)
        if site is not None and site.time_zone:
            timezone.configure(site.time_zone)

    def with_reference_data(self) -> Engine:
        """The engine, with the reference data (canned replies, articles, alert rules) added where
        missing: for the commands that use it (the app, assist). Other commands skip it: it
        imports the text models, which would triple a quick command's start-up."""
        from app import reference

        reference.ensure(self.engine)
        return self.engine

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        from app.db import session_factory

        return session_factory(self.engine)

    def close(self) -> None:
        """Close the database connections (a SQLite WAL is checkpointed as the last one closes)."""
        if "raw_engine" in self.__dict__:
            self.raw_engine.dispose()
        if "settings" in self.__dict__:
            from app import timezone

            timezone.configure("")  # a command run in-process (tests, scripts) leaves no zone behind

    def context(self, user: CurrentUser | None = None) -> AppContext:
        from app.context import AppContext

        return AppContext(engine=self.engine, settings=self.settings, user=user, clock=self.clock)

    @property
    def username(self) -> str:
        return str(getattr(self.args, "user", None) or os.environ.get("PACKDESK_USER", "")).strip()

    def user(self, permission: str) -> CurrentUser:
        """The signed-in user if their role grants ``permission``: commands that read personal data
        or change data run as a named user, as in the app."""
        from app.permissions import require

        if self._signed_in is None:
            self._signed_in = self._sign_in()
        return require(self._signed_in, permission)

    def _sign_in(self) -> CurrentUser:
        """The password when PACKDESK_PASSWORD gives one, else a saved ``packdesk login`` session,
        else the password asked for in a terminal."""
        if os.environ.get("PACKDESK_PASSWORD") is None:
            user = self._saved_session()
            if user is not None:
                return user
        return self.sign_in_with_password()

    def sign_in_with_password(self) -> CurrentUser:
        from app.db import read_only
        from app.services.auth import LoginFailed, login_password

        name = self._named_user()
        password = os.environ.get("PACKDESK_PASSWORD")
        if password is None:
            if not sys.stdin.isatty():
                raise ConfigError("No password: set PACKDESK_PASSWORD or run the command in a terminal.")
            import getpass

            password = getpass.getpass(f"Password for {name}: ")
        try:
            with read_only(self.sessions) as s:
                self._signed_in = login_password(s, name, password)
                return self._signed_in
        except LoginFailed as exc:
            raise PermissionDenied(exc.template, code="auth.failed", **exc.params) from None

    def _named_user(self) -> str:
        if not self.username:
            raise PermissionDenied(
                "This command needs a signed-in user: add --user NAME (or set PACKDESK_USER).",
                code="auth.required",
            )
        return self.username

    @property
    def session_file(self) -> Path:
        """Where ``packdesk login`` keeps the session of this user on this database."""
        import hashlib

        from app.config import data_dir

        key = hashlib.sha256(f"{self.database_url}\n{self._named_user()}".encode()).hexdigest()[:32]
        return data_dir() / "cli-sessions" / key

    def save_session(self, token: str) -> Path:
        """The token in a file only this OS user can read (0600 in a 0700 folder)."""
        from app.files import create_private, private_dir

        path = self.session_file
        private_dir(path.parent)
        path.unlink(missing_ok=True)
        with os.fdopen(create_private(path), "w", encoding="ascii") as out:
            out.write(token)
        return path

    def end_session(self) -> bool:
        """Forget the saved session (``packdesk logout``); False when there was none."""
        path = self.session_file
        existed = path.exists() or path.is_symlink()
        path.unlink(missing_ok=True)
        return existed

    def _saved_session(self) -> CurrentUser | None:
        from app.db import read_only
        from app.services.auth import login_session

        path = self.session_file
        try:
            info = path.lstat()
            token = path.read_text(encoding="ascii") if stat.S_ISREG(info.st_mode) else ""
        except (OSError, UnicodeDecodeError):
            return None
        user = None
        # a token others could read (or a link to one) is not trusted: the password is asked for
        if token and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO) and info.st_uid == os.getuid():
            with read_only(self.sessions) as s:
                user = login_session(s, token, self.clock())
        if user is None or user.username != self.username:
            path.unlink(missing_ok=True)  # expired, revoked or not trusted: ask for the password
            return None
        return user

    def audit(self, action: str, entity: str, entity_id: object, **detail: Any) -> None:
        """An audit entry for what a command read or did, as the UI writes one."""
        from app.db import unit_of_work
        from app.services import audit

        user = self._signed_in
        with unit_of_work(self.sessions) as s:
            audit.record(s, action, entity, entity_id, user_id=user.id if user else None,
                         station=self.settings.station, via="cli", **detail)
