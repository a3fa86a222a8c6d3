"""The Setup window: opened from the main window's Setup menu, with the tabs the role may use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from app.config import StationSettings
from app.context import AppContext
from app.models.accounts import Role
from tests.conftest import make_ctx
from ui.admin.window import TABS, AdminWindow
from ui.app import Shell
from ui.main_window import MainWindow


def _sign_in(qtbot, shell: Shell, user: str, password: str) -> None:
    login = shell.show_login()
    qtbot.waitUntil(lambda: login.findChild(QPushButton, "sign_in").isEnabled(), timeout=5000)
    with qtbot.waitSignal(login.signed_in, timeout=15000):  # argon2 on a shared machine
        # at human speed: faster keys are what the wedge filter takes for a scanner
        qtbot.keyClicks(login.findChild(QLineEdit, "username"), user, delay=45)
        qtbot.keyClicks(login.findChild(QLineEdit, "password"), password, delay=45)
        qtbot.wait(60)
        qtbot.keyClick(login.findChild(QLineEdit, "password"), Qt.Key.Key_Return)


def test_an_admin_opens_setup_adds_a_packer_and_the_packer_signs_in_without_setup(qtbot, admin_ctx):
    settings = StationSettings(station="PACK-01", language="en")
    shell = Shell(AppContext(engine=admin_ctx.engine, settings=settings), settings)
    try:
        _sign_in(qtbot, shell, "boss", "open-sesame-9")
        setup = shell.main.findChild(QAction, "setup")
        assert setup.isVisible() and shell.main.menu_setup.title() == "&Setup"
        window = shell.main.open_setup()
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert titles[:5] == ["Site", "Users", "Settings", "Warehouses and bins", "Packaging boxes"]
        users = window.show_tab("users")
        for field, text in (("new_username", "lilei"), ("new_password", "pack-well-7")):
            qtbot.keyClicks(users.findChild(QLineEdit, field), text, delay=45)
        role = users.findChild(QComboBox, "new_role")
        role.setCurrentIndex(role.findData("packer"))
        qtbot.mouseClick(users.findChild(QPushButton, "add_user"), Qt.MouseButton.LeftButton)
        assert users.notice.text() == "User lilei added."
        window.close()
        shell.main.sign_out_requested.emit()
        _sign_in(qtbot, shell, "lilei", "pack-well-7")
        assert shell.ctx.user.username == "lilei"
        assert not shell.main.menu_setup.menuAction().isVisible()
    finally:
        shell.close()


def test_each_role_sees_only_the_tabs_it_may_use(qtbot, engine):
    for role, expected in [(Role.SUPERVISOR, {"settings", "warehouses", "boxes"}), (Role.PACKER, set())]:
        window = AdminWindow(make_ctx(engine, role))
        qtbot.addWidget(window)
        allowed = {t.key for t in TABS if make_ctx(engine, role).user.may(t.permission)}
        assert expected <= set(window.pages) <= allowed  # a tab whose module is not there yet is left out
        assert "users" not in window.pages and "site" not in window.pages


def test_the_packer_main_window_has_no_setup_menu(qtbot, engine):
    main = MainWindow(make_ctx(engine, Role.PACKER))
    qtbot.addWidget(main)
    assert not main.menu_setup.menuAction().isVisible()
    main.close()
