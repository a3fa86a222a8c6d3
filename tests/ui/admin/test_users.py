"""Users tab: an admin adds a user who can then sign in; bad input says why and saves nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from app.db import read_only
from app.errors import DomainError
from app.services import auth, users
from ui.admin.users import UsersTab
from ui.admin.window import AdminWindow


def _tab(qtbot, ctx) -> UsersTab:
    tab = UsersTab(ctx)
    qtbot.addWidget(tab)
    return tab


def _add(qtbot, tab: UsersTab, name: str, password: str, role: str = "packer", badge: str = "") -> None:
    for field, text in (("new_username", name), ("new_display_name", "Li Lei"), ("new_password", password),
                        ("new_badge", badge)):
        tab.findChild(QLineEdit, field).clear()
        qtbot.keyClicks(tab.findChild(QLineEdit, field), text)
    box = tab.findChild(QComboBox, "new_role")
    box.setCurrentIndex(box.findData(role))
    qtbot.mouseClick(tab.findChild(QPushButton, "add_user"), Qt.MouseButton.LeftButton)


def _select(tab: UsersTab, name: str) -> None:
    tab.table.selectRow([u.username for u in tab.rows].index(name))


def test_an_admin_adds_a_packer_who_then_signs_in_with_password_and_badge(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _add(qtbot, tab, "lilei", "pack-well-7", badge="BADGE-LILEI")
    assert tab.notice.text() == "User lilei added." and tab.notice.level == "ok"
    assert [(u.username, u.role) for u in tab.rows] == [("boss", "admin"), ("lilei", "packer")]
    assert tab.findChild(QLineEdit, "new_password").text() == ""
    with read_only(admin_ctx.sessions) as s:
        assert auth.login_password(s, "lilei", "pack-well-7").role.value == "packer"
        assert auth.login_badge(s, "BADGE-LILEI").username == "lilei"


def test_a_duplicate_user_or_a_weak_password_is_one_line_and_adds_nobody(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _add(qtbot, tab, "lilei", "short")
    assert tab.notice.text() == "A password needs at least 8 characters." and tab.notice.level == "error"
    assert tab.findChild(QLineEdit, "new_username").text() == "lilei"  # typed input is kept
    _add(qtbot, tab, "boss", "long-enough-1")
    assert tab.notice.level == "error" and "boss" in tab.notice.text() and "\n" not in tab.notice.text()
    assert [u.username for u in tab.rows] == ["boss"]
    with read_only(admin_ctx.sessions) as s:
        assert [u.username for u in users.list_users(s, admin_ctx.user)] == ["boss"]


def test_disable_reset_password_change_role_and_badge(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _add(qtbot, tab, "lilei", "pack-well-7")
    _select(tab, "lilei")
    qtbot.keyClicks(tab.findChild(QLineEdit, "reset_password"), "new-secret-8")
    qtbot.mouseClick(tab.findChild(QPushButton, "reset_password_button"), Qt.MouseButton.LeftButton)
    assert tab.notice.text() == "Password of lilei reset."
    role = tab.findChild(QComboBox, "role")
    role.setCurrentIndex(role.findData("supervisor"))
    qtbot.mouseClick(tab.findChild(QPushButton, "change_role"), Qt.MouseButton.LeftButton)
    assert tab.notice.text() == "lilei is now Supervisor."
    tab.findChild(QLineEdit, "badge").setText("B-NEW-1")
    qtbot.mouseClick(tab.findChild(QPushButton, "set_badge"), Qt.MouseButton.LeftButton)
    with read_only(admin_ctx.sessions) as s:
        assert auth.login_password(s, "lilei", "new-secret-8").role.value == "supervisor"
        assert auth.login_badge(s, "B-NEW-1").username == "lilei"
    qtbot.mouseClick(tab.findChild(QPushButton, "disable_user"), Qt.MouseButton.LeftButton)
    assert tab.notice.text() == "lilei disabled." and tab.selected().active is False
    assert tab.findChild(QPushButton, "enable_user").isEnabled()
    with read_only(admin_ctx.sessions) as s, pytest.raises(DomainError):
        auth.login_password(s, "lilei", "new-secret-8")


def test_the_last_admin_cannot_be_disabled(qtbot, admin_ctx):
    tab = _tab(qtbot, admin_ctx)
    _select(tab, "boss")
    qtbot.mouseClick(tab.findChild(QPushButton, "disable_user"), Qt.MouseButton.LeftButton)
    assert tab.notice.text() == "boss is the last active admin; add another admin first."
    assert tab.selected().active


def test_a_supervisor_cannot_create_users(qtbot, supervisor_ctx):
    window = AdminWindow(supervisor_ctx)
    qtbot.addWidget(window)
    assert "users" not in window.pages and "warehouses" in window.pages
    tab = _tab(qtbot, supervisor_ctx)  # even when reached another way: nothing listed, nothing to press
    assert tab.rows == [] and not tab.findChild(QPushButton, "add_user").isEnabled()
    assert tab.notice.text() == "Only an admin may see and change users."
