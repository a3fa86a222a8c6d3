"""Replies-and-articles tab: canned replies, knowledge-base articles and incident templates edited
in Chinese and English, with a preview filled from a real customer chosen in the tab, exactly as
assist fills it; a placeholder this customer's data cannot fill is marked and named."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import assist, content, customers
from app.services.content import ContentItem
from app.services.text import placeholder_spans
from ui.admin.window import Notice

CONTEXT = "admin.content"
KIND_NAMES = {"reply": "Canned replies", "article": "Knowledge-base articles",
              "incident": "Incident templates"}
LANGUAGE_NAMES = {"zh_CN": "Chinese", "en": "English"}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def marked(text: str) -> str:
    """The preview as HTML, every unfilled placeholder on red so nobody sends it unseen."""
    out, at = [], 0
    for start, end in placeholder_spans(text):
        out.append(html.escape(text[at:start]))
        out.append(f'<span style="background:#c62828;color:white;">{html.escape(text[start:end])}</span>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


class ContentTab(QWidget):
    previewed = Signal(object)  # the content.Preview shown, or None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts: list[ContentItem] = []
        self.current: ContentItem | None = None
        self.customer_ids: list[int] = []
        self.kind = QComboBox(objectName="content_kind")
        for kind, name in KIND_NAMES.items():
            self.kind.addItem(tr(name), kind)
        self.language = QComboBox(objectName="content_language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(tr(name), code)
        self.filter = QLineEdit(objectName="content_filter", placeholderText=tr("find in key, title or text"))
        for signal in (self.kind.currentIndexChanged, self.language.currentIndexChanged,
                       self.filter.textChanged):
            signal.connect(lambda *_: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.language)
        top.addWidget(self.filter, 1)
        self.list = QListWidget(objectName="content_list")
        self.list.currentRowChanged.connect(self.show_text)

        self.key = QLineEdit(objectName="content_key", placeholderText=tr("such as ship_notice"))
        self.title = QLineEdit(objectName="content_title")
        self.category = QLineEdit(objectName="content_category")
        self.body = QPlainTextEdit(objectName="content_body")
        self.form = QFormLayout()
        self.form.addRow(tr("Key"), self.key)
        self.form.addRow(tr("Title"), self.title)
        self.form.addRow(tr("Category"), self.category)
        self.form.addRow(tr("Text"), self.body)
        known = " ".join("{" + v + "}" for v in assist.VARIABLES)
        names = QLabel(tr("Placeholders: {names}").format(names=known), objectName="placeholder_help")
        names.setWordWrap(True)
        self.new_button = QPushButton(tr("New"), objectName="new_text")
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton(tr("Save"), objectName="save_text")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(tr("Delete"), objectName="delete_text")
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        self.notice = Notice(self)
        editor = QVBoxLayout()
        editor.addLayout(self.form, 1)
        editor.addWidget(names)
        editor.addLayout(buttons)
        editor.addWidget(self.notice)

        self.customer_query = QLineEdit(objectName="preview_query",
                                        placeholderText=tr("phone, name, order or tracking number"))
        self.customer_query.returnPressed.connect(self.find_customers)
        find = QPushButton(tr("Find"), objectName="find_customer")
        find.clicked.connect(self.find_customers)
        self.customer = QComboBox(objectName="preview_customer")
        self.customer.currentIndexChanged.connect(lambda *_: self.update_preview())
        self.preview = QTextBrowser(objectName="preview")
        self.unfilled = QLabel(objectName="unfilled")
        self.unfilled.setWordWrap(True)
        query = QHBoxLayout()
        query.addWidget(self.customer_query, 1)
        query.addWidget(find)
        box = QGroupBox(tr("Preview for a customer"))
        preview = QVBoxLayout(box)
        preview.addLayout(query)
        preview.addWidget(self.customer)
        preview.addWidget(self.preview, 1)
        preview.addWidget(self.unfilled)

        split = QHBoxLayout()
        split.addWidget(self.list, 2)
        split.addLayout(editor, 3)
        split.addWidget(box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(split, 1)
        self.refresh()
        self.body.textChanged.connect(self.update_preview)
        self.update_preview()

    @property
    def kind_code(self) -> str:
        return str(self.kind.currentData())

    @property
    def language_code(self) -> str:
        return str(self.language.currentData())

    # -- the list ------------------------------------------------------------------------------
    def refresh(self, keep: int | None = None) -> None:
        with read_only(self.ctx.sessions) as s:
            self.texts = content.items(s, self.kind_code, self.language_code, self.filter.text())
        article = self.kind_code == "article"
        self.form.setRowVisible(self.key, not article)
        label = self.form.labelForField(self.category)
        if isinstance(label, QLabel):
            label.setText(tr("Tags") if article else tr("Category"))
        self.list.blockSignals(True)
        self.list.clear()
        for t in self.texts:
            item = QListWidgetItem(t.title)
            item.setToolTip(t.key)  # the key is a code: shown in its field, not as words in the list
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [t.id for t in self.texts]
        if keep in ids:
            self.list.setCurrentRow(ids.index(keep))
        elif self.texts:
            self.list.setCurrentRow(0)
        else:
            self.new()

    def show_text(self, row: int) -> None:
        if not 0 <= row < len(self.texts):
            return
        t = self.current = self.texts[row]
        self.key.setText(t.key)
        self.title.setText(t.title)
        self.category.setText(t.category)
        self.body.setPlainText(t.body)
        self.notice.setText("")

    def new(self) -> None:
        self.current = None
        self.list.clearSelection()
        for edit in (self.key, self.title, self.category):
            edit.clear()
        self.body.clear()

    # -- changes -------------------------------------------------------------------------------
    def save(self) -> bool:
        try:
            with unit_of_work(self.ctx.sessions) as s:
                saved = content.save(
                    s, self.ctx.user, self.kind_code, self.language_code, self.title.text(),
                    self.body.toPlainText(), key=self.key.text(), category=self.category.text(),
                    item_id=self.current.id if self.current else None)
        except DomainError as exc:
            self.notice.refused(exc)
            return False
        self.refresh(keep=saved.id)
        self.notice.ok(tr("Saved: {title}.").format(title=saved.title))
        return True

    def delete(self) -> bool:
        if self.current is None:
            self.notice.refused(DomainError("Choose a text in the list first."))
            return False
        gone = self.current
        try:
            with unit_of_work(self.ctx.sessions) as s:
                content.delete(s, self.ctx.user, gone.kind, gone.id)
        except DomainError as exc:
            self.notice.refused(exc)
            return False
        self.refresh()
        self.notice.ok(tr("Deleted: {title}.").format(title=gone.title))
        return True

    # -- the preview ---------------------------------------------------------------------------
    def find_customers(self) -> None:
        with read_only(self.ctx.sessions) as s:
            found = customers.search(s, self.customer_query.text(), limit=20)
        self.customer.blockSignals(True)
        self.customer.clear()
        self.customer_ids = [m.customer_id for m in found.matches]
        for m in found.matches:
            self.customer.addItem(" · ".join(x for x in (m.name, m.phone, m.city) if x), m.customer_id)
        self.customer.blockSignals(False)
        self.update_preview()
        if not found.matches:
            query = self.customer_query.text()
            self.unfilled.setText(tr("No customer found for {query}.").format(query=query))

    def choose_customer(self, customer_id: int, label: str) -> None:
        """Preview for this customer (the screenshot and a ticket's customer use it)."""
        self.customer.blockSignals(True)
        self.customer.clear()
        self.customer.addItem(label, customer_id)
        self.customer.blockSignals(False)
        self.update_preview()

    def update_preview(self) -> None:
        cid = self.customer.currentData()
        if cid is None:
            self.preview.setHtml(marked(self.body.toPlainText()))
            if self.customer.count() == 0:
                self.unfilled.setStyleSheet("")
                self.unfilled.setText(tr("Find a customer to fill the placeholders with their data."))
            self.previewed.emit(None)
            return
        try:
            with read_only(self.ctx.sessions) as s:
                shown = content.preview(s, self.ctx.user, self.body.toPlainText(), int(cid),
                                        self.language_code, self.ctx.clock())
        except DomainError as exc:
            self.notice.refused(exc)
            return
        self.preview.setHtml(marked(shown.text))
        if shown.unfilled:
            self.unfilled.setStyleSheet("color: #c62828; font-weight: bold;")
            names = ", ".join("{" + n + "}" for n in shown.unfilled)
            self.unfilled.setText(tr("Not filled for this customer: {names}. Assist will not offer this text "
                                     "to them.").format(names=names))
        else:
            self.unfilled.setStyleSheet("color: #1b5e20;")
            self.unfilled.setText(tr("Every placeholder is filled."))
        self.previewed.emit(shown)
