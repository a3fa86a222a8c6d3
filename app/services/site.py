"""A new site: ``packdesk init`` on an empty database creates the first admin and records the
site's name, return address, phone, time zone, currency and languages (one row, set once)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import Conflict, DomainError
from app.models.accounts import Role, User
from app.models.site_record import Site
from app.permissions import require
from app.services import audit, users
from app.services.auth import create_user
from app.timezone import zone_named

if TYPE_CHECKING:
    from app.context import CurrentUser

LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class SiteInfo:
    name: str
    return_address: str = ""
    phone: str = ""
    time_zone: str = "Asia/Shanghai"
    currency: str = "CNY"
    languages: tuple[str, ...] = LANGUAGES


def checked(info: SiteInfo) -> SiteInfo:
    """The answers as stored, or a one-line error naming the one that is wrong."""
    name = info.name.strip()
    if not name:
        raise DomainError("The site needs a name.")
    zone_named(info.time_zone)
    currency = info.currency.strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise DomainError("Currency {currency!r} is not a three-letter code such as CNY.",
                          currency=info.currency)
    languages = tuple(x.strip() for x in info.languages if x.strip())
    unknown = [x for x in languages if x not in LANGUAGES]
    if unknown or not languages:
        raise DomainError("Languages must be among {known}, not {given}.", known=", ".join(LANGUAGES),
                          given=", ".join(info.languages))
    return SiteInfo(name, info.return_address.strip(), info.phone.strip(), info.time_zone.strip(), currency,
                    languages)


def current(session: Session) -> SiteInfo | None:
    row = session.scalar(select(Site).order_by(Site.id).limit(1))
    if row is None:
        return None
    return SiteInfo(row.name, row.return_address, row.phone, row.time_zone, row.currency,
                    tuple(row.languages.split(",")))


def refuse_if_set_up(session: Session) -> None:
    existing = current(session)
    if existing is not None:
        raise Conflict("This database already has a site ({name}); packdesk init only sets up an empty one.",
                       name=existing.name)
    if session.scalar(select(func.count()).select_from(User)):
        raise Conflict("This database already has users; packdesk init only sets up an empty one.")


def initialise(session: Session, info: SiteInfo, admin: str, password: str, now: dt.datetime) -> int:
    """Record the site and create its first admin (the user id); a database that already has a
    site, or users, is refused: init never touches a site in use."""
    refuse_if_set_up(session)
    info = checked(info)
    user_id = create_user(session, users.checked_name(admin), users.checked_password(password), Role.ADMIN)
    session.add(Site(name=info.name, return_address=info.return_address, phone=info.phone,
                     time_zone=info.time_zone, currency=info.currency, languages=",".join(info.languages),
                     created_at=now))
    audit.record(session, "site.init", "site", info.name, user_id=user_id, admin=admin,
                 time_zone=info.time_zone, currency=info.currency)
    return user_id


def update(session: Session, user: CurrentUser | None, info: SiteInfo) -> SiteInfo:
    """An admin corrects the site's answers (the Setup screen); checked whole, then audited."""
    actor = require(user, "admin.settings")
    info = checked(info)
    before = current(session)
    row = session.scalar(select(Site).order_by(Site.id).limit(1))
    if row is None:
        row = Site()  # a demo or pre-init database gets its row now
        session.add(row)
    row.name, row.return_address, row.phone = info.name, info.return_address, info.phone
    row.time_zone, row.currency, row.languages = info.time_zone, info.currency, ",".join(info.languages)
    audit.record(session, "site.update", "site", info.name, user_id=actor.id,
                 before=None if before is None else before.name, time_zone=info.time_zone,
                 currency=info.currency)
    return info
