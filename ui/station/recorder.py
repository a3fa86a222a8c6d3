"""The pack screen's camera: one clip per parcel (each box of a multi-box order and a parcel taken
over from another station too), from its tote/order scan to its label (or its cancellation), with
the parcel's header, the live weight and each scan burned in; the camera settings of the station.

The camera records in a process of its own (``devices.camera.process``: the encoder never holds
the pack screen's interpreter lock); the pack screen only tells it what happened, which never
waits. The clip index is written from the camera's report thread, and the state (recording,
camera lost, disk nearly full, recorder died) reaches the screen as a queued signal.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import timezone
from app.config import StationSettings, save_settings
from app.context import AppContext
from app.db import unit_of_work
from app.services import video
from app.services.packing import Parcel, Result, Verdict
from devices.camera.overlay import Overlay
from devices.camera.process import CameraProcess
from devices.camera.recorder import Camera, CameraState, CameraStatus, ClipResult
from devices.camera.source import CameraError, CameraProfile
from ui.station.feedback import error_text

TAIL_S = 2.0  # the label coming out of the printer and onto the box is filmed too
SIZES = ["640x360", "1280x720", "1920x1080"]
SCAN_VERDICTS = (Verdict.ITEM_OK, Verdict.LINE_DONE, Verdict.ALL_SCANNED, Verdict.UNKNOWN_BARCODE,
                 Verdict.WRONG_ITEM, Verdict.EXTRA_ITEM, Verdict.GARBLED)


class RecordingIndicator(QLabel):
    """One line on the pack screen: recording, camera lost, or recording stopped for disk space."""

    STYLES = {
        "recording": "color: #c62828; font-weight: bold;",
        "ready": "color: #607d8b;",
        "warning": "color: #e65100; font-weight: bold;",
        "error": "color: white; background: #c62828; padding: 2px 6px; border-radius: 4px; "
                 "font-weight: bold;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recording")
        self.setWordWrap(True)
        self.status: CameraStatus | None = None
        self.problem = ""
        self.order = ""
        self.floor_mb = 0
        self.setVisible(False)

    def show_status(self, status: CameraStatus | None = None, problem: str = "") -> None:
        self.status = status or self.status
        self.problem = problem or self.problem
        self.setVisible(True)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def _render(self) -> None:
        s = self.status
        if self.problem:
            text, level = self.tr("Camera: {problem}").format(problem=self.problem), "error"
        elif s is None or s.state in (CameraState.CONNECTING, CameraState.STOPPED):
            text, level = self.tr("Camera connecting…"), "ready"
        elif s.state is CameraState.RECORDING:
            text, level = self.tr("● REC {order}").format(order=self.order), "recording"
        elif s.state is CameraState.RECONNECTING:
            text = self.tr("Camera lost ({detail}): reconnecting; the gap is noted in the clip").format(
                detail=s.detail)
            level = "warning"
        elif s.state is CameraState.FAILED:
            text = self.tr("Recorder stopped ({detail}): this parcel is not filmed; it starts again with "
                           "the next parcel").format(detail=s.detail)
            level = "error"
        elif s.state is CameraState.DISK_LOW:
            text = self.tr("Recording stopped: only {free} GB free for videos (at least {floor} GB needed). "
                           "Free disk space or call a supervisor.").format(
                free=f"{(s.free_bytes or 0) / 1024**3:.1f}", floor=f"{self.floor_mb / 1024:.1f}")
            level = "error"
        else:
            text, level = self.tr("Camera ready"), "ready"
        self.setText(text)
        self.setProperty("level", level)
        self.setStyleSheet(self.STYLES[level])


class StationRecorder(QObject):
    """The pack screen's side of the camera (inert on a station without one)."""

    status_changed = Signal(object)  # CameraStatus, from the camera's thread, queued
    clip_saved = Signal(object)  # ClipResult, once its index row is written

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.indicator = RecordingIndicator(parent)
        self.camera: CameraProcess | None = None
        self._clip_ids: dict[object, int] = {}  # package id -> its index row (camera report thread)
        self.status_changed.connect(self.indicator.show_status)
        raw = ctx.settings.devices.get("camera") or {}
        if not str(raw.get("source", "")).strip():
            return
        self.folder = video.folder_for(raw)
        try:
            profile = CameraProfile.from_settings(raw)
            self.camera = CameraProcess(profile, self.folder, timezone.site_zone(),
                                        on_status=self.status_changed.emit,
                                        on_clip_started=self._index_started, on_clip=self._index_finished)
        except CameraError as exc:  # PyAV missing, a bad setting: said on the pack screen
            self.indicator.show_status(problem=error_text(exc))
            return
        self.indicator.floor_mb = profile.min_free_mb
        self.indicator.show_status()
        camera = self.camera
        self.overlay = camera.overlay
        parent.destroyed.connect(lambda *_: camera.close())
        camera.start()

    # --- what the pack screen tells it ------------------------------------------------------

    def follow(self, result: Result) -> None:
        """A verdict was shown: start, mark or end the parcel's clip."""
        parcel, v = result.parcel, result.verdict
        if self.camera is None or parcel is None:
            return
        now = timezone.fmt(self.ctx.clock(), "second")[-8:]
        if (v in (Verdict.OPENED, Verdict.RESUMED, Verdict.TAKEN_OVER)
                and self.camera.recording_key != parcel.package_id):
            self._start(parcel)
        elif v is Verdict.BOX_PACKED:
            # the labelled box's clip ends at its label (no tail: one clip at a time); the next box's begins
            self.camera.stop_clip(self.camera.recording_key, "packed")
            self._start(parcel)
        elif v in SCAN_VERDICTS:
            code = result.params.get("code") or result.params.get("sku", "")
            self.overlay.add_scan(f"{now}  {code}  {self._verdict_word(v)}")
        elif v is Verdict.BOX_CLOSED:
            self.overlay.add_scan(f"{now}  CMD:NEWBOX")
        elif v is Verdict.WEIGHT_OUT:
            self.overlay.add_scan(f"{now}  {result.params.get('measured')} g  ✗")
        elif v is Verdict.PACKED:
            self._header(parcel)
            self.overlay.add_scan(f"{now}  {parcel.measured_g} g  ✓  {parcel.tracking_number}")
            self.camera.stop_clip(parcel.package_id, "packed", after_s=TAIL_S)
        elif v is Verdict.CANCELLED:
            self.camera.stop_clip(parcel.package_id, "cancelled")

    def moved_away(self) -> None:
        """Another station took the parcel over: its clip ends here (the taker films its own)."""
        if self.camera is not None:
            self.camera.stop_clip(self.camera.recording_key, "taken_over")

    def weight(self, event: object) -> None:
        grams = getattr(event, "grams", None)
        if grams is not None and self.camera is not None:
            self.overlay.set_weight(f"{grams:.0f} g" + ("" if getattr(event, "stable", False) else " ~"))

    def close(self) -> None:
        if self.camera is not None:
            self.camera.close()

    def _start(self, parcel: Parcel) -> None:
        assert self.camera is not None
        if not self.camera.space_ok():
            return  # the indicator says why, in red
        path = video.new_clip_file(self.folder, self.ctx.station, parcel.order_number, parcel.package_id,
                                   self.ctx.clock())
        self.overlay.clear()
        self._header(parcel)
        self.indicator.order = parcel.order_number
        self.camera.start_clip(parcel.package_id, path)

    def _header(self, parcel: Parcel) -> None:
        user = self.ctx.user
        self.overlay.set_header(
            self.tr("Order {number} · Tracking {tracking}").format(
                number=parcel.order_number, tracking=parcel.tracking_number or "—"),
            self.tr("Packer {packer} · Station {station}").format(
                packer=user.display_name if user else "?", station=self.ctx.station),
        )

    def _verdict_word(self, v: Verdict) -> str:
        return {
            Verdict.UNKNOWN_BARCODE: self.tr("✗ unknown"),
            Verdict.WRONG_ITEM: self.tr("✗ wrong item"),
            Verdict.EXTRA_ITEM: self.tr("✗ extra"),
            Verdict.GARBLED: self.tr("✗ unreadable"),
        }.get(v, "✓")

    # --- the index, written from the camera's report thread ---------------------------------

    def _index_started(self, key: Any, path: Path, started: dt.datetime) -> None:
        with unit_of_work(self.ctx.sessions) as s:
            self._clip_ids[key] = video.begin_clip(s, package_id=key, station=self.ctx.station, path=path,
                                                   root=self.folder, started_at=started)

    def _index_finished(self, result: ClipResult) -> None:
        clip_id = self._clip_ids.pop(result.key, None)
        if clip_id is None:
            return
        with unit_of_work(self.ctx.sessions) as s:
            video.finish_clip(s, clip_id, ended_at=result.ended, frames=result.frames,
                              duration_s=result.duration_s, sha256=result.sha256, size_bytes=result.size,
                              gaps=[g.as_dict() for g in result.gaps], reason=result.reason,
                              error=result.error)
        self.clip_saved.emit(result)


