"""``packdesk login`` / ``packdesk logout``: sign the command line in for a shift, so the commands
after it skip the password check (as ``gh auth login`` does).

The session is a token kept in the data folder, 0600 in a 0700 folder, one per user and database; it
ends at its expiry, at ``packdesk logout``, when the user's password changes or the account is
disabled. PACKDESK_PASSWORD, when set, is checked instead of any session.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sub.add_parser("login", parents=[common],
                   help="sign the command line in for a shift (the commands after it ask no password)") \
        .set_defaults(func=cmd_login)
    sub.add_parser("logout", parents=[common], help="end this user's command-line session on this database") \
        .set_defaults(func=cmd_logout)


def cmd_login(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.auth import issue_session
    from app.timezone import fmt

    user = rt.sign_in_with_password()
    with read_only(rt.sessions) as s:
        token, expires = issue_session(s, user, rt.clock())
    rt.save_session(token)
    rt.audit("user.cli_login", "user", user.id, username=user.username, until=expires.isoformat())
    print(f"Signed in as {user.username} until {fmt(expires)}; `packdesk logout` ends it.")
    return 0


def cmd_logout(rt: Runtime) -> int:
    if rt.end_session():
        print(f"Signed {rt.username} out of the command line.")
    else:
        print(f"{rt.username} had no command-line session on this database.")
    return 0
