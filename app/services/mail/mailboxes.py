"""Mailboxes as a supervisor configures them (servers, address, the queue they feed) and their
passwords, which never enter the shared database: ``PACKDESK_MAIL_<NAME>_PASSWORD`` or
``password`` under ``[mail.<name>]`` in the station settings file, which must be 0600."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

import tomli_w
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import load_settings, settings_path
from app.context import CurrentUser
from app.errors import ConfigError, NotFound
from app.models.mail import Mailbox
from app.models.service import Interaction
from app.permissions import require

PERMISSION = "service.mailboxes"
TLS_MODES = ("ssl", "starttls", "none")
NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


@dataclass(frozen=True)
class MailboxInfo:
    id: int
    name: str
    address: str
    display_name: str
    queue: str
    imap_host: str
    imap_port: int
    imap_tls: str
    imap_user: str
    imap_folder: str
    processed_folder: str
    smtp_host: str
    smtp_port: int
    smtp_tls: str
    smtp_user: str
    auto_ack: bool
    attachment_limit_kb: int
    active: bool
    uidvalidity: int | None
    last_uid: int
    last_fetch_at: dt.datetime | None
    last_error: str


def info(row: Mailbox) -> MailboxInfo:
    return MailboxInfo(**{f.name: getattr(row, f.name) for f in fields(MailboxInfo)})


def configure_mailbox(
    s: Session,
    user: CurrentUser | None,
    *,
    name: str,
    address: str,
    imap_host: str,
    imap_user: str,
    smtp_host: str,
    imap_port: int = 993,
    imap_tls: str = "ssl",
    smtp_port: int = 465,
    smtp_tls: str = "ssl",
    smtp_user: str = "",
    display_name: str = "",
    queue: str = "",
    imap_folder: str = "INBOX",
    processed_folder: str = "",
    auto_ack: bool = True,
    attachment_limit_kb: int = 10 * 1024,
    active: bool = True,
) -> MailboxInfo:
    """Create or change the mailbox called `name`. Only agents' answers written after a mailbox
    first exists are mailed, so configuring one never sends out old history."""
    require(user, PERMISSION)
    if not NAME.match(name):
        raise ConfigError(
            "Mailbox name {name!r}: use lower-case letters, digits and _ (at most 32).", name=name
        )
    if not re.match(r"^[^@\s]+@[^@\s]+$", address):
        raise ConfigError("Not an email address: {address!r}.", address=address)
    for what, mode in (("IMAP", imap_tls), ("SMTP", smtp_tls)):
        if mode not in TLS_MODES:
            raise ConfigError("{what} TLS must be ssl, starttls or none, not {mode!r}.", what=what, mode=mode)
    for what, port in (("IMAP", imap_port), ("SMTP", smtp_port)):
        if not 0 < int(port) < 65536:
            raise ConfigError("{what} port {port} is not a port number.", what=what, port=port)
    row = s.scalar(select(Mailbox).where(Mailbox.name == name))
    if row is None:
        row = Mailbox(name=name, send_after_interaction=s.scalar(select(func.max(Interaction.id))) or 0)
        s.add(row)
    values = dict(
        address=address.lower(),
        imap_host=imap_host,
        imap_user=imap_user,
        smtp_host=smtp_host,
        imap_port=int(imap_port),
        imap_tls=imap_tls,
        smtp_port=int(smtp_port),
        smtp_tls=smtp_tls,
        smtp_user=smtp_user,
        display_name=display_name,
        queue=queue,
        imap_folder=imap_folder,
        processed_folder=processed_folder,
        auto_ack=auto_ack,
        attachment_limit_kb=int(attachment_limit_kb),
        active=active,
    )
    for key, value in values.items():
        setattr(row, key, value)
    s.flush()
    return info(row)


def mailboxes(s: Session, active_only: bool = True) -> list[MailboxInfo]:
    query = select(Mailbox).order_by(Mailbox.id)
    if active_only:
        query = query.where(Mailbox.active.is_(True))
    return [info(row) for row in s.scalars(query)]


def mailbox_named(s: Session, name: str) -> MailboxInfo:
    row = s.scalar(select(Mailbox).where(Mailbox.name == name))
    if row is None:
        raise NotFound("No mailbox {name!r}.", name=name)
    return info(row)


def env_name(name: str) -> str:
    return f"PACKDESK_MAIL_{re.sub(r'[^A-Za-z0-9]', '_', name).upper()}_PASSWORD"


def password(name: str, path: Path | None = None) -> str:
    """The mailbox's password from the environment, else from the station settings file."""
    from_env = os.environ.get(env_name(name))
    if from_env:
        return from_env
    path = path or settings_path()
    if path.exists():
        if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(
                "{path} holds mail passwords but others may read it: chmod 600 {path}.", path=path
            )
        value = load_settings(path).mail.get(name, {}).get("password")  # its shape checked there
        if isinstance(value, str) and value:
            return value
    raise ConfigError(
        "No password for mailbox {name}: set {env} or password under [mail.{name}] in {path}.",
        name=name,
        env=env_name(name),
        path=path,
    )


def store_password(name: str, secret: str, path: Path | None = None) -> Path:
    """Keep a mailbox password in the station settings file (0600, written atomically), leaving
    every other setting in it as it was."""
    path = path or settings_path()
    raw = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    raw.setdefault("mail", {}).setdefault(name, {})["password"] = secret
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".mail.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(tomli_w.dumps(raw))
    os.replace(tmp, path)
    return path
