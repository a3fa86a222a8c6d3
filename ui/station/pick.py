"""Pick screen for PDAs (480x800, touch): take the next wave, walk to the bin shown in large
type, scan the bin, scan each item, scan the tote they went into; short picks with a reason
code (made up from another bin, or held for a supervisor)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.context import AppContext
from app.db import read_only, retrying
from app.errors import DomainError
from app.services import picking, waves
from app.services.picking import PickResult, PickStep
from devices.scanner.scan import Scan, ScanKind
from ui.station.feedback import HEADING_PX, TEXT_PX, Banner, error_text, item_name


def wave_statuses() -> dict[str, str]:
    """Wave statuses (stored) and their words (shown)."""
    return {
        "released": QCoreApplication.translate("PickView", "ready to pick"),
        "picking": QCoreApplication.translate("PickView", "being picked"),
    }


def short_reasons() -> dict[str, str]:
    """Short-pick reason codes (stored) and their words (shown) in the app's language."""
    words = {
        "empty_bin": QCoreApplication.translate("PickView", "empty bin"),
        "damaged": QCoreApplication.translate("PickView", "damaged"),
        "wrong_item_in_bin": QCoreApplication.translate("PickView", "wrong item in the bin"),
        "not_found": QCoreApplication.translate("PickView", "not found"),
    }
    return {code: words[code] for code in picking.SHORT_REASONS}


