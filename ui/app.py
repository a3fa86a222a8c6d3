"""Starts the GUI: fonts, translations, sign-in, then the main window for the signed-in role."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.config import StationSettings, save_settings
from app.context import AppContext, CurrentUser
from ui.fonts import install_cjk_font
from ui.i18n import Translations, system_language
from ui.login import LoginWindow
from ui.main_window import MainWindow


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PackDesk")
    app.setOrganizationName("PackDesk")
    install_cjk_font(app)
    return app


class Shell:
    """Owns the top-level windows and moves between sign-in and the main window."""

    def __init__(self, ctx: AppContext, devices: object | None = None) -> None:
        self.app = application()
        self.ctx = ctx
        self.devices = devices
        self.translations = Translations()
        self.translations.install(self.app, ctx.settings.language or system_language())
        self.login: LoginWindow | None = None
        self.main: MainWindow | None = None

    def show_login(self) -> LoginWindow:
        if self.main is not None:
            self.main.close()
            self.main = None
        self.login = LoginWindow(self.ctx, self.translations.language)
        self.login.signed_in.connect(self.show_main)
        self.login.language_chosen.connect(self._switch_language_at_login)
        self.login.show()
        return self.login

    def show_main(self, user: CurrentUser) -> MainWindow:
        self.ctx = self.ctx.signed_in(user)
        if self.login is not None:
            self.login.close()
            self.login = None
        self.main = MainWindow(self.ctx, self.devices)
        self.main.sign_out_requested.connect(self.show_login)
        self.main.language_requested.connect(self._switch_language_in_main)
        self.main.show()
        return self.main

    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it for this station."""
        self.translations.install(self.app, language)
        settings: StationSettings = self.ctx.settings
        settings.language = self.translations.language
        save_settings(settings)

    def _switch_language_at_login(self, language: str) -> None:
        self.set_language(language)
        self.show_login()

    def _switch_language_in_main(self, language: str) -> None:
        # Rebuilding the window re-runs every tr(); open work is in the database, not the widgets.
        self.set_language(language)
        assert self.ctx.user is not None
        old = self.main
        self.main = None
        self.show_main(self.ctx.user)
        if old is not None:
            old.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            old.close()


def run(ctx: AppContext, devices: object | None = None) -> int:
    shell = Shell(ctx, devices)
    shell.show_login()
    return shell.app.exec()
