"""Command-line sessions: a token signs its user in until it expires, and a new password, a disabled
account or an altered token ends it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from app.models.accounts import Role, User
from app.services.auth import (
    SESSION_HOURS,
    LoginFailed,
    hash_password,
    issue_session,
    login_password,
    login_session,
)

NOW = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def agent(engine):
    from app.services.auth import create_user

    with Session(engine) as s, s.begin():
        create_user(s, "agent7", "s3cret-pass", Role.AGENT)
    with Session(engine) as s:
        return login_password(s, "agent7", "s3cret-pass")


def _token(engine, user, now=NOW) -> str:
    with Session(engine) as s:
        token, expires = issue_session(s, user, now)
    assert expires == now + dt.timedelta(hours=SESSION_HOURS)
    return token


def _check(engine, token, now=NOW):
    with Session(engine) as s:
        return login_session(s, token, now)


def test_a_token_signs_its_user_in_until_the_shift_ends(engine, agent):
    token = _token(engine, agent)
    assert _check(engine, token) == agent
    assert _check(engine, token, NOW + dt.timedelta(hours=SESSION_HOURS, seconds=-1)) == agent
    assert _check(engine, token, NOW + dt.timedelta(hours=SESSION_HOURS)) is None


def test_an_altered_or_garbled_token_signs_nobody_in(engine, agent):
    user_id, stamp, nonce, mac = _token(engine, agent).split(".")
    later, other_user = str(int(stamp) + 86_400), str(int(user_id) + 1)
    for forged in (f"{user_id}.{later}.{nonce}.{mac}", f"{other_user}.{stamp}.{nonce}.{mac}",
                   f"{user_id}.{stamp}.{nonce}.{'0' * 64}", "", "garbage", "1.2.3", "x.y.z.w"):
        assert _check(engine, forged) is None, forged


def test_a_new_password_or_a_disabled_account_ends_every_session(engine, agent):
    first, second = _token(engine, agent), _token(engine, agent)
    with Session(engine) as s, s.begin():
        s.execute(update(User).where(User.id == agent.id).values(password_hash=hash_password("new-pass-2")))
    assert _check(engine, first) is None and _check(engine, second) is None
    third = _token(engine, agent)
    with Session(engine) as s, s.begin():
        s.execute(update(User).where(User.id == agent.id).values(active=False))
    assert _check(engine, third) is None
    with Session(engine) as s, pytest.raises(LoginFailed, match="disabled"):
        issue_session(s, agent, NOW)
