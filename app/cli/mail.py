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
    box = msub.add_parser("mailbox", parents=[common],
                          help="create or change a mailbox (its password goes to this station's settings)")
    box.add_argument("name")
    box.add_argument("--address", required=True, help="the shop's address customers write to")
    box.add_argument("--imap", required=True, metavar="HOST[:PORT]")
    box.add_argument("--imap-tls", choices=["ssl", "starttls", "none"], default="ssl")
    box.add_argument("--smtp", required=True, metavar="HOST[:PORT]")
    box.add_argument("--smtp-tls", choices=["ssl", "starttls", "none"], default="ssl")
    box.add_argument("--login", required=True, help="IMAP (and SMTP) user name")
    box.add_argument("--queue", default="", help="the ticket queue it feeds (default: routed)")
    box.add_argument("--folder", default="INBOX", help="the IMAP folder read (default: INBOX)")
    box.add_argument("--password-file", help="read the password from this file (default: a prompt)")
    box.set_defaults(func=cmd_mailbox)


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
            print(f"{r.mailbox}: FAILED: {r.error_in(rt.language)}")
            continue
        print(f"{r.mailbox}: {len(r.filed)} message(s), {r.opened} new ticket(s)"
              + (f", {len(r.failed)} left unread: {'; '.join(r.failed)}" if r.failed else ""))
    return 3 if any(r.error or r.failed for r in results) else 0


def _host(text: str, tls: str, ssl_port: int, plain_port: int) -> tuple[str, int]:
    host, _, port = text.partition(":")
    return host, int(port) if port.isdigit() else (ssl_port if tls == "ssl" else plain_port)


def cmd_mailbox(rt: Runtime) -> int:
    import getpass
    import sys

    from app.db import unit_of_work
    from app.services.mail.mailboxes import configure_mailbox, env_name, store_password

    args = rt.args
    user = rt.user("service.mailboxes")
    imap_host, imap_port = _host(args.imap, args.imap_tls, 993, 143)
    smtp_host, smtp_port = _host(args.smtp, args.smtp_tls, 465, 25)
    if args.password_file:
        secret = Path(args.password_file).read_text(encoding="utf-8").strip()
    elif sys.stdin.isatty():
        secret = getpass.getpass(f"Password of {args.login}: ")
    else:
        secret = ""
    with unit_of_work(rt.sessions) as s:
        box = configure_mailbox(s, user, name=args.name, address=args.address, imap_host=imap_host,
                                imap_port=imap_port, imap_tls=args.imap_tls, imap_user=args.login,
                                smtp_host=smtp_host, smtp_port=smtp_port, smtp_tls=args.smtp_tls,
                                smtp_user=args.login, queue=args.queue, imap_folder=args.folder)
    if secret:
        where = store_password(args.name, secret)
        print(f"Mailbox {box.name} <{box.address}> saved; its password is in {where} (yours only).")
    else:
        print(f"Mailbox {box.name} <{box.address}> saved; give its password with --password-file or "
              f"{env_name(box.name)}.")
    return 0
