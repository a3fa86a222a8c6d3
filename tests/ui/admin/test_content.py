"""The Replies-and-articles tab as a supervisor uses it: a Chinese reply written and previewed for
a real customer found by phone (what their data cannot fill is marked and named), a typo in a
placeholder refused in one line, an English article kept apart, an incident template deleted."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from app.models.accounts import Role
from tests.conftest import make_ctx
from tests.support.service_world import T0, build_world
from ui.admin.content import ContentTab
from ui.i18n import Translations


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    Translations.for_app(qapp).install("en")


@pytest.fixture
def tab(qtbot, engine) -> ContentTab:
    world = build_world(engine)
    boss = dataclasses.replace(make_ctx(engine, Role.SUPERVISOR, world.super_id, "super1"), clock=lambda: T0)
    page = ContentTab(boss)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return page


def _write(qtbot, tab: ContentTab, key: str, title: str, body: str) -> None:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.key, key)
    tab.title.setText(title)  # Chinese comes through an input method, not key by key
    tab.body.setPlainText(body)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)


def test_a_reply_is_written_in_chinese_and_previewed_for_a_customer_found_by_phone(qtbot, tab):
    _write(qtbot, tab, "ship_notice", "发货通知",
           "{greeting}，订单 {order_number} 的运单号是 {tracking_number}。")
    assert (tab.notice.level, tab.notice.text()) == ("ok", "Saved: 发货通知.")
    assert [t.key for t in tab.texts] == ["ship_notice"]
    assert tab.unfilled.text() == "Find a customer to fill the placeholders with their data."
    qtbot.keyClicks(tab.customer_query, "13800138000")
    with qtbot.waitSignal(tab.previewed) as shown:
        qtbot.keyClick(tab.customer_query, Qt.Key.Key_Return)
    assert tab.customer.currentText().startswith("张伟")
    # 张伟's latest order has no parcel yet: no tracking number to fill
    assert shown.args[0].text == "张伟您好，订单 PD9000000002 的运单号是 {tracking_number}。"
    assert tab.unfilled.text() == ("Not filled for this customer: {tracking_number}. "
                                   "Assist will not offer this text to them.")
    assert "#c62828" in tab.preview.toHtml()  # the unfilled placeholder is marked red
    tab.body.setPlainText("{greeting}，订单 {order_number} 已收到。")  # the preview follows the editor
    assert tab.unfilled.text() == "Every placeholder is filled."


@pytest.mark.parametrize(("key", "body", "message"), [
    ("ship_notice", "{greeting}，预计 {etaa} 送达。", "Unknown placeholder {etaa}: use one of {greeting}"),
    ("ship notice", "{greeting}", "Key 'ship notice': lower-case letters, digits and _"),
])
def test_a_bad_reply_is_refused_in_one_line_keeps_the_typing_and_saves_nothing(
        qtbot, tab, key, body, message):
    _write(qtbot, tab, key, "发货通知", body)
    assert tab.notice.level == "error" and tab.notice.text().startswith(message)
    assert "\n" not in tab.notice.text()
    assert tab.texts == [] and tab.body.toPlainText() == body and tab.key.text() == key


def test_an_english_article_is_kept_apart_and_an_incident_template_deleted(qtbot, tab):
    tab.kind.setCurrentIndex(tab.kind.findData("article"))
    tab.language.setCurrentIndex(tab.language.findData("en"))
    assert not tab.key.isVisible() and tab.form.labelForField(tab.category).text() == "Tags"
    tab.title.setText("Invoices")
    tab.category.setText("invoice fapiao")
    tab.body.setPlainText("An e-invoice is issued within 24 hours.")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert [t.title for t in tab.texts] == ["Invoices"]
    tab.language.setCurrentIndex(tab.language.findData("zh_CN"))
    assert tab.texts == []
    tab.kind.setCurrentIndex(tab.kind.findData("incident"))
    assert tab.key.isVisible()
    _write(qtbot, tab, "warehouse_delay", "仓库延误",
           "{greeting}，因仓库延误，订单 {order_number} 将晚一天发出。")
    assert [t.key for t in tab.texts] == ["warehouse_delay"]
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert tab.notice.text() == "Deleted: 仓库延误." and tab.texts == []
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert tab.notice.text() == "Choose a text in the list first."
