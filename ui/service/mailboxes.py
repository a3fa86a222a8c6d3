"""Mailbox settings: a supervisor sets up the shop's addresses (IMAP in, SMTP out, the queue their
tickets go to, acknowledgements, attachment size limit). The password is kept in this station's
0600 settings file, never in the shared database; an empty password field keeps the stored one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.i18n import reword
from app.services.mail import mailboxes
from app.services.mail.mailboxes import MailboxInfo
from app.timezone import fmt
from ui.i18n import Translations
from ui.station.feedback import error_text

TLS = ("ssl", "starttls", "none")


class MailboxDialog(QDialog):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mailbox_dialog")
        self.setWindowTitle(self.tr("Mailboxes"))
        self.boxes: list[MailboxInfo] = []
        self.list = QListWidget(objectName="mailbox_list")
        self.list.currentRowChanged.connect(self._show)
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        for key, label, widget in (
            ("name", self.tr("Name"), QLineEdit()),
            ("address", self.tr("Address"), QLineEdit()),
            ("display_name", self.tr("Shown as"), QLineEdit()),
            ("queue", self.tr("Queue for its tickets"), QLineEdit()),
            ("imap_host", self.tr("IMAP server"), QLineEdit()),
            ("imap_port", self.tr("IMAP port"), QSpinBox(minimum=1, maximum=65535, value=993)),
            ("imap_tls", self.tr("IMAP security"), self._tls()),
            ("imap_user", self.tr("IMAP user"), QLineEdit()),
            ("imap_folder", self.tr("Folder"), QLineEdit("INBOX")),
            ("processed_folder", self.tr("Move handled mail to"), QLineEdit()),
            ("smtp_host", self.tr("SMTP server"), QLineEdit()),
            ("smtp_port", self.tr("SMTP port"), QSpinBox(minimum=1, maximum=65535, value=465)),
            ("smtp_tls", self.tr("SMTP security"), self._tls()),
            ("smtp_user", self.tr("SMTP user"), QLineEdit()),
            ("password", self.tr("Password"), QLineEdit(echoMode=QLineEdit.EchoMode.Password)),
            ("attachment_limit_kb", self.tr("Keep attachments up to (KB)"),
             QSpinBox(minimum=0, maximum=100 * 1024, value=10 * 1024, singleStep=1024)),
            ("auto_ack", "", QCheckBox(self.tr("Acknowledge new mail with the ticket number"), checked=True)),
            ("active", "", QCheckBox(self.tr("Active"), checked=True)),
        ):
            widget.setObjectName(key)
            self.fields[key] = widget
            form.addRow(label, widget)
        self.fields["processed_folder"].setPlaceholderText(self.tr("empty: mark as read only"))
        self.fields["queue"].setPlaceholderText(self.tr("empty: route like any ticket"))
        self.fields["password"].setPlaceholderText(self.tr("kept on this station only; empty: unchanged"))
        self.state = QLabel(objectName="mailbox_state")
        self.state.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.new_button = buttons.addButton(self.tr("New mailbox"), QDialogButtonBox.ButtonRole.ActionRole)
        self.new_button.clicked.connect(self.new)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.state)
        split = QHBoxLayout()
        split.addWidget(self.list, 1)
        split.addLayout(right, 3)
        box = QVBoxLayout(self)
        box.addLayout(split)
        box.addWidget(buttons)
        self.refresh()

    def _tls(self) -> QComboBox:
        combo = QComboBox()
        for mode, name in zip(TLS, (self.tr("SSL/TLS"), self.tr("STARTTLS"), self.tr("none")), strict=True):
            combo.addItem(name, mode)
        return combo

    def refresh(self, select: str = "") -> None:
        with read_only(self.ctx.sessions) as s:
            self.boxes = mailboxes.mailboxes(s, active_only=False)
        self.list.clear()
        for b in self.boxes:
            item = QListWidgetItem(f"{b.name}\n{b.address}")
            if not b.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
        names = [b.name for b in self.boxes]
        if self.boxes:
            self.list.setCurrentRow(names.index(select) if select in names else 0)
        else:
            self.new()

    def new(self) -> None:
        self.list.clearSelection()
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.setText("INBOX" if key == "imap_folder" else "")
        self.fields["name"].setEnabled(True)
        self.state.setText(self.tr("A new mailbox: only answers written after it exists are mailed."))

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.boxes):
            return
        b = self.boxes[row]
        for key, widget in self.fields.items():
            value = getattr(b, key, None)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if key == "password" else str(value or ""))
        self.fields["name"].setEnabled(False)  # the password's key on every station
        fetched = fmt(b.last_fetch_at) or self.tr("never")
        state = self.tr("Last fetched: {at}.").format(at=fetched)
        if b.last_error:
            error = reword(b.last_error, Translations.for_app(QCoreApplication.instance()).language)
            state += " " + self.tr("Last error: {error}").format(error=error)
        self.state.setText(state)

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                out[key] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                out[key] = widget.value()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text().strip()
        return out

    def save(self) -> bool:
        values = self.values()
        secret = str(values.pop("password"))
        try:
            with unit_of_work(self.ctx.sessions) as s:
                saved = mailboxes.configure_mailbox(s, self.ctx.user, **values)  # type: ignore[arg-type]
            if secret:
                mailboxes.store_password(saved.name, secret)
        except DomainError as exc:
            self.state.setText(error_text(exc))
            self.state.setStyleSheet("color: #c62828;")
            return False
        self.state.setStyleSheet("")
        self.status_message.emit(self.tr("Mailbox {name} saved.").format(name=saved.name))
        self.refresh(saved.name)
        return True
