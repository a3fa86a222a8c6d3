"""Verify and hand-over screen: scan a waybill to verify the parcel (re-scan and re-weigh when
the sampling rule picks it), or, in hand-over mode, scan parcels into the carrier's batch and
close the batch to print its manifest. ``CMD:VERIFY`` and ``CMD:HANDOVER`` switch the mode.

Closing reconciles: the selected batch shows what was packed for its carrier, what was scanned
in and the parcels missing (where last seen); the courier's count is entered, and a batch whose
counts differ closes only with a second, deliberate press."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
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
from app.services.verify import BatchView, Reconciliation, VerifyResult, VerifyTask
from app.timezone import fmt
from devices.scale.base import ScaleEvent, WeightReading, WeightStatus
from devices.scanner.scan import Scan, ScanKind
from ui.station.details import word_detail
from ui.station.feedback import HEADING_PX, LABEL_PX, TEXT_PX, Banner, error_text, item_name


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
        self.parcel.setWordWrap(True)
        self.items = QTableWidget(0, 4, objectName="items")
        self.items.verticalHeader().hide()
        self.items.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.items.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.items.setWordWrap(True)  # a long item name takes two lines, never an ellipsis
        self.items.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.items.horizontalHeader()
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.items.resizeRowsToContents())
        self.scale_box = QGroupBox(objectName="scale")
        self.weight = QLabel(objectName="weight")
        self.reading: Decimal | None = None  # the scale's last weight shown
        self.weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.unstable = QLabel(objectName="unstable")  # says what the "~" after a weight means
        self.unstable.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.packed_weight = QLabel(objectName="packed_weight")
        scale = QVBoxLayout(self.scale_box)
        for w in (self.weight, self.unstable, self.packed_weight):
            scale.addWidget(w)
        self.batches = QTableWidget(0, 3, objectName="batches")
        self.batches.verticalHeader().hide()
        self.batches.horizontalHeader().setStretchLastSection(True)
        self.batches.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.batches.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.batches.itemSelectionChanged.connect(self._reconcile)
        self.batch_rows: list[BatchView] = []
        self.counts = QLabel(objectName="counts")
        self.counts.setWordWrap(True)
        self.missing = QTableWidget(0, 4, objectName="missing")
        self.missing.verticalHeader().hide()
        self.missing.setWordWrap(True)  # all four columns fit the panel: "last seen" wraps
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        for col, mode in enumerate((fit, fit, stretch, fit)):
            self.missing.horizontalHeader().setSectionResizeMode(col, mode)
        self.missing.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.missing.horizontalHeader().sectionResized.connect(lambda *_: self.missing.resizeRowsToContents())
        self.missing.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.courier_label = QLabel(objectName="courier_label")
        self.courier = QSpinBox(objectName="courier")
        self.courier.setRange(-1, 9999)
        self.courier.setValue(-1)
        self.courier.setSpecialValueText("—")
        self.courier.valueChanged.connect(self._reconcile)
        self.by_choice = False  # the counts differ and the user was told: the next press closes
        self.close_button = QPushButton(objectName="close_batch")
        self.close_button.setMinimumHeight(44)
        self.close_button.clicked.connect(self.close_selected_batch)
        self.setStyleSheet(
            f"QPushButton, QSpinBox, QLabel#courier_label {{ font-size: {LABEL_PX}px; }}"
            f"QLabel#parcel {{ font-size: {HEADING_PX}px; font-weight: bold; }}"
            f"QTableWidget#items, QTableWidget#items QHeaderView {{ font-size: {TEXT_PX}px; }}"
            f"QTableWidget#batches, QTableWidget#batches QHeaderView, QTableWidget#missing, "
            f"QTableWidget#missing QHeaderView {{ font-size: {LABEL_PX}px; }}"
            f"QGroupBox, QLabel#batch_title, QLabel#counts {{ font-size: {LABEL_PX}px; font-weight: bold; }}"
            "QLabel#weight { font-size: 56px; font-family: monospace; font-weight: bold; }"
            f"QLabel#unstable {{ font-size: {LABEL_PX}px; font-weight: bold; color: #8a5300; }}"
            f"QLabel#packed_weight {{ font-size: {TEXT_PX}px; font-weight: normal; }}"
        )
        modes = QHBoxLayout()
        modes.addWidget(self.verify_button)
        modes.addWidget(self.handover_button)
        left = QVBoxLayout()
        left.addWidget(self.parcel)
        left.addWidget(self.items, 1)
        left.addWidget(self.scale_box)
        self.batch_title = QLabel(objectName="batch_title")
        right = QVBoxLayout()
        right.addWidget(self.batch_title)
        right.addWidget(self.batches, 1)
        right.addWidget(self.counts)
        right.addWidget(self.missing, 1)
        courier = QHBoxLayout()
        courier.addWidget(self.courier_label)
        courier.addWidget(self.courier)
        right.addLayout(courier)
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
        self.items.setHorizontalHeaderLabels(
            [self.tr("SKU"), self.tr("Item"), self.tr("Qty"), self.tr("Re-scanned")]
        )
        self.scale_box.setTitle(self.tr("Weight"))
        if self.reading is None:
            self.weight.setText(self.tr("{grams} g").format(grams="—"))
        self.batches.setHorizontalHeaderLabels([self.tr("Carrier"), self.tr("Pick-up"), self.tr("Parcels")])
        self.missing.setHorizontalHeaderLabels(
            [self.tr("Missing waybill"), self.tr("Order"), self.tr("Last seen"), self.tr("When")]
        )
        self.batch_title.setText(self.tr("Open hand-over batches"))
        self.courier_label.setText(self.tr("Parcels the courier counted:"))
        self._close_text()
        self._prompt()
        self._reconcile()

    def _close_text(self) -> None:
        self.close_button.setText(
            self.tr("Counts differ: close anyway")
            if self.by_choice
            else self.tr("Carrier collected: close batch and print manifest")
        )

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
        if mode == "handover":
            self.refresh()  # batches other stations opened meanwhile, the only one chosen

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
        grams = self.reading = event.grams.quantize(Decimal(1))
        self.weight.setText(self.tr("{grams} g").format(grams=grams) + ("" if event.stable else " ~"))
        self.unstable.setText("" if event.stable else self.tr("~ unstable: wait for the scale to settle"))
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

    def selected_batch(self) -> BatchView | None:
        row = self.batches.currentRow()
        return self.batch_rows[row] if 0 <= row < len(self.batch_rows) else None

    def _hand_over(self, scan: Scan) -> None:
        chosen = self.selected_batch()
        try:
            with unit_of_work(self.ctx.sessions) as s:
                batch, tracking = verify.hand_over(
                    s, self.station, scan, self.ctx.clock(), chosen.carrier if chosen else None
                )
        except DomainError as exc:
            self.banner.show_text(error_text(exc), "error", sound=True)
            return
        self.banner.show_text(
            self.tr("{tracking} → {batch} ({count} parcels)").format(
                tracking=tracking, batch=self.batch_name(batch), count=batch.parcels
            ),
            "ok",
            sound=True,
        )
        self.refresh()
        self.verdict.emit(batch)

    def close_selected_batch(self) -> None:
        chosen = self.selected_batch()
        if chosen is None:
            self.banner.show_text(self.tr("Select the batch the carrier collected"), "warning", sound=True)
            return
        courier = self.courier.value() if self.courier.value() >= 0 else None
        if self._closes(chosen, courier) and not self._confirmed(chosen, courier):
            return
        try:
            with unit_of_work(self.ctx.sessions) as s:
                batch, _job = verify.close_batch(
                    s, self.station, chosen.id, self.ctx.clock(), courier, accept_difference=self.by_choice
                )
        except DomainError as exc:
            self.by_choice = exc.code == "handover.differs"
            self._close_text()
            self.banner.show_text(error_text(exc), "error", sound=True)
            return
        self.by_choice = False
        self._close_text()
        self.courier.setValue(-1)
        self.banner.show_text(
            self.tr("{batch} closed: {count} parcels shipped, manifest printing").format(
                batch=self.batch_name(batch), count=batch.parcels
            ),
            "ok",
            sound=True,
        )
        self.refresh()
        self.verdict.emit(batch)

    def batch_name(self, batch: BatchView) -> str:
        """A batch as the people at the dock call it: its carrier and pick-up time."""
        if batch.slot:
            return self.tr("{carrier} {slot} pick-up").format(carrier=batch.carrier, slot=batch.slot)
        return self.tr("{carrier} pick-up today").format(carrier=batch.carrier)

    def _closes(self, batch: BatchView, courier: int | None) -> bool:
        """Whether pressing close now ships the batch (else the service says what is missing)."""
        if courier is None or batch.parcels == 0:
            return False
        with read_only(self.ctx.sessions) as s:
            rec = verify.reconcile(s, batch.id, courier)
        return rec.agrees or self.by_choice

    def _confirmed(self, batch: BatchView, courier: int | None) -> bool:
        """Closing ships every parcel in the batch and cannot be undone: ask first."""
        answer = QMessageBox.question(
            self,
            self.tr("Close batch"),
            self.tr(
                "Close {batch}? Its {count} parcels are shipped (the courier counted {courier}) and "
                "the manifest prints. This cannot be undone."
            ).format(batch=self.batch_name(batch), count=batch.parcels, courier=courier),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def refresh(self) -> None:
        chosen = self.selected_batch()
        with read_only(self.ctx.sessions) as s:
            self.batch_rows = verify.open_batches(s)
        self.batches.setRowCount(len(self.batch_rows))
        for row, b in enumerate(self.batch_rows):
            for col, text in enumerate((b.carrier, b.slot or self.tr("today"), str(b.parcels))):
                item = QTableWidgetItem(text)
                item.setToolTip(b.number)  # the number the manifest prints, for who needs it
                self.batches.setItem(row, col, item)
        self.batches.resizeColumnsToContents()
        keep = next((i for i, b in enumerate(self.batch_rows) if chosen and b.id == chosen.id), -1)
        if keep >= 0 or len(self.batch_rows) == 1:
            self.batches.selectRow(max(keep, 0))
        self._reconcile()

    def _reconcile(self) -> None:
        """The selected batch's counts and missing parcels (a new count asks for a fresh choice)."""
        self.by_choice = False
        self._close_text()
        chosen = self.selected_batch()
        if chosen is None:
            self.counts.setText(self.tr("Select a batch to compare it with what was packed"))
            self.missing.setRowCount(0)
            return
        courier = self.courier.value() if self.courier.value() >= 0 else None
        with read_only(self.ctx.sessions) as s:
            rec = verify.reconcile(s, chosen.id, courier)
        self._show_reconciliation(rec)

    def _show_reconciliation(self, rec: Reconciliation) -> None:
        text = self.tr("{carrier}: {packed} packed · {scanned} scanned · courier {courier}").format(
            carrier=rec.batch.carrier,
            packed=rec.packed,
            scanned=rec.scanned,
            courier="—" if rec.courier is None else rec.courier,
        )
        self.counts.setText(text)
        self.counts.setStyleSheet(f"color: {'#1b5e20' if rec.agrees else '#c62828'};")
        seen = {
            "packed": self.tr("packed at {station}"),
            "verified": self.tr("verified (packed at {station})"),
            "waiting_verify": self.tr("packed at {station}, waiting for verify"),
        }
        self.missing.setRowCount(len(rec.missing))
        for row, m in enumerate(rec.missing):
            cells = (
                m.tracking_number,
                m.order_number,
                seen[m.last_seen].format(station=m.station),
                fmt(m.at, "short"),
            )
            for col, value in enumerate(cells):
                self.missing.setItem(row, col, QTableWidgetItem(value))
        self.missing.resizeRowsToContents()

    # --- rendering ---------------------------------------------------------------------

    def _render(self) -> None:
        t = self.task
        if t is None:
            self.parcel.setText("")
            self.items.setRowCount(0)
            self.packed_weight.setText("")
            return
        packed_g = t.packed_g.quantize(Decimal(1))
        self.packed_weight.setText(self.tr("Weighed at packing: {grams} g").format(grams=packed_g))
        self.parcel.setText(
            self.tr("{tracking} · order {number} · {carrier}").format(
                tracking=t.tracking_number, number=t.order_number, carrier=t.carrier
            )
        )
        self.items.setRowCount(len(t.expected) if t.check.value == "full" else 0)
        for row, (key, qty) in enumerate(sorted(t.expected.items()) if t.check.value == "full" else []):
            name = item_name(*t.items.get(key, ("", "")))
            cells = (t.names[key], name, str(qty), str(t.scanned.get(key, 0)))
            for col, text in enumerate(cells):
                self.items.setItem(row, col, QTableWidgetItem(text))
        self.items.resizeRowsToContents()

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
            ).format(detail=word_detail(str(p["detail"]))),
        }
        return texts.get(r.verdict, lambda: r.verdict)()