class PickView(QWidget):
    status_message = Signal(str)
    verdict = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert ctx.user is not None
        self.ctx = ctx
        self.setObjectName("pick_view")
        self.step: PickStep | None = None
        self.at_bin = False
        self.banner = Banner(self, pixel_size=HEADING_PX)
        self.wave = QLabel(objectName="wave")
        self.wave.setWordWrap(True)
        self.progress = QProgressBar(objectName="progress")
        self.progress.setMinimumHeight(32)
        self.bin = QLabel(objectName="bin")
        self.bin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.product = QLabel(objectName="product")
        self.product.setWordWrap(True)
        self.quantity = QLabel(objectName="quantity")
        self.tote = QLabel(objectName="tote")
        self.next_scan = QLabel(objectName="next_scan")  # what to scan next, idle or mid-pick
        self.next_scan.setWordWrap(True)
        self.next_scan.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waves = QComboBox(objectName="waves")
        self.waves.setMinimumHeight(56)
        self.waves.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.waves.setMinimumContentsLength(12)  # a long wave line must not widen the 480 px PDA
        self.start_button = QPushButton(objectName="start")
        self.short_button = QPushButton(objectName="short")
        for b in (self.start_button, self.short_button):
            b.setMinimumHeight(64)
        self.setStyleSheet(
            f"QComboBox, QPushButton, QProgressBar {{ font-size: {TEXT_PX}px; }}"
            f"QLabel#wave {{ font-size: {TEXT_PX + 2}px; font-weight: bold; }}"
            "QLabel#bin { font-size: 72px; font-weight: bold; font-family: monospace; }"
            f"QLabel#product {{ font-size: {HEADING_PX}px; }}"
            "QLabel#quantity { font-size: 48px; font-weight: bold; }"
            "QLabel#tote { font-size: 32px; font-weight: bold; }"
            f"QLabel#next_scan {{ font-size: {HEADING_PX}px; color: #37474f; background: #eceff1; "
            "border-radius: 8px; padding: 16px; }"
        )
        self.start_button.clicked.connect(self.start_selected_wave)
        self.short_button.clicked.connect(self.report_short)
        top = QHBoxLayout()
        top.addWidget(self.waves, 1)
        top.addWidget(self.start_button)
        row = QHBoxLayout()
        row.addWidget(self.quantity, 1)
        row.addWidget(self.tote)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.wave)
        box.addWidget(self.progress)
        box.addWidget(self.banner)
        box.addWidget(self.bin, 2)
        box.addWidget(self.product)
        box.addLayout(row)
        box.addWidget(self.next_scan, 1)  # the rest of the screen says what comes next, never empty
        box.addWidget(self.short_button)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.start_button.setText(self.tr("Start wave"))
        self.short_button.setText(self.tr("Short pick…"))
        self._render()

    def refresh(self) -> None:
        with read_only(self.ctx.sessions) as s:
            open_waves = waves.open_waves(s)
        self.waves.clear()
        for w in open_waves:
            line = (
                self.tr("{number} · {carrier} · 1 order · {status}")
                if w.orders == 1
                else self.tr("{number} · {carrier} · {orders} orders · {status}")
            )
            self.waves.addItem(
                line.format(number=w.number, carrier=w.carrier or "—", orders=w.orders,
                            status=wave_statuses().get(w.status, w.status)),
                w.id,
            )
        if self.step is None:
            idle = self.tr("No wave started") if open_waves else self.tr("No wave to pick")
            self.banner.show_text(idle, "idle")
        self._render()

    def start_selected_wave(self) -> None:
        wave_id = self.waves.currentData()
        if wave_id is None:
            self.banner.show_text(self.tr("No wave to pick"), "warning", sound=True)
            return
        now = self.ctx.clock()

        def take(s: Session) -> None:  # the totes are taken with SKIP LOCKED: a deadlock runs it again
            if waves.wave_view(s, wave_id).status == "released":
                waves.start_wave(s, self.ctx.user, wave_id, now)

        try:
            retrying(self.ctx.sessions, take)
        except DomainError as exc:
            self.banner.show_text(error_text(exc), "error", sound=True)
            return
        with read_only(self.ctx.sessions) as s:
            self.step = picking.current(s, wave_id)
        self.at_bin = False
        self._render()
        self.banner.show_text(self.tr("Go to the bin and scan it"), "ok", sound=True)

    def handle_scan(self, scan: Scan) -> None:
        if self.step is None:
            self.banner.show_text(self.tr("Start a wave first"), "warning", sound=True)
            return
        if not self.at_bin or scan.kind is ScanKind.BIN:
            result = picking.scan_bin(self.step, scan)
            self.at_bin = result.verdict == "at_bin"
            self._show(result)
            return
        put = self.step.counted or scan.kind is ScanKind.TOTE
        call, step, now = (picking.confirm_put if put else picking.scan_item), self.step, self.ctx.clock()
        try:
            result = retrying(self.ctx.sessions, lambda s: call(s, self.ctx.user, step, scan, now))
        except DomainError as exc:
            self.banner.show_text(error_text(exc), "error", sound=True)
            return
        self._show(result)

    def report_short(self) -> None:
        if self.step is None:
            return
        found, ok = QInputDialog.getInt(
            self,
            self.tr("Short pick"),
            self.tr("How many are in the bin?"),
            self.step.picked,
            0,
            self.step.quantity - 1,
        )
        if not ok:
            return
        reasons = self.reasons()
        text, ok = QInputDialog.getItem(
            self, self.tr("Short pick"), self.tr("Why?"), list(reasons.values()), 0, False
        )
        if ok:
            self.short(found, next(code for code, shown in reasons.items() if shown == text))

    def reasons(self) -> dict[str, str]:
        return short_reasons()

    def short(self, found: int, reason: str) -> None:
        assert self.step is not None
        step, now, here = self.step, self.ctx.clock(), self.ctx.station
        try:  # the remainder reserves stock rows: a deadlock with an allocation runs it again
            result = retrying(
                self.ctx.sessions, lambda s: picking.short(s, self.ctx.user, step, found, reason, now, here)
            )
        except DomainError as exc:
            self.banner.show_text(error_text(exc), "error", sound=True)
            return
        self._show(result)

    def _show(self, result: PickResult) -> None:
        if result.verdict in ("task_done", "wave_done"):
            self.at_bin = False
        self.step = result.step
        self._render()
        p = result.params
        texts = {
            "at_bin": self.tr("At {bin}: scan the item").format(bin=p.get("bin")),
            "wrong_bin": self.tr("Wrong bin {code}: go to {bin}").format(
                code=p.get("code"), bin=p.get("bin")
            ),
            "scan_bin_first": self.tr("Scan the bin {bin} first").format(bin=p.get("bin")),
            "item_ok": self.tr("{sku} ✓").format(sku=p.get("sku")),
            "scan_tote": self.tr("Put them in {tote} and scan the tote").format(tote=p.get("tote")),
            "wrong_tote": self.tr("Wrong tote {code}: put them in {tote}").format(
                code=p.get("code"), tote=p.get("tote")
            ),
            "remainder": self.tr("{made_up} more {sku} from another bin: it is next").format(
                made_up=p.get("made_up"), sku=p.get("sku")
            ),
            "held": self.tr("{missing} × {sku} missing: the order waits for a supervisor").format(
                missing=p.get("missing"), sku=p.get("sku")
            ),
            "task_done": self.tr("Done: next bin"),
            "wave_done": self.tr("Wave {wave} picked: take the totes to packing").format(wave=p.get("wave")),
            "wrong_item": self.tr("Wrong item: this task needs {sku}").format(sku=p.get("sku")),
            "garbled": self.tr("{reason}: scan again").format(reason=error_text(p["reason"]))
            if "reason" in p else "",  # the scan's own words for why it cannot be read
        }
        self.banner.show_text(
            texts.get(result.verdict, result.verdict), result.level, sound=True, verdict=result.verdict
        )
        if result.verdict == "wave_done":
            self.refresh()
        self.verdict.emit(result)

    def _render(self) -> None:
        s = self.step
        for w in (self.wave, self.progress, self.bin, self.product, self.quantity, self.tote):
            w.setVisible(s is not None)
        self.short_button.setVisible(s is not None)
        self.next_scan.setText(self._next_text())
        if s is None:
            return
        self.wave.setText(
            self.tr("Wave {wave} · order {order}").format(wave=s.wave_number, order=s.order_number)
        )
        self.progress.setRange(0, s.total)
        self.progress.setValue(s.done)
        self.progress.setFormat(self.tr("{done} / {total} picks").format(done=s.done, total=s.total))
        self.bin.setText(s.bin_code)
        self.product.setText(f"{s.sku}\n{item_name(s.name, s.name_en)}")
        self.quantity.setText(self.tr("{picked} / {quantity}").format(picked=s.picked, quantity=s.quantity))
        self.tote.setText(self.tr("→ {tote}").format(tote=s.tote))

    def _next_text(self) -> str:
        """What the picker scans next, in words: the step's bin, item or tote; idle, how to begin."""
        s = self.step
        if s is None:
            if self.waves.count() == 0:
                return self.tr("No wave is ready. When the supervisor plans one, it appears above.")
            return self.tr("Choose a wave above and press Start wave.\nThen go to the bin shown here and "
                           "scan its label.")
        if not self.at_bin:
            return self.tr("Next: scan the label of bin {bin}").format(bin=s.bin_code)
        if not s.counted:
            return self.tr("Next: scan each {sku}, {left} more").format(sku=s.sku, left=s.quantity - s.picked)
        return self.tr("Next: put them in {tote} and scan the tote").format(tote=s.tote)
