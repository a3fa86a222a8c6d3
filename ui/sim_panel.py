"""Demo-only panel that drives the simulated scale and scanner, so the demo needs no hardware."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from devices.sim.devices import SimScale, SimScanner


class SimPanel(QWidget):
    def __init__(self, scale: SimScale, scanner: SimScanner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale, self.scanner = scale, scanner
        self.setWindowTitle(self.tr("Simulated devices"))
        self.grams = QDoubleSpinBox(objectName="sim_grams", decimals=0, maximum=150_000, suffix=" g")
        put = QPushButton(self.tr("Put on scale"), objectName="sim_put")
        put.clicked.connect(lambda: self.scale.put(Decimal(str(self.grams.value()))))
        state = QComboBox(objectName="sim_state")
        state.addItems([self.tr("stable"), self.tr("unstable"), self.tr("overload"), self.tr("unplugged")])
        state.currentIndexChanged.connect(self._state)
        self.code = QLineEdit(objectName="sim_code")
        self.code.setPlaceholderText("6901234567892 / PD0000000001 / CMD:FINISH")
        scan = QPushButton(self.tr("Scan"), objectName="sim_scan")
        scan.clicked.connect(self._scan)
        self.code.returnPressed.connect(self._scan)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.grams)
        row1.addWidget(put)
        row1.addWidget(state)
        row2.addWidget(self.code)
        row2.addWidget(scan)
        form = QFormLayout(self)
        form.addRow(self.tr("Scale"), row1)
        form.addRow(self.tr("Scanner"), row2)

    def _state(self, index: int) -> None:
        self.scale.replug()
        if index == 0:
            self.scale.put(self.scale.state.grams)
        elif index == 1:
            self.scale.unstable()
        elif index == 2:
            self.scale.overload()
        else:
            self.scale.unplug()

    def _scan(self) -> None:
        text = self.code.text().strip()
        if text:
            self.scanner.scan(text)
            self.code.clear()
