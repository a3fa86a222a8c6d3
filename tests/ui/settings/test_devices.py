"""Device settings: live weight and scan while configuring, then saved for this station."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

from app.config import StationSettings, load_settings
from devices.sim.devices import SimScale, SimScanner
from ui.settings.devices import DeviceSettingsDialog


def test_configure_test_and_save(qtbot):
    scale, scanner = SimScale("toledo8217"), SimScanner()
    scale_path, scanner_path = scale.start(), scanner.start()
    scale.put(2500)
    dialog = DeviceSettingsDialog(StationSettings(station="PACK-02"))
    qtbot.addWidget(dialog)
    try:
        dialog.findChild(QComboBox, "scale_port").setCurrentText(scale_path)
        proto = dialog.findChild(QComboBox, "protocol")
        proto.setCurrentIndex(proto.findData("toledo8217"))
        assert dialog.findChild(QComboBox, "parity").currentText() == "E"  # protocol defaults: 7E1
        dialog.findChild(QComboBox, "scanner_port").setCurrentText(scanner_path)
        dialog.start_test()
        qtbot.waitUntil(lambda: "2.500 kg" in dialog.findChild(QLabel, "live_weight").text(), timeout=3000)
        scanner.scan("A-01-02-3")
        qtbot.waitUntil(lambda: "bin: A-01-02-3" in dialog.findChild(QLabel, "last_scan").text(),
                        timeout=3000)
        dialog.save()
        saved = load_settings().devices
        assert saved["scale"]["port"] == scale_path and saved["scale"]["protocol"] == "toledo8217"
        assert saved["scale"]["bytesize"] == 7 and saved["scanner"]["port"] == scanner_path
    finally:
        dialog.stop_test()
        scale.stop()
        scanner.stop()


def test_indicator_address_for_command_mode(qtbot):
    """A Yaohua/Keli indicator in command mode answers only at its address (set on the indicator)."""
    scale = SimScale("yaohua-cmd")
    scale.state.options["address"] = "K"
    scale_path = scale.start()
    scale.put(1250)
    dialog = DeviceSettingsDialog(StationSettings(station="PACK-03"))
    qtbot.addWidget(dialog)
    try:
        address = dialog.findChild(QComboBox, "address")
        assert not address.isEnabled()  # mt-sics has no address
        dialog.findChild(QComboBox, "scale_port").setCurrentText(scale_path)
        proto = dialog.findChild(QComboBox, "protocol")
        proto.setCurrentIndex(proto.findData("yaohua-cmd"))
        assert address.isEnabled() and not dialog.findChild(QComboBox, "unit").isEnabled()
        address.setCurrentText("K")
        dialog.start_test()
        qtbot.waitUntil(lambda: "1.250 kg" in dialog.findChild(QLabel, "live_weight").text(), timeout=3000)
        dialog.save()
        assert load_settings().devices["scale"]["address"] == "K"
    finally:
        dialog.stop_test()
        scale.stop()
