"""Station device settings: port, protocol and serial parameters for the scale and scanner,
with the live weight and the last scan shown while configuring; saved per station."""

from __future__ import annotations

import string
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont, QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import StationSettings, save_settings
from devices.scale.base import GRAMS_PER_UNIT, PROTOCOLS, ScaleError, WeightReading, get_protocol
from devices.scanner.serial_scanner import SUFFIXES
from ui.bridge import DeviceBridge, link_words
from ui.station.feedback import error_text

BAUDS = ["1200", "2400", "4800", "9600", "19200", "38400", "57600", "115200"]


def _ports() -> list[str]:
    from serial.tools import list_ports

    return sorted(p.device for p in list_ports.comports())


class DeviceSettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, settings: StationSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("device_settings")
        self.setWindowTitle(self.tr("Devices of this station"))
        self._test: DeviceBridge | None = None
        get_protocol("mt-sics")  # every protocol registered
        scale = settings.devices.get("scale", {})
        scanner = settings.devices.get("scanner", {})

        self.scale_port = self._port_box(scale.get("port", ""), "scale_port")
        self.protocol = QComboBox(objectName="protocol")
        for name in sorted({p.name for p in PROTOCOLS.values()}):
            # titles come from the drivers (no Qt there): worded here, context ScaleProtocol
            title = QCoreApplication.translate("ScaleProtocol", PROTOCOLS[name].title)
            self.protocol.addItem(f"{name} — {title}", name)
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(scale.get("protocol", "mt-sics"))))
        self.baud = self._combo(BAUDS, str(scale.get("baudrate", "")), "baudrate", editable=True)
        self.baud.setValidator(QIntValidator(50, 4_000_000, self))
        self.bytesize = self._combo(["7", "8"], str(scale.get("bytesize", "")), "bytesize")
        self.parity = self._combo(["N", "E", "O"], str(scale.get("parity", "")), "parity")
        self.stopbits = self._combo(["1", "2"], str(scale.get("stopbits", "")).replace(".0", ""), "stopbits")
        # options only some formats read: an indicator's bus address, the unit of a format that sends none
        self.address = self._combo(list(string.ascii_uppercase), str(scale.get("address", "A")), "address")
        self.unit = self._combo(sorted(GRAMS_PER_UNIT), str(scale.get("unit", "kg")), "unit")
        self.protocol.currentIndexChanged.connect(self._protocol_defaults)
        self.protocol.currentIndexChanged.connect(self._protocol_options)
        if not scale.get("baudrate"):
            self._protocol_defaults()
        self._protocol_options()

        self.scanner_port = self._port_box(scanner.get("port", ""), "scanner_port")
        self.suffix = self._combo(list(SUFFIXES), str(scanner.get("suffix", "cr")), "suffix")

        self.weight = QLabel("—", objectName="live_weight")
        big = QFont(self.weight.font())
        big.setPointSize(big.pointSize() + 10)
        big.setBold(True)
        self.weight.setFont(big)
        self.last_scan = QLabel("—", objectName="last_scan")
        self.link = QLabel("", objectName="link_state")
        test = QPushButton(self.tr("Connect and test"), objectName="test")
        test.clicked.connect(self.start_test)
        zero = QPushButton(self.tr("Zero"), objectName="zero")
        tare = QPushButton(self.tr("Tare"), objectName="tare")
        zero.clicked.connect(lambda: self._scale_command("zero"))
        tare.clicked.connect(lambda: self._scale_command("tare"))

        scale_box = QGroupBox(self.tr("Scale"))
        f1 = QFormLayout(scale_box)
        f1.addRow(self.tr("Port"), self.scale_port)
        f1.addRow(self.tr("Protocol"), self.protocol)
        serial_row = QHBoxLayout()
        for w in (self.baud, self.bytesize, self.parity, self.stopbits):
            serial_row.addWidget(w)
        f1.addRow(self.tr("Baud, data bits, parity, stop bits"), serial_row)
        f1.addRow(self.tr("Indicator address"), self.address)
        f1.addRow(self.tr("Unit (the scale sends none)"), self.unit)
        scanner_box = QGroupBox(self.tr("Serial scanner"))
        f2 = QFormLayout(scanner_box)
        f2.addRow(self.tr("Port"), self.scanner_port)
        f2.addRow(self.tr("Suffix"), self.suffix)
        live = QGroupBox(self.tr("Live"))
        f3 = QFormLayout(live)
        f3.addRow(self.tr("Weight"), self.weight)
        f3.addRow(self.tr("Last scan"), self.last_scan)
        f3.addRow(self.tr("State"), self.link)
        f3.addRow(test)
        commands = QHBoxLayout()
        commands.addWidget(zero)
        commands.addWidget(tare)
        f3.addRow(commands)
        camera = QPushButton(self.tr("Packing video camera…"), objectName="camera")
        camera.clicked.connect(self.open_camera)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        for w in (scale_box, scanner_box, live, camera, buttons):
            box.addWidget(w)

    def open_camera(self) -> QDialog:
        from ui.station.recorder import CameraSettingsDialog

        dialog = CameraSettingsDialog(self.settings, self)
        dialog.open()
        return dialog

    def _port_box(self, current: str, name: str) -> QComboBox:
        box = QComboBox(objectName=name)
        box.setEditable(True)  # loop://, socket://host:port and symlinks are typed in
        box.addItem("")
        box.addItems(_ports())
        box.setCurrentText(current)
        return box

    def _combo(self, items: list[str], current: str, name: str, editable: bool = False) -> QComboBox:
        box = QComboBox(objectName=name)
        box.setEditable(editable)
        box.addItems(items)
        if current:
            box.setCurrentText(current)
        return box

    def _protocol_defaults(self) -> None:
        p = PROTOCOLS[self.protocol.currentData()]
        self.baud.setCurrentText(str(p.baudrate))
        self.bytesize.setCurrentText(str(p.bytesize))
        self.parity.setCurrentText(p.parity)
        self.stopbits.setCurrentText(str(int(p.stopbits)))

    def _protocol_options(self) -> None:
        options = PROTOCOLS[self.protocol.currentData()].options
        self.address.setEnabled("address" in options)
        self.unit.setEnabled("unit" in options)

    def profiles(self) -> dict[str, dict[str, Any]]:
        options = PROTOCOLS[self.protocol.currentData()].options
        return {
            "scale": {
                "port": self.scale_port.currentText().strip(),
                "protocol": self.protocol.currentData(),
                "baudrate": int(self.baud.currentText() or 9600),
                "bytesize": int(self.bytesize.currentText()),
                "parity": self.parity.currentText(),
                "stopbits": int(self.stopbits.currentText()),
                **({"address": self.address.currentText()} if "address" in options else {}),
                **({"unit": self.unit.currentText()} if "unit" in options else {}),
            },
            "scanner": {"port": self.scanner_port.currentText().strip(), "suffix": self.suffix.currentText()},
        }

    def start_test(self) -> None:
        self.stop_test()
        self._test = DeviceBridge(self.profiles(), self)
        self._test.weighed.connect(self._weighed)
        self._test.scanned.connect(
            lambda scan: self.last_scan.setText(
                f"{scan.kind.value}: {scan.value or scan.raw}"
                + (f" ({error_text(scan.error)})" if scan.error else "")
            )
        )
        self._test.status_changed.connect(
            lambda role, s: self.link.setText(f"{link_words(role, s)} {s.detail}".strip())
        )
        self._test.start()

    def _scale_command(self, command: str) -> None:
        if self._test is None:
            self.start_test()
        assert self._test is not None
        if not getattr(self._test, command)():
            self.link.setText(self.tr("The scale is not connected or has no {command} command.")
                              .format(command=command))

    def _weighed(self, event: object) -> None:
        if isinstance(event, WeightReading):
            flag = self.tr("stable") if event.stable else self.tr("moving")
            text = f"{event.grams / 1000:.3f} kg ({flag})"
            if event.status.value != "ok":
                text = self.tr("overload") if event.status.value == "overload" else self.tr("below zero")
            self.weight.setText(text)
        elif isinstance(event, ScaleError):
            self.link.setText(error_text(event))

    def stop_test(self) -> None:
        if self._test is not None:
            self._test.stop()
            self._test.deleteLater()
            self._test = None

    def save(self) -> None:
        self.stop_test()
        self.settings.devices.update(self.profiles())
        save_settings(self.settings)
        self.saved.emit()
        self.accept()

    def done(self, result: int) -> None:
        self.stop_test()
        super().done(result)
