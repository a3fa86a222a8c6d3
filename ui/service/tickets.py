"""The ticket queue and one ticket: live SLA countdowns (amber when close, red when breached),
the conversation, agent assist (ranked, pre-filled answers one click from the reply box),
reply, pending, escalate, resolve (with its follow-up), close, reopen, and the ticket's history.
Breaches are recorded by the SLA job (``app.jobs.sla``) in the worker; the queue only shows them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.db import read_only, unit_of_work
from app.errors import DomainError
from app.services import answer_bot, assist, assist_actions, intents, tickets
from app.services.text import placeholder_spans, unfilled_placeholders
from app.services.tickets import Clock, Priority, QueueRow, TicketStatus
from app.timezone import fmt
from ui.service.customer import ActionDialog
from ui.service.names import category_names, channel_names, duration, overdue, queue_names, status_names
from ui.service.ticket_desk import QueuePager, TicketExtras, TicketFinder
from ui.station.feedback import error_text

WARN_S = 15 * 60  # a clock with less than this left shows amber
RED, AMBER, GREEN = "#c62828", "#e65100", "#2e7d32"


def countdown(seconds: float) -> str:
    """Time left as ``1:05:09`` (``2 d 3 h`` past a day); overdue as ``8 d overdue``."""
    if seconds < 0:
        return overdue(seconds)
    s = int(seconds)
    return duration(s) if s >= 86_400 else f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def clock_colour(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return RED if seconds < 0 else AMBER if seconds < WARN_S else GREEN


class TicketView(QWidget):
    """One ticket; every action is one unit of work, refused actions say why in the banner."""

    changed = Signal()
    open_customer = Signal(int)
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ticket_view")
        self.ticket_id: int | None = None
        self.customer_id: int | None = None
        self.detail: tickets.Detail | None = None
        self.suggestions: tuple[assist.Suggestion, ...] = ()
        self.chosen: assist.Suggestion | None = None  # the suggestion whose action the button performs
        self.bot_id: int | None = None  # the answer bot's user: its replies are marked as the bot's
        self.used_intent = ""  # the intent of the suggestion the reply started from
        self.values: dict[str, str] = {}
        self.dialog: ActionDialog | None = None
        self.status_names = status_names()
        self.priority_names = {
            "low": self.tr("Low"),
            "normal": self.tr("Normal"),
            "high": self.tr("High"),
            "urgent": self.tr("Urgent"),
        }
        self.category_names = category_names()
        self.tier_names = [self.tr("agent"), self.tr("supervisor"), self.tr("manager")]
        self.title = QLabel(objectName="ticket_title")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.facts = QLabel(objectName="ticket_facts")
        self.facts.setWordWrap(True)
        self.extras = TicketExtras(ctx)  # tags, email attachments, satisfaction answers
        self.extras.status_message.connect(self.status_message.emit)
        self.customer_button = QPushButton(objectName="open_customer")
        self.customer_button.clicked.connect(self._open_customer)
        self.category = QComboBox(objectName="category")
        for key, name in self.category_names.items():
            self.category.addItem(name, key)
        self.category.activated.connect(self._set_category)
        self.priority = QComboBox(objectName="priority")
        for p in tickets.PRIORITIES:
            self.priority.addItem(self.priority_names[p.value], p.value)
        self.priority.activated.connect(self._set_priority)
        self.first_clock = QLabel(objectName="first_response_clock")
        self.resolution_clock = QLabel(objectName="resolution_clock")
        for label in (self.first_clock, self.resolution_clock):
            label.setStyleSheet("font-weight: bold; padding: 2px 6px;")
        self.messages = QListWidget(objectName="messages")
        self.messages.setWordWrap(True)
        self.events = QListWidget(objectName="events")
        self.events.setWordWrap(True)  # the side pane is narrow: an entry wraps, read without scrolling
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.assist_list = QListWidget(objectName="assist")
        self.assist_list.setWordWrap(True)
        self.assist_list.itemClicked.connect(self._use_suggestion)
        self.action_button = QPushButton(objectName="assist_action")
        self.action_button.clicked.connect(self.perform_action)
        self.assist_label = QLabel(objectName="assist_label")
        self.assist_label.setWordWrap(True)
        self.intent_box = QComboBox(objectName="intent")  # one click corrects the intent (a label)
        for key in intents.INTENTS:
            self.intent_box.addItem(self._intent_name(key), key)
        self.intent_box.activated.connect(self._correct_intent)
        self.canned_box = QComboBox(objectName="canned")
        self.canned_box.activated.connect(self._use_canned)
        self.reply_box = QPlainTextEdit(objectName="reply_box")
        self.reply_box.setPlaceholderText(self.tr("Reply to the customer (pick a suggestion to start)"))
        self.reply_box.textChanged.connect(lambda: self.reply_box.setExtraSelections([]))
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, title, slot in (
            ("send", self.tr("Send reply"), self.send_reply),
            ("pending", self.tr("Waiting on customer"), lambda: self.move(TicketStatus.PENDING)),
            ("escalate", self.tr("Escalate…"), self.escalate),
            ("resolve", self.tr("Resolve…"), self.resolve),
            ("reopen", self.tr("Reopen"), lambda: self.move(TicketStatus.OPEN)),
            ("close", self.tr("Close"), lambda: self.move(TicketStatus.CLOSED)),
        ):
            button = QPushButton(title, objectName=name)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.customer_button)
        chips = QHBoxLayout()
        chips.addWidget(QLabel(self.tr("Category")))
        chips.addWidget(self.category)
        chips.addWidget(QLabel(self.tr("Priority")))
        chips.addWidget(self.priority)
        chips.addStretch(1)
        chips.addWidget(self.first_clock)
        chips.addWidget(self.resolution_clock)
        assist_page = QWidget()
        ab = QVBoxLayout(assist_page)
        ab.setContentsMargins(0, 0, 0, 0)
        ab.addWidget(self.assist_label)
        ab.addWidget(self.intent_box)
        ab.addWidget(self.assist_list, 1)
        ab.addWidget(self.action_button)
        side = QTabWidget(objectName="ticket_side")
        side.addTab(assist_page, self.tr("Assist"))
        side.addTab(self.events, self.tr("History"))
        talk = QWidget()
        tb = QVBoxLayout(talk)
        tb.setContentsMargins(0, 0, 0, 0)
        tb.addWidget(self.messages, 3)
        tb.addWidget(self.canned_box)
        tb.addWidget(self.reply_box, 2)
        tb.addLayout(row)
        split = QSplitter()
        split.addWidget(talk)
        split.addWidget(side)
        split.setSizes([560, 360])
        self.placeholder = QLabel(self.tr("Pick a ticket from the queue."), objectName="placeholder")
        box = QVBoxLayout(self)
        box.addWidget(self.placeholder)
        box.addLayout(head)
        box.addWidget(self.facts)
        box.addLayout(chips)
        box.addWidget(self.extras)
        box.addWidget(split, 1)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.placeholder.setVisible(not on)
        self.customer_button.setVisible(on)  # no ticket: no customer to name
        for w in (*self.buttons.values(), self.category, self.priority, self.reply_box, self.customer_button):
            w.setEnabled(on)

    # -- loading -----------------------------------------------------------------------------------
    def load(self, ticket_id: int) -> None:
        now = self.ctx.clock()
        try:
            with read_only(self.ctx.sessions) as s:
                d = tickets.detail(s, ticket_id)
                help_ = assist.assist(s, d.ticket.customer_id, now, ticket_id=ticket_id)
                replies = assist.canned(s, d.ticket.language)
                self.bot_id = answer_bot.bot_id(s)
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return
        self.ticket_id, self.customer_id, self.detail = ticket_id, d.ticket.customer_id, d
        t = d.ticket
        self._enable(True)
        self.title.setText(f"{t.number} · {t.subject}")
        self.customer_button.setText(self.tr("Customer: {name}").format(name=d.customer))
        facts = [
            self.status_names.get(t.status.value, t.status.value),
            self.tr("queue {q}").format(q=queue_names().get(t.queue, t.queue)),
            self.tr("with {who} ({tier})").format(
                who=d.assignee or self.tr("nobody"), tier=self.tier_names[min(t.escalation_tier, 2)]
            ),
            self.tr("opened {at}").format(at=fmt(t.created_at)),
        ]
        if d.order_number:
            facts.append(self.tr("order {n}").format(n=d.order_number))
        self.facts.setText(" · ".join(facts))
        self.extras.load(d)
        self.category.setCurrentIndex(max(0, self.category.findData(t.category)))
        self.priority.setCurrentIndex(max(0, self.priority.findData(t.priority.value)))
        done = t.status in tickets.DONE
        flow = tickets.FLOW[t.status]
        self.buttons["send"].setEnabled(t.status is not TicketStatus.CLOSED)
        self.buttons["pending"].setEnabled(TicketStatus.PENDING in flow)
        self.buttons["escalate"].setEnabled(not done and t.escalation_tier < len(tickets.TIERS) - 1)
        self.buttons["resolve"].setEnabled(TicketStatus.RESOLVED in flow)
        self.buttons["reopen"].setEnabled(t.status is TicketStatus.RESOLVED)
        self.buttons["close"].setEnabled(TicketStatus.CLOSED in flow)
        self.messages.clear()
        channels = channel_names()
        for m in d.messages:
            who = {"inbound": self.tr("Customer"), "outbound": self.tr("Us"), "internal": self.tr("Note")}
            author = self.tr("Bot") if m.agent_id is not None and m.agent_id == self.bot_id else who.get(
                m.direction.value, "")
            head = f"{author} · {channels.get(m.channel.value, m.channel.value)}"
            item = QListWidgetItem(f"{fmt(m.occurred_at, 'short')}  {head}\n{m.body}")
            if m.direction.value == "outbound":
                item.setForeground(QColor("#1565c0"))
            self.messages.addItem(item)
        self.events.clear()
        for e in reversed(d.events):
            self.events.addItem(f"{fmt(e.at, 'short')}  {self._change_text(e)}")
        self._show_assist(help_)
        self._show_canned(replies)
        self.tick()

    def _change_text(self, e: tickets.Change) -> str:
        """One history entry in the user's language: the field's name and its values' names."""
        fields = {
            "status": self.tr("Status"), "priority": self.tr("Priority"), "queue": self.tr("Queue"),
            "category": self.tr("Category"), "assignee_id": self.tr("Assigned to"),
            "escalation_tier": self.tr("Escalation tier"), "escalation": self.tr("Escalated"),
            "first_responded_at": self.tr("First answer"), "resolved_at": self.tr("Resolved at"),
            "first_response_due": self.tr("First response due"), "resolution_due": self.tr("Resolution due"),
            "bot": self.tr("Bot"), "bot_intent": self.tr("Bot read the intent as"),
            "paused_at": self.tr("Waiting for the customer since"),
        }
        if e.field == "bot":
            return self._entry(fields["bot"], {
                "answered": self.tr("answered the customer; waiting for them"),
                "asked_for_person": self.tr("the customer asked for a person"),
                "complaint": self.tr("a complaint: to a supervisor at high priority"),
                "unsure": self.tr("not sure enough: to a person"),
                "not_from_data": self.tr("the order data cannot answer it: to a person"),
                "off": self.tr("the bot is off: to a person"),
            }.get(e.new, e.new))
        if e.field == "bot_intent":
            intent, _, p = e.new.partition(" ")
            return self.tr("{field} {intent} ({p:.0%} sure)").format(
                field=fields["bot_intent"], intent=self._intent_name(intent), p=float(p or 0))
        names = {**self.status_names, **self.priority_names, **queue_names(), **self.category_names,
                 **dict(zip(tickets.TIERS, self.tier_names, strict=True))}

        def value(text: str) -> str:
            head, sep, rest = text.partition(" ")  # "high (VIP)", "supervisor: reason"
            if head.endswith(":") and head[:-1] in names:
                return self._entry(names[head[:-1]], reasons.get(rest, rest))
            if head in names:
                return names[head] + sep + reasons.get(rest, rest)
            try:  # a stored instant
                return fmt(dt.datetime.fromisoformat(text))
            except ValueError:
                return text

        reasons = {"resolution time breached": self.tr("resolution time breached"),  # the SLA job's
                   "complaint about our service": self.tr("complaint about our service"),  # assist's
                   "(vip customer)": self.tr("(VIP customer)"), "(gold customer)": self.tr("(gold customer)")}
        if e.field == "sla":
            return {"first_response breached": self.tr("First response time breached"),
                    "resolution breached": self.tr("Resolution time breached")}.get(e.new, e.new)
        if e.field in tickets.USER_FIELDS:  # a person by name; an id the service could not name
            old, new = e.old_name or e.old, e.new_name or e.new
        else:
            old, new = value(e.old), value(e.new)
        return self._entry(fields.get(e.field, e.field), f"{old} → {new}" if e.old else new)

    def _entry(self, field: str, change: str) -> str:
        """``field: change`` with the colon of the user's language (Chinese text uses "：")."""
        return self.tr("{field}: {change}").format(field=field, change=change)

    def _show_assist(self, help_: assist.Assist) -> None:
        self.suggestions = help_.suggestions
        self.values = dict(help_.values)
        self.assist_list.clear()
        kinds = {
            "answer": self.tr("Answer from the order data"),
            "reply": self.tr("Canned reply"),
            "article": self.tr("Article"),
        }
        for sug in help_.suggestions:
            missing = (
                self.tr("  (fill in: {names})").format(names=", ".join(sug.missing)) if sug.missing else ""
            )
            item = QListWidgetItem(f"{kinds[sug.kind]} · {sug.title}{missing}\n{sug.text}")
            if sug.kind == "answer":
                item.setForeground(QColor(GREEN))
            self.assist_list.addItem(item)
        self.assist_label.setText(
            self.tr("For: “{m}” ({p:.0%} sure)").format(m=help_.message[:120], p=help_.confidence)
            if help_.message
            else self.tr("No message from the customer yet.")
        )
        self.intent_box.setCurrentIndex(max(0, self.intent_box.findData(help_.intent)))
        self.intent_box.setEnabled(bool(help_.message))
        self._offer_action(next((x for x in help_.suggestions if x.action), None))

    def _offer_action(self, suggestion: assist.Suggestion | None) -> None:
        self.chosen = suggestion
        self.action_button.setVisible(suggestion is not None)
        if suggestion is not None:
            self.action_button.setText(self._action_title(suggestion))

    def _action_title(self, sug: assist.Suggestion) -> str:
        number = sug.action_params.get("order_number", "")
        return {
            "cancel_order": self.tr("Cancel order {n}…").format(n=number),
            "change_address": self.tr("Change the delivery details of {n}…").format(n=number),
            "request_invoice": self.tr("Queue the invoice of {n}…").format(n=number),
            "give_coupon": self.tr("Give a ¥{amount} coupon…").format(amount=sug.action_params.get("amount")),
            "escalate": self.tr("Escalate to a supervisor at high priority…"),
        }.get(sug.action, sug.action)

    def perform_action(self) -> ActionDialog | None:
        """Confirm, then perform the action the suggestion offers (with what it needs filled in)."""
        sug = self.chosen
        if sug is None or self.ticket_id is None:
            return None
        title = self._action_title(sug).rstrip("…")
        dialog = ActionDialog(title, lambda d: self._perform(sug, title, d), self)
        confirm = QLabel(self.tr("This is done at once, audited and noted on the ticket. Go ahead?"))
        confirm.setWordWrap(True)
        dialog.add("confirm", "", confirm)
        labels = {
            "change_address": (("recipient", self.tr("Recipient")), ("phone", self.tr("Phone")),
                               ("province", self.tr("Province")), ("city", self.tr("City")),
                               ("district", self.tr("District")), ("street", self.tr("Street"))),
            "request_invoice": (("title", self.tr("Invoice title")),
                                ("tax_number", self.tr("Tax number (companies)"))),
        }
        for name, label in labels.get(sug.action, ()):
            dialog.add(name, label, QLineEdit())
        if sug.action == "change_address":
            self._start_from_current(sug, dialog, labels["change_address"])
        self.dialog = dialog
        dialog.open()
        return dialog

    def _start_from_current(self, sug: assist.Suggestion, dialog: ActionDialog,
                            labels: tuple[tuple[str, str], ...]) -> None:
        """Fill the fields with the order's delivery details as they are, and say which the agent changed."""
        changed = QLabel()
        changed.setObjectName("changed")
        changed.setWordWrap(True)
        dialog.form.addRow(changed)
        try:
            with read_only(self.ctx.sessions) as s:
                now = assist_actions.delivery_details(s, self.ctx.user, self.ticket_id or 0,
                                                      sug.action_params.get("order_number", ""))
        except DomainError as exc:
            dialog.error.setText(error_text(exc))
            now = assist_actions.DeliveryDetails()

        def show_changes() -> None:
            edited = [label for key, label in labels if dialog.value(key) != getattr(now, key)]
            names = self.tr(", ").join(edited)
            changed.setText(self.tr("You changed: {fields}.").format(fields=names) if names
                            else self.tr("Nothing changed yet: these are the order's delivery details now."))

        for name, _ in labels:
            edit = cast(QLineEdit, dialog.fields[name])
            edit.setText(getattr(now, name))
            edit.textChanged.connect(show_changes)
        if now.masked_phone:
            hint = self.tr("{masked}: stays unless you type a new number").format(masked=now.masked_phone)
            cast(QLineEdit, dialog.fields["phone"]).setPlaceholderText(hint)
        show_changes()

    def _perform(self, sug: assist.Suggestion, title: str, dialog: ActionDialog) -> str:
        ticket_id = self.ticket_id
        assert ticket_id is not None
        filled = {k: dialog.value(k) for k in dialog.fields if k != "confirm"}
        with unit_of_work(self.ctx.sessions) as s:
            assist_actions.perform(s, self.ctx.user, ticket_id, sug.action, {**sug.action_params, **filled},
                                   self.ctx.clock())
        self.status_message.emit(self.tr("Done: {what}.").format(what=title))
        self.load(ticket_id)
        self.changed.emit()
        return title

    def _intent_name(self, key: str) -> str:
        return {
            "where_is_parcel": self.tr("Where is my parcel"),
            "when_ship": self.tr("When will it ship"),
            "return_refund": self.tr("Return or refund"),
            "refund_progress": self.tr("Refund progress"),
            "payment_failed": self.tr("Payment failed"),
            "change_address": self.tr("Change address, name or phone"),
            "wrong_item": self.tr("Wrong or missing item"),
            "damaged": self.tr("Damaged"),
            "quality_issue": self.tr("Quality problem"),
            "invoice_request": self.tr("Invoice"),
            "cancel_order": self.tr("Cancel the order"),
            "price_protect": self.tr("Price dropped"),
            "complaint_agent": self.tr("Complaint about service"),
            "other": self.tr("Other"),
        }.get(key, key)

    def _correct_intent(self, index: int) -> None:
        self._act(
            assist.correct_intent,
            self.intent_box.itemData(index),
            self.ctx.clock(),
            message=self.tr("Intent set; assist learns from it."),
        )

    def tick(self) -> None:
        """Re-draw the SLA clocks against the app clock (called every second)."""
        if self.detail is None:
            return
        first, resolution = tickets.clocks(self.detail.ticket, self.ctx.clock())
        self._draw(self.first_clock, self.tr("First response"), first)
        self._draw(self.resolution_clock, self.tr("Resolution"), resolution)

    def _draw(self, label: QLabel, name: str, clock: Clock) -> None:
        left = clock.seconds_left
        if left is None:
            label.setText(self.tr("{name}: no SLA").format(name=name))
            colour = "#607d8b"
        elif not clock.running:
            label.setText(
                self.tr("{name}: late by {t}").format(name=name, t=duration(left))
                if clock.breached
                else self.tr("{name}: met").format(name=name)
            )
            colour = RED if clock.breached else GREEN
        elif left < 0:
            label.setText(self.tr("{name}: {t} overdue").format(name=name, t=duration(left)))
            colour = RED
        else:
            label.setText(self.tr("{name}: {t} left").format(name=name, t=countdown(left)))
            colour = clock_colour(left)
        label.setStyleSheet(
            f"font-weight: bold; padding: 2px 6px; color: white; background: {colour};"
            if colour == RED
            else f"font-weight: bold; padding: 2px 6px; color: {colour};"
        )

    # -- actions -----------------------------------------------------------------------------------
    def _act(self, fn: Callable[..., object], *args: object, message: str = "") -> bool:
        if self.ticket_id is None:
            return False
        try:
            with unit_of_work(self.ctx.sessions) as s:
                fn(s, self.ctx.user, self.ticket_id, *args)
        except DomainError as exc:
            self.status_message.emit(error_text(exc))
            return False
        if message:
            self.status_message.emit(message)
        self.load(self.ticket_id)
        self.changed.emit()
        return True

    def _show_canned(self, replies: Iterable[Any]) -> None:  # assist's canned replies: title, body, ...
        self.canned_box.clear()
        self.canned_box.addItem(self.tr("Insert a canned reply…"), None)
        for r in replies:
            title = self.tr("Incident: {title}").format(title=r.title) if r.incident_template else r.title
            self.canned_box.addItem(title, r.body)

    def _use_canned(self, index: int) -> None:
        body = self.canned_box.itemData(index)
        if body:
            self.reply_box.setPlainText(assist.fill(body, self.values)[0])
            self.reply_box.setFocus()
        self.canned_box.setCurrentIndex(0)

    def _use_suggestion(self, item: QListWidgetItem) -> None:
        row = self.assist_list.row(item)
        if 0 <= row < len(self.suggestions):
            self.reply_box.setPlainText(self.suggestions[row].text)
            self.used_intent = self.suggestions[row].intent
            if self.suggestions[row].action:
                self._offer_action(self.suggestions[row])
            self.reply_box.setFocus()

    def send_reply(self) -> bool:
        text = self.reply_box.toPlainText()
        if unfilled_placeholders(text):  # the service refuses it too; here the names are marked
            return self._refuse_placeholders(text)
        now, intent = self.ctx.clock(), self.used_intent
        send = (assist.reply_from_suggestion, text, now, intent) if intent else (tickets.reply, text, now)
        if self._act(*send, message=self.tr("Reply sent.")):
            self.reply_box.clear()
            self.used_intent = ""
            return True
        return False

    def _refuse_placeholders(self, text: str) -> bool:
        marks = []
        mark = QTextCharFormat()
        mark.setBackground(QColor("#ffcdd2"))
        mark.setForeground(QColor(RED))
        for start, end in placeholder_spans(text):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.reply_box.document())
            sel.cursor.setPosition(start)
            sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.format = mark
            marks.append(sel)
        self.reply_box.setExtraSelections(marks)
        names = ", ".join("{" + n + "}" for n in unfilled_placeholders(text))
        self.status_message.emit(self.tr("Not sent: fill in {names} first.").format(names=names))
        return False

    def move(self, status: TicketStatus, note: str = "") -> bool:
        return self._act(
            tickets.set_status,
            status,
            self.ctx.clock(),
            note,
            message=self.tr("Ticket is now {s}.").format(s=self.status_names[status.value]),
        )

    def _set_category(self) -> None:
        self._act(tickets.set_category, self.category.currentData(), self.ctx.clock())

    def _set_priority(self) -> None:
        self._act(tickets.set_priority, Priority(self.priority.currentData()), self.ctx.clock())

    def _dialog(self, title: str, label: str, run: Callable[[str], bool]) -> ActionDialog:
        dialog = ActionDialog(title, lambda d: self._submit(run, d.value("text")), self)
        dialog.add("text", label, QLineEdit())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _submit(self, run: Callable[[str], bool], text: str) -> str:
        if not run(text):
            raise DomainError(self.tr("Not done; see the status bar."))
        return ""

    def escalate(self) -> ActionDialog:
        return self._dialog(
            self.tr("Escalate"),
            self.tr("Why"),
            lambda text: self._act(
                tickets.escalate, text, self.ctx.clock(), message=self.tr("Ticket escalated.")
            ),
        )

    def resolve(self) -> ActionDialog:
        return self._dialog(
            self.tr("Resolve"),
            self.tr("Resolution (internal note)"),
            lambda text: self.move(TicketStatus.RESOLVED, text),
        )

    def _open_customer(self) -> None:
        if self.customer_id is not None:
            self.open_customer.emit(self.customer_id)


