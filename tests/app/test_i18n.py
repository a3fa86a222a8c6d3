"""Errors worded in the user's language from the same catalogues the UI uses, without Qt."""

from __future__ import annotations

from app.cli import main
from app.context import CurrentUser
from app.errors import NotFound, PermissionDenied
from app.i18n import language, word
from app.models.accounts import Role
from app.permissions import ACTIONS, require


def test_a_refusal_reads_in_chinese_with_its_action_translated():
    try:
        require(CurrentUser(1, "p", "P", Role.PACKER), "service.approve_refund")
    except PermissionDenied as exc:
        assert word(exc, "zh_CN") == "您的角色无权审批退款。"
        assert word(exc, "en") == "Your role may not approve refunds."


def test_an_error_without_a_translation_keeps_its_english_text():
    assert word(NotFound("No pallet {number} here.", number="P1"), "zh_CN") == "No pallet P1 here."


def test_every_permission_has_its_words_in_chinese():
    from app.i18n import catalogue

    assert set(ACTIONS.values()) <= set(catalogue("zh_CN"))


def test_the_cli_words_its_errors_in_the_station_language(demo_engine, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert language() == "zh_CN"
    monkeypatch.delenv("PACKDESK_USER")
    assert main(["customer", "find", "x", "--db", str(demo_engine.url)]) == 1
    assert "此命令需要登录用户" in capsys.readouterr().err


def test_a_stored_error_reads_in_each_screens_language_and_old_plain_text_stays():
    from app.i18n import reword, stored

    text = stored(PermissionDenied("Your role may not {action}.", action="approve refunds"))
    assert reword(text, "zh_CN") == "您的角色无权审批退款。"
    assert reword(text, "en") == "Your role may not approve refunds."
    assert reword("printer off", "zh_CN") == "printer off"
    assert reword(text[:30], "zh_CN") == text[:30]  # cut short by hand: shown as it is
    long = NotFound("No pallet {number} here.", number="P" * 400)
    assert stored(long, limit=100) == "No pallet " + "P" * 90
    assert stored(OSError("disk full")) == "disk full"


def test_a_device_event_too_long_for_its_row_is_kept_as_its_english_message():
    from app.i18n import stored
    from devices.scale.base import ScaleError

    event = ScaleError("garbled", "unexpected reply {reply!r}", "mt-sics", b"", params={"reply": b"x" * 400})
    assert stored(event, limit=60) == event.message[:60]
