"""The answer bot: a customer's new message on any channel is answered at once when assist can
answer its intent from the order's own data (where the parcel is, when it ships, how the refund
stands) and the model is surer than the threshold a supervisor sets (``assist.bot_threshold``);
the reply goes out like an agent's (``tickets.reply``, so email is sent by the send job), written
as the bot's, and the ticket waits for the customer. Anything else goes to a person with the
suggestion ready: a customer asking for a person (人工, "agent", "human"), a message the bot is
unsure of or cannot answer from the data; a complaint about our service is escalated to a
supervisor at high priority.

Every decision is in the ticket's history (field ``bot``), with the intent the model saw (field
``bot_intent``), so the dashboard can count what the bot answered, what stayed answered, and how
often agents corrected the intent (`weekly`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.models.accounts import Role, User
from app.models.service import (
    ContactChannel,
    Direction,
    IntentLabel,
    Interaction,
    Ticket,
    TicketEvent,
    TicketStatus,
)
from app.services import assist, assist_actions, intents, settings, tickets

BOT = "bot"  # the user the bot acts as: its replies are marked as the bot's by this author
THRESHOLD_KEY = "assist.bot_threshold"
# the intents whose answer is the order's own data: the bot may send those alone
ANSWERABLE = frozenset({"where_is_parcel", "when_ship", "refund_progress"})
ASKS_FOR_PERSON = re.compile(r"人工|真人|\bagent\b|\bhuman\b|real person|\boperator\b", re.IGNORECASE)
CONTAINED_WITHIN = dt.timedelta(hours=72)  # no customer reply within this: an automated resolution
# why the bot left a message to a person (the history's value; the UI words it)
REASONS = ("asked_for_person", "complaint", "unsure", "not_from_data", "off")


@dataclass(frozen=True)
class Decision:
    """What the bot did with one customer message."""

    answered: bool
    reason: str  # "answered" or one of REASONS
    intent: str
    confidence: float
    reply: str = ""  # the text sent, when answered


def bot_user(s: Session) -> CurrentUser:
    """The bot's own user: works tickets, never signs in, is never assigned one."""
    if "assist.bot" in s.info:
        return s.info["assist.bot"]
    row = s.scalar(select(User).where(User.username == BOT))
    if row is None:
        row = User(username=BOT, display_name="Bot", password_hash="!", role=Role.AGENT, active=False,
                   available=False)
        s.add(row)
        s.flush()
    s.info["assist.bot"] = CurrentUser(row.id, row.username, row.display_name, Role.AGENT)
    return s.info["assist.bot"]


def bot_id(s: Session) -> int | None:
    """The bot's user id (None before it first answered), for views that mark its messages."""
    return s.scalar(select(User.id).where(User.username == BOT))


def threshold(s: Session) -> Decimal:
    return Decimal(str(settings.get(s, THRESHOLD_KEY)))


def _note(s: Session, ticket_id: int, field: str, value: str, who: int, now: dt.datetime) -> None:
    s.add(TicketEvent(ticket_id=ticket_id, at=now, user_id=who, field=field, old="", new=value[:200]))


def customer_message(
    s: Session, ticket_id: int, message: str, now: dt.datetime, channel: ContactChannel | None = None
) -> Decision:
    """Answer the customer's new message on the ticket, or leave it to a person (see the module)."""
    bot = bot_user(s)
    ticket = s.get_one(Ticket, ticket_id)
    help_ = assist.assist(s, ticket.customer_id, now, ticket_id=ticket_id, message=message, limit=1)
    intent, confidence = help_.intent, help_.confidence
    _note(s, ticket_id, "bot_intent", f"{intent} {confidence:.3f}", bot.id, now)
    best = help_.best
    asks_for_person = bool(ASKS_FOR_PERSON.search(message or ""))
    if intent == "complaint_agent" and (
        # "let me talk to an agent" alone reads as a complaint to the model: judged without those words
        not asks_for_person or intents.classify(s, ASKS_FOR_PERSON.sub(" ", message)).intent == intent
    ):
        reason = "complaint"
        assist_actions.escalate(s, bot, ticket_id, now)
    elif asks_for_person:
        reason = "asked_for_person"
    elif threshold(s) >= 1:
        reason = "off"
    elif Decimal(str(confidence)) <= threshold(s):
        reason = "unsure"
    elif (
        intent not in ANSWERABLE
        or not help_.order_number
        or best is None
        or best.kind != "answer"
        or best.intent != intent
        or best.action
    ):
        reason = "not_from_data"
    else:
        tickets.reply(s, bot, ticket_id, best.text, now, channel)
        if ticket.status is not TicketStatus.PENDING:
            tickets.set_status(s, bot, ticket_id, TicketStatus.PENDING, now)
        _note(s, ticket_id, "bot", "answered", bot.id, now)
        return Decision(True, "answered", intent, confidence, best.text)
    _note(s, ticket_id, "bot", reason, bot.id, now)
    return Decision(False, reason, intent, confidence)


