"""Mailbox passwords kept in the station settings file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.errors import ConfigError
from app.services.mail import mailboxes


def test_a_mail_section_that_is_not_a_table_is_one_clear_line(monkeypatch):
    monkeypatch.delenv("PACKDESK_MAIL_SHOP_PASSWORD", raising=False)
    settings = Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('[mail]\nshop = "secret"\n', encoding="utf-8")
    settings.chmod(0o600)
    with pytest.raises(ConfigError) as refused:
        mailboxes.password("shop")
    assert str(refused.value) == (
        f"Settings file {settings}: mail.shop must be a table ([mail.shop] and its keys), not 'secret'."
    )


def test_a_password_under_its_mailbox_table_is_found(monkeypatch):
    monkeypatch.delenv("PACKDESK_MAIL_SHOP_PASSWORD", raising=False)
    path = mailboxes.store_password("shop", "s3cret")
    assert path == Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    assert mailboxes.password("shop") == "s3cret"
