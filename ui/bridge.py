"""Moves device callbacks from reader threads to the GUI thread as Qt signals.

Signals emitted from a reader thread reach receivers in the GUI thread queued, so a slow
slot never blocks a serial port and a device never touches a widget directly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from devices.hub import DeviceHub
from devices.transport import LinkState, LinkStatus


def link_words(role: str, status: LinkStatus) -> str:
    """``Scale: connected`` in the app's language, for the status bar and the device settings."""
    tr = QCoreApplication.translate
    names = {"scale": tr("DeviceBridge", "Scale"), "scanner": tr("DeviceBridge", "Scanner")}
    states = {LinkState.CONNECTED: tr("DeviceBridge", "connected"),
              LinkState.CONNECTING: tr("DeviceBridge", "connecting"),
              LinkState.DISCONNECTED: tr("DeviceBridge", "disconnected"),
              LinkState.STOPPED: tr("DeviceBridge", "stopped")}
    return tr("DeviceBridge", "{device}: {state}").format(
        device=names.get(role, role), state=states.get(status.state, status.state.value))


class DeviceBridge(QObject):
    scanned = Signal(object)  # devices.scanner.scan.Scan
    weighed = Signal(object)  # devices.scale.base.ScaleEvent
    status_changed = Signal(str, object)  # role, LinkStatus

    def __init__(self, profiles: dict[str, dict[str, Any]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.states: dict[str, LinkStatus] = {}
        self.hub = DeviceHub(profiles, self.scanned.emit, self.weighed.emit, self._status)
        self.status_changed.connect(self._remember)

    def start(self) -> None:
        self.hub.start()

    def stop(self) -> None:
        self.hub.stop()

    def zero(self) -> bool:
        return self.hub.scale is not None and self.hub.scale.zero()

    def tare(self) -> bool:
        return self.hub.scale is not None and self.hub.scale.tare()

    def _status(self, role: str, status: LinkStatus) -> None:
        self.status_changed.emit(role, status)

    def _remember(self, role: str, status: LinkStatus) -> None:
        self.states[role] = status

    def all_connected(self) -> bool:
        return bool(self.states) and all(s.state is LinkState.CONNECTED for s in self.states.values())
