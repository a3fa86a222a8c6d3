"""Verify and hand-over screen: scan a waybill to verify the parcel (re-scan and re-weigh when
the sampling rule picks it), or, in hand-over mode, scan parcels into the carrier's batch and
close the batch to print its manifest. ``CMD:VERIFY`` and ``CMD:HANDOVER`` switch the mode."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import verify
from app.services.packing import MIN_PARCEL_G, Station
from app.services.verify import VerifyResult, VerifyTask
from devices.scale.base import ScaleEvent, WeightReading, WeightStatus
from devices.scanner.scan import Scan, ScanKind
from ui.station.feedback import Banner, error_text


class VerifyView(QWidget):
    status_message = Signal(str)
    verdict = Signal(object)  # VerifyResult or BatchView

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert ctx.user is not None
        self.ctx = ctx
        self.station = Station(ctx.station, ctx.user, ctx.settings.printers)
        self.setObjectName("verify_view")
        self.mode = "verify"
        self.task: VerifyTask | None = None
        self.armed = True
        self.banner = Banner(self)
        self.verify_button = QPushButton(objectName="mode_verify", checkable=True, checked=True)
        self.handover_button = QPushButton(objectName="mode_handover", checkable=True)
        group = QButtonGroup(self)
        for b in (self.verify_button, self.handover_button):
            b.setMinimumHeight(44)
            group.addButton(b)
        self.verify_button.clicked.connect(lambda: self.set_mode("verify"))
        self.handover_button.clicked.connect(lambda: self.set_mode("handover"))
        self.parcel = QLabel(objectName="parcel")
        self.parcel.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.items = QTableWidget(0, 3, objectName="items")
        self.items.verticalHeader().hide()
        self.items.horizontalHeader().setStretchLastSection(True)
        self.weight = QLabel("—", objectName="weight")
        self.weight.setStyleSheet("font-size: 26pt; font-family: monospace; font-weight: bold;")
        self.batches = QTableWidget(0, 3, objectName="batches")
        self.batches.verticalHeader().hide()
        self.batches.horizontalHeader().setStretchLastSection(True)
        self.batches.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.close_button = QPushButton(objectName="close_batch")
        self.close_button.setMinimumHeight(44)
        self.close_button.clicked.connect(self.close_selected_batch)
        modes = QHBoxLayout()
        modes.addWidget(self.verify_button)
        modes.addWidget(self.handover_button)
        left = QVBoxLayout()
        left.addWidget(self.parcel)
        left.addWidget(self.items, 1)
        left.addWidget(self.weight)
        self.batch_title = QLabel(objectName="batch_title")
        right = QVBoxLayout()
        right.addWidget(self.batch_title)
        right.addWidget(self.batches, 1)
        right.addWidget(self.close_button)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(modes)
        outer.addWidget(self.banner)
        outer.addLayout(body, 1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.verify_button.setText(self.tr("Verify parcels"))
        self.handover_button.setText(self.tr("Hand over to carrier"))
        self.items.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Qty"), self.tr("Re-scanned")])
        self.batches.setHorizontalHeaderLabels([self.tr("Batch"), self.tr("Carrier"), self.tr("Parcels")])
        self.batch_title.setText(self.tr("Open hand-over batches"))
        self.close_button.setText(self.tr("Carrier collected: close batch and print manifest"))
        self._prompt()

    def _prompt(self) -> None:
        text = (
            self.tr("Scan a waybill to verify the parcel")
            if self.mode == "verify"
            else self.tr("Scan verified parcels into the carrier's batch")
        )
        self.banner.show_text(text, "idle")

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        (self.verify_button if mode == "verify" else self.handover_button).setChecked(True)
        self.task = None
        self._render()
        self._prompt()

    # --- input -------------------------------------------------------------------------

    def handle_scan(self, scan: Scan) -> None:
        if scan.kind is ScanKind.COMMAND and scan.value in ("VERIFY", "HANDOVER"):
            self.set_mode(scan.value.lower())
        elif self.mode == "handover":
            self._hand_over(scan)
        elif scan.kind is ScanKind.WAYBILL or self.task is None or self.task.status != "open":
            self._act(verify.start, scan)
        else:
            self._act(verify.scan_item, self.task, scan)

    def handle_weight(self, event: ScaleEvent) -> None:
        if not isinstance(event, WeightReading) or event.status is not WeightStatus.OK:
            return
        grams = event.grams.quantize(Decimal(1))
        self.weight.setText(self.tr("{grams} g").format(grams=grams) + ("" if event.stable else " ~"))
        if not event.stable:
            return
        if grams < MIN_PARCEL_G:
            self.armed = True
        elif self.armed and self.task is not None and self.task.status == "open" and self.task.items_done:
            self.armed = False
            self._act(verify.weigh, self.task, grams)

    # --- actions -----------------------------------------------------------------------

    def _act(self, fn: object, *args: object) -> None:
        try:
            with unit_of_work(self.ctx.sessions) as s:
                result: VerifyResult = fn(s, self.station, *args, self.ctx.clock())  # type: ignore[operator]
        except DomainError as exc:
            self.banner.show_text(error_text(exc), "error", sound=True)
            return
        self.task = result.task
        self._render()
        # a failed verify sounds like what failed it (a wrong or extra item)
        verdict = str(result.params.get("what", "")) if result.verdict == "failed" else result.verdict
        self.banner.show_text(self._message(result), result.level, sound=True, verdict=verdict)
        self.verdict.emit(result)

    def _hand_over(self, scan: Scan) -> None:
        try:
            with unit_of_work(self.ctx.sessions) as s:
                batch, tracking = verify.hand_over(s, self.station, scan, self.ctx.clock())
        except DomainError as exc:
            self.banner.show_text(error_text(exc), "error", sound=True)
            return
        self.banner.show_text(
            self.tr("{tracking} → batch {batch} ({count} parcels)").format(
                tracking=tracking, batch=batch.number, count=batch.parcels
            ),
            "ok",
            sound=True,
        )
        self.refresh()
        self.verdict.emit(batch)

    def close_selected_batch(self) -> None:
        row = self.batches.currentRow()
        if row < 0:
            self.banner.show_text(self.tr("Select the batch the carrier collected"), "warning", sound=True)
            return
        batch_id = int(self.batches.item(row, 0).data(256))
        try:
            with unit_of_work(self.ctx.sessions) as s:
                batch, _job = verify.close_batch(s, self.station, batch_id, self.ctx.clock())
        except DomainError as exc:
            self.banner.show_text(error_text(exc), "error", sound=True)
            return
        self.banner.show_text(
            self.tr("Batch {batch} closed: {count} parcels shipped, manifest printing").format(
                batch=batch.number, count=batch.parcels
            ),
            "ok",
            sound=True,
        )
        self.refresh()
        self.verdict.emit(batch)

    def refresh(self) -> None:
        with read_only(self.ctx.sessions) as s:
            batches = verify.open_batches(s)
        self.batches.setRowCount(len(batches))
        for row, b in enumerate(batches):
            first = QTableWidgetItem(b.number)
            first.setData(256, b.id)
            self.batches.setItem(row, 0, first)
            self.batches.setItem(row, 1, QTableWidgetItem(b.carrier))
            self.batches.setItem(row, 2, QTableWidgetItem(str(b.parcels)))

    # --- rendering ---------------------------------------------------------------------

    def _render(self) -> None:
        t = self.task
        if t is None:
            self.parcel.setText("")
            self.items.setRowCount(0)
            return
        self.parcel.setText(
            self.tr("{tracking} · order {number} · {carrier}").format(
                tracking=t.tracking_number, number=t.order_number, carrier=t.carrier
            )
        )
        self.items.setRowCount(len(t.expected) if t.check.value == "full" else 0)
        for row, (key, qty) in enumerate(sorted(t.expected.items()) if t.check.value == "full" else []):
            for col, text in enumerate((t.names[key], str(qty), str(t.scanned.get(key, 0)))):
                self.items.setItem(row, col, QTableWidgetItem(text))

    def _message(self, r: VerifyResult) -> str:
        p = r.params
        reasons = {
            "high value": self.tr("high value"),
            "sample": self.tr("random sample"),
            "weight override": self.tr("weight was overridden"),
            "weight learnt": self.tr("weight was learnt"),
            "weight unchecked": self.tr("weight was not checked"),
        }
        texts = {
            "started": lambda: self.tr(
                "Check this parcel ({reason}): re-scan every item, then weigh it"
            ).format(reason=reasons.get(str(p.get("reason")), p.get("reason"))),
            "passed": lambda: self.tr("Verified: put it with {carrier}").format(carrier=p["carrier"]),
            "item_ok": lambda: self.tr("{sku} ✓").format(sku=p["sku"]),
            "weigh": lambda: self.tr("All items re-scanned: put the parcel on the scale"),
            "not_ready": lambda: self.tr("{left} item(s) still to re-scan").format(left=p["left"]),
            "garbled": lambda: self.tr("Unreadable scan {code}: scan again").format(code=p["code"]),
            "failed": lambda: self.tr(
                "Verify failed: {detail}. Set the parcel aside for a supervisor"
            ).format(detail=p["detail"]),
        }
        return texts.get(r.verdict, lambda: r.verdict)()
