"""Starts the GUI: fonts, translations, sign-in, then the main window for the signed-in role.

The sign-in window is shown before the database layer is even imported; the database is
opened (and migrated) right after, so a station shows its first window as fast as Qt can.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication

from app.config import StationSettings, save_settings
from app.timezone import configure as configure_time_zone
from devices.scanner.scan import Scan, ScanKind
from ui.fonts import install_cjk_font
from ui.i18n import Translations, system_language
from ui.login import LoginWindow

if TYPE_CHECKING:
    from app.context import AppContext, CurrentUser
    from ui.bridge import DeviceBridge
    from ui.jobs import JobsRunner
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PackDesk")
    app.setOrganizationName("PackDesk")
    install_cjk_font(app)
    return app


class Shell:
    """Owns the top-level windows and moves between sign-in and the main window.

    ``context`` is a ready AppContext, or a function that opens the database and returns one
    (called once the sign-in window is on screen).
    """

    def __init__(self, context: AppContext | Callable[[], AppContext], settings: StationSettings,
                 devices: DeviceBridge | None = None) -> None:
        self.app = application()
        if getattr(self.app, "_packdesk_shell", None) is not None:
            raise RuntimeError("A PackDesk shell already runs in this process: one station, one shell.")
        self.app._packdesk_shell = self  # type: ignore[attr-defined]
        self.settings = settings
        configure_time_zone(settings.time_zone)  # every screen shows the site's clock
        self.ctx: AppContext | None = None if callable(context) else context
        self._open_context = context if callable(context) else None
        self.devices = devices
        self.translations = Translations.for_app(self.app)
        self._language_before = self.translations.language  # given back on close
        self.translations.install(settings.language or system_language())
        self.login: LoginWindow | None = None
        self.main: MainWindow | None = None
        self.jobs: JobsRunner | None = None  # background jobs, started with the first main window
        # one place turns wedge bursts into scans, whichever window has focus
        from ui.keyinput.wedge import WedgeFilter, WedgeSettings

        wedge_profile = settings.devices.get("wedge", {})
        self.wedge = WedgeFilter(WedgeSettings.from_profile(wedge_profile), parent=self.app)
        self.wedge.install(self.app)
        self.wedge.scanned.connect(self.route_scan)
        if devices is not None:
            self.attach_devices(devices)

    def attach_devices(self, devices: DeviceBridge) -> None:
        """Serial scanners feed the same route as wedge scans; windows show device state."""
        self.devices = devices
        devices.scanned.connect(self.route_scan)

    def show_login(self) -> LoginWindow:
        """Sign out whoever is signed in and show the one sign-in window, blank."""
        self._sign_out()
        if self.login is None:
            with self.wedge.unwatched(self.app):  # its ~270 construction events: ~30 ms unwatched
                self.login = LoginWindow(self.ctx, self.translations.language)
            self.login.signed_in.connect(self.show_main)
            self.login.language_chosen.connect(self.set_language)
            if self.ctx is None:
                QTimer.singleShot(0, self._open_database)
        self.login.show_language(self.translations.language)
        self.login.clear()
        self.login.language_changed()  # the language may have changed in the main window
        self.login.show()
        return self.login

    def _sign_out(self) -> None:
        if self.main is not None:
            main, self.main = self.main, None
            main.close()
            main.deleteLater()  # its dialogs and mode widgets go with it
        if self.ctx is not None and self.ctx.user is not None:
            self.ctx = replace(self.ctx, user=None)

    def _open_database(self) -> None:
        from app.errors import DomainError

        assert self._open_context is not None
        if self.login is None:  # closed before the database was asked for
            return
        try:
            self.ctx = self._open_context()
        except DomainError as exc:
            from ui.station.feedback import error_text  # the station's words load when needed

            self.login.database_failed(error_text(exc))
            return
        self.login.set_context(self.ctx)

    def show_main(self, user: CurrentUser) -> MainWindow:
        """The main window for ``user``; while one is open, nobody else is let in beside it."""
        from ui.main_window import MainWindow

        assert self.ctx is not None
        if self.main is not None:
            log.warning("sign-in of %s refused: %s is signed in on this station",
                        user.username, self.ctx.user.username if self.ctx.user else "?")
            return self.main
        self.ctx = self.ctx.signed_in(user)
        if self.login is not None:
            self.login.hide()
        # built and shown unwatched: thousands of construction events, and no keys among them
        with self.wedge.unwatched(self.app):
            self.main = MainWindow(self.ctx, self.devices)
            self.main.sign_out_requested.connect(self.show_login)
            self.main.language_requested.connect(self._switch_language_in_main)
            self.main.devices_changed.connect(self._restart_devices)
            if self.jobs is None:
                import ui.printing_qt  # noqa: F401  (gives the print queue the qt: system printers)
                from ui.jobs import JobsRunner

                self.jobs = JobsRunner(self.ctx)
                self.jobs.start()
            self.main.jobs = self.jobs
            self.jobs.finished.connect(self.main.job_finished)
            self.main.show()
        return self.main

    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it for this station."""
        self.translations.install(language)
        self.settings.language = self.translations.language
        save_settings(self.settings)
        # Qt only posts LanguageChange: word the window now, before anything is typed into it
        if self.login is not None:
            self.login.language_changed()

    def _switch_language_in_main(self, language: str) -> None:
        # Rebuilding the window re-runs every tr(); open work is in the database, not the widgets.
        self.set_language(language)
        assert self.ctx is not None and self.ctx.user is not None
        user = self.ctx.user
        old, self.main = self.main, None
        self.show_main(user)
        if old is not None:
            old.close()
            old.deleteLater()

    def _restart_devices(self) -> None:
        """Saved device settings take effect at once: new links on the new ports."""
        from ui.bridge import DeviceBridge

        if self.devices is not None:
            self.devices.stop()
            self.devices.scanned.disconnect(self.route_scan)
        bridge = DeviceBridge(self.settings.devices)
        self.attach_devices(bridge)
        bridge.start()
        if self.main is not None:
            self.main.devices = bridge
            bridge.status_changed.connect(self.main.device_status_changed)

    def route_scan(self, scan: Scan) -> None:
        """A scan from any scanner goes to whatever is on screen: a badge to sign-in, the rest
        to the main window's current mode."""
        if self.login is not None and self.login.isVisible():
            self.login.badge_scanned(scan.value if scan.kind is ScanKind.BADGE else scan.raw)
        elif self.main is not None:
            self.main.route_scan(scan)

    def close(self) -> None:
        """Close and free the windows while the QApplication still exists (Qt objects freed
        after it, by the interpreter's final garbage collection, crash the process)."""
        for window in (self.login, self.main):
            if window is not None:
                window.close()
                window.deleteLater()
        self.login = self.main = None
        self.app._packdesk_shell = None  # type: ignore[attr-defined]
        self.translations.install(self._language_before)
        if self.jobs is not None:
            self.jobs.stop()
            self.jobs = None
        self.app.removeEventFilter(self.wedge)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
