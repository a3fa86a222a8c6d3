"""Pack screen: scan a tote or order, scan every item, weigh, and the labels print.

Everything a packer does in the normal flow is a scan or a weight: item scans tick lines, the
first stable weight of the complete parcel is checked, command barcodes (``CMD:FINISH``,
``CMD:REWEIGH``, ``CMD:CANCEL``, ``CMD:NEWBOX``, ``CMD:OVERRIDE`` + a supervisor badge) do the
rest. An order another station holds is taken over by a supervisor's badge scanned right after
it. Each verdict comes from ``app.services.packing`` after it is committed (through
``app.db.retrying``: a deadlock with another station runs the scan again); this widget only
words it, colours it and plays its sound.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, retrying
from app.errors import DomainError
from app.jobs.worker import nudge
from app.services import packing
from app.services.packaging import Box
from app.services.packing import Parcel, Result, Station, Verdict
from app.timezone import fmt
from devices.scale.base import ScaleError, ScaleEvent, WeightReading, WeightStatus
from devices.scanner.scan import Scan, ScanKind
from ui.station.feedback import (
    COLOURS,
    HEADING_PX,
    LABEL_PX,
    TEXT_PX,
    VERDICT_PX,
    WEIGHT_PX,
    Banner,
    ScaledTexts,
    error_text,
    item_name,
)
from ui.station.recorder import StationRecorder

OVERRIDE_REASON = "supervisor badge at the station"
SAME_WEIGHT_G = Decimal(2)  # a steady scale's last digit may flicker: that is no new weight to judge


class PackView(ScaledTexts, QWidget):
    status_message = Signal(str)
    verdict = Signal(object)  # packing.Result, after it is shown (tests and statistics listen)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert ctx.user is not None
        self.ctx = ctx
        self.station = Station(ctx.station, ctx.user, ctx.settings.printers)
        self.setObjectName("pack_view")
        self.parcel: Parcel | None = None
        self.last_stable: Decimal | None = None
        self.judged: Decimal | None = None  # the weight of the last verdict (None: judge the next one)
        self.judged_level = "idle"  # that verdict's colour, worn by the weight box while it shows it
        self.awaiting_badge = False
        self.takeover_scan: Scan | None = None  # an order held elsewhere: a supervisor badge takes it over
        self.recorder = StationRecorder(ctx, self)  # the parcel's packing video, in its own threads
        self._build()
        self.retranslate()
        with read_only(ctx.sessions) as s:
            resumed = packing.resume(s, self.station.name)
            moved = packing.moved_away(s, self.station.name) if resumed is None else None
        if resumed is not None:
            self._show(Result(Verdict.RESUMED, resumed))
        elif moved is not None:
            self._say(self._moved_text(moved), "warning")

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = Banner(self)
        self.order_label = QLabel(objectName="order")
        self.progress = QLabel(objectName="progress")
        self.lines = QTableWidget(0, 4, objectName="lines")
        self.lines.verticalHeader().hide()
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.lines.horizontalHeader()
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.lines.resizeRowsToContents())  # names rewrap
        self.lines.setWordWrap(True)  # a long item name takes two lines, never an ellipsis
        self.lines.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.box = QGroupBox(objectName="packaging")
        self.box_label = QLabel(objectName="box")
        self.box_label.setWordWrap(True)
        QVBoxLayout(self.box).addWidget(self.box_label)
        self.scale_box = QGroupBox(objectName="scale")
        self.weight = QLabel(objectName="weight")
        self.reading: Decimal | None = None  # the scale's last weight shown
        self.weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._colour_weight(None)
        self.unstable = QLabel(objectName="unstable")  # says what the "~" after a weight means
        self.unstable.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.expected = QLabel(objectName="expected")
        self.expected.setWordWrap(True)
        grid = QGridLayout(self.scale_box)
        grid.addWidget(self.weight, 0, 0)
        grid.addWidget(self.unstable, 1, 0)
        grid.addWidget(self.expected, 2, 0)
        self.reweigh_button = QPushButton(objectName="reweigh")
        self.override_button = QPushButton(objectName="override")
        self.cancel_button = QPushButton(objectName="cancel")
        for button in (self.reweigh_button, self.override_button, self.cancel_button):
            button.setMinimumHeight(56)
        self.reweigh_button.clicked.connect(lambda: self.command("REWEIGH"))
        self.override_button.clicked.connect(lambda: self.command("OVERRIDE"))
        self.cancel_button.clicked.connect(lambda: self.command("CANCEL"))
        self.hint = QLabel(objectName="hint")
        self.hint.setWordWrap(True)
        left = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.order_label, 1)
        head.addWidget(self.progress)
        left.addLayout(head)
        left.addWidget(self.recorder.indicator)  # a row of its own: a disk or camera warning reads whole
        left.addWidget(self.lines, 1)
        right = QVBoxLayout()
        right.addWidget(self.box)
        right.addWidget(self.scale_box)
        right.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.reweigh_button, self.override_button, self.cancel_button):
            buttons.addWidget(button)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(self.banner)
        outer.addLayout(body, 1)
        outer.addWidget(self.hint)
        self.size_texts()

    def rescale(self, k: float) -> None:
        """Every text as large as a packer a metre away needs it, larger on a taller screen."""

        def px(size: int) -> str:
            return f"font-size: {round(size * k)}px"

        self.setStyleSheet(
            f"QLabel#order {{ {px(HEADING_PX)}; font-weight: bold; }}"
            f"QLabel#progress {{ {px(HEADING_PX)}; }}"
            f"QTableWidget#lines, QTableWidget#lines QHeaderView {{ {px(TEXT_PX)}; }}"
            "QTableWidget#lines QHeaderView::section { padding: 2px 8px; }"
            f"QGroupBox {{ {px(LABEL_PX)}; font-weight: bold; }}"  # box titles, as large as the hint
            f"QLabel#box, QLabel#expected {{ {px(TEXT_PX)}; font-weight: normal; }}"
            f"QLabel#weight {{ {px(WEIGHT_PX)}; font-family: monospace; font-weight: bold; }}"
            f"QLabel#unstable {{ {px(LABEL_PX)}; font-weight: bold; color: #8a5300; }}"
            f"QPushButton {{ {px(TEXT_PX)}; }}"
            f"QLabel#hint {{ {px(LABEL_PX)}; color: #37474f; }}"
            f"QLabel#recording {{ {px(LABEL_PX)}; }}"
        )
        self.banner.set_pixel_size(round(VERDICT_PX * k))

    def retranslate(self) -> None:
        self.lines.setHorizontalHeaderLabels(
            [self.tr("SKU"), self.tr("Item"), self.tr("Qty"), self.tr("Scanned")]
        )
        self.box.setTitle(self.tr("Packaging"))
        self.scale_box.setTitle(self.tr("Weight"))
        if self.reading is None:
            self.weight.setText(self.tr("{grams} g").format(grams="—"))
        self.reweigh_button.setText(self.tr("Re-weigh"))
        self.override_button.setText(self.tr("Supervisor override"))
        self.cancel_button.setText(self.tr("Cancel parcel"))
        self.hint.setText(
            self.tr("Command barcodes: CMD:FINISH · CMD:NEWBOX · CMD:REWEIGH · CMD:CANCEL · CMD:OVERRIDE")
        )
        self._render()
        if self.parcel is None:
            self.banner.show_text(self.tr("Scan a tote or an order to start packing"), "idle")

    # --- input -------------------------------------------------------------------------

    def handle_scan(self, scan: Scan) -> None:
        takeover, self.takeover_scan = self.takeover_scan, None
        if scan.kind is ScanKind.COMMAND:
            self.command(scan.value)
        elif scan.kind is ScanKind.BADGE and self.awaiting_badge:
            self._override_with_badge(scan.value)
        elif scan.kind is ScanKind.BADGE and takeover is not None:
            self._act(packing.take_over, takeover, scan.value)
        elif scan.kind in (ScanKind.ORDER, ScanKind.TOTE):
            if self.parcel is not None and self.parcel.order_number != scan.value and not self._done():
                self._say(
                    self.tr("Finish or cancel order {number} before starting another").format(
                        number=self.parcel.order_number
                    ),
                    "warning",
                )
                return
            if self._act(packing.open_parcel, scan) == "pack.locked":
                self.takeover_scan = scan
        elif self.parcel is None or self._done():
            self._say(self.tr("Scan a tote or an order first (got {code})").format(code=scan.raw), "error")
        else:
            self._act(packing.scan_item, self.parcel, scan)

    def handle_weight(self, event: ScaleEvent) -> None:
        self.recorder.weight(event)
        if isinstance(event, ScaleError):
            self.weight.setText("?")
            self.unstable.setText("")
            self.status_message.emit(self.tr("Scale: {message}").format(message=error_text(event)))
            return
        if not isinstance(event, WeightReading):
            return
        if event.status is not WeightStatus.OK:
            self.weight.setText(
                self.tr("over") if event.status is WeightStatus.OVERLOAD else self.tr("under")
            )
            self.unstable.setText("")
            return
        grams = self.reading = event.grams.quantize(Decimal(1))
        self.weight.setText(self.tr("{grams} g").format(grams=grams) + ("" if event.stable else " ~"))
        self.unstable.setText("" if event.stable else self.tr("~ unstable: wait for the scale to settle"))
        if event.stable:
            self.last_stable = grams
            if grams < packing.MIN_PARCEL_G:
                self.judged = None  # the platter is empty: the next parcel placed is weighed
            elif self._waiting_for_weight() and not self._same(grams):
                self._weigh(grams)  # a new weight, after a failed one too: the parcel may be put right
        self._colour_weight(grams if event.stable else None)

    def command(self, name: str) -> None:
        parcel = self.parcel
        if parcel is None or self._done():
            self._say(self.tr("No open parcel for {command}").format(command=name), "warning")
            return
        if name == "CANCEL":
            self._act(packing.cancel, parcel)
        elif name == "NEWBOX":
            self._act(packing.new_box, parcel)
        elif name == "REWEIGH":
            self._act(packing.reweigh, parcel)
        elif name == "FINISH":
            if not parcel.ready:
                self._say(
                    self.tr("{left} item(s) still to scan").format(left=parcel.units - parcel.scanned_units),
                    "warning",
                )
            elif self.last_stable is None or self.last_stable < packing.MIN_PARCEL_G:
                self._say(self.tr("Put the parcel on the scale and wait for a steady weight"), "warning")
            else:
                self._weigh(self.last_stable)
        elif name == "OVERRIDE":
            if parcel.status.value != "blocked":
                self._say(self.tr("Only a parcel blocked by its weight can be overridden"), "warning")
                return
            self.awaiting_badge = True
            self._say(
                self.tr("Supervisor: scan your badge to accept {grams} g").format(grams=parcel.measured_g),
                "warning",
            )
        else:
            self._say(self.tr("Unknown command {command}").format(command=name), "error")

    # --- actions -----------------------------------------------------------------------

    def _waiting_for_weight(self) -> bool:
        return self.parcel is not None and self.parcel.ready and not self._done()

    def _same(self, grams: Decimal) -> bool:
        return self.judged is not None and abs(grams - self.judged) <= SAME_WEIGHT_G

    def _weigh(self, grams: Decimal) -> None:
        assert self.parcel is not None
        self.judged, self.judged_level, self.awaiting_badge = grams, "idle", False
        self._act(packing.weigh, self.parcel, grams)
        self._colour_weight(grams)

    def _colour_weight(self, grams: Decimal | None) -> None:
        """The weight box wears the verdict's colour while it shows the weight that was judged."""
        level = self.judged_level if grams is not None and self._same(grams) else "idle"
        fg, bg = COLOURS[level] if level != "idle" else ("palette(window-text)", "transparent")
        self.weight.setStyleSheet(f"color: {fg}; background: {bg}; border-radius: 6px; padding: 4px 8px;")

    def _override_with_badge(self, badge: str) -> None:
        self.awaiting_badge = False
        assert self.parcel is not None
        self._act(packing.override, self.parcel, badge, OVERRIDE_REASON)  # the service checks the badge

    def _act(self, fn: object, *args: object) -> str:
        """Run one service call in its own unit of work (again after a deadlock); show its verdict
        or its error. The error's code, '' when it went through."""
        now = self.ctx.clock()
        try:
            result = retrying(self.ctx.sessions, lambda s: fn(s, self.station, *args, now))  # type: ignore[operator]
        except DomainError as exc:
            self._say(error_text(exc), "error")
            if exc.code == "pack.moved":
                self.parcel = None  # another station has it now: nothing here to finish
                self.recorder.moved_away()
                self._render()
            return exc.code
        self._show(result)
        return ""

    def _show(self, result: Result) -> None:
        self.parcel = result.parcel
        if result.verdict in (Verdict.OPENED, Verdict.RESUMED, Verdict.REWEIGH, Verdict.TAKEN_OVER):
            self.judged = None
        if result.verdict in (Verdict.WEIGHT_OUT, Verdict.PACKED):
            self.judged_level = result.level
        if result.print_job_ids:
            nudge("print@")  # the labels are committed: the print job sends them now, not at its tick
        self._render(result.line_id)
        self.banner.show_text(self._message(result), result.level, sound=True, verdict=result.verdict.value)
        self.recorder.follow(result)
        self.verdict.emit(result)

    def _say(self, text: str, level: str) -> None:
        self.banner.show_text(text, level, sound=True)
        self.status_message.emit(text)

    def _done(self) -> bool:
        return self.parcel is not None and self.parcel.status.value in ("packed", "cancelled", "verified")

    # --- rendering ---------------------------------------------------------------------

    def _render(self, highlight: int | None = None) -> None:
        p = self.parcel
        if p is None:
            self.order_label.setText(self.tr("No parcel open"))
            self.progress.setText("")
            self.lines.setRowCount(0)
            self.box_label.setText("—")
            self.expected.setText("")
            return
        self.order_label.setText(
            self.tr("{number} · {carrier} · {city}").format(
                number=p.order_number, carrier=p.carrier, city=p.recipient_city
            )
        )
        progress = self.tr("{done} / {total} items").format(done=p.scanned_units, total=p.units)
        if p.box_no > 1 or (p.ready and not p.complete):
            progress = self.tr("Box {box} · {units} in it · {progress}").format(
                box=p.box_no, units=sum(p.in_box(line) for line in p.lines), progress=progress
            )
        self.progress.setText(progress)
        self.lines.setRowCount(len(p.lines))
        for row, line in enumerate(p.lines):
            cells = [line.sku, item_name(line.name, line.name_en), str(line.quantity), str(line.scanned)]
            colour = "#c8e6c9" if line.remaining == 0 else ("#fff9c4" if line.line_id == highlight else "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if colour:
                    item.setBackground(QColor(colour))
                self.lines.setItem(row, col, item)
        self.lines.resizeRowsToContents()
        notes = {
            "fragile": self.tr("fragile: wrap each item"),
            "liquid": self.tr("liquid: seal in a bag"),
            "bulky": self.tr("bulky"),
            "battery": self.tr("battery: add the battery label"),
            "split": self.tr("too much for one carton: split the parcel"),
            "unsuited": self.tr("no box of this site suits every flag: the nearest fit instead"),
            "no_boxes": self.tr("no box of this site fits: use your own carton (boxes: Admin → Boxes)"),
        }
        box = p.suggestion.box
        self.box_label.setText(
            "\n".join(
                [
                    self.tr("{code}: {title}").format(code=box.code, title=self._box_title(box)),
                    *(notes[n] for n in p.suggestion.notes),
                ]
            )
        )
        if p.expected_g is None:
            self.expected.setText(self.tr("Expected: unknown (the weight is learnt from this parcel)"))
        else:  # the band of the parcel's last verdict: the one the check applies
            text = self.tr("Expected: {expected} g ± {allowed} g").format(
                expected=p.expected_g, allowed=_grams(p.allowed_g)
            )
            light = p.light_item
            if light is not None:
                text += "\n" + self.tr(
                    "Light item: {sku} weighs {weight} g, within the usual ± {ordinary} g, so the scale "
                    "alone would miss it: this parcel is checked at ± {allowed} g"
                ).format(
                    sku=light.sku,
                    weight=light.unit_weight_g,
                    ordinary=_grams(p.ordinary_allowed_g),
                    allowed=_grams(p.allowed_g),
                )
            self.expected.setText(text)

    def _box_title(self, box: Box) -> str:
        named = {
            "OWN": self.tr("ships in its own carton"),
            "BAG-S": self.tr("Poly mailer S"),
            "BAG-L": self.tr("Poly mailer L"),
        }
        if box.code in named:
            return named[box.code]
        if box.code.startswith("BOX-"):
            size = "×".join(str(mm) for mm in box.inner_mm)
            return self.tr("Carton {n} ({size} mm)").format(n=box.code[4:], size=size)
        return box.title  # a box a site added keeps the name it was given

    def _message(self, r: Result) -> str:
        p = r.params
        number = r.parcel.order_number if r.parcel else ""
        texts = {
            Verdict.OPENED: lambda: self.tr("Order {number}: scan each item").format(number=number),
            Verdict.RESUMED: lambda: self.tr("Order {number} resumed where it was left").format(
                number=number
            ),
            Verdict.ITEM_OK: lambda: self.tr("{sku} ✓ {scanned} of {quantity}").format(**p),
            Verdict.LINE_DONE: lambda: self.tr("{sku} complete ({quantity})").format(**p),
            Verdict.ALL_SCANNED: lambda: self.tr("All items scanned: put the parcel on the scale"),
            Verdict.UNKNOWN_BARCODE: lambda: self.tr("Unknown barcode {code}: not a product").format(**p),
            Verdict.WRONG_ITEM: lambda: self.tr("Wrong item: {name} is not in this order").format(
                name=item_name(p["name"], p["name_en"])
            ),
            Verdict.EXTRA_ITEM: lambda: self.tr("Extra item: {sku} needs only {quantity}").format(**p),
            Verdict.GARBLED: lambda: self.tr("{reason}: scan again").format(reason=error_text(p["reason"])),
            Verdict.NOT_READY: lambda: (
                self.tr("Box closed for weighing: weigh it before scanning more")
                if p.get("closed")
                else self.tr("{left} item(s) still to scan").format(**p)
            ),
            Verdict.WEIGHT_OUT: lambda: self._weight_out_message(p),
            Verdict.BOX_CLOSED: lambda: self.tr(
                "Box {box} closed with {units} item(s): put it on the scale"
            ).format(**p),
            Verdict.BOX_PACKED: lambda: self.tr(
                "Box {box} packed: {tracking}, label printing. Box {next_box} is open: scan the rest"
            ).format(**p),
            Verdict.TAKEN_OVER: lambda: self.tr(
                "Order {number} taken over from {station} by {by}: carry on where it was left"
            ).format(number=number, station=p["from"], by=p["by"]),
            Verdict.PACKED: lambda: self._packed_message(p),
            Verdict.CANCELLED: lambda: self.tr(
                "Order {number} cancelled here: items back to the tote"
            ).format(number=number),
            Verdict.REWEIGH: lambda: self.tr("Put the parcel on the scale again"),
        }
        return texts.get(r.verdict, lambda: r.verdict.value)()

    def _weight_out_message(self, p: dict[str, object]) -> str:
        text = self.tr(
            "Weight {measured} g, expected {expected} g ± {allowed} g: put the parcel right on the "
            "scale (each new weight is checked) or call a supervisor"
        ).format(measured=p["measured"], expected=p["expected"], allowed=_grams(p["allowed"]))
        if p.get("light_sku"):
            text += " " + self.tr("(is the {sku} in the box? It weighs only {weight} g)").format(
                sku=p["light_sku"], weight=p["light_g"]
            )
        return text

    def _moved_text(self, moved: packing.Moved) -> str:
        return self.tr(
            "Order {number} was taken over by station {station} ({by}, {time}): it is no longer packed here"
        ).format(number=moved.order_number, station=moved.station, by=moved.by, time=fmt(moved.at, "time"))

    def _packed_message(self, p: dict[str, object]) -> str:
        how = {
            "ok": "",
            "learnt": self.tr(" (weight learnt)"),
            "unchecked": self.tr(" (weight not checked)"),
            "override": self.tr(" (supervisor override)"),
        }[str(p["outcome"])]
        if int(str(p.get("box", 1))) > 1:
            return self.tr("Packed{how}: last box {box}, {tracking}, labels printing").format(
                how=how, box=p["box"], tracking=p["tracking"]
            )
        if p.get("order_done") is False:
            return self.tr(
                "Packed{how}: {tracking}; the rest of the order ships from another warehouse"
            ).format(how=how, tracking=p["tracking"])
        return self.tr("Packed{how}: {tracking}, labels printing").format(how=how, tracking=p["tracking"])


def _grams(value: object) -> str:
    """A band in grams as people read it: 49.5, 20 (no trailing .0)."""
    return format(Decimal(str(value)).normalize(), "f") if value is not None else "—"
