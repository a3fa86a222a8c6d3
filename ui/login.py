"""Sign-in screen: user name + password, or a badge scan (the scanner types into the badge field).

One window for the life of the station process: a language switch retranslates it in place, and
the password never outlives the window being on screen or a language change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import LANGUAGES

if TYPE_CHECKING:  # the window shows before the database layer is imported (start-up time)
    from app.context import AppContext, CurrentUser
    from app.services.auth import LoginFailed


class LoginWindow(QWidget):
    signed_in = Signal(object)  # CurrentUser
    language_chosen = Signal(str)

    def __init__(self, ctx: AppContext | None, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("login")
        self.setWindowTitle("PackDesk")
        self.resize(520, 420)
        # the shown message as a function, so it is worded again in a new language
        self._message: Callable[[], str] | None = None

        title = QLabel("PackDesk")
        title_font = QFont(self.font())
        title_font.setPointSize(24)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel(objectName="subtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.badge = QLineEdit(objectName="badge")
        self.sign_in = QPushButton(objectName="sign_in")
        self.sign_in.setDefault(True)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.setWordWrap(True)
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.show_language(language)
        self.username_label, self.password_label = QLabel(), QLabel()
        self.badge_label, self.language_label = QLabel(), QLabel()

        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        form.addRow(line)
        form.addRow(self.badge_label, self.badge)

        lang_row = QHBoxLayout()
        lang_row.addStretch(1)
        lang_row.addWidget(self.language_label)
        lang_row.addWidget(self.language)

        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addWidget(self.subtitle)
        box.addSpacing(16)
        box.addLayout(form)
        box.addWidget(self.sign_in)
        box.addWidget(self.error)
        box.addStretch(1)
        box.addLayout(lang_row)

        self.sign_in.clicked.connect(self._password_login)
        self.password.returnPressed.connect(self._password_login)
        self.username.returnPressed.connect(self.password.setFocus)
        self.badge.returnPressed.connect(self._badge_login)
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData())
        )
        self.username.setFocus()
        self.retranslate()
        if ctx is None:
            self._set_ready(False)
            self._say(lambda: self.tr("Opening the database…"))

    def retranslate(self) -> None:
        self.subtitle.setText(self.tr("Fulfilment stations and customer service"))
        self.badge.setPlaceholderText(self.tr("Scan your badge"))
        self.sign_in.setText(self.tr("Sign in"))
        self.username_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.badge_label.setText(self.tr("Badge"))
        self.language_label.setText(self.tr("Language"))
        self.error.setText(self._message() if self._message else "")

    def language_changed(self) -> None:
        """New translators are installed: word everything again; the password does not stay."""
        self.password.clear()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changed()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.password.clear()  # a password never waits in a window nobody sees
        super().hideEvent(event)

    def show_language(self, language: str) -> None:
        """Show ``language`` as chosen without announcing it (it was chosen elsewhere)."""
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.blockSignals(False)

    def clear(self) -> None:
        """Forget everything typed and shown: the next person starts on a blank window."""
        for field in (self.username, self.password, self.badge):
            field.clear()
        self._say(None)
        self.username.setFocus()

    def set_context(self, ctx: AppContext) -> None:
        """The database is open: sign-in can start."""
        self.ctx = ctx
        self._say(None)
        self._set_ready(True)

    def database_failed(self, message: str) -> None:
        self._say(lambda: self.tr("Cannot open the database: {reason}").format(reason=message))

    def _say(self, message: Callable[[], str] | None) -> None:
        self._message = message
        self.error.setText(message() if message else "")

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.username, self.password, self.badge, self.sign_in):
            widget.setEnabled(ready)

    def badge_scanned(self, code: str) -> None:
        """A badge scan from any scanner (serial or wedge) while this window is up."""
        self.badge.setText(code)
        self._badge_login()

    def _password_login(self) -> None:
        from app.services.auth import login_password

        username, password = self.username.text(), self.password.text()
        self.password.clear()
        self._attempt(lambda s: login_password(s, username, password))

    def _badge_login(self) -> None:
        code = self.badge.text()
        self.badge.clear()
        from app.services.auth import login_badge

        self._attempt(lambda s: login_badge(s, code))

    def _attempt(self, login: object) -> None:
        from app.db import read_only
        from app.errors import DomainError
        from app.services.auth import LoginFailed

        if self.ctx is None or not self.isVisible():  # a hidden window signs nobody in
            return
        try:
            with read_only(self.ctx.sessions) as session:
                user: CurrentUser = login(session)  # type: ignore[operator]
        except LoginFailed as exc:
            self._say(lambda e=exc: self._translate_failure(e))
            return
        except DomainError as exc:
            self._say(lambda e=exc: QCoreApplication.translate("errors", e.template).format(**e.params))
            return
        self._say(None)
        self.signed_in.emit(user)

    def _translate_failure(self, exc: LoginFailed) -> str:
        return {
            "unknown_badge": self.tr("Unknown badge: scan again or sign in with your password."),
            "disabled": self.tr("This account is disabled; ask a supervisor."),
        }.get(exc.reason, self.tr("Wrong user name or password."))
