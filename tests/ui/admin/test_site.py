"""Site tab: an admin corrects the site's answers; a wrong one says which and saves nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton

from app.db import read_only
from app.services import site
from ui.admin.site import SiteTab


def _tab(qtbot, ctx) -> SiteTab:
    tab = SiteTab(ctx)
    qtbot.addWidget(tab)
    return tab


def _type(qtbot, tab, name: str, text: str) -> None:
    field = tab.findChild(QLineEdit, name)
    field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)  # what an input method commits (key clicks carry no Chinese)


def _save(qtbot, tab) -> None:
    qtbot.mouseClick(tab.findChild(QPushButton, "save_site"), Qt.MouseButton.LeftButton)


def test_an_admin_sets_the_return_address_zone_and_languages(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    assert tab.findChild(QLineEdit, "site_name").text() == "杭州小店"
    _type(qtbot, tab, "return_address", "浙江省杭州市西湖区文三路 1 号")
    _type(qtbot, tab, "phone", "0571-88886666")
    _type(qtbot, tab, "time_zone", "Europe/Berlin")
    _type(qtbot, tab, "currency", "eur")
    tab.findChild(QCheckBox, "language_zh_CN").setChecked(False)
    _save(qtbot, tab)
    assert tab.notice.text() == "Site 杭州小店 saved."
    assert tab.findChild(QLineEdit, "currency").text() == "EUR"  # read back as stored
    with read_only(admin_ctx.sessions) as s:
        assert site.current(s) == site.SiteInfo("杭州小店", "浙江省杭州市西湖区文三路 1 号", "0571-88886666",
                                                "Europe/Berlin", "EUR", ("en",))


def test_a_wrong_answer_says_which_and_saves_nothing(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _type(qtbot, tab, "phone", "0571-88886666")
    for field, text, says in [("time_zone", "Berlin", "Unknown time zone 'Berlin'"),
                              ("currency", "R1", "not a three-letter code")]:
        _type(qtbot, tab, field, text)
        _save(qtbot, tab)
        assert tab.notice.level == "error" and says in tab.notice.text()
        _type(qtbot, tab, field, {"time_zone": "Asia/Shanghai", "currency": "CNY"}[field])
    for box in ("language_zh_CN", "language_en"):
        tab.findChild(QCheckBox, box).setChecked(False)
    _save(qtbot, tab)
    assert tab.notice.text().startswith("Languages must be among zh_CN, en")
    assert tab.findChild(QLineEdit, "phone").text() == "0571-88886666"  # what was typed stays
    with read_only(admin_ctx.sessions) as s:
        assert site.current(s).phone == ""


def test_a_supervisor_sees_the_site_but_cannot_change_it(qtbot, supervisor_ctx):
    tab = _tab(qtbot, supervisor_ctx)
    assert tab.findChild(QLineEdit, "site_name").text() == "杭州小店"
    assert not tab.findChild(QPushButton, "save_site").isEnabled()
