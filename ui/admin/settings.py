"""Settings tab: a form built from the settings registry (type, default, range, description of each
key); only keys the signed-in role may change are editable, and a save is all or nothing."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only
from app.errors import ConfigError, DomainError
from app.services import settings
from ui.admin.window import Notice, tr


def description(text: str) -> str:
    """A registry description in the app's language (context ``settings`` in admin_zh_CN.ts)."""
    return QCoreApplication.translate("settings", text)


def shown(value: Any) -> str:
    """A value as typed in its field: lists and tables as JSON, everything else as written."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)


def _range(spec: settings.Spec) -> str:
    if spec.minimum is not None and spec.maximum is not None:
        return f"{spec.minimum} – {spec.maximum}"
    if spec.minimum is not None:
        return f"≥ {spec.minimum}"
    if spec.maximum is not None:
        return f"≤ {spec.maximum}"
    return ""


class SettingsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fields: dict[str, QLineEdit | QCheckBox] = {}
        self.views: dict[str, settings.SettingView] = {}
        self.grid = QGridLayout()
        heads = (tr("Setting"), tr("Value"), tr("Default"), tr("Range"), tr("What it does"))
        for c, head in enumerate(heads):
            self.grid.addWidget(QLabel(f"<b>{head}</b>"), 0, c)
        self.grid.setColumnStretch(1, 1)  # room for JSON tables
        self.grid.setColumnStretch(4, 2)
        holder = QWidget()
        holder.setLayout(self.grid)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(holder)
        self.save_button = QPushButton(tr("Save changes"), objectName="save_settings")
        self.save_button.clicked.connect(self.save)
        self.notice = Notice(self)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.save_button)
        layout.addWidget(self.notice)
        self.load()

    def load(self) -> None:
        with read_only(self.ctx.sessions) as s:
            found = settings.overview(s, self.ctx.user)
        first = not self.views
        self.views = {v.key: v for v in found}
        for row, view in enumerate(found, start=1):
            if first or view.key not in self.fields:
                self._add_row(row, view)
            field = self.fields[view.key]
            if isinstance(field, QCheckBox):
                field.setChecked(bool(view.value))
            else:
                field.setText(shown(view.value))
        self.save_button.setEnabled(any(v.may_change for v in found))

    def _add_row(self, row: int, view: settings.SettingView) -> None:
        spec = settings.spec(view.key)
        field: QLineEdit | QCheckBox
        field = QCheckBox(objectName=view.key) if spec.kind is bool else QLineEdit(objectName=view.key)
        field.setEnabled(view.may_change)
        self.fields[view.key] = field
        key = QLabel(view.key)
        key.setToolTip("" if view.may_change else tr("Your role may not change this setting."))
        default = (tr("on") if view.default else tr("off")) if spec.kind is bool else shown(view.default)
        about = QLabel(description(view.description), wordWrap=True)
        for c, w in enumerate((key, field, QLabel(default), QLabel(_range(spec)), about)):
            self.grid.addWidget(w, row, c)

    def typed(self, key: str) -> Any:
        field = self.fields[key]
        if isinstance(field, QCheckBox):
            return field.isChecked()
        text = field.text().strip()
        if self.views[key].kind in ("list", "dict"):
            try:
                return json.loads(text)
            except ValueError:
                raise ConfigError("{key} must be {kind}, not {value!r}.", key=key, kind=self.views[key].kind,
                                  value=text) from None
        return text

    def changed(self) -> dict[str, Any]:
        """The keys whose field differs from the stored value, with what was typed."""
        out = {}
        for key, view in self.views.items():
            if not view.may_change:
                continue
            value = self.typed(key)
            if shown(value) != shown(view.value):
                out[key] = value
        return out

    def save(self) -> None:
        try:
            changes = self.changed()
            with self.ctx.sessions.begin() as s:  # one unit of work: one bad value saves none
                for key, value in changes.items():
                    settings.change(s, self.ctx.user, key, value, self.ctx.station)
        except DomainError as exc:
            self.notice.refused(exc)
            return
        self.load()
        if not changes:
            self.notice.ok(tr("Nothing changed."))
        else:
            self.notice.ok(tr("Saved: {keys}.").format(keys=", ".join(changes)))

