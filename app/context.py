"""What a running PackDesk passes to every part: database, settings, signed-in user, clock.

Built once at start-up and handed down through constructors (no global registry).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import StationSettings
from app.db import session_factory
from app.models.accounts import Role
from app.models.base import utcnow
from app.permissions import PERMISSIONS


@dataclass(frozen=True)
class CurrentUser:
    id: int
    username: str
    display_name: str
    role: Role

    def may(self, permission: str) -> bool:
        return permission in PERMISSIONS[self.role]

    @property
    def modes(self) -> tuple[str, ...]:
        """Top-level modes this user sees, in order."""
        out = []
        if any(self.may(p) for p in ("station.pick", "station.pack", "station.verify")):
            out.append("station")
        if self.may("service.use"):
            out.append("service")
        return tuple(out)


@dataclass(frozen=True)
class AppContext:
    engine: Engine
    settings: StationSettings
    user: CurrentUser | None = None
    clock: Callable[[], dt.datetime] = utcnow  # tests pass a controlled clock
    sessions: sessionmaker[Session] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sessions", session_factory(self.engine))

    @property
    def station(self) -> str:
        return self.settings.station

    def signed_in(self, user: CurrentUser) -> AppContext:
        return replace(self, user=user)
