"""Serial devices in the running app: a badge scanned on a serial scanner signs in, the status
bar follows the scale being unplugged and plugged back."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.config import StationSettings
from app.context import AppContext
from devices.sim.devices import SimScale, SimScanner
from ui.app import Shell
from ui.bridge import DeviceBridge


def test_serial_badge_scan_and_device_status(qtbot, demo_engine):
    scale, scanner = SimScale("continuous"), SimScanner()
    settings = StationSettings(station="PACK-01", language="en", devices={
        "scale": {"port": scale.start(), "protocol": "continuous"},
        "scanner": {"port": scanner.start()},
    })
    bridge = DeviceBridge(settings.devices)
    shell = Shell(AppContext(engine=demo_engine, settings=settings), settings, bridge)
    bridge.start()
    try:
        login = shell.show_login()
        qtbot.waitUntil(bridge.all_connected, timeout=3000)
        with qtbot.waitSignal(login.signed_in, timeout=3000):
            scanner.scan("BADGE-packer1")
        status = shell.main.findChild(QLabel, "device_status")
        assert "Scale: connected" in status.text() and "Scanner: connected" in status.text()
        with qtbot.waitSignal(bridge.weighed, timeout=3000) as weighed:
            scale.put(1500)
        assert weighed.args[0].grams == 1500
        scale.unplug()
        qtbot.waitUntil(lambda: "Scale: disconnected" in status.text(), timeout=3000)
        scale.replug()
        qtbot.waitUntil(lambda: "Scale: connected" in status.text(), timeout=3000)
    finally:
        shell.close()
        bridge.stop()
        scale.stop()
        scanner.stop()
