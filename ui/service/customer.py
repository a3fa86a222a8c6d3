"""One customer on one screen: header with masked contacts (and an audited Reveal), the
filterable, paged timeline, the orders tab with lines, parcels and tracking, and quick actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import customer_actions as actions
from app.services import customers, history
from app.services.customers import Duplicate
from app.services.history import Cursor, Event, Header, OrderRow
from app.timezone import fmt
from ui.i18n import Translations
from ui.service.names import channel_names, sales_channel_names, status_names
from ui.service.video_player import TimelineVideos
from ui.station.feedback import error_text


class ActionDialog(QDialog):
    """A small form for one quick action; stays open with the reason when the action is refused."""

    def __init__(self, title: str, submit: Callable[[ActionDialog], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("action_dialog")
        self._submit = submit
        self.form = QFormLayout()
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}
        self.outcome = ""

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(name)
        self.fields[name] = widget
        self.form.addRow(label, widget)
        return widget

    def value(self, name: str) -> str:
        w = self.fields[name]
        if isinstance(w, QComboBox):
            return str(w.currentData() if w.currentData() is not None else w.currentText())
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QSpinBox):
            return str(w.value())
        if isinstance(w, QLineEdit):
            return w.text()
        raise TypeError(name)

    def submit(self) -> None:
        try:
            self.outcome = self._submit(self)
        except DomainError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


class MergeDialog(QDialog):
    """Supervisor: merge the customers found to be the same person into this one (by phone, email
    or address, or any customer number), or un-merge one; every merge and un-merge is audited."""

    changed = Signal(str)

    def __init__(self, ctx: AppContext, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.setObjectName("merge_dialog")
        self.resize(640, 520)
        self.candidates: list[Duplicate] = []
        self.members: list[tuple[int, str]] = []
        self.reason_names = {
            "phone": self.tr("same phone number"),
            "email": self.tr("same name and email before the @"),
            "address": self.tr("same name and street address"),
        }
        self.intro = QLabel(objectName="merge_intro")
        self.intro.setWordWrap(True)
        self.candidate_list = QListWidget(objectName="candidates")
        self.candidate_list.setWordWrap(True)
        self.other_box = QLineEdit(objectName="other_customer")
        self.other_box.setPlaceholderText(self.tr("or a customer number, e.g. #1234"))
        self.merge_button = QPushButton(self.tr("Merge into this customer"), objectName="merge_selected")
        self.merge_button.clicked.connect(self.merge)
        self.member_list = QListWidget(objectName="members")
        self.unmerge_button = QPushButton(self.tr("Un-merge"), objectName="unmerge_selected")
        self.unmerge_button.clicked.connect(self.unmerge)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.other_box, 1)
        merge_row.addWidget(self.merge_button)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addWidget(QLabel(self.tr("Probably the same person")))
        box.addWidget(self.candidate_list, 2)
        box.addLayout(merge_row)
        box.addWidget(QLabel(self.tr("Merged into this customer")))
        box.addWidget(self.member_list, 1)
        box.addWidget(self.unmerge_button)
        box.addWidget(self.error)
        box.addWidget(close)
        self.load()

    def load(self) -> None:
        with read_only(self.ctx.sessions) as s:
            head = history.header(s, self.customer_id)
            self.candidates = customers.duplicate_candidates(s, self.customer_id)
            self.members = [(mid, history.header(s, mid).name) for mid in head.merged_ids]
        title = self.tr("Merge customers: {name} #{id}")
        self.setWindowTitle(title.format(name=head.name, id=head.customer_id))
        self.intro.setText(self.tr(
            "A merged customer's orders, tickets and contacts show in this history and search finds "
            "them as this customer; nothing moves, so an un-merge undoes it."))
        self.candidate_list.clear()
        for d in self.candidates:
            why = ", ".join(self.reason_names.get(r, r) for r in d.reasons)
            contact = "  ".join(x for x in (d.phone, d.city) if x)
            self.candidate_list.addItem(f"{d.name}  #{d.customer_id}  {contact}\n→ {why}")
        if self.candidates:
            self.candidate_list.setCurrentRow(0)
        else:
            self.candidate_list.addItem(self.tr("No likely duplicate found by phone, email or address."))
            self.candidate_list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.member_list.clear()
        for mid, name in self.members:
            self.member_list.addItem(f"{name}  #{mid}")
        if self.members:
            self.member_list.setCurrentRow(0)
        self.unmerge_button.setEnabled(bool(self.members))

    def _run(self, act: Callable[[object], object], message: str) -> bool:
        try:
            with unit_of_work(self.ctx.sessions) as s:
                act(s)
        except DomainError as exc:
            self.error.setText(error_text(exc))
            return False
        self.error.clear()
        self.changed.emit(message)
        self.load()
        return True

    def merge(self) -> bool:
        typed = self.other_box.text().strip()
        try:
            row = self.candidate_list.currentRow()
            if typed:
                source = customers.parse_customer_id(typed)
            elif 0 <= row < len(self.candidates):
                source = self.candidates[row].customer_id
            else:
                raise DomainError(self.tr("Pick a customer to merge, or type their number."))
        except DomainError as exc:
            self.error.setText(error_text(exc))
            return False
        done = self._run(
            lambda s: customers.merge_customers(s, self.ctx.user, source, self.customer_id,
                                                station=self.ctx.station),
            self.tr("Customer #{id} merged into this customer.").format(id=source))
        if done:
            self.other_box.clear()
        return done

    def unmerge(self) -> bool:
        row = self.member_list.currentRow()
        if not 0 <= row < len(self.members):
            return False
        member = self.members[row][0]
        return self._run(
            lambda s: customers.unmerge_customer(s, self.ctx.user, member, station=self.ctx.station),
            self.tr("Customer #{id} is on its own again.").format(id=member))


class CustomerView(QWidget):
    status_message = Signal(str)
    open_customer = Signal(int)  # e.g. the customer this one was merged into
    ticket_chosen = Signal(int)  # a ticket row of the timeline double-clicked: its id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customer_view")
        self.customer_id: int | None = None
        self.head: Header | None = None
        self.cursor: Cursor | None = None
        self.dialog: ActionDialog | None = None
        self._orders: list[OrderRow] = []
        self.kind_names = {
            "order": self.tr("Order"), "shipment": self.tr("Shipment"), "tracking": self.tr("Tracking"),
            "refund": self.tr("Refund"), "compensation": self.tr("Coupon"), "ticket": self.tr("Ticket"),
            "interaction": self.tr("Contact"), "follow_up": self.tr("Follow-up"),
        }
        self.channel_names = channel_names()
        self.sales_channels = sales_channel_names()
        self.status_names = status_names()
        self.tier_names = {"new": self.tr("New"), "regular": self.tr("Regular"), "silver": self.tr("Silver"),
                           "gold": self.tr("Gold"), "vip": self.tr("VIP")}
        self.direction_names = {"inbound": self.tr("in"), "outbound": self.tr("out"),
                                "internal": self.tr("internal")}
        # header
        self.name_label = QLabel(objectName="customer_name")
        font = self.name_label.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.tier_label = QLabel(objectName="tier")
        self.tier_label.setStyleSheet("padding: 2px 8px; border-radius: 4px; background: #fff3e0;")
        self.facts_label = QLabel(objectName="facts")
        self.contacts_label = QLabel(objectName="contacts")
        self.contacts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contacts_label.setWordWrap(True)
        self.reveal_button = QPushButton(self.tr("Reveal contacts"), objectName="reveal")
        self.reveal_button.clicked.connect(self.reveal)
        self.merged_button = QPushButton(objectName="merged_into")
        self.merged_button.clicked.connect(self._open_merged_into)
        self.merge_button = QPushButton(self.tr("Merge…"), objectName="merge")
        self.merge_button.clicked.connect(self.merge)
        self.merge_dialog: MergeDialog | None = None
        top = QHBoxLayout()
        top.addWidget(self.name_label)
        top.addWidget(self.tier_label)
        top.addStretch(1)
        top.addWidget(self.merged_button)
        top.addWidget(self.merge_button)
        contacts = QHBoxLayout()
        contacts.addWidget(self.contacts_label, 1)
        contacts.addWidget(self.reveal_button)
        # quick actions
        self.action_buttons: dict[str, QPushButton] = {}
        action_row = QHBoxLayout()
        for name, title, slot in (
            ("log_call", self.tr("Log contact…"), self.log_interaction),
            ("open_ticket", self.tr("Open ticket…"), self.open_ticket),
            ("refund", self.tr("Refund…"), self.refund),
            ("coupon", self.tr("Give coupon…"), self.coupon),
            ("follow_up", self.tr("Follow up…"), self.follow_up),
            ("note", self.tr("Add note…"), self.note),
        ):
            button = QPushButton(title, objectName=name)
            button.clicked.connect(slot)
            self.action_buttons[name] = button
            action_row.addWidget(button)
        action_row.addStretch(1)
        # timeline tab
        self.kind_filter = QComboBox(objectName="kind_filter")
        self.kind_filter.addItem(self.tr("All types"), None)
        for kind in history.KINDS:
            self.kind_filter.addItem(self.kind_names[kind], kind)
        self.channel_filter = QComboBox(objectName="channel_filter")
        self.channel_filter.addItem(self.tr("All channels"), None)
        for channel, title in self.channel_names.items():
            self.channel_filter.addItem(title, channel)
        self.kind_filter.currentIndexChanged.connect(self.reload_timeline)
        self.channel_filter.currentIndexChanged.connect(self.reload_timeline)
        self.timeline = QTreeWidget(objectName="timeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setHeaderLabels([self.tr("When"), self.tr("Type"), self.tr("Reference"),
                                       self.tr("Status"), self.tr("Channel"), self.tr("Detail")])
        self.timeline.setColumnWidth(0, 130)
        self.timeline.setColumnWidth(2, 150)
        self.timeline.itemDoubleClicked.connect(self._open_row)
        self.videos = TimelineVideos(ctx, self.timeline, self)  # orders with a packing video, played here
        self.more_button = QPushButton(self.tr("Load older events"), objectName="load_more")
        self.more_button.clicked.connect(self.load_more)
        self.count_label = QLabel(objectName="count")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.channel_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        timeline_page = QWidget()
        tl = QVBoxLayout(timeline_page)
        tl.addLayout(filters)
        tl.addWidget(self.timeline, 1)
        tl.addWidget(self.more_button)
        # orders tab
        self.orders_list = QListWidget(objectName="orders_list")
        self.orders_list.currentRowChanged.connect(self.show_order)
        self.order_detail = QTreeWidget(objectName="order_detail")
        self.order_detail.setHeaderLabels([self.tr("Item"), self.tr("Detail")])
        self.order_detail.setColumnWidth(0, 260)
        split = QSplitter()
        split.addWidget(self.orders_list)
        split.addWidget(self.order_detail)
        split.setSizes([260, 600])
        self.tabs = QTabWidget(objectName="customer_tabs")
        self.tabs.addTab(timeline_page, self.tr("Timeline"))
        self.tabs.addTab(split, self.tr("Orders"))
        self.placeholder = QLabel(self.tr("Search for a customer and open them to see their history."),
                                  objectName="placeholder")
        box = QVBoxLayout(self)
        box.addWidget(self.placeholder)
        box.addLayout(top)
        box.addWidget(self.facts_label)
        box.addLayout(contacts)
        box.addLayout(action_row)
        box.addWidget(self.tabs, 1)
        self._set_enabled(False)

    # -- loading ---------------------------------------------------------------------------------
    def _set_enabled(self, on: bool) -> None:
        self.placeholder.setVisible(not on)
        for w in (self.tabs, *self.action_buttons.values(), self.reveal_button):
            w.setEnabled(on)
        user = self.ctx.user
        may_reveal = user is not None and user.may("service.reveal_pii")
        self.reveal_button.setEnabled(on and may_reveal)
        self.reveal_button.setToolTip("" if may_reveal else self.tr("Your role may not see full contacts."))
        self.merged_button.setVisible(False)
        self.merge_button.setVisible(on and user is not None and user.may("service.merge"))
        self.tier_label.setVisible(on)  # an empty badge before anyone is opened

    def load(self, customer_id: int) -> None:
        try:
            with read_only(self.ctx.sessions) as s:
                head = history.header(s, customer_id)
                self._orders = history.orders(s, customer_id, limit=200)
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return
        self.customer_id = customer_id
        self.head = head
        self._set_enabled(True)
        self.name_label.setText(head.name)
        self.tier_label.setText(self.tier_names.get(head.tier, head.tier))
        facts = [self.tr("Lifetime value ¥{v}").format(v=f"{head.lifetime_value:,.2f}"),
                 self.tr("{n} orders").format(n=head.orders),
                 self.tr("{n} open tickets").format(n=head.open_tickets),
                 self.tr("customer since {d}").format(d=fmt(head.since, "date"))]
        if head.tags:
            facts.append(self.tr("tags: {t}").format(t=", ".join(head.tags)))
        if head.merged_ids:
            facts.append(self.tr("includes merged customers {ids}").format(
                ids=", ".join(f"#{i}" for i in head.merged_ids)))
        self.facts_label.setText(" · ".join(facts))
        self._show_contacts([(c.kind, c.masked) for c in head.contacts])
        if head.merged_into:
            self.merged_button.setText(self.tr("Merged into #{id}: open").format(id=head.merged_into))
            self.merged_button.setVisible(True)
            self.merge_button.setVisible(False)  # merges are made and undone from the main customer
        self.orders_list.clear()
        for o in self._orders:
            status = self.status_names.get(o.status, o.status)
            self.orders_list.addItem(f"{o.number}  {fmt(o.placed_at, 'date')}  ¥{o.total}  {status}")
        self.order_detail.clear()
        self.reload_timeline()

    def _show_contacts(self, contacts: list[tuple[str, str]]) -> None:
        names = {"phone": self.tr("Phone"), "email": self.tr("Email"), "address": self.tr("Address")}
        self.contacts_label.setText("   ".join(f"{names[k]}: {v}" for k, v in contacts)
                                    or self.tr("No contact details"))

    def reload_timeline(self) -> None:
        self.timeline.clear()
        self.cursor = None
        self._load_page()

    def load_more(self) -> None:
        if self.cursor is not None:
            self._load_page()

    def _load_page(self) -> None:
        if self.customer_id is None:
            return
        kind = self.kind_filter.currentData()
        channel = self.channel_filter.currentData()
        with read_only(self.ctx.sessions) as s:
            page = history.timeline(s, self.customer_id, kinds=[kind] if kind else history.KINDS,
                                    channels=[channel] if channel else (), after=self.cursor)
        for event in page.events:
            self.timeline.addTopLevelItem(self._event_item(event))
        self.videos.mark()
        self.cursor = page.next
        self.more_button.setEnabled(page.next is not None)
        self.count_label.setText(self.tr("{n} shown").format(n=self.timeline.topLevelItemCount())
                                 + ("" if page.next is None else self.tr(", more older")))

    def _event_item(self, e: Event) -> QTreeWidgetItem:
        detail = e.text
        if e.kind == "interaction" and e.direction:
            detail = f"[{self.direction_names.get(e.direction, e.direction)}] {detail}"
        if e.amount is not None:
            detail = f"¥{e.amount}  {detail}"
        channel = self.channel_names.get(e.channel) or self.sales_channels.get(e.channel, e.channel)
        status = self.status_names.get(e.status, e.status)
        item = QTreeWidgetItem([fmt(e.at), self.kind_names[e.kind], e.ref, status, channel, detail])
        item.setData(0, Qt.ItemDataRole.UserRole, (e.kind, e.id))
        if e.kind in ("refund", "compensation"):
            item.setForeground(1, QColor("#6a1b9a"))
        elif e.kind == "ticket":
            item.setForeground(1, QColor("#c62828"))
            item.setToolTip(2, self.tr("Double-click to open the ticket"))
        return item

    def _open_row(self, item: QTreeWidgetItem, _column: int) -> None:
        ref = item.data(0, Qt.ItemDataRole.UserRole)
        if ref and ref[0] == "ticket":
            self.ticket_chosen.emit(ref[1])

    def show_order(self, row: int) -> None:
        self.order_detail.clear()
        if not 0 <= row < len(self._orders):
            return
        with read_only(self.ctx.sessions) as s:
            d = history.order_detail(s, self._orders[row].id)
        o = d.order
        channel = self.sales_channels.get(o.channel, o.channel)
        top = QTreeWidgetItem([o.number, f"{fmt(o.placed_at)}  {channel}  "
                               f"{self.status_names.get(o.status, o.status)}  ¥{o.total}"])
        lines = QTreeWidgetItem([self.tr("Lines"), str(len(d.lines))])
        english = Translations.for_app(QCoreApplication.instance()).language == "en"
        for ln in d.lines:
            name = ln.name_en if english and ln.name_en else ln.name
            lines.addChild(QTreeWidgetItem([f"{ln.sku}  {name}", f"× {ln.quantity}  ¥{ln.amount}"]))
        packages = QTreeWidgetItem([self.tr("Packages"), str(len(d.packages))])
        for pid, status, box in d.packages:
            packages.addChild(QTreeWidgetItem([f"#{pid}", f"{self.status_names.get(status, status)}  {box}"]))
        parcels = QTreeWidgetItem([self.tr("Parcels and tracking"), str(len(d.parcels))])
        for p in d.parcels:
            parcel = QTreeWidgetItem([f"{p.carrier} {p.tracking_number}",
                                      f"{self.status_names.get(p.status, p.status)}  {p.weight_g or '?'} g"])
            for at, code, location, description in p.events:
                parcel.addChild(QTreeWidgetItem([f"{fmt(at)}  {self.status_names.get(code, code)}",
                                                 f"{location}  {description}"]))
            parcels.addChild(parcel)
        for item in (top, lines, packages, parcels):
            self.order_detail.addTopLevelItem(item)
        self.order_detail.expandAll()

    def _open_merged_into(self) -> None:
        if self.head is not None and self.head.merged_into:
            self.open_customer.emit(self.head.merged_into)

    def merge(self) -> MergeDialog | None:
        if self.customer_id is None:
            return None
        dialog = MergeDialog(self.ctx, self.customer_id, self)
        dialog.changed.connect(self._done)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    # -- privacy ---------------------------------------------------------------------------------
    def reveal(self) -> None:
        """Full contacts for a role that may see them; each reveal is in the audit log."""
        if self.customer_id is None:
            return
        try:
            with unit_of_work(self.ctx.sessions) as s:
                contacts = history.reveal_contacts(s, self.ctx.user, self.customer_id,
                                                   station=self.ctx.station)
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return
        self._show_contacts([(c.kind, c.value) for c in contacts])
        self.reveal_button.setEnabled(False)
        self.status_message.emit(self.tr("Contacts revealed; this was recorded in the audit log."))

    # -- quick actions ---------------------------------------------------------------------------
    def _run(self, title: str, build: Callable[[ActionDialog], None],
             action: Callable[[ActionDialog], str]) -> ActionDialog:
        dialog = ActionDialog(title, action, self)
        build(dialog)
        dialog.accepted.connect(lambda: self._done(dialog.outcome))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _done(self, message: str) -> None:
        self.status_message.emit(message)
        if self.customer_id is not None:
            self.load(self.customer_id)

    def _order_combo(self, optional: bool = True) -> QComboBox:
        combo = QComboBox()
        if optional:
            combo.addItem(self.tr("(no order)"), "")
        for o in self._orders:
            combo.addItem(f"{o.number}  {fmt(o.placed_at, 'date')}  ¥{o.total}", str(o.id))
        return combo

    def _ticket_combo(self) -> QComboBox:
        """The customer's tickets still open (a call on one reopens it and restarts its clock)."""
        combo = QComboBox()
        combo.addItem(self.tr("(no ticket)"), "")
        with read_only(self.ctx.sessions) as s:
            events = history.timeline(s, self._cid(), kinds=["ticket"]).events
        for e in events:
            if e.status != "closed":
                status = self.status_names.get(e.status, e.status)
                combo.addItem(f"{e.ref}  {status}  {e.text[:40]}", str(e.id))
        return combo

    def _channel_combo(self, default: str = "phone") -> QComboBox:
        combo = QComboBox()
        for channel in ("phone", "chat", "email", "social"):
            combo.addItem(self.channel_names[channel], channel)
        combo.setCurrentIndex(combo.findData(default))
        return combo

    @staticmethod
    def _order_id(d: ActionDialog) -> int | None:
        value = d.value("order")
        return int(value) if value else None

    def log_interaction(self) -> ActionDialog:
        def build(d: ActionDialog) -> None:
            d.add("channel", self.tr("Channel"), self._channel_combo())
            way = QComboBox()
            way.addItem(self.tr("Customer contacted us"), "inbound")
            way.addItem(self.tr("We contacted the customer"), "outbound")
            d.add("direction", self.tr("Direction"), way)
            d.add("order", self.tr("Order"), self._order_combo())
            d.add("ticket", self.tr("Ticket"), self._ticket_combo())
            d.add("body", self.tr("What was said"), QPlainTextEdit())

        def act(d: ActionDialog) -> str:
            ticket = d.value("ticket")
            with unit_of_work(self.ctx.sessions) as s:
                actions.log_interaction(s, self.ctx.user, self._cid(), channel=d.value("channel"),
                                        direction=d.value("direction"), body=d.value("body"),
                                        now=self.ctx.clock(), order_id=self._order_id(d),
                                        ticket_id=int(ticket) if ticket else None)
            return self.tr("Contact logged.")

        return self._run(self.tr("Log a contact"), build, act)

    def note(self) -> ActionDialog:
        def build(d: ActionDialog) -> None:
            d.add("body", self.tr("Note"), QPlainTextEdit())

        def act(d: ActionDialog) -> str:
            with unit_of_work(self.ctx.sessions) as s:
                actions.add_note(s, self.ctx.user, self._cid(), d.value("body"), now=self.ctx.clock())
            return self.tr("Note added.")

        return self._run(self.tr("Add a note"), build, act)

    def open_ticket(self) -> ActionDialog:
        def build(d: ActionDialog) -> None:
            d.add("subject", self.tr("Subject"), QLineEdit())
            d.add("channel", self.tr("Channel"), self._channel_combo())
            d.add("order", self.tr("Order"), self._order_combo())
            d.add("body", self.tr("Customer's message"), QPlainTextEdit())
            owner = QComboBox()
            owner.addItem(self.tr("Me (I am talking to the customer)"), "me")
            owner.addItem(self.tr("The queue (least-loaded available agent)"), "queue")
            d.add("assign", self.tr("Who works it"), owner)

        def act(d: ActionDialog) -> str:
            with unit_of_work(self.ctx.sessions) as s:
                done = actions.open_ticket(s, self.ctx.user, self._cid(), subject=d.value("subject"),
                                           channel=d.value("channel"), now=self.ctx.clock(),
                                           order_id=self._order_id(d), body=d.value("body"),
                                           to_queue=d.value("assign") == "queue")
            return self.tr("Ticket {n} opened.").format(n=done.ref)

        return self._run(self.tr("Open a ticket"), build, act)

    def refund(self) -> ActionDialog:
        def build(d: ActionDialog) -> None:
            d.add("order", self.tr("Order"), self._order_combo(optional=False))
            d.add("amount", self.tr("Amount (¥)"), QLineEdit())
            d.add("reason", self.tr("Reason"), QLineEdit())

        def act(d: ActionDialog) -> str:
            order_id = self._order_id(d)
            if order_id is None:
                raise DomainError(self.tr("This customer has no order to refund."))
            with unit_of_work(self.ctx.sessions) as s:
                done = actions.request_refund(s, self.ctx.user, self._cid(), order_id=order_id,
                                              amount=d.value("amount"), reason=d.value("reason"),
                                              now=self.ctx.clock(), station=self.ctx.station)
            if done.pending_approval:
                return self.tr("Refund on {n} is waiting for a supervisor's approval.").format(n=done.ref)
            return self.tr("Refund on {n} approved.").format(n=done.ref)

        return self._run(self.tr("Refund"), build, act)

    def coupon(self) -> ActionDialog:
        def build(d: ActionDialog) -> None:
            d.add("amount", self.tr("Amount (¥)"), QLineEdit())
            d.add("reason", self.tr("Reason"), QLineEdit())
            days = QSpinBox()
            days.setRange(1, 366)
            days.setValue(30)
            d.add("days", self.tr("Valid for days"), days)

        def act(d: ActionDialog) -> str:
            with unit_of_work(self.ctx.sessions) as s:
                done = actions.give_coupon(s, self.ctx.user, self._cid(), amount=d.value("amount"),
                                           reason=d.value("reason"), now=self.ctx.clock(),
                                           days_valid=int(d.value("days")), station=self.ctx.station)
            return self.tr("Coupon {code} given.").format(code=done.ref)

        return self._run(self.tr("Give a coupon"), build, act)

    def follow_up(self) -> ActionDialog:
        def build(d: ActionDialog) -> None:
            due = QDateTimeEdit()
            due.setCalendarPopup(True)
            due.setDisplayFormat("yyyy-MM-dd HH:mm")
            with read_only(self.ctx.sessions) as s:
                default = actions.default_follow_up(s, None, self.ctx.clock())
            due.setDateTime(default.astimezone())
            d.add("due", self.tr("Due"), due)
            d.add("note", self.tr("Note"), QPlainTextEdit())

        def act(d: ActionDialog) -> str:
            widget = d.fields["due"]
            assert isinstance(widget, QDateTimeEdit)
            due = widget.dateTime().toPython().astimezone(dt.UTC)
            with unit_of_work(self.ctx.sessions) as s:
                actions.schedule_follow_up(s, self.ctx.user, self._cid(), now=self.ctx.clock(),
                                           note=d.value("note"), due_at=due)
            return self.tr("Follow-up scheduled.")

        return self._run(self.tr("Schedule a follow-up"), build, act)

    def _cid(self) -> int:
        assert self.customer_id is not None
        return self.customer_id
