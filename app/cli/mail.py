"""``packdesk mail``: import saved messages (.eml) into tickets, or fetch every mailbox once."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    m = sub.add_parser("mail", help="email into tickets: import saved messages, fetch mailboxes")
    msub = m.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    imp = msub.add_parser("import", parents=[common], help="file FILE.eml, or every .eml in FOLDER")
    imp.add_argument("path")
    imp.add_argument("--mailbox", help="the mailbox they arrived at (its queue; default: the first)")
    imp.set_defaults(func=cmd_import)
    fetch = msub.add_parser("fetch", parents=[common], help="read new mail from every mailbox")
    fetch.add_argument("--once", action="store_true", required=True,
                       help="once, then exit (the worker fetches continuously)")
    fetch.set_defaults(func=cmd_fetch)


def cmd_import(rt: Runtime) -> int:
    from app.services.mail.commands import import_path

    user = rt.user("intake.import")
    report = import_path(rt.sessions, user, Path(rt.args.path), rt.clock(), rt.args.mailbox)
    for name, filed in report.filed:
        print(f"{name}: {filed.outcome}" + (f" {filed.ticket_number}" if filed.ticket_number else "")
              + (" (acknowledged)" if filed.acknowledged else "")
              + (f" — {filed.note}" if filed.note else ""))
    for name, why in report.failed:
        print(f"{name}: FAILED: {why}")
    print(report.summary())
    return 3 if report.failed else 0


def cmd_fetch(rt: Runtime) -> int:
    from app.services.mail.commands import fetch_once

    rt.user("service.mailboxes")
    results = fetch_once(rt.sessions, rt.clock())
    if not results:
        print("No mailboxes are configured.")
    for r in results:
        if r.error:
            print(f"{r.mailbox}: FAILED: {r.error}")
            continue
        print(f"{r.mailbox}: {len(r.filed)} message(s), {r.opened} new ticket(s)"
              + (f", {len(r.failed)} left unread: {'; '.join(r.failed)}" if r.failed else ""))
    return 3 if any(r.error or r.failed for r in results) else 0
