"""Users tab: the site's users; add one, disable or enable, reset a password, change role or badge."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.context import AppContext
from app.db import read_only
from app.errors import DomainError
from app.services import users
from ui.admin.window import ROLE_NAMES, LabelPrint, Notice, fill, list_table, print_labels, role_name, tr


class UsersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[users.UserView] = []
        self.table = list_table("users", [tr("User name"), tr("Name"), tr("Role"), tr("Badge"), tr("Status")])
        self.table.itemSelectionChanged.connect(self._selected_changed)

        self.new_name = QLineEdit(objectName="new_username")
        self.new_display = QLineEdit(objectName="new_display_name")
        self.new_role = self._role_box("new_role")
        self.new_password = QLineEdit(objectName="new_password", echoMode=QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(tr("at least {n} characters").format(n=users.MIN_PASSWORD))
        self.new_badge = QLineEdit(objectName="new_badge")
        self.new_badge.setPlaceholderText(tr("empty: a random code"))
        self.add_button = QPushButton(tr("Add user"), objectName="add_user")
        self.add_button.clicked.connect(self.add)
        new_form = QFormLayout()
        new_form.addRow(tr("User name"), self.new_name)
        new_form.addRow(tr("Name"), self.new_display)
        new_form.addRow(tr("Role"), self.new_role)
        new_form.addRow(tr("Password"), self.new_password)
        new_form.addRow(tr("Badge code"), self.new_badge)
        new_form.addRow(self.add_button)
        new_group = QGroupBox(tr("New user"))
        new_group.setLayout(new_form)

        self.role = self._role_box("role")
        self.role_button = QPushButton(tr("Change role"), objectName="change_role")
        self.role_button.clicked.connect(self.change_role)
        self.password = QLineEdit(objectName="reset_password", echoMode=QLineEdit.EchoMode.Password)
        self.password_button = QPushButton(tr("Reset password"), objectName="reset_password_button")
        self.password_button.clicked.connect(self.reset_password)
        self.badge = QLineEdit(objectName="badge")
        self.badge_button = QPushButton(tr("Set badge"), objectName="set_badge")
        self.badge_button.clicked.connect(self.set_badge)
        self.disable_button = QPushButton(tr("Disable"), objectName="disable_user")
        self.disable_button.clicked.connect(lambda: self._change(users.disable, tr("{name} disabled.")))
        self.enable_button = QPushButton(tr("Enable"), objectName="enable_user")
        self.enable_button.clicked.connect(lambda: self._change(users.enable, tr("{name} enabled.")))
        chosen_form = QFormLayout()
        chosen_form.addRow(tr("Role"), _pair(self.role, self.role_button))
        chosen_form.addRow(tr("New password"), _pair(self.password, self.password_button))
        chosen_form.addRow(tr("Badge code"), _pair(self.badge, self.badge_button))
        self.badge_print_button = QPushButton(tr("Print badge"), objectName="print_badge")
        self.badge_print_button.clicked.connect(self.print_badge)
        chosen_form.addRow(_pair(self.disable_button, self.enable_button, self.badge_print_button))
        self.chosen_group = QGroupBox(tr("Selected user"))
        self.chosen_group.setLayout(chosen_form)

        self.notice = Notice(self)
        side = QVBoxLayout()
        side.addWidget(new_group)
        side.addWidget(self.chosen_group)
        side.addStretch()
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.notice)

        self.may = ctx.user is not None and ctx.user.may("admin.users")
        new_group.setEnabled(self.may)
        if self.may:
            self.load()
        else:
            self.notice.setText(tr("Only an admin may see and change users."))
        self._selected_changed()

    def _role_box(self, name: str) -> QComboBox:
        box = QComboBox(objectName=name)
        for role in ROLE_NAMES:
            box.addItem(role_name(role), role)
        return box

    def load(self, select: str = "") -> None:
        with read_only(self.ctx.sessions) as s:
            self.rows = users.list_users(s, self.ctx.user)
        fill(self.table, [[u.username, u.display_name, role_name(u.role), u.badge_code,
                           tr("active") if u.active else tr("disabled")] for u in self.rows])
        names = [u.username for u in self.rows]
        if select in names:
            self.table.selectRow(names.index(select))
        self._selected_changed()  # the same row selected again emits nothing, but its user changed

    def selected(self) -> users.UserView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _selected_changed(self) -> None:
        user = self.selected()
        self.chosen_group.setEnabled(self.may and user is not None)
        if user is not None:
            self.role.setCurrentIndex(self.role.findData(user.role))
            self.badge.setText(user.badge_code)
            self.disable_button.setEnabled(user.active)
            self.enable_button.setEnabled(not user.active)

    def add(self) -> None:
        role = users.role_named(self.new_role.currentData())

        def do(s: Session) -> users.UserView:
            return users.add_user(s, self.ctx.user, self.new_name.text(), role, self.new_password.text(),
                                  self.new_display.text(), self.new_badge.text())

        if self._run(do, tr("User {name} added.")):
            for field in (self.new_name, self.new_display, self.new_password, self.new_badge):
                field.clear()

    def change_role(self) -> None:
        role = users.role_named(self.role.currentData())
        self._change(lambda s, actor, name: users.set_role(s, actor, name, role), tr("{name} is now {role}."))

    def reset_password(self) -> None:
        password = self.password.text()
        if self._change(lambda s, actor, name: users.reset_password(s, actor, name, password),
                        tr("Password of {name} reset.")):
            self.password.clear()

    def set_badge(self) -> None:
        code = self.badge.text()
        self._change(lambda s, actor, name: users.set_badge(s, actor, name, code), tr("Badge of {name} set."))

    def print_badge(self) -> LabelPrint | None:
        user = self.selected()
        if user is None:
            return None
        return print_labels(self.ctx, self, self.badge_print_button, self.notice, "badge", user.username)

    def _change(self, change: Callable[..., users.UserView], done: str) -> bool:
        user = self.selected()
        if user is None:
            return False
        return self._run(lambda s: change(s, self.ctx.user, user.username), done)

    def _run(self, do: Callable[[Session], users.UserView], done: str) -> bool:
        """One unit of work; the list shows what was saved, the notice says so or why not."""
        try:
            with self.ctx.sessions.begin() as s:
                saved = do(s)
        except DomainError as exc:
            self.notice.refused(exc)
            return False
        self.load(select=saved.username)
        self.notice.ok(done.format(name=saved.username, role=role_name(saved.role)))
        return True


def _pair(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        row.addWidget(w)
    return holder
