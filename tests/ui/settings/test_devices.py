"""Device settings: live weight and scan while configuring, then saved for this station; a scale's
or a camera setting's problem worded in the station's language."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

from app.config import StationSettings, load_settings
from devices.sim.devices import SimScale, SimScanner
from devices.sim.pty_port import PtyPort
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


def test_a_garbled_reply_while_testing_the_scale_reads_in_chinese(qtbot, chinese):
    scale = PtyPort("scale")  # a port where something answers, but not in the protocol chosen
    path = scale.open()
    dialog = DeviceSettingsDialog(StationSettings(station="PACK-04"))
    qtbot.addWidget(dialog)
    link = dialog.findChild(QLabel, "link_state")
    try:
        dialog.findChild(QComboBox, "scale_port").setCurrentText(path)
        dialog.start_test()

        def garbled_seen() -> bool:
            scale.write(b"S S 1,2 kg\r\n")  # again until the reader listens (bytes before it opened are lost)
            return "格式错误" in link.text()
        qtbot.waitUntil(garbled_seen, timeout=5000)
        assert link.text() == "格式错误的重量回复 b'S S 1,2 kg'"
    finally:
        dialog.stop_test()
        scale.remove()


def test_a_camera_size_that_is_not_one_is_refused_in_chinese_and_nothing_is_saved(qtbot, chinese):
    settings = StationSettings(station="PACK-05")
    dialog = DeviceSettingsDialog(settings)
    qtbot.addWidget(dialog)
    camera = dialog.open_camera()
    camera.findChild(QComboBox, "source").setCurrentText("test")
    camera.findChild(QComboBox, "size").setCurrentText("1280*720")
    camera.save()
    assert camera.findChild(QLabel, "error").text() == (
        "摄像头分辨率格式为 宽x高，例如 1280x720，而不是 '1280*720'。")
    assert camera.isVisible() and "camera" not in load_settings().devices
    camera.findChild(QComboBox, "size").setCurrentText("1281x720")
    camera.save()
    assert camera.findChild(QLabel, "error").text() == (
        "摄像头分辨率 1281x720 超出范围（须为偶数，160x120 至 3840x2160）。")
    camera.reject()


def test_testing_a_scale_on_a_chinese_station_says_its_link_in_chinese(qtbot, chinese):
    scale = SimScale("toledo8217")
    path = scale.start()
    dialog = DeviceSettingsDialog(StationSettings(station="PACK-06"))
    qtbot.addWidget(dialog)
    link = dialog.findChild(QLabel, "link_state")
    try:
        dialog.findChild(QComboBox, "scale_port").setCurrentText(path)
        dialog.start_test()
        qtbot.waitUntil(lambda: link.text().startswith("电子秤：已连接"), timeout=3000)
    finally:
        dialog.stop_test()
        scale.stop()
