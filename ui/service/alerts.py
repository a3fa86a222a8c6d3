"""The red incident bar every agent sees on top of service mode, and the incident dialog: linked
tickets, affected customers, a bulk notice from an incident template, close with a 5W1H review.
The alert rules are evaluated by the alerts job (``app.jobs.alerts``) in the worker; the bar only
reads the open incidents, on a timer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import assist, incidents
from app.services.incidents import IncidentInfo
from app.timezone import fmt
from ui.i18n import LANGUAGES
from ui.service.names import duration, status_names
from ui.station.feedback import error_text


def incident_text(incident: IncidentInfo) -> str:
    """The incident in the user's language, from its metric (the stored title is the fallback)."""
    scope = incident.scope
    value = f"{incident.metric_value:.0f}" if incident.metric_value is not None else "?"
    texts = {
        "contacts_vs_last_week": lambda: QCoreApplication.translate(
            "Incident", "Contacts: {now} in the hour, {before} a week ago"
        ).format(now=scope.get("now", "?"), before=scope.get("before", "?")),
        "refunds_vs_last_week": lambda: QCoreApplication.translate(
            "Incident", "Refund requests: {now} today, {before} a week ago"
        ).format(now=scope.get("now", "?"), before=scope.get("before", "?")),
        "queue_wait": lambda: QCoreApplication.translate(
            "Incident", "Oldest unanswered ticket has waited {wait}"
        ).format(wait=duration(float(incident.metric_value or 0) * 60)),
        "product_complaints": lambda: QCoreApplication.translate(
            "Incident", "{value} complaints about {sku}"
        ).format(value=value, sku=scope.get("sku", "?")),
        "payment_failures": lambda: QCoreApplication.translate(
            "Incident", "{value} payment-failure tickets in the hour"
        ).format(value=value),
    }
    make = texts.get(incident.metric)
    return make() if make else incident.title


