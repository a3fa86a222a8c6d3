"""The ticket desk's additions to the ticket screens: tags with suggestions, the email attachments
of a ticket (saved to a file), its satisfaction answers, ticket search (a typed number opens the
ticket) and the pager of the queue, and the SLA warnings of the signed-in user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import tickets
from app.timezone import fmt
from ui.station.feedback import error_text


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


class TicketExtras(QWidget):
    """Tags, attachments and satisfaction answers of the ticket shown."""

    changed = Signal()
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ticket_extras")
        self.ticket_id: int | None = None
        self.shown_tags: tuple[str, ...] = ()
        self.attachments: tuple[tickets.Attachment, ...] = ()
        self.tags = QLineEdit(objectName="tags")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.suggestions = QStringListModel(self)
        completer = QCompleter(self.suggestions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.tags.editingFinished.connect(self.save_tags)
        self.files = QListWidget(objectName="attachments")
        self.files.setMaximumHeight(56)
        self.files.itemDoubleClicked.connect(lambda _item: self.save_attachment())
        self.save_button = QPushButton(self.tr("Save attachment…"), objectName="save_attachment")
        self.save_button.clicked.connect(lambda: self.save_attachment())
        self.csat = QLabel(objectName="csat")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tags")))
        row.addWidget(self.tags, 1)
        row.addWidget(self.csat)
        files = QHBoxLayout()
        files.addWidget(self.files, 1)
        files.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addLayout(files)

    def load(self, detail: tickets.Detail) -> None:
        self.ticket_id = detail.ticket.id
        self.shown_tags = detail.tags
        self.tags.setText(", ".join(detail.tags))
        with read_only(self.ctx.sessions) as s:
            self.suggestions.setStringList(tickets.tag_suggestions(s, limit=200))
        self.attachments = detail.attachments
        self.files.clear()
        for a in detail.attachments:
            kept = "" if a.kept else self.tr(" (over the size limit: not kept)")
            item = QListWidgetItem(f"{a.filename}  {size_text(a.size)}{kept}")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.files.addItem(item)
        self.files.setVisible(bool(detail.attachments))
        self.save_button.setVisible(bool(detail.attachments))
        if detail.attachments:
            self.files.setCurrentRow(0)
        self.csat.setText(
            "  ".join(self.tr("Satisfaction {score}/5").format(score=score) + (f" “{c}”" if c else "")
                      for score, c in detail.csat)
        )

    def save_tags(self) -> bool:
        if self.ticket_id is None:
            return False
        wanted = tuple(sorted(t for t in (tickets.normal_tag(x) for x in self.tags.text().replace("，", ",")
                                          .split(",")) if t))
        if wanted == tuple(sorted(self.shown_tags)):
            return False
        try:
            with unit_of_work(self.ctx.sessions) as s:
                self.shown_tags = tickets.set_tags(s, self.ctx.user, self.ticket_id, list(wanted),
                                                   self.ctx.clock())
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return False
        self.status_message.emit(self.tr("Tags saved."))
        self.changed.emit()
        return True

    def save_attachment(self, path: Path | None = None) -> Path | None:
        """Save the selected attachment (asks where unless ``path`` is given)."""
        item = self.files.currentItem()
        if item is None:
            return None
        chosen = next(a for a in self.attachments if a.id == item.data(Qt.ItemDataRole.UserRole))
        if path is None:
            suggested = str(Path.home() / chosen.filename)
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), suggested)
            if not name:
                return None
            path = Path(name)
        try:
            with unit_of_work(self.ctx.sessions) as s:
                saved = tickets.save_attachment(s, self.ctx.user, chosen.id, path)
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return None
        self.status_message.emit(self.tr("Saved {path}.").format(path=str(saved)))
        return saved


class TicketFinder(QWidget):
    """Search tickets by number, subject, text, tag or customer; a typed number opens the ticket."""

    ticket_chosen = Signal(int)
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ticket_finder")
        self.box = QLineEdit(objectName="ticket_search")
        self.box.setPlaceholderText(self.tr("Find a ticket: number, subject, text, tag or customer"))
        self.box.setClearButtonEnabled(True)
        self.box.returnPressed.connect(self.run)
        self.box.textChanged.connect(lambda text: text or self.results.setVisible(False))
        self.results = QListWidget(objectName="ticket_results")
        self.results.setMaximumHeight(160)
        self.results.setVisible(False)
        self.results.itemActivated.connect(self._chosen)
        self.results.itemDoubleClicked.connect(self._chosen)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.box)
        box.addWidget(self.results)

    def run(self) -> list[tickets.QueueRow]:
        text = self.box.text()
        with read_only(self.ctx.sessions) as s:
            number = tickets.ticket_by_number(s, text)
            rows = [] if number is not None else tickets.search_tickets(s, self.ctx.user, text)
        if number is not None:
            self.results.setVisible(False)
            self.ticket_chosen.emit(number)
            return []
        self.results.clear()
        for r in rows:
            item = QListWidgetItem(f"{r.number}  {r.subject}  · {r.customer}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.results.addItem(item)
        self.results.setVisible(bool(rows))
        if not rows:
            self.status_message.emit(self.tr("No ticket found for “{q}”.").format(q=text.strip()))
        else:
            self.results.setCurrentRow(0)
            self.results.setFocus()
        return rows

    def _chosen(self, item: QListWidgetItem) -> None:
        self.ticket_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class QueuePager(QWidget):
    """Pages of the queue: "1–100 of 231" with previous and next."""

    changed = Signal()

    def __init__(self, size: int = 100, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queue_pager")
        self.size, self.offset, self.total = size, 0, 0
        self.prev = QPushButton("◀", objectName="page_prev")
        self.next = QPushButton("▶", objectName="page_next")
        self.label = QLabel(objectName="page_label")
        for button, step in ((self.prev, -1), (self.next, 1)):
            button.setFixedWidth(32)
            button.clicked.connect(lambda _=False, step=step: self.turn(step))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.prev)
        box.addWidget(self.label)
        box.addWidget(self.next)

    def turn(self, step: int) -> None:
        last_page = max(0, self.total - 1) // self.size * self.size
        self.offset = max(0, min(self.offset + step * self.size, last_page))
        self.changed.emit()

    def show_total(self, total: int) -> None:
        self.total = total
        if self.offset >= total:
            self.offset = max(0, (total - 1) // self.size * self.size)
        last = min(total, self.offset + self.size)
        self.label.setText(self.tr("{first}–{last} of {total}").format(
            first=self.offset + 1 if total else 0, last=last, total=total))
        self.prev.setEnabled(self.offset > 0)
        self.next.setEnabled(last < total)
        self.setVisible(total > self.size)


def notice_lines(ctx: AppContext, mark_seen: bool = True) -> list[str]:
    """The user's SLA warnings as lines ("T-000123: first response due 14:30 — subject")."""
    if ctx.user is None or not ctx.user.may("service.use"):
        return []
    clocks = {
        "sla.first_response": QCoreApplication.translate("ticket_desk", "first response due {at}"),
        "sla.next_response": QCoreApplication.translate("ticket_desk", "answer due {at}"),
        "sla.resolution": QCoreApplication.translate("ticket_desk", "resolution due {at}"),
    }
    with unit_of_work(ctx.sessions) as s:
        rows = tickets.notices(s, ctx.user)
        if mark_seen and rows:
            tickets.mark_seen(s, ctx.user, [n.id for n in rows], ctx.clock())
    return [
        f"{n.ticket_number}: " + clocks.get(n.kind, n.kind).format(at=fmt(n.due, "short")) + f" — {n.subject}"
        for n in rows
    ]
