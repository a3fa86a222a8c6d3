"""Site tab: the site's name, return address, phone, time zone, currency and languages."""

from __future__ import annotations

import zoneinfo

from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only
from app.errors import DomainError
from app.services import site
from ui.admin.window import Notice, tr

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SiteTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = QLineEdit(objectName="site_name")
        self.return_address = QLineEdit(objectName="return_address")
        self.phone = QLineEdit(objectName="phone")
        self.time_zone = QLineEdit(objectName="time_zone")
        self.time_zone.setCompleter(QCompleter(sorted(zoneinfo.available_timezones()), self))
        self.currency = QLineEdit(objectName="currency", maxLength=3)
        self.languages = {code: QCheckBox(name, objectName=f"language_{code}")
                          for code, name in LANGUAGE_NAMES.items()}
        self.save_button = QPushButton(tr("Save"), objectName="save_site")
        self.save_button.clicked.connect(self.save)
        self.notice = Notice(self)
        form = QFormLayout()
        form.addRow(tr("Site name"), self.name)
        form.addRow(tr("Return address"), self.return_address)
        form.addRow(tr("Phone"), self.phone)
        form.addRow(tr("Time zone"), self.time_zone)
        form.addRow(tr("Currency"), self.currency)
        row = QHBoxLayout()
        for box in self.languages.values():
            row.addWidget(box)
        row.addStretch()
        form.addRow(tr("Languages"), row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.notice)
        layout.addStretch()
        may = ctx.user is not None and ctx.user.may("admin.settings")
        for w in (self.name, self.return_address, self.phone, self.time_zone, self.currency,
                  *self.languages.values(), self.save_button):
            w.setEnabled(may)
        if not may:
            self.notice.setText(tr("Only an admin may change the site."))
        self.load()

    def load(self) -> None:
        with read_only(self.ctx.sessions) as s:
            info = site.current(s) or site.SiteInfo("")
        self.name.setText(info.name)
        self.return_address.setText(info.return_address)
        self.phone.setText(info.phone)
        self.time_zone.setText(info.time_zone)
        self.currency.setText(info.currency)
        for code, box in self.languages.items():
            box.setChecked(code in info.languages)

    def save(self) -> None:
        info = site.SiteInfo(self.name.text(), self.return_address.text(), self.phone.text(),
                             self.time_zone.text(), self.currency.text(),
                             tuple(code for code, box in self.languages.items() if box.isChecked()))
        try:
            with self.ctx.sessions.begin() as s:
                saved = site.update(s, self.ctx.user, info)
        except DomainError as exc:
            self.notice.refused(exc)
            return
        self.load()
        self.notice.ok(tr("Site {name} saved.").format(name=saved.name))
