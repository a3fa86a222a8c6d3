"""Packaging boxes tab: the boxes and mailers the packaging suggestion chooses from (inner size,
tare, maximum weight, mailer or carton, the handling flags it suits); add, edit, disable or delete one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.context import AppContext
from app.db import read_only
from app.errors import DomainError
from app.services import packaging
from ui.admin.window import Notice, fill, list_table, tr


def _flag_names() -> dict[str, str]:
    return {"fragile": tr("Fragile"), "liquid": tr("Liquid"), "bulky": tr("Bulky"), "battery": tr("Battery")}


def _mm(name: str) -> QSpinBox:
    return QSpinBox(objectName=name, maximum=10_000, suffix=tr(" mm"))


class BoxesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.boxes: tuple[packaging.Box, ...] = ()
        self.table = list_table("boxes", [tr("Code"), tr("Title"), tr("Inner size (mm)"), tr("Tare (g)"),
                                      tr("Maximum weight (g)"), tr("Kind"), tr("Suits"), tr("Status")])
        self.table.itemSelectionChanged.connect(self._selected_changed)
        self.code = QLineEdit(objectName="box_code")
        self.title = QLineEdit(objectName="box_title")
        self.length, self.width, self.height = _mm("length"), _mm("width"), _mm("height")
        self.tare = QSpinBox(objectName="tare", maximum=100_000, suffix=tr(" g"))
        self.max_weight = QLineEdit(objectName="max_weight")
        self.max_weight.setPlaceholderText(tr("empty: no limit"))
        self.bag = QCheckBox(tr("Mailer bag: never for fragile goods or liquids"), objectName="bag")
        self.suits = {f: QCheckBox(name, objectName=f"suits_{f}") for f, name in _flag_names().items()}
        self.save_button = QPushButton(tr("Save box"), objectName="save_box")
        self.save_button.clicked.connect(self.save)
        self.disable_button = QPushButton(tr("Disable"), objectName="disable_box")
        self.disable_button.clicked.connect(lambda: self._change(
            lambda s, code: packaging.disable_box(s, self.ctx.user, code), tr("Box {box} disabled.")))
        self.enable_button = QPushButton(tr("Enable"), objectName="enable_box")
        self.enable_button.clicked.connect(lambda: self._change(
            lambda s, code: packaging.disable_box(s, self.ctx.user, code, active=True),
            tr("Box {box} enabled.")))
        self.delete_button = QPushButton(tr("Delete"), objectName="delete_box")
        self.delete_button.clicked.connect(self.delete)
        size = QHBoxLayout()
        for w in (self.length, self.width, self.height):
            size.addWidget(w)
        form = QFormLayout()
        form.addRow(tr("Code"), self.code)
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Inner length × width × height"), size)
        form.addRow(tr("Tare"), self.tare)
        form.addRow(tr("Maximum weight (g)"), self.max_weight)
        form.addRow(self.bag)
        suits = QHBoxLayout()
        for check in self.suits.values():
            suits.addWidget(check)
        suits.addStretch(1)
        form.addRow(tr("Suits"), suits)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.disable_button, self.enable_button, self.delete_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        self.edit = QGroupBox(tr("Add or edit a box"))
        self.edit.setLayout(form)
        self.notice = Notice(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.edit)
        layout.addWidget(self.notice)
        self.edit.setEnabled(ctx.user is not None and ctx.user.may("admin.master_data"))
        self.load()

    def load(self, select: str = "") -> None:
        with read_only(self.ctx.sessions) as s:
            self.boxes = packaging.boxes(s, include_disabled=True)
        names = _flag_names()
        fill(self.table, [[b.code, b.title, "×".join(map(str, b.inner_mm)), str(b.weight_g),
                            "" if b.max_weight_g is None else str(b.max_weight_g),
                            tr("mailer") if b.bag else tr("carton"), tr(", ").join(names[f] for f in b.suits),
                            tr("in use") if b.active else tr("disabled")] for b in self.boxes])
        codes = [b.code for b in self.boxes]
        if select in codes:
            self.table.selectRow(codes.index(select))
        self._selected_changed()

    def selected(self) -> packaging.Box | None:
        rows = self.table.selectionModel().selectedRows()
        return self.boxes[rows[0].row()] if rows else None

    def _selected_changed(self) -> None:
        box = self.selected()
        for b in (self.disable_button, self.enable_button, self.delete_button):
            b.setEnabled(box is not None)
        if box is None:
            return
        self.code.setText(box.code)
        self.title.setText(box.title)
        for field, mm in zip((self.length, self.width, self.height), box.inner_mm, strict=True):
            field.setValue(mm)
        self.tare.setValue(box.weight_g)
        self.max_weight.setText("" if box.max_weight_g is None else str(box.max_weight_g))
        self.bag.setChecked(box.bag)
        for flag, check in self.suits.items():
            check.setChecked(flag in box.suits)
        self.disable_button.setEnabled(box.active)
        self.enable_button.setEnabled(not box.active)

    def save(self) -> None:
        text = self.max_weight.text().strip()
        if text and not text.isdigit():
            self.notice.refused(DomainError("The maximum weight is whole grams, not {value!r}.", value=text))
            return
        inner = (self.length.value(), self.width.value(), self.height.value())
        suits = [flag for flag, check in self.suits.items() if check.isChecked()]
        self._run(lambda s: packaging.save_box(s, self.ctx.user, self.code.text(), self.title.text(), inner,
                                               self.tare.value(), int(text) if text else None,
                                               self.bag.isChecked(), suits).code, tr("Box {box} saved."))

    def delete(self) -> None:
        box = self.selected()
        if box is not None:
            self._run(lambda s: packaging.delete_box(s, self.ctx.user, box.code) or box.code,
                      tr("Box {box} deleted."))

    def _change(self, change: Callable[[Session, str], packaging.Box], done: str) -> None:
        box = self.selected()
        if box is not None:
            self._run(lambda s: change(s, box.code).code, done)

    def _run(self, do: Callable[[Session], str], done: str) -> None:
        try:
            with self.ctx.sessions.begin() as s:
                code = do(s)
        except DomainError as exc:
            self.notice.refused(exc)
            return
        self.load(select=code)
        self.notice.ok(done.format(box=code))