# -- the dashboard's figures -----------------------------------------------------------------------
@dataclass(frozen=True)
class BotWeek:
    week: dt.date  # the Monday (UTC)
    messages: int  # customer messages the bot looked at
    answered: int  # of those, answered by the bot
    judged: int  # bot answers older than 72 h (containment is known)
    contained: int  # of those, no customer message on the ticket within 72 h
    labelled: int  # messages the bot saw that an agent then labelled (a reply or a correction)
    agreed: int  # of those, the agent's label is the intent the model gave

    @property
    def answered_share(self) -> float | None:
        return self.answered / self.messages if self.messages else None

    @property
    def contained_share(self) -> float | None:
        return self.contained / self.judged if self.judged else None

    @property
    def accuracy(self) -> float | None:
        return self.agreed / self.labelled if self.labelled else None


def _monday(at: dt.datetime) -> dt.date:
    day = at.astimezone(dt.UTC).date() if at.tzinfo else at.date()
    return day - dt.timedelta(days=day.weekday())


def weekly(s: Session, start: dt.date, end: dt.date, now: dt.datetime) -> list[BotWeek]:
    """Per week (Monday to Sunday, UTC) from `start` to `end`: share of customer messages the bot
    answered, share of its answers contained (the customer did not write again within 72 h, as
    Zendesk counts an automated resolution), and the model's accuracy on the messages agents
    labelled afterwards (their reply from a suggestion, or their one-click correction)."""
    since = dt.datetime.combine(start - dt.timedelta(days=start.weekday()), dt.time(), dt.UTC)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC)
    seen = s.execute(
        select(TicketEvent.ticket_id, TicketEvent.at, TicketEvent.field, TicketEvent.new)
        .where(TicketEvent.field.in_(("bot", "bot_intent")), TicketEvent.at >= since, TicketEvent.at < until)
        .order_by(TicketEvent.at, TicketEvent.id)
    ).all()
    weeks: dict[dt.date, list[int]] = {}
    answers: list[tuple[int, dt.datetime]] = []
    predicted: list[tuple[int, dt.datetime, str]] = []
    for ticket_id, at, field, new in seen:
        row = weeks.setdefault(_monday(at), [0] * 6)
        if field == "bot_intent":
            row[0] += 1
            predicted.append((ticket_id, at, new.partition(" ")[0]))
        elif new == "answered":
            row[1] += 1
            answers.append((ticket_id, at))
    for ticket_id, at in answers:
        if now - at < CONTAINED_WITHIN:
            continue
        row = weeks[_monday(at)]
        row[2] += 1
        again = s.scalar(
            select(func.count())
            .select_from(Interaction)
            .where(
                Interaction.ticket_id == ticket_id,
                Interaction.direction == Direction.INBOUND,
                Interaction.occurred_at > at,
                Interaction.occurred_at <= at + CONTAINED_WITHIN,
            )
        )
        row[3] += not again
    following: dict[int, dt.datetime] = {}  # ticket: when the bot saw its next message
    for ticket_id, at, intent in reversed(predicted):
        query = select(IntentLabel.intent).where(
            IntentLabel.ticket_id == ticket_id, IntentLabel.created_at >= at
        )
        if ticket_id in following:  # a label after the next message is about that one
            query = query.where(IntentLabel.created_at < following[ticket_id])
        following[ticket_id] = at
        label = s.scalar(query.order_by(IntentLabel.id.desc()).limit(1))  # a correction overrides a reply
        if label is not None:
            row = weeks[_monday(at)]
            row[4] += 1
            row[5] += label == intent
    return [BotWeek(week, *counts) for week, counts in sorted(weeks.items())]