class CameraSettingsDialog(QDialog):
    """The station's camera: source, size, rate, where clips go and the free-space floor, with a
    live picture (overlay included) while testing; saved in the station settings file."""

    saved = Signal()
    _status_relay = Signal(object)  # CameraStatus from the test camera's thread, queued

    def __init__(self, settings: StationSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("camera_settings")
        self.setWindowTitle(self.tr("Camera of this station"))
        raw = settings.devices.get("camera") or {}
        self.source = QComboBox(objectName="source")
        self.source.setEditable(True)  # rtsp://user:pass@host/... and camera names are typed in
        usb = (["dshow:USB Camera"] if sys.platform == "win32"  # the camera's name as Windows lists it
               else sorted(f"v4l2:{p}" for p in map(str, Path("/dev").glob("video*"))))
        self.source.addItems(["", "test", *usb, "rtsp://192.0.2.20:554/stream1"])
        self.source.setCurrentText(str(raw.get("source", "")))
        self.size = QComboBox(objectName="size")
        self.size.setEditable(True)
        self.size.addItems(SIZES)
        self.size.setCurrentText(str(raw.get("size", "1280x720")))
        self.fps = QSpinBox(objectName="fps")
        self.fps.setRange(1, 60)
        self.fps.setValue(int(raw.get("fps", 15)))
        self.folder = QLineEdit(str(raw.get("folder", "")), objectName="folder")
        self.folder.setPlaceholderText(str(video.folder_for({})))
        browse = QPushButton(self.tr("Choose…"), objectName="browse")
        browse.clicked.connect(self._browse)
        self.min_free = QSpinBox(objectName="min_free")
        self.min_free.setRange(0, 1_000_000)
        self.min_free.setSingleStep(512)
        self.min_free.setSuffix(" MB")
        self.min_free.setValue(int(raw.get("min_free_mb", 2048)))
        self.preview = QLabel(self.tr("No picture yet: press Connect and test."), objectName="preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 270)
        self.preview.setStyleSheet("background: #263238; color: #eceff1;")
        self.state = QLabel(objectName="camera_state")
        self.state.setWordWrap(True)
        test = QPushButton(self.tr("Connect and test"), objectName="test")
        test.clicked.connect(self.start_test)
        self._camera: Camera | None = None
        self._timer = QTimer(self, interval=200)
        self._timer.timeout.connect(self._show_frame)
        self._status_relay.connect(self._status)
        form = QFormLayout()
        form.addRow(self.tr("Source"), self.source)
        hint = QLabel(self.tr("USB: v4l2:/dev/video0 (Linux) or dshow:CAMERA NAME (Windows); IP camera: "
                              "rtsp://user:password@address/stream; test: a moving test pattern"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")
        form.addRow("", hint)
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("Frames per second"), self.fps)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Clips folder"), folder_row)
        form.addRow(self.tr("Stop recording when free space is below"), self.min_free)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.preview, 1)
        box.addWidget(self.state)
        box.addWidget(test)
        box.addWidget(self.error)
        box.addWidget(buttons)

    def profile_settings(self) -> dict[str, Any]:
        return {"source": self.source.currentText().strip(), "size": self.size.currentText().strip(),
                "fps": self.fps.value(), "folder": self.folder.text().strip(),
                "min_free_mb": self.min_free.value()}

    def start_test(self) -> bool:
        self.stop_test()
        self.error.clear()
        raw = self.profile_settings()
        overlay = Overlay(lambda: timezone.fmt(dt.datetime.now(dt.UTC), "second"))
        overlay.set_header(self.tr("Camera test · Station {station}").format(station=self.settings.station))
        try:
            self._camera = Camera(CameraProfile.from_settings(raw), video.folder_for(raw), overlay,
                                  on_status=self._status_relay.emit)
        except CameraError as exc:
            self.error.setText(error_text(exc))
            return False
        self._camera.start()
        self._timer.start()
        return True

    def _status(self, status: CameraStatus) -> None:
        names = {
            CameraState.CONNECTING: self.tr("connecting"), CameraState.LIVE: self.tr("live"),
            CameraState.RECORDING: self.tr("recording"), CameraState.RECONNECTING: self.tr("no picture"),
            CameraState.DISK_LOW: self.tr("disk nearly full"), CameraState.STOPPED: self.tr("stopped"),
            CameraState.FAILED: self.tr("recorder stopped"),
        }
        self.state.setText(" · ".join(t for t in (names[status.state], status.detail) if t))

    def _show_frame(self) -> None:
        if self._camera is None:
            return
        rgb = self._camera.snapshot(width=min(640, max(160, self.preview.width())))
        if rgb is None:
            return
        h, w, _ = rgb.shape
        image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        # the whole picture, overlay lines at its top included, whatever the label's shape
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for packing videos"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def stop_test(self) -> None:
        self._timer.stop()
        if self._camera is not None:
            self._camera.close()
            self._camera = None

    def save(self) -> None:
        raw = self.profile_settings()
        if raw["source"]:
            try:
                CameraProfile.from_settings(raw)
            except CameraError as exc:
                self.error.setText(error_text(exc))
                return
        self.stop_test()
        if raw["source"]:
            self.settings.devices["camera"] = raw
        else:
            self.settings.devices.pop("camera", None)  # no source: this station records nothing
        save_settings(self.settings)
        self.saved.emit()
        self.accept()

    def done(self, result: int) -> None:
        self.stop_test()
        super().done(result)
