"""Signing in, role-based modes and switching language, driven like a user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QTabWidget

from app.config import StationSettings, load_settings
from app.context import AppContext
from app.models.accounts import Role
from ui.app import Shell
from ui.login import LoginWindow
from ui.main_window import MainWindow


@pytest.fixture
def shell(qtbot, demo_engine) -> Shell:
    settings = StationSettings(station="PACK-01", language="en")
    s = Shell(AppContext(engine=demo_engine, settings=settings), settings)
    yield s
    s.close()


def _type_login(qtbot, login, user: str, password: str) -> None:
    # at human speed: faster than ~35 ms a key is what the wedge filter takes for a scanner
    qtbot.keyClicks(login.findChild(QLineEdit, "username"), user, delay=45)
    qtbot.keyClicks(login.findChild(QLineEdit, "password"), password, delay=45)
    qtbot.wait(60)
    qtbot.keyClick(login.findChild(QLineEdit, "password"), Qt.Key.Key_Return)


def test_wrong_password_says_so_and_stays_on_sign_in(qtbot, shell):
    login = shell.show_login()
    _type_login(qtbot, login, "packer1", "nope")
    assert login.findChild(QLabel, "error").text() == "Wrong user name or password."
    assert shell.main is None
    assert login.findChild(QLineEdit, "password").text() == ""


def test_unknown_badge_scanned_by_a_wedge_scanner_says_so(qtbot, shell):
    login = shell.show_login()
    qtbot.keyClicks(login.findChild(QLineEdit, "username"), "BADGE-ghost")  # focus anywhere
    qtbot.keyClick(login.findChild(QLineEdit, "username"), Qt.Key.Key_Return)
    assert "Unknown badge" in login.findChild(QLabel, "error").text()
    assert shell.main is None


@pytest.mark.parametrize(
    ("user", "password", "role", "modes"),
    [
        ("packer1", "packer123", Role.PACKER, ["Overview", "Station"]),
        ("agent1", "agent123", Role.AGENT, ["Overview", "Service"]),
        ("super1", "super123", Role.SUPERVISOR, ["Overview", "Station", "Service"]),
    ],
)
def test_each_role_sees_its_modes(qtbot, shell, user, password, role, modes):
    login = shell.show_login()
    with qtbot.waitSignal(login.signed_in, timeout=3000):
        _type_login(qtbot, login, user, password)
    assert shell.main is not None and shell.ctx.user.role == role
    tabs = shell.main.findChild(QTabWidget, "modes")
    shown = [tabs.tabText(i) for i in range(tabs.count())]
    # a mode whose module is not installed is simply absent; the role never sees another's
    assert shown[0] == "Overview" and set(shown) <= set(modes)


def test_badge_scan_signs_in(qtbot, shell):
    login = shell.show_login()
    with qtbot.waitSignal(login.signed_in, timeout=3000):
        qtbot.keyClicks(login.findChild(QLineEdit, "password"), "BADGE-picker1")  # scanner speed
        qtbot.keyClick(login.findChild(QLineEdit, "password"), Qt.Key.Key_Return)
    assert shell.ctx.user.username == "picker1"


def test_language_switch_applies_at_once_and_is_remembered(qtbot, shell):
    login = shell.show_login()
    with qtbot.waitSignal(login.signed_in, timeout=3000):
        _type_login(qtbot, login, "admin", "admin123")
    assert shell.main.findChild(QTabWidget, "modes").tabText(0) == "Overview"
    shell.main.language_requested.emit("zh_CN")
    assert shell.main.findChild(QTabWidget, "modes").tabText(0) == "概览"
    assert load_settings().language == "zh_CN"
    shell.show_login()
    assert shell.login.findChild(QPushButton, "sign_in").text() == "登录"


def test_sign_in_waits_for_the_database_and_says_when_it_cannot_open(qtbot):
    from app.errors import ConfigError

    def broken():
        raise ConfigError("Cannot reach the database postgresql://db/x: refused")

    shell = Shell(broken, StationSettings(language="en"))
    try:
        login = shell.show_login()
        assert not login.findChild(QPushButton, "sign_in").isEnabled()
        qtbot.waitUntil(lambda: "Cannot open the database" in login.findChild(QLabel, "error").text())
        assert not login.findChild(QPushButton, "sign_in").isEnabled()
    finally:
        shell.close()


def _visible(cls) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]


def test_language_switch_at_sign_in_retranslates_the_one_window_and_drops_the_password(qtbot, shell):
    login = shell.show_login()
    qtbot.keyClicks(login.findChild(QLineEdit, "username"), "packer1", delay=45)
    qtbot.keyClicks(login.findChild(QLineEdit, "password"), "packer123", delay=45)
    login.findChild(QComboBox, "language").setCurrentIndex(
        login.findChild(QComboBox, "language").findData("zh_CN"))
    assert shell.login is login and _visible(LoginWindow) == [login]
    assert login.findChild(QPushButton, "sign_in").text() == "登录"
    assert login.findChild(QLineEdit, "password").text() == ""
    assert load_settings().language == "zh_CN"
    login.findChild(QComboBox, "language").setCurrentIndex(
        login.findChild(QComboBox, "language").findData("en"))
    assert login.findChild(QPushButton, "sign_in").text() == "Sign in"


def test_the_hidden_sign_in_window_signs_nobody_in_beside_the_user_at_work(qtbot, shell):
    login = shell.show_login()
    with qtbot.waitSignal(login.signed_in, timeout=3000):
        _type_login(qtbot, login, "packer1", "packer123")
    assert not login.isVisible() and login.findChild(QLineEdit, "password").text() == ""
    # what a second window left open used to allow: someone else signing in behind the packer
    login.findChild(QLineEdit, "username").setText("super1")
    login.findChild(QLineEdit, "password").setText("super123")
    with qtbot.assertNotEmitted(login.signed_in):
        login.findChild(QPushButton, "sign_in").click()
    shell.show_main(shell.ctx.user)  # a stray sign-in signal opens no second window either
    assert _visible(MainWindow) == [shell.main] and shell.ctx.user.username == "packer1"


def test_signing_out_forgets_the_user_and_everything_typed(qtbot, shell):
    login = shell.show_login()
    _type_login(qtbot, login, "packer1", "wrong")
    assert login.findChild(QLabel, "error").text()
    login.findChild(QLineEdit, "username").clear()
    with qtbot.waitSignal(login.signed_in, timeout=3000):
        _type_login(qtbot, login, "packer1", "packer123")
    shell.main.findChild(QAction, "sign_out").trigger()
    assert shell.main is None and shell.ctx.user is None and _visible(MainWindow) == []
    assert _visible(LoginWindow) == [login]
    for name in ("username", "password", "badge"):
        assert login.findChild(QLineEdit, name).text() == ""
    assert login.findChild(QLabel, "error").text() == ""


def test_one_shell_per_station_process(shell):
    with pytest.raises(RuntimeError, match="one shell"):
        Shell(shell.ctx, shell.settings)


def test_a_closed_shell_takes_its_language_with_it(qtbot, demo_engine):
    from PySide6.QtCore import QCoreApplication

    settings = StationSettings(language="zh_CN")
    Shell(AppContext(engine=demo_engine, settings=settings), settings).close()
    assert QCoreApplication.translate("LoginWindow", "Sign in") == "Sign in"
