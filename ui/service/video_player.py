"""Packing videos in service mode: an order in the customer's timeline shows that it has a clip,
and the agent plays it here (QtMultimedia), jumps to each scan, and exports it with its manifest
for a marketplace claim. Listing, viewing and exporting go through ``app.services.video``, which
checks the role and audits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSlider,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import timezone
from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import video
from app.services.video import ClipView, Playback
from ui.station.feedback import error_text

if TYPE_CHECKING:  # QtMultimedia loads with the player only: a customer screen never needs it
    from PySide6.QtMultimedia import QVideoFrame

VIDEO_MARK = "▶ "


def _grams(text: str) -> str:
    """``1295.00`` as ``1295``, ``812.50`` as ``812.5``: as the pack screen shows a weight."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def _clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class VideoPlayerDialog(QDialog):
    """The packing videos of one order: pick a clip (one per box), play it, jump to a scan, export."""

    exported = Signal(str)

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self._playing = QMediaPlayer.PlaybackState.PlayingState
        self.setObjectName("video_player")
        self.resize(1000, 640)
        self.playback: Playback | None = None
        self.clips: list[ClipView] = []
        self.clip_list = QListWidget(objectName="clips")
        self.clip_list.currentRowChanged.connect(self.open_clip)
        self.picture = QLabel(objectName="picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(480, 270)
        self.picture.setStyleSheet("background: #101010; color: #eceff1;")
        self.sink = QVideoSink(self)
        self.sink.videoFrameChanged.connect(self._frame)
        self.player = QMediaPlayer(self)
        self.player.setVideoSink(self.sink)
        self.player.positionChanged.connect(self._position)
        self.player.durationChanged.connect(lambda ms: self.slider.setRange(0, ms))
        self.player.errorOccurred.connect(lambda _e, text: self.problem.setText(text))
        self.play_button = QPushButton(objectName="play")
        self.play_button.clicked.connect(self.toggle)
        self.player.playbackStateChanged.connect(lambda _s: self._label_play())
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="position")
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.time_label = QLabel("00:00", objectName="time")
        self.scan_list = QTreeWidget(objectName="scans")
        self.scan_list.setRootIsDecorated(False)
        self.scan_list.setHeaderLabels([self.tr("At"), self.tr("What"), self.tr("Code"), self.tr("Verdict")])
        header = self.scan_list.header()  # every column readable in the narrow side panel, no scrolling
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.scan_list.itemActivated.connect(self._jump)
        self.scan_list.itemClicked.connect(self._jump)
        self.details = QLabel(objectName="details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel(objectName="problem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export for a claim…"), objectName="export")
        self.export_button.clicked.connect(self.choose_export)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(self.picture, 1)
        lv.addLayout(controls)
        lv.addWidget(self.details)
        lv.addWidget(self.problem)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.addWidget(QLabel(self.tr("Clips (one per box)")))
        rv.addWidget(self.clip_list, 1)
        rv.addWidget(QLabel(self.tr("Scans: click one to jump to it")))
        rv.addWidget(self.scan_list, 3)
        rv.addWidget(self.export_button)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([680, 320])
        QVBoxLayout(self).addWidget(split)
        self._label_play()
        self.load()

    def load(self) -> None:
        try:
            with read_only(self.ctx.sessions) as s:
                self.clips = video.clips(s, self.ctx.user, order_id=self.order_id)
        except DomainError as exc:
            self.problem.setText(error_text(exc))
            self.export_button.setEnabled(False)
            return
        number = self.clips[0].order_number if self.clips else ""
        self.setWindowTitle(self.tr("Packing video of order {number}").format(number=number))
        self.clip_list.clear()
        for c in self.clips:
            length = f"{c.duration_s:.0f} s" if c.duration_s is not None else "?"
            gaps = self.tr(", {n} gap(s)").format(n=len(c.gaps)) if c.gaps else ""
            self.clip_list.addItem(QListWidgetItem(
                f"{timezone.fmt(c.started_at, 'second')}  {length}{gaps}\n"
                + self.tr("parcel {parcel} · {station} · {packer}").format(
                    parcel=c.package_id, station=c.station, packer=c.packer or "?")))
        self.export_button.setEnabled(bool(self.clips))
        if self.clips:
            self.clip_list.setCurrentRow(len(self.clips) - 1)  # the oldest: the first box packed
        else:
            self.problem.setText(self.tr("No packing video is kept for this order."))

    def open_clip(self, row: int) -> None:
        """Show one clip (the viewing is audited) and start it."""
        self.player.stop()
        self.scan_list.clear()
        self.picture.clear()
        if not 0 <= row < len(self.clips):
            return
        try:
            with unit_of_work(self.ctx.sessions) as s:
                self.playback = video.play(s, self.ctx.user, self.clips[row].id, station=self.ctx.station,
                                           root=video.video_root(self.ctx.settings))
        except DomainError as exc:
            self.problem.setText(error_text(exc))
            return
        p = self.playback
        c = p.clip
        self.details.setText("\n".join([
            self.tr("Order {order} · tracking {tracking} · packed by {packer} at {station}").format(
                order=c.order_number, tracking=c.tracking_number or "—", packer=c.packer or "?",
                station=c.station),
            self.tr("{start} – {end} ({seconds} s), ended: {reason}").format(
                start=timezone.fmt(c.started_at, "second"), end=timezone.fmt(c.ended_at, "second"),
                seconds=f"{c.duration_s or 0:.1f}", reason=self._reason(c.ended_reason)),
            *(self.tr("Camera gap {start} – {end}: {reason}").format(
                start=g.get("from", "")[11:19], end=g.get("to", "")[11:19], reason=g.get("reason", ""))
              for g in c.gaps),
            f"SHA-256 {c.sha256}",
        ]))
        kinds = {"item": self.tr("scan"), "weight": self.tr("weight"), "command": self.tr("command"),
                 "override": self.tr("override")}
        for m in p.scans:
            item = QTreeWidgetItem([_clock(int(m.offset_s * 1000)), kinds.get(m.kind, m.kind),
                                    m.code or (f"{_grams(m.grams)} g" if m.grams else ""),
                                    self._verdict(m.verdict)])
            item.setData(0, Qt.ItemDataRole.UserRole, int(m.offset_s * 1000))
            self.scan_list.addTopLevelItem(item)
        self.problem.setText(self._problem(p.problem))
        if not p.problem:
            self.player.setSource(QUrl.fromLocalFile(str(p.file)))
            self.player.play()

    def _verdict(self, verdict: str) -> str:
        words = {"ok": self.tr("ok"), "wrong_item": self.tr("wrong item"),
                 "unknown_barcode": self.tr("unknown barcode"), "extra_item": self.tr("extra item"),
                 "garbled": self.tr("unreadable"), "weight_out": self.tr("weight out of tolerance"),
                 "override": self.tr("supervisor override"), "reweigh": self.tr("re-weigh"),
                 "box_closed": self.tr("box closed"), "cancelled": self.tr("cancelled"),
                 "taken_over": self.tr("taken over")}
        return words.get(verdict, verdict)

    def _reason(self, reason: str) -> str:
        words = {"packed": self.tr("label printed"), "cancelled": self.tr("parcel cancelled"),
                 "disk_low": self.tr("disk nearly full"),
                 "interrupted": self.tr("interrupted (power or crash)"),
                 "recorder_died": self.tr("recorder stopped (killed or crashed)"),
                 "stopped": self.tr("station closed"), "next": self.tr("next parcel started"),
                 "taken_over": self.tr("taken over by another station")}
        return words.get(reason, reason)

    def _problem(self, problem: str) -> str:
        if problem.startswith("deleted by retention"):
            return self.tr("This clip was deleted by the retention rule; its index is kept.")
        if problem:
            return self.tr("This clip cannot be played here: {problem}").format(problem=problem)
        return ""

    def toggle(self) -> None:
        if self.player.playbackState() == self._playing:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, ms: int) -> None:
        self.player.setPosition(ms)
        if self.player.playbackState() != self._playing:
            self.player.play()

    def _jump(self, item: QTreeWidgetItem) -> None:
        self.seek(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def _label_play(self) -> None:
        playing = self.player.playbackState() == self._playing
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _position(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        self.time_label.setText(f"{_clock(ms)} / {_clock(self.player.duration())}")

    def _frame(self, frame: QVideoFrame) -> None:
        image: QImage = frame.toImage()
        if image.isNull():
            return
        self.picture.setPixmap(QPixmap.fromImage(image).scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def choose_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export the packing video into"))
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str) -> bool:
        from pathlib import Path

        if not self.clips:
            return False
        try:
            with unit_of_work(self.ctx.sessions) as s:
                done = video.export(s, self.ctx.user, self.clips[0].order_number, Path(folder),
                                    station=self.ctx.station, now=self.ctx.clock(),
                                    root=video.video_root(self.ctx.settings))
        except DomainError as exc:
            self.problem.setText(error_text(exc))
            return False
        message = self.tr("Exported {n} clip(s) and {manifest} into {folder}.").format(
            n=len(done.files), manifest=done.manifest.name, folder=folder)
        self.problem.setText("")
        self.details.setText(self.details.text() + "\n" + message)
        self.exported.emit(message)
        return True

    def done(self, result: int) -> None:
        self.player.stop()
        super().done(result)


class TimelineVideos:
    """Marks the orders of a customer's timeline that have a packing video, and plays them from
    the row's menu or a double click (only for roles that may view them)."""

    def __init__(self, ctx: AppContext, timeline: QTreeWidget, parent: QWidget) -> None:
        self.ctx = ctx
        self.timeline = timeline
        self.parent = parent
        self.dialog: VideoPlayerDialog | None = None
        self.with_video: set[int] = set()
        self.allowed = ctx.user is not None and ctx.user.may(video.PERMISSION)
        if self.allowed:
            timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            timeline.customContextMenuRequested.connect(self._menu)
            timeline.itemDoubleClicked.connect(lambda item, _col: self.play(item))

    def mark(self) -> None:
        """Flag the order rows shown so far that have a clip kept."""
        if not self.allowed:
            return
        rows = [self.timeline.topLevelItem(i) for i in range(self.timeline.topLevelItemCount())]
        orders = {item: ref[1] for item in rows if (ref := item.data(0, Qt.ItemDataRole.UserRole))
                  and ref[0] == "order"}
        with read_only(self.ctx.sessions) as s:
            self.with_video = video.order_ids_with_clips(s, list(orders.values()))
        tip = QCoreApplication.translate("TimelineVideos", "Packing video: double-click to play")
        for item, order_id in orders.items():
            if order_id in self.with_video and not item.text(5).startswith(VIDEO_MARK):
                item.setText(5, VIDEO_MARK + item.text(5))
                item.setToolTip(5, tip)

    def _order_of(self, item: QTreeWidgetItem | None) -> int | None:
        ref = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return ref[1] if ref and ref[0] == "order" and ref[1] in self.with_video else None

    def _menu(self, at: QPoint) -> None:
        item = self.timeline.itemAt(at)
        if self._order_of(item) is None:
            return
        menu = QMenu(self.timeline)
        menu.addAction(QCoreApplication.translate("TimelineVideos", "Play packing video…"),
                       lambda: self.play(item))
        menu.exec(self.timeline.viewport().mapToGlobal(at))

    def play(self, item: QTreeWidgetItem | None) -> VideoPlayerDialog | None:
        order_id = self._order_of(item)
        if order_id is None:
            return None
        self.dialog = VideoPlayerDialog(self.ctx, order_id, self.parent)
        self.dialog.open()
        return self.dialog
