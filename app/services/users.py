"""Managing users: add, list, disable, reset a password, change a role or badge; print badges.
Every change needs ``admin.users`` and is audited."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Conflict, DomainError, NotFound
from app.models.accounts import Role, User
from app.permissions import require
from app.services import audit
from app.services.auth import create_user, hash_password

if TYPE_CHECKING:
    from app.context import CurrentUser

MIN_PASSWORD = 8
_NAME = re.compile(r"^[A-Za-z0-9._-]{2,64}$")


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: str
    badge_code: str
    active: bool
    created_at: dt.datetime


def checked_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name):
        raise DomainError("User name {name!r}: use 2-64 letters, digits, dots, dashes or underscores.",
                          name=name)
    return name


def checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise DomainError("A password needs at least {n} characters.", n=MIN_PASSWORD)
    return password


def role_named(name: str) -> Role:
    try:
        return Role(name.strip().lower())
    except ValueError:
        raise DomainError("No role {role!r}: use one of {roles}.", role=name,
                          roles=", ".join(r.value for r in Role)) from None


def _view(u: User) -> UserView:
    return UserView(u.id, u.username, u.display_name, u.role.value, u.badge_code or "", u.active,
                    u.created_at)


def _get(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise NotFound("No user {name}.", name=username)
    return user


def add_user(
    session: Session,
    admin: CurrentUser | None,
    username: str,
    role: Role,
    password: str,
    display_name: str = "",
    badge_code: str = "",
) -> UserView:
    """A new user; the badge code defaults to a random one (printable as a Code128 badge)."""
    admin = require(admin, "admin.users")
    badge = badge_code.strip() or f"B{secrets.token_hex(5).upper()}"
    uid = create_user(session, checked_name(username), checked_password(password), role,
                      display_name.strip(), badge)
    audit.record(session, "user.add", "user", uid, user_id=admin.id, username=username, role=role.value)
    return _view(_get(session, username))


def list_users(session: Session, admin: CurrentUser | None) -> list[UserView]:
    admin = require(admin, "admin.users")
    return [_view(u) for u in session.scalars(select(User).order_by(User.username))]


def disable(session: Session, admin: CurrentUser | None, username: str) -> UserView:
    """The user can no longer sign in (their history stays theirs); never the last active admin."""
    admin = require(admin, "admin.users")
    user = _get(session, username)
    if user.role is Role.ADMIN and user.active:
        admins = session.scalars(select(User.id).where(User.role == Role.ADMIN, User.active)).all()
        if len(admins) == 1:
            raise Conflict("{name} is the last active admin; add another admin first.", name=user.username)
    user.active = False
    audit.record(session, "user.disable", "user", user.id, user_id=admin.id, username=user.username)
    return _view(user)


def enable(session: Session, admin: CurrentUser | None, username: str) -> UserView:
    admin = require(admin, "admin.users")
    user = _get(session, username)
    user.active = True
    audit.record(session, "user.enable", "user", user.id, user_id=admin.id, username=user.username)
    return _view(user)


def reset_password(session: Session, admin: CurrentUser | None, username: str, password: str) -> UserView:
    admin = require(admin, "admin.users")
    user = _get(session, username)
    user.password_hash = hash_password(checked_password(password))
    audit.record(session, "user.password_reset", "user", user.id, user_id=admin.id, username=user.username)
    return _view(user)


def set_role(session: Session, admin: CurrentUser | None, username: str, role: Role) -> UserView:
    admin = require(admin, "admin.users")
    user = _get(session, username)
    if user.role is Role.ADMIN and role is not Role.ADMIN:
        others = session.scalars(select(User.id).where(User.role == Role.ADMIN, User.active,
                                                       User.id != user.id)).all()
        if not others:
            raise Conflict("{name} is the last active admin; add another admin first.", name=user.username)
    before, user.role = user.role, role
    audit.record(session, "user.role", "user", user.id, user_id=admin.id, username=user.username,
                 before=before.value, after=role.value)
    return _view(user)


def set_badge(session: Session, admin: CurrentUser | None, username: str, badge_code: str) -> UserView:
    """A new badge code (a lost badge stops working at once)."""
    admin = require(admin, "admin.users")
    user = _get(session, username)
    code = badge_code.strip()
    if not code:
        raise DomainError("A badge code cannot be empty.")
    if session.scalar(select(User.id).where(User.badge_code == code, User.id != user.id)) is not None:
        raise Conflict("Badge {badge} belongs to another user.", badge=code)
    user.badge_code = code
    audit.record(session, "user.badge", "user", user.id, user_id=admin.id, username=user.username)
    return _view(user)
