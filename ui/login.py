"""Sign-in screen: user name + password, or a badge scan (the scanner types into the badge field)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
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

        title = QLabel("PackDesk")
        title_font = QFont(self.font())
        title_font.setPointSize(24)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel(self.tr("Fulfilment stations and customer service"))
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.badge = QLineEdit(objectName="badge")
        self.badge.setPlaceholderText(self.tr("Scan your badge"))
        self.sign_in = QPushButton(self.tr("Sign in"), objectName="sign_in")
        self.sign_in.setDefault(True)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.setWordWrap(True)
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        form.addRow(line)
        form.addRow(self.tr("Badge"), self.badge)

        lang_row = QHBoxLayout()
        lang_row.addStretch(1)
        lang_row.addWidget(QLabel(self.tr("Language")))
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
        if ctx is None:
            self._set_ready(False)
            self.error.setText(self.tr("Opening the database…"))

    def set_context(self, ctx: AppContext) -> None:
        """The database is open: sign-in can start."""
        self.ctx = ctx
        self.error.clear()
        self._set_ready(True)

    def database_failed(self, message: str) -> None:
        self.error.setText(self.tr("Cannot open the database: {reason}").format(reason=message))

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.username, self.password, self.badge, self.sign_in):
            widget.setEnabled(ready)

    def badge_scanned(self, code: str) -> None:
        """A badge scan from any scanner (serial or wedge) while this window is up."""
        self.badge.setText(code)
        self._badge_login()

    def _password_login(self) -> None:
        from app.services.auth import login_password

        self._attempt(lambda s: login_password(s, self.username.text(), self.password.text()))
        self.password.clear()

    def _badge_login(self) -> None:
        code = self.badge.text()
        self.badge.clear()
        from app.services.auth import login_badge

        self._attempt(lambda s: login_badge(s, code))

    def _attempt(self, login: object) -> None:
        from app.db import read_only
        from app.errors import DomainError
        from app.services.auth import LoginFailed

        if self.ctx is None:
            return
        try:
            with read_only(self.ctx.sessions) as session:
                user: CurrentUser = login(session)  # type: ignore[operator]
        except LoginFailed as exc:
            self.error.setText(self._translate_failure(exc))
            return
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.signed_in.emit(user)

    def _translate_failure(self, exc: LoginFailed) -> str:
        return {
            "unknown_badge": self.tr("Unknown badge: scan again or sign in with your password."),
            "disabled": self.tr("This account is disabled; ask a supervisor."),
        }.get(exc.reason, self.tr("Wrong user name or password."))