class TicketQueueWidget(QWidget):
    """The agent's queue (or every open ticket), nearest deadline first, beside one ticket."""

    status_message = Signal(str)
    open_customer = Signal(int)
    overdue_changed = Signal(int)  # how many of the listed tickets are past their clock
    COLUMNS = 8

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ticket_queue")
        self.rows: list[QueueRow] = []
        self.overdue = 0
        self.queue_names = queue_names()
        self.scope = QComboBox(objectName="scope")
        self.scope.addItem(self.tr("My tickets"), "mine")
        self.scope.addItem(self.tr("All open tickets"), "all")
        self.scope.currentIndexChanged.connect(self.refresh)
        self.available = QCheckBox(self.tr("Available for new tickets"), objectName="available")
        with read_only(ctx.sessions) as s:
            self.available.setChecked(tickets.is_available(s, ctx.user) if ctx.user else True)
        self.available.toggled.connect(self._set_available)
        self.count = QLabel(objectName="queue_count")
        self.table = QTableWidget(0, self.COLUMNS, objectName="queue")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Ticket"),
                self.tr("Due in"),
                self.tr("Priority"),
                self.tr("Status"),
                self.tr("Subject"),
                self.tr("Customer"),
                self.tr("Queue"),
                self.tr("With"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 90)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(4, 180)
        self.table.itemSelectionChanged.connect(self._selected)
        self.view = TicketView(ctx)
        self.view.changed.connect(self.refresh)
        self.view.status_message.connect(self.status_message.emit)
        self.view.open_customer.connect(self.open_customer.emit)
        self.finder = TicketFinder(ctx)
        self.finder.ticket_chosen.connect(self.open_ticket)
        self.finder.status_message.connect(self.status_message.emit)
        self.pager = QueuePager()
        self.pager.changed.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.available)
        top.addStretch(1)
        top.addWidget(self.pager)
        top.addWidget(self.count)
        queue_page = QWidget()
        lb = QVBoxLayout(queue_page)
        lb.setContentsMargins(0, 0, 0, 0)
        lb.addWidget(self.finder)
        lb.addLayout(top)
        lb.addWidget(self.table, 1)
        self.follow_rows: list[tickets.FollowUpRow] = []
        self.follow_list = QListWidget(objectName="follow_ups")
        self.follow_list.setWordWrap(True)
        self.follow_list.itemDoubleClicked.connect(self._follow_customer)
        self.done_button = QPushButton(self.tr("Done…"), objectName="follow_up_done")
        self.done_button.clicked.connect(self.complete_follow_up)
        follow_page = QWidget()
        fb = QVBoxLayout(follow_page)
        fb.setContentsMargins(0, 0, 0, 0)
        fb.addWidget(self.follow_list, 1)
        fb.addWidget(self.done_button)
        self.left = QTabWidget(objectName="queue_tabs")
        self.left.addTab(queue_page, self.tr("Queue"))
        self.left.addTab(follow_page, "")
        self.dialog: ActionDialog | None = None
        split = QSplitter()
        split.addWidget(self.left)
        split.addWidget(self.view)
        split.setSizes([520, 760])
        QVBoxLayout(self).addWidget(split)
        self.second = QTimer(self, interval=1000, timeout=self.tick)
        self.second.start()
        self.refresh()

    def refresh(self) -> None:
        user = self.ctx.user
        assert user is not None
        with read_only(self.ctx.sessions) as s:
            scope = self.scope.currentData()
            self.rows = tickets.work_queue(s, user, scope, limit=self.pager.size, offset=self.pager.offset)
            self.pager.show_total(tickets.count_queue(s, user, scope))
        keep = self.view.ticket_id
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = [
                r.number,
                "",
                self.view.priority_names.get(r.priority, r.priority),
                self.view.status_names.get(r.status, r.status),
                r.subject,
                r.customer,
                self.queue_names.get(r.queue, r.queue),
                r.assignee,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, col, item)
            if r.priority in ("high", "urgent"):
                self.table.item(i, 2).setForeground(QColor(RED))
            if r.id == keep:
                self.table.selectRow(i)
        self.table.blockSignals(False)
        self.count.setText(self.tr("{n} open").format(n=self.pager.total))
        self._show_follow_ups()
        self.tick()

    def tick(self) -> None:
        now = self.ctx.clock()
        late = 0
        for i, r in enumerate(self.rows):
            due = r.next_due()
            item = self.table.item(i, 1)
            if item is None:
                continue
            left = (due - now).total_seconds() if due else None
            late += left is not None and left < 0
            item.setText(countdown(left) if left is not None else "—")
            colour = clock_colour(left)
            item.setForeground(QColor(colour) if colour else QColor("#607d8b"))
            if left is not None and left < 0:
                item.setBackground(QColor("#ffebee"))
        if late != self.overdue:
            self.overdue = late
            self.overdue_changed.emit(late)
        self.view.tick()

    def sla_recorded(self) -> None:
        """The SLA job ran: show its escalations (new assignee, tier, the breach in the history)."""
        self.refresh()
        if self.view.ticket_id is not None:
            self.view.load(self.view.ticket_id)

    def _show_follow_ups(self) -> None:
        user = self.ctx.user
        assert user is not None
        now = self.ctx.clock()
        with read_only(self.ctx.sessions) as s:
            self.follow_rows = tickets.follow_ups_due(s, user, now)
        self.follow_list.clear()
        for f in self.follow_rows:
            late = f.due_at < now
            when = fmt(f.due_at, "short")
            item = QListWidgetItem(f"{when}  {f.customer}  {f.ticket}\n{f.note}")
            if late:
                item.setForeground(QColor(RED))
            self.follow_list.addItem(item)
        self.left.setTabText(1, self.tr("Follow-ups due ({n})").format(n=len(self.follow_rows)))

    def complete_follow_up(self) -> ActionDialog | None:
        row = self.follow_list.currentRow()
        if not 0 <= row < len(self.follow_rows):
            self.status_message.emit(self.tr("Pick a follow-up first."))
            return None
        chosen = self.follow_rows[row]

        def act(d: ActionDialog) -> str:
            with unit_of_work(self.ctx.sessions) as s:
                tickets.complete_follow_up(s, self.ctx.user, chosen.id, self.ctx.clock(), d.value("text"))
            self._show_follow_ups()
            return self.tr("Follow-up done.")

        dialog = ActionDialog(self.tr("Follow-up with {name}").format(name=chosen.customer), act, self)
        dialog.add("text", self.tr("What was said"), QLineEdit())
        dialog.accepted.connect(lambda: self.status_message.emit(dialog.outcome))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _follow_customer(self, item: QListWidgetItem) -> None:
        row = self.follow_list.row(item)
        if 0 <= row < len(self.follow_rows):
            self.open_customer.emit(self.follow_rows[row].customer_id)

    def open_ticket(self, ticket_id: int) -> None:
        self.view.load(ticket_id)
        for i, r in enumerate(self.rows):
            if r.id == ticket_id:
                self.table.selectRow(i)

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.view.load(int(items[0].data(Qt.ItemDataRole.UserRole)))

    def _set_available(self, on: bool) -> None:
        user = self.ctx.user
        assert user is not None
        with unit_of_work(self.ctx.sessions) as s:
            tickets.set_available(s, user, on)
        self.status_message.emit(
            self.tr("You get new tickets.") if on else self.tr("No new tickets for you.")
        )
