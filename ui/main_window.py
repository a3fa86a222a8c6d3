"""Main window: the modes a role may use, settings, and a status bar for database, devices, printer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from app.context import AppContext
from app.db import describe
from app.extensions import import_optional
from devices.transport import LinkState, LinkStatus
from ui.admin.window import TABS
from ui.bridge import DeviceBridge, link_words
from ui.live import LiveUpdates
from ui.overview import OverviewPage

if TYPE_CHECKING:
    from ui.jobs import JobsDialog, JobsRunner
    from ui.settings.devices import DeviceSettingsDialog

# mode name -> (module, class); each class takes (ctx, ...) and may emit status_message(str)
MODES = {"station": ("ui.station.mode", "StationMode"), "service": ("ui.service.mode", "ServiceMode")}


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    language_requested = Signal(str)
    devices_changed = Signal()

    def __init__(self, ctx: AppContext, devices: DeviceBridge | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert ctx.user is not None, "the main window needs a signed-in user"
        self.ctx = ctx
        self.devices = devices
        self.jobs: JobsRunner | None = None  # the shell's background jobs, shown in File → Background jobs
        self.setObjectName("main_window")
        self._device_states: dict[str, LinkStatus] = {}
        self.resize(1280, 800)
        self.tabs = QTabWidget(objectName="modes")
        self.setCentralWidget(self.tabs)
        self.db_status = QLabel(objectName="db_status")
        self.device_status = QLabel(objectName="device_status")
        self.printer_status = QLabel(objectName="printer_status")
        # overdue tickets as one count and a link to them (not a list of numbers)
        self.sla_status = QLabel(objectName="sla_status", visible=False)
        self.sla_status.linkActivated.connect(lambda _link: self.show_overdue())
        for label in (self.sla_status, self.db_status, self.device_status, self.printer_status):
            self.statusBar().addPermanentWidget(label)
        self._build_menu()
        self.retranslate()
        self._build_modes()
        self.live = LiveUpdates(ctx.engine, self)  # what other stations change shows here in seconds
        self.live.changed.connect(self.live_changed)
        self.live.start()
        if devices is not None:
            devices.status_changed.connect(self.device_status_changed)
            for role, status in devices.states.items():
                self.device_status_changed(role, status)

    def _build_menu(self) -> None:
        self.menu_file = self.menuBar().addMenu("")
        self.action_sign_out = QAction(self, objectName="sign_out")
        self.action_sign_out.triggered.connect(self.sign_out_requested.emit)
        self.menu_file.addAction(self.action_sign_out)
        self.action_devices = QAction(self, objectName="device_settings")
        self.action_devices.triggered.connect(self.open_device_settings)
        self.menu_file.addAction(self.action_devices)
        self.action_import = QAction(self, objectName="import")
        self.action_import.triggered.connect(self.open_import)
        self.action_import.setVisible(self.ctx.user is not None and self.ctx.user.may("intake.import"))
        self.menu_file.addAction(self.action_import)
        self.action_jobs = QAction(self, objectName="background_jobs")
        self.action_jobs.triggered.connect(self.open_jobs)
        self.menu_file.addAction(self.action_jobs)
        self.action_mailboxes = QAction(self, objectName="mailboxes")
        self.action_mailboxes.triggered.connect(self.open_mailboxes)
        self.action_mailboxes.setVisible(self.ctx.user is not None and self.ctx.user.may("service.mailboxes"))
        self.menu_file.addAction(self.action_mailboxes)
        self.menu_print = self.menuBar().addMenu("")
        self.action_batch = QAction(self, objectName="batch_print")
        self.action_batch.triggered.connect(self.open_batch_print)
        self.menu_print.addAction(self.action_batch)
        self.action_queue = QAction(self, objectName="print_queue")
        self.action_queue.triggered.connect(self.open_print_queue)
        self.menu_print.addAction(self.action_queue)
        self.menu_setup = self.menuBar().addMenu("")
        self.action_setup = QAction(self, objectName="setup")
        self.action_setup.triggered.connect(self.open_setup)
        self.menu_setup.addAction(self.action_setup)
        self.menu_setup.menuAction().setVisible(
            self.ctx.user is not None and any(self.ctx.user.may(t.permission) for t in TABS))
        self.menu_language = self.menuBar().addMenu("")
        from ui.i18n import LANGUAGES

        for code, name in LANGUAGES.items():
            action = QAction(name, self, objectName=f"lang_{code}")
            action.triggered.connect(lambda _c=False, code=code: self.language_requested.emit(code))
            self.menu_language.addAction(action)

    def retranslate(self) -> None:
        user = self.ctx.user
        assert user is not None
        self.setWindowTitle(self.tr("PackDesk — {name} ({role}) at {station}").format(
            name=user.display_name, role=self._role_name(user.role.value), station=self.ctx.station))
        self.menu_file.setTitle(self.tr("&File"))
        self.action_sign_out.setText(self.tr("Sign out"))
        self.action_devices.setText(self.tr("Devices of this station…"))
        self.action_import.setText(self.tr("Import orders or tracking…"))
        self.action_jobs.setText(self.tr("Background jobs…"))
        self.action_mailboxes.setText(self.tr("Mailboxes…"))
        self.menu_setup.setTitle(self.tr("&Setup"))
        self.action_setup.setText(self.tr("Site, users, warehouses and settings…"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_print.setTitle(self.tr("&Print"))
        self.action_batch.setText(self.tr("Waybills of all packed parcels…"))
        self.action_queue.setText(self.tr("Print queue…"))
        self.db_status.setText(self.tr("Database: {url}").format(url=describe(self.ctx.engine)))
        self.device_status.setText(self.tr("Devices: none configured") if self.devices is None
                                   else self.tr("Devices: starting"))
        self.printer_status.setText(self.tr("Printer: idle"))

    def _role_name(self, role: str) -> str:
        return {"picker": self.tr("picker"), "packer": self.tr("packer"), "agent": self.tr("agent"),
                "supervisor": self.tr("supervisor"), "admin": self.tr("admin")}.get(role, role)

    def _build_modes(self) -> None:
        user = self.ctx.user
        assert user is not None
        self.tabs.addTab(OverviewPage(self.ctx), self.tr("Overview"))
        titles = {"station": self.tr("Station"), "service": self.tr("Service")}
        for mode in user.modes:
            factory = self._mode_factory(mode)
            if factory is None:
                continue
            widget = factory()
            if hasattr(widget, "status_message"):
                widget.status_message.connect(self.statusBar().showMessage)
            if hasattr(widget, "overdue_changed"):
                widget.overdue_changed.connect(self.show_overdue_count)
                self.show_overdue_count(widget.tickets.overdue)
            self.tabs.addTab(widget, titles[mode])
        if self.tabs.count() > 1:
            self.tabs.setCurrentIndex(1)

    def _mode_factory(self, mode: str) -> Callable[[], QWidget] | None:
        module_name, class_name = MODES[mode]
        module = import_optional(module_name)
        if module is None:
            return None
        cls = getattr(module, class_name)
        if mode == "station":
            return lambda: cls(self.ctx, self.devices)
        return lambda: cls(self.ctx)

    def open_device_settings(self) -> DeviceSettingsDialog:
        from ui.settings.devices import DeviceSettingsDialog

        if self.devices is not None:
            self.devices.stop()  # the dialog opens the ports itself while testing
        dialog = DeviceSettingsDialog(self.ctx.settings, self)
        dialog.saved.connect(self.devices_changed.emit)
        dialog.finished.connect(lambda _r: self.devices.start() if self.devices is not None
                                and not dialog.result() else None)
        dialog.open()
        return dialog

    def open_import(self) -> QWidget:
        from ui.intake.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.open()
        return dialog

    def open_setup(self) -> QWidget:
        from ui.admin.window import AdminWindow

        window = AdminWindow(self.ctx, self)
        window.show()
        return window

    def open_batch_print(self) -> QWidget:
        from ui.print_preview import BatchPrintDialog

        dialog = BatchPrintDialog(self.ctx, self)
        dialog.open()
        dialog.start()
        return dialog

    def open_print_queue(self) -> QWidget:
        from ui.print_preview import PrintQueueDialog

        dialog = PrintQueueDialog(self.ctx, self)
        dialog.open()
        return dialog

    def route_scan(self, scan: object) -> None:
        """Give a scan to the current mode if it takes scans (station views do)."""
        handler = getattr(self.tabs.currentWidget(), "handle_scan", None)
        if handler is not None:
            handler(scan)
        else:
            message = self.tr("Scan ignored here: {code}").format(code=getattr(scan, "raw", ""))
            self.statusBar().showMessage(message, 5000)

    def device_status_changed(self, role: str, status: LinkStatus) -> None:
        self._device_states[role] = status
        self.device_status.setText(" · ".join(link_words(r, self._device_states[r])
                                              for r in sorted(self._device_states)))
        ok = all(s.state is LinkState.CONNECTED for s in self._device_states.values())
        self.device_status.setStyleSheet("" if ok else "color: #c62828; font-weight: bold;")
        self.device_status.setToolTip(status.detail)

    def set_printer_status(self, text: str) -> None:
        self.printer_status.setText(text)

    def job_finished(self, job: str, ok: bool, summary: str) -> None:
        """A background job ran: the print queue's outcome shows in the status bar; the modes show
        what the site's jobs changed."""
        if job.startswith("print@") and (not ok or summary != "nothing to print"):
            self.set_printer_status(summary if ok else self.tr("Printer: {error}").format(error=summary))
            self.printer_status.setStyleSheet("" if ok else "color: #c62828; font-weight: bold;")
        for i in range(self.tabs.count()):
            handler = getattr(self.tabs.widget(i), "job_finished", None)
            if handler is not None:
                handler(job, ok, summary)

    def show_overdue_count(self, n: int) -> None:
        text = self.tr("1 ticket overdue") if n == 1 else self.tr("{n} tickets overdue").format(n=n)
        self.sla_status.setText(f'<a href="overdue" style="color: #c62828;">{text}</a>')
        self.sla_status.setVisible(n > 0)

    def show_overdue(self) -> None:
        for i in range(self.tabs.count()):
            mode = self.tabs.widget(i)
            if hasattr(mode, "show_overdue"):
                self.tabs.setCurrentWidget(mode)
                mode.show_overdue()

    def open_mailboxes(self) -> QWidget:
        from ui.service.mailboxes import MailboxDialog

        dialog = MailboxDialog(self.ctx, self)
        dialog.status_message.connect(self.statusBar().showMessage)
        dialog.open()
        return dialog

    def live_changed(self, topics: set[str]) -> None:
        """Another station committed a change: each page shows it (the overview reads its figures)."""
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            handler = getattr(page, "live_changed", None)
            if handler is not None:
                handler(topics)
            elif isinstance(page, OverviewPage) and page.isVisible():
                page.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.live.stop()
        super().closeEvent(event)

    def open_jobs(self) -> JobsDialog | None:
        from ui.jobs import JobsDialog

        if self.jobs is None:
            return None
        dialog = JobsDialog(self.jobs, self)
        dialog.open()
        return dialog