class IncidentDialog(QDialog):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, incident_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.incident_id = incident_id
        self.setObjectName("incident_dialog")
        self.resize(720, 640)
        self.info = QLabel(objectName="incident_info")
        self.info.setWordWrap(True)
        self.tickets = QListWidget(objectName="incident_tickets")
        self.ticket_box = QLineEdit(objectName="link_ticket")
        self.ticket_box.setPlaceholderText(self.tr("Ticket number, e.g. T-000123"))
        link = QPushButton(self.tr("Link ticket"), objectName="link")
        link.clicked.connect(self.link)
        self.affected = QLabel(objectName="affected")
        self.affected.setWordWrap(True)
        self.template = QComboBox(objectName="notice_template")
        self.notice = QPlainTextEdit(objectName="notice")
        self.template.activated.connect(lambda i: self.notice.setPlainText(self.template.itemData(i) or ""))
        send = QPushButton(self.tr("Send notice to affected customers"), objectName="send_notice")
        send.clicked.connect(self.send)
        self.review: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "what": self.tr("What happened"),
            "why": self.tr("Why (root cause)"),
            "where": self.tr("Where"),
            "when": self.tr("When"),
            "who": self.tr("Who was affected"),
            "how": self.tr("How it was fixed and prevented"),
        }
        for field in incidents.REVIEW_FIELDS:
            self.review[field] = QLineEdit(objectName=f"review_{field}")
            form.addRow(labels[field], self.review[field])
        self.close_button = QPushButton(
            self.tr("Close incident with this review"), objectName="close_incident"
        )
        self.close_button.clicked.connect(self.close_incident)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.ticket_box, 1)
        row.addWidget(link)
        box = QVBoxLayout(self)
        box.addWidget(self.info)
        box.addWidget(QLabel(self.tr("Linked tickets")))
        box.addWidget(self.tickets, 1)
        box.addLayout(row)
        box.addWidget(self.affected)
        box.addWidget(self.template)
        box.addWidget(self.notice, 1)
        box.addWidget(send)
        box.addWidget(QLabel(self.tr("Review (5W1H)")))
        box.addLayout(form)
        box.addWidget(self.close_button)
        box.addWidget(self.error)
        self.load()

    def load(self) -> None:
        with read_only(self.ctx.sessions) as s:
            incident = incidents.get_incident(s, self.incident_id)
            linked = incidents.linked_tickets(s, self.incident_id)
            affected = incidents.affected_customers(s, self.incident_id)
            names = incidents.customer_names(s, affected, 8)
            templates = assist.canned(s, "zh_CN", incident=True) + assist.canned(s, "en", incident=True)
        self.setWindowTitle(self.tr("Incident #{id}").format(id=incident.id))
        self.info.setText(
            self.tr("{title}\nopened {at} · {status}").format(
                title=incident_text(incident),
                at=fmt(incident.opened_at),
                status=status_names().get(incident.status, incident.status),
            )
        )
        self.tickets.clear()
        for t in linked:
            self.tickets.addItem(f"{t.number}  {t.subject}")
        more = "…" if len(affected) > len(names) else ""
        self.affected.setText(
            self.tr("{n} affected customers: {names}").format(n=len(affected), names="、".join(names) + more)
        )
        self.template.clear()
        self.template.addItem(self.tr("Pick an incident template…"), "")
        for r in templates:
            self.template.addItem(f"{r.title} ({LANGUAGES.get(r.language, r.language)})", r.body)
        user = self.ctx.user
        self.close_button.setEnabled(
            incident.status == "open" and user is not None and user.may("service.dashboard")
        )

    def _run(self, fn: Callable[..., object], *args: object, message: str) -> bool:
        try:
            with unit_of_work(self.ctx.sessions) as s:
                fn(s, self.ctx.user, self.incident_id, *args)
        except DomainError as exc:
            self.error.setText(error_text(exc))
            return False
        self.error.clear()
        self.status_message.emit(message)
        self.load()
        return True

    def link(self) -> bool:
        if self._run(incidents.link_ticket, self.ticket_box.text(), message=self.tr("Ticket linked.")):
            self.ticket_box.clear()
            return True
        return False

    def send(self) -> bool:
        return self._run(
            incidents.bulk_notice,
            self.notice.toPlainText(),
            self.ctx.clock(),
            message=self.tr("Notice sent."),
        )

    def close_incident(self) -> bool:
        review = {field: edit.text() for field, edit in self.review.items()}
        if self._run(incidents.close_incident, review, self.ctx.clock(), message=self.tr("Incident closed.")):
            self.accept()
            return True
        return False


class AlertBanner(QWidget):
    """Hidden while all is well; red with the open incidents when a rule fires."""

    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, interval_ms: int = 30_000) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("alert_banner")
        self.open: list[IncidentInfo] = []
        self.looked = False
        self.dialog: IncidentDialog | None = None
        self.label = QLabel(objectName="alert_text")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: white; font-weight: bold;")
        self.button = QPushButton(self.tr("Open incident"), objectName="open_incident")
        self.button.clicked.connect(self.show_incident)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # or the red is not painted
        self.setStyleSheet("QWidget#alert_banner { background: #c62828; }")
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.timer = QTimer(self, interval=interval_ms, timeout=self.check)
        self.timer.start()
        self.check()

    def check(self) -> list[IncidentInfo]:
        """Show the open incidents; those that were not open at the last look are returned."""
        seen, looked = {i.id for i in self.open}, self.looked
        try:
            with read_only(self.ctx.sessions) as s:
                self.open = incidents.open_incidents(s)
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return []
        self.looked = True
        opened = [i for i in self.open if i.id not in seen]
        if opened and looked:  # news since the bar last looked (what is open at start is not news)
            self.status_message.emit(self.tr("Incident: {title}").format(title=incident_text(opened[0])))
        self.label.setText(
            self.tr("⚠ {n} open incident(s): {titles}").format(
                n=len(self.open), titles=" · ".join(incident_text(i) for i in self.open[:3])
            )
        )
        self.setVisible(bool(self.open))
        return opened

    def show_incident(self) -> IncidentDialog | None:
        if not self.open:
            return None
        dialog = IncidentDialog(self.ctx, self.open[0].id, self)
        dialog.status_message.connect(self.status_message.emit)
        dialog.finished.connect(lambda _r: self.check())
        self.dialog = dialog
        dialog.open()
        return dialog
