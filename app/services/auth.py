"""Signing in by user name and password or by scanning a badge; argon2 password hashes; command-line
sessions (``packdesk login``) that spare each later command the password check."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.errors import Conflict, DomainError
from app.models.accounts import Role, User

# Interactive logins: ~20 ms on this hardware keeps a login snappy and brute force slow.
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
SESSION_HOURS = 12  # a shift: how long ``packdesk login`` signs the command line in


class LoginFailed(DomainError):
    """``reason`` is one of "credentials", "unknown_badge", "disabled" (for the UI to translate)."""

    def __init__(self, template: str, /, reason: str, code: str = "", **params: object) -> None:
        super().__init__(template, code=code, **params)
        self.reason = reason


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _current(user: User) -> CurrentUser:
    return CurrentUser(user.id, user.username, user.display_name, user.role)


def login_password(session: Session, username: str, password: str) -> CurrentUser:
    user = session.scalar(select(User).where(User.username == username.strip()))
    # The same message for an unknown user and a wrong password: don't reveal which names exist.
    failed = LoginFailed("Wrong user name or password.", "credentials")
    if user is None:
        _hasher.hash(password)  # spend the same time as a real check
        raise failed
    if not user.active:
        raise LoginFailed("This account is disabled; ask a supervisor.", "disabled")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise failed from None
    return _current(user)


def issue_session(session: Session, user: CurrentUser, now: dt.datetime) -> tuple[str, dt.datetime]:
    """A token signing ``user`` (who just gave their password) in until it expires, and when that is.

    It is an HMAC keyed by the user's password hash: a new password or a disabled account ends every
    session at once, and nobody makes one without reading the database."""
    row = session.get(User, user.id)
    if row is None or not row.active:
        raise LoginFailed("This account is disabled; ask a supervisor.", "disabled")
    expires = now + dt.timedelta(hours=SESSION_HOURS)
    stamp, nonce = int(expires.timestamp()), secrets.token_hex(16)
    return f"{row.id}.{stamp}.{nonce}.{_session_mac(row, stamp, nonce)}", expires


def login_session(session: Session, token: str, now: dt.datetime) -> CurrentUser | None:
    """The user a token of ``issue_session`` signs in; None when it expired, was altered or its user
    changed their password or was disabled since."""
    try:
        user_id, stamp, nonce, mac = token.strip().split(".")
        expires, row = int(stamp), session.get(User, int(user_id))
    except ValueError:
        return None
    if row is None or not row.active or now.timestamp() >= expires:
        return None
    return _current(row) if hmac.compare_digest(mac, _session_mac(row, expires, nonce)) else None


def _session_mac(user: User, expires: int, nonce: str) -> str:
    signed = f"packdesk-cli|{user.id}|{user.username}|{expires}|{nonce}".encode()
    return hmac.new(user.password_hash.encode(), signed, hashlib.sha256).hexdigest()


def login_badge(session: Session, badge_code: str) -> CurrentUser:
    code = badge_code.strip()
    user = session.scalar(select(User).where(User.badge_code == code)) if code else None
    if user is None:
        raise LoginFailed(
            "Unknown badge {badge!r}: scan again or sign in with your password.", "unknown_badge", badge=code
        )
    if not user.active:
        raise LoginFailed("This account is disabled; ask a supervisor.", "disabled")
    return _current(user)


def first_manager(session: Session) -> CurrentUser | None:
    """The first active admin (or supervisor): who screenshots and set-up checks act as."""
    user = session.scalar(
        select(User)
        .where(User.role.in_((Role.ADMIN, Role.SUPERVISOR)), User.active)
        .order_by(User.role, User.id)  # "admin" sorts before "supervisor"
    )
    return _current(user) if user is not None else None


def create_user(
    session: Session,
    username: str,
    password: str,
    role: Role,
    display_name: str = "",
    badge_code: str | None = None,
) -> int:
    """A new user (its id); a name or badge already taken is refused with a clear message."""
    username = username.strip()
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise Conflict("User {name} exists already.", name=username)
    if badge_code and session.scalar(select(User.id).where(User.badge_code == badge_code)) is not None:
        raise Conflict("Badge {badge} belongs to another user.", badge=badge_code)
    user = User(
        username=username,
        display_name=display_name or username,
        password_hash=hash_password(password),
        role=role,
        badge_code=badge_code,
    )
    session.add(user)
    session.flush()
    return user.id
