"""Service mode: one search box that finds the customer from whatever the caller says, and their
whole history beside it; the ticket queue; the dashboard; the incident bar above them all."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only
from app.services.customers import Match, Reason, SearchResult, search
from app.services.tickets import ticket_by_number
from ui.service.alerts import AlertBanner
from ui.service.customer import CustomerView
from ui.service.dashboard import DashboardWidget
from ui.service.refunds import PendingRefundsWidget
from ui.service.sla_calendar import SlaCalendarWidget
from ui.service.ticket_desk import notice_lines
from ui.service.tickets import TicketQueueWidget


class SearchPanel(QWidget):
    """Type, press Enter, pick a customer (Enter or double-click); one sure hit opens at once."""

    customer_chosen = Signal(int)
    ticket_chosen = Signal(int)  # a ticket number typed (T-000123): the ticket itself opens

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("search_panel")
        self.result: SearchResult | None = None
        self.box = QLineEdit(objectName="search_box")
        self.box.setPlaceholderText(self.tr("Phone, name, email, order, tracking or ticket no."))
        self.box.setToolTip(
            self.tr("Phone, last 4 digits + name, email, name, order, tracking or ticket number")
        )
        self.box.setClearButtonEnabled(True)
        self.box.returnPressed.connect(self.run)
        self.results = QListWidget(objectName="results")
        self.results.setWordWrap(True)
        self.results.setSpacing(3)  # one customer's three lines apart from the next one's
        self.results.setAlternatingRowColors(True)
        self.results.itemActivated.connect(self._activated)
        self.hint = QLabel(objectName="hint")
        self.hint.setWordWrap(True)
        self.reasons = {
            "phone": self.tr("phone {value}"),
            "email": self.tr("email {value}"),
            "email_prefix": self.tr("email starts with {value}"),
            "order": self.tr("order {value}"),
            "shop_order": self.tr("shop order {value}"),
            "tracking": self.tr("tracking number {value}"),
            "ticket": self.tr("ticket {value}"),
            "last4": self.tr("phone ends with {value}"),
            "last4_name": self.tr("phone ends with {value} and the name matches"),
            "name_exact": self.tr("name is {value}"),
            "name_prefix": self.tr("name starts with {value}"),
            "name": self.tr("name contains {value}"),
            "address": self.tr("address contains {value}"),
            "merged": self.tr("merged customer #{value}"),
        }
        box = QVBoxLayout(self)
        box.addWidget(self.box)
        box.addWidget(self.hint)
        box.addWidget(self.results, 1)

    def why(self, reasons: tuple[Reason, ...]) -> str:
        return "; ".join(self.reasons.get(r.code, r.code).format(value=r.value) for r in reasons)

    def run(self) -> SearchResult:
        text = self.box.text()
        with read_only(self.ctx.sessions) as s:
            # only the T- form: a bare number may as well be a phone's last 4 digits
            ticket = ticket_by_number(s, text) if text.strip().upper().startswith("T") else None
            result = search(s, text)
        if ticket is not None:
            self.ticket_chosen.emit(ticket)
        self.result = result
        self.results.clear()
        for m in result.matches:
            item = QListWidgetItem(self._line(m))
            item.setData(Qt.ItemDataRole.UserRole, m.customer_id)
            self.results.addItem(item)
        if result.message:
            self.hint.setText(
                self.tr(
                    "Type a phone number (or its last 4 digits), email, name, order, "
                    "tracking or ticket number."
                )
            )
        elif not result.matches:
            self.hint.setText(self.tr("No customer found for “{q}”.").format(q=result.query))
        else:
            n = len(result.matches)
            self.hint.setText(
                (self.tr("1 customer") if n == 1 else self.tr("{n} customers").format(n=n))
                + (
                    self.tr(" (more match: type more of the name, or add the last 4 digits)")
                    if result.more
                    else ""
                )
            )
        if self.results.count():
            self.results.setCurrentRow(0)
        if len(result.matches) == 1 and result.matches[0].score >= 100:
            self.customer_chosen.emit(result.matches[0].customer_id)
        elif self.results.count():
            self.results.setFocus()
        return result

    def _line(self, m: Match) -> str:
        contact = "  ".join(x for x in (m.phone, m.email, m.city) if x)
        return f"{m.name}  #{m.customer_id}\n{contact}\n→ {self.why(m.reasons)}"

    def _activated(self, item: QListWidgetItem) -> None:
        self.customer_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class CustomerDesk(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_desk")
        self.search = SearchPanel(ctx)
        self.customer = CustomerView(ctx)
        self.search.customer_chosen.connect(self.customer.load)
        self.customer.open_customer.connect(self.customer.load)
        self.customer.status_message.connect(self.status_message.emit)
        split = QSplitter(objectName="desk_split")
        split.addWidget(self.search)
        split.addWidget(self.customer)
        split.setStretchFactor(1, 3)
        split.setSizes([320, 960])
        QVBoxLayout(self).addWidget(split)


class ServiceMode(QWidget):
    status_message = Signal(str)
    overdue_changed = Signal(int)  # tickets in the queue past their clock (the status bar counts them)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert ctx.user is not None
        self.ctx = ctx
        self.setObjectName("service_mode")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        # every agent sees a raised incident, whatever tab is in front
        self.alert_banner = AlertBanner(ctx)
        self.alert_banner.status_message.connect(self.status_message.emit)
        box.addWidget(self.alert_banner)
        self.tabs = QTabWidget(objectName="service_tabs")
        box.addWidget(self.tabs, 1)
        self.desk = CustomerDesk(ctx)
        self._add(self.desk, self.tr("Customers"))
        self.tickets = TicketQueueWidget(ctx)
        self.tickets.open_customer.connect(self.show_customer)
        self.tickets.overdue_changed.connect(self.overdue_changed.emit)
        self._add(self.tickets, self.tr("Tickets"))
        self.desk.customer.ticket_chosen.connect(self.show_ticket)
        self.desk.search.ticket_chosen.connect(self.show_ticket)
        self.refunds: PendingRefundsWidget | None = None
        if ctx.user.may("service.approve_refund"):
            self.refunds = PendingRefundsWidget(ctx)
            self.refunds.open_customer.connect(self.show_customer)
            self._add(self.refunds, "")
            self.refunds.count_changed.connect(self._count_refunds)
            self._count_refunds(len(self.refunds.rows))
            self.tabs.currentChanged.connect(self._tab_shown)
        self.dashboard: DashboardWidget | None = None
        if ctx.user.may("service.dashboard"):
            self.dashboard = DashboardWidget(ctx)
            self._add(self.dashboard, self.tr("Dashboard"))
            self.sla_calendar = SlaCalendarWidget(ctx)
            self._add(self.sla_calendar, self.tr("SLA calendar"))
        self.desk.search.box.setFocus()

    def job_finished(self, job: str, ok: bool, _summary: str) -> None:
        """The worker ran a site job: show what it changed (escalations, incidents) at once."""
        if ok and job == "sla":
            self.tickets.sla_recorded()
        elif ok and job == "alerts":
            self.alert_banner.check()

    def show_overdue(self) -> None:
        """Every open ticket, the overdue ones first (the queue sorts by deadline)."""
        self.tabs.setCurrentWidget(self.tickets)
        self.tickets.scope.setCurrentIndex(self.tickets.scope.findData("all"))

    def _tab_shown(self, index: int) -> None:
        # a refund an agent asked for a minute ago is in the list when the supervisor looks
        if self.refunds is not None and self.tabs.widget(index) is self.refunds:
            self.refunds.refresh()

    def _count_refunds(self, n: int) -> None:
        if self.refunds is not None:
            title = self.tr("Refunds to approve ({n})").format(n=n)
            self.tabs.setTabText(self.tabs.indexOf(self.refunds), title)

    def show_ticket(self, ticket_id: int) -> None:
        self.tabs.setCurrentWidget(self.tickets)
        self.tickets.open_ticket(ticket_id)

    def show_customer(self, customer_id: int) -> None:
        self.tabs.setCurrentWidget(self.desk)
        self.desk.customer.load(customer_id)

    def _add(self, widget: QWidget, title: str) -> None:
        if hasattr(widget, "status_message"):
            widget.status_message.connect(self.status_message.emit)
        self.tabs.addTab(widget, title)

    @property
    def search(self) -> object:
        return self.desk.search

    def live_changed(self, topics: set[str]) -> None:
        """Another station changed something: show it now (tickets, incidents, SLA warnings)."""
        if "tickets" in topics:
            self.tickets.sla_recorded()  # the queue, and the open ticket read again
            if self.dashboard is not None and self.dashboard.isVisible():
                self.dashboard.refresh()
        if "incidents" in topics:
            self.alert_banner.check()
        if "notices" in topics and (lines := notice_lines(self.ctx)):
            self.status_message.emit(" · ".join(lines))

    @property
    def customer(self) -> CustomerView:
        return self.desk.customer
