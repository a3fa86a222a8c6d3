"""Canned replies, the knowledge base and agent assist.

For the customer's message, the intent is recognised (`app.services.intents`), and the answer
for that intent is built from the order's own data where the data can answer (tracking and ETA,
ship date, refund state, whether a cancel or an address change is still possible, a price drop),
choosing the reply that fits where the order is. Canned replies and articles are then ranked by
TF-IDF cosine over character n-grams (scikit-learn). Every suggestion is filled with this
customer's data; one that would leave a ``{placeholder}`` is not offered.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.models.catalog import Product
from app.models.fulfilment import Shipment, TrackingEvent
from app.models.orders import Customer, Order, OrderLine, OrderStatus
from app.models.service import (
    CannedReply,
    Direction,
    IntentLabel,
    Interaction,
    KnowledgeArticle,
    Refund,
    RefundStatus,
    Ticket,
)
from app.permissions import require
from app.services import intents
from app.services.carriers import NAMES as CARRIER_NAMES
from app.services.customer_actions import COUPON_LIMIT
from app.services.text import unfilled_placeholders

VARIABLES = (
    "greeting",
    "customer_name",
    "order_number",
    "tracking_number",
    "eta",
    "ship_by",
    "carrier",
    "last_event",
    "delivered_on",
    "return_by",
    "refund_amount",
    "refund_state",
    "refund_date",
    "price_difference",
    "coupon_amount",
)
TRANSIT_DAYS = {"SF": 1, "JD": 1}  # others: DEFAULT_TRANSIT_DAYS
DEFAULT_TRANSIT_DAYS = 3
RETURN_DAYS = 7  # China's 7-day no-reason return rule (七天无理由退货)
PRICE_PROTECT_DAYS = 15  # a price drop within this many days of the order is made good
ORDER_NUMBER = re.compile(r"PD\d{10}", re.IGNORECASE)
SECOND_INTENT = 0.25  # the runner-up intent's answer is offered too when it is at least this likely
MIN_SIMILARITY = 0.15  # canned replies and articles less similar than this to the message are left out
NOT_PICKED = (OrderStatus.NEW, OrderStatus.ALLOCATED, OrderStatus.BACKORDERED, OrderStatus.IN_WAVE)
NOT_PACKED = (*NOT_PICKED, OrderStatus.PICKED, OrderStatus.PACKING)


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "answer" (from the order data), "reply" (canned) or "article" (knowledge base)
    key: str
    title: str
    text: str  # filled with the customer's data; never holds a placeholder
    score: float
    missing: tuple[str, ...] = ()  # kept for callers; always empty for an offered suggestion
    intent: str = ""  # the intent this answers ("" for a reply or article found by similarity)
    action: str = ""  # offered with the text: cancel_order, change_address, give_coupon, escalate
    action_params: Mapping[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "key": self.key,
            "title": self.title,
            "text": self.text,
            "score": round(self.score, 4),
            "intent": self.intent,
            "action": self.action,
            "action_params": dict(self.action_params),
        }


@dataclass(frozen=True)
class Assist:
    message: str  # the customer's last message
    intent: str  # one of intents.INTENTS ("other" when no message)
    order_number: str
    suggestions: tuple[Suggestion, ...]
    values: Mapping[str, str]  # this customer's template variables, for any other reply
    confidence: float = 0.0  # the model's probability for `intent` (1.0 when an agent set it)
    corrected: bool = False  # an agent set the intent of this message by hand

    @property
    def best(self) -> Suggestion | None:
        return self.suggestions[0] if self.suggestions else None

    def as_dict(self) -> dict[str, object]:
        return {
            "intent": self.intent,
            "confidence": round(self.confidence, 4),
            "order_number": self.order_number,
            "suggestions": [x.as_dict() for x in self.suggestions],
        }


# -- filling ---------------------------------------------------------------------------------------
VARIABLE = re.compile(r"\{(\w+)\}")


def fill(template: str, values: Mapping[str, str]) -> tuple[str, tuple[str, ...]]:
    """The template with its variables filled, and the names of the placeholders left (they stay
    visible as ``{name}``; such a text is not offered, and a reply holding one is refused)."""
    filled = VARIABLE.sub(lambda m: values.get(m.group(1)) or m.group(0), template)
    return filled, tuple(unfilled_placeholders(filled))


# -- the customer's data ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Facts:
    """Where the order is: what the answers choose between."""

    order: Order | None
    shipment: Shipment | None
    last_event: TrackingEvent | None
    refund: Refund | None


def _order_for(s: Session, customer_id: int | None, message: str, ticket: Ticket | None) -> Order | None:
    if customer_id is None:
        return None
    named = ORDER_NUMBER.search(message or "")
    if named:
        order = s.scalar(select(Order).where(Order.number == named.group(0).upper()))
        if order is not None and order.customer_id == customer_id:
            return order
    if ticket is not None and ticket.order_id is not None:
        return s.get(Order, ticket.order_id)
    return s.scalar(
        select(Order).where(Order.customer_id == customer_id).order_by(Order.placed_at.desc()).limit(1)
    )


def _facts(s: Session, order: Order | None) -> _Facts:
    if order is None:
        return _Facts(None, None, None, None)
    # one round trip: the latest parcel, its latest tracking event and the latest refund
    ship_id = (
        select(Shipment.id).where(Shipment.order_id == order.id).order_by(Shipment.id.desc()).limit(1)
    ).scalar_subquery()
    event_id = (
        select(TrackingEvent.id)
        .where(TrackingEvent.shipment_id == ship_id)
        .order_by(TrackingEvent.occurred_at.desc())
        .limit(1)
    ).scalar_subquery()
    refund_id = (
        select(Refund.id).where(Refund.order_id == order.id).order_by(Refund.id.desc()).limit(1)
    ).scalar_subquery()
    shipment, last, refund = s.execute(
        select(Shipment, TrackingEvent, Refund)
        .select_from(Order)
        .outerjoin(Shipment, Shipment.id == ship_id)
        .outerjoin(TrackingEvent, TrackingEvent.id == event_id)
        .outerjoin(Refund, Refund.id == refund_id)
        .where(Order.id == order.id)
    ).one()
    return _Facts(order, shipment, last, refund)


REFUND_STATES = {
    # state: (zh_CN, en)
    RefundStatus.REQUESTED: ("已受理，正在处理", "received and being processed"),
    RefundStatus.PENDING_APPROVAL: ("已提交主管审核", "waiting for a supervisor's approval"),
    RefundStatus.APPROVED: (
        "已批准，1-3 个工作日原路退回",
        "approved; it reaches you within 1-3 working days",
    ),
    RefundStatus.REJECTED: ("未通过审核，我们会说明原因", "declined; we will explain why"),
    RefundStatus.PAID: ("已原路退回，请留意账户", "paid back to your original payment method"),
}


def values_for(
    s: Session, customer_id: int | None, order: Order | None, language: str, now: dt.datetime
) -> dict[str, str]:
    """The template variables for this customer and order, in the reply's language."""
    return _values(s, customer_id, _facts(s, order), language, now)


def _values(
    s: Session, customer_id: int | None, facts: _Facts, language: str, now: dt.datetime
) -> dict[str, str]:
    zh = language.startswith("zh")
    customer = s.get(Customer, customer_id) if customer_id is not None else None
    name = customer.name if customer else ""
    out = {"greeting": (f"{name}您好" if zh else f"Hello {name}") if name else ("您好" if zh else "Hello")}
    if name:
        out["customer_name"] = name
    order, shipment = facts.order, facts.shipment
    if order is None:
        return out
    out["order_number"] = order.number
    if facts.refund is not None:
        refund = facts.refund
        out["refund_amount"] = f"{refund.amount:.2f}"
        out["refund_state"] = REFUND_STATES[refund.status][0 if zh else 1]
        out["refund_date"] = _day(refund.created_at, zh)
    if shipment is None:
        ship_by = max(order.cutoff_at or order.placed_at + dt.timedelta(days=1), now)
        out["ship_by"] = _day(ship_by, zh)
        out["eta"] = _day(ship_by + dt.timedelta(days=_transit(order.carrier or "")), zh)
        return out
    out["tracking_number"] = shipment.tracking_number
    out["carrier"] = CARRIER_NAMES.get(shipment.carrier, shipment.carrier) if zh else shipment.carrier
    last = facts.last_event
    if last is not None:
        out["last_event"] = f"{last.occurred_at:%m-%d %H:%M} {last.location} {last.description}".strip()
    if shipment.delivered_at is not None:
        out["delivered_on"] = _day(shipment.delivered_at, zh)
        out["return_by"] = _day(shipment.delivered_at + dt.timedelta(days=RETURN_DAYS), zh)
    else:
        start = shipment.shipped_at or shipment.created_at
        out["eta"] = _day(max(start + dt.timedelta(days=_transit(shipment.carrier)), now), zh)
    return out


def _transit(carrier: str) -> int:
    return TRANSIT_DAYS.get(carrier, DEFAULT_TRANSIT_DAYS)


def _day(at: dt.datetime, zh: bool) -> str:
    return f"{at.month}月{at.day}日" if zh else f"{at:%d %b}"


def price_drop(s: Session, order: Order, now: dt.datetime) -> Decimal:
    """How much less the order's items cost now than when bought, within the price-protection
    window (0 outside it, or when nothing got cheaper)."""
    if now - order.placed_at > dt.timedelta(days=PRICE_PROTECT_DAYS):
        return Decimal(0)
    rows = s.execute(
        select(OrderLine.unit_price, OrderLine.quantity, Product.price)
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order.id)
    )
    return sum((max(Decimal(0), paid - price) * qty for paid, qty, price in rows), Decimal(0))


# -- which answer fits the order -------------------------------------------------------------------
NEEDS_ORDER = frozenset(
    {
        "where_is_parcel",
        "when_ship",
        "return_refund",
        "refund_progress",
        "change_address",
        "cancel_order",
        "price_protect",
    }
)  # the intents whose answer is the order's own data: without an order, ask for its number
# their replies are state-specific (and "ask_order" is for no order): offered only where they fit
STATEFUL = NEEDS_ORDER | {"ask_order"}


Candidate = tuple[str, str, dict[str, str]]  # (canned reply key, action, action parameters)


def _answer(
    s: Session, intent: str, facts: _Facts, values: dict[str, str], now: dt.datetime
) -> list[Candidate]:
    """The replies answering the intent where this order is, the best fit first (a later one is
    used when the data cannot fill an earlier one)."""
    order = facts.order
    if intent == "other":
        return []
    if order is None:
        return [("ask_order", "", {})] if intent in NEEDS_ORDER else [(intent, "", {})]
    st, number = order.status, order.number
    shipment = facts.shipment
    delivered = st is OrderStatus.DELIVERED or bool(shipment and shipment.delivered_at)
    shipped = delivered or st is OrderStatus.SHIPPED or shipment is not None
    in_transit: list[tuple[str, str, dict[str, str]]] = [
        ("where_is_parcel", "", {}), ("where_is_parcel_picked_up", "", {}), ("shipped", "", {})]
    if intent in ("where_is_parcel", "when_ship"):
        if st is OrderStatus.CANCELLED:
            return [("order_cancelled", "", {})]
        if delivered:
            return [("delivered", "", {}), *in_transit]
        if shipped:
            return in_transit
        if st is OrderStatus.BACKORDERED:
            return [("when_ship_backordered", "", {})]
        return [
            ("when_ship_packed" if st in (OrderStatus.PACKING, OrderStatus.PACKED) else "when_ship", "", {})
        ]
    if intent == "refund_progress" or (intent == "return_refund" and facts.refund is not None):
        return [("refund_progress" if facts.refund is not None else "refund_none", "", {})]
    if intent in ("return_refund", "cancel_order"):
        if st is OrderStatus.CANCELLED:
            return [("order_cancelled", "", {})]
        if delivered:
            closed = bool(
                shipment
                and shipment.delivered_at
                and now > shipment.delivered_at + dt.timedelta(days=RETURN_DAYS)
            )
            return [
                ("return_window_closed" if closed else "return_refund", "", {}),
                ("return_policy", "", {}),
            ]
        if shipped:
            return [("return_in_transit" if intent == "return_refund" else "cancel_order_shipped", "", {})]
        if st in NOT_PICKED:
            return [("cancel_order", "cancel_order", {"order_number": number})]
        return [("cancel_order_late", "", {})]
    if intent == "change_address":
        if st is OrderStatus.CANCELLED:
            return [("order_cancelled", "", {})]
        if delivered:
            return [("change_address_delivered", "", {}), ("change_address_redirect", "", {})]
        if shipped or st not in NOT_PACKED:
            return [("change_address_redirect", "", {})]
        return [("change_address", "change_address", {"order_number": number})]
    if intent == "price_protect":
        drop = price_drop(s, order, now)
        if drop <= 0:
            return [("price_protect_policy", "", {})]
        coupon = min(drop, COUPON_LIMIT)
        values["price_difference"], values["coupon_amount"] = f"{drop:.2f}", f"{coupon:.2f}"
        params = {"order_number": number, "amount": f"{coupon:.2f}", "reason": "price protection"}
        return [("price_protect", "give_coupon", params)]
    if intent == "complaint_agent":
        return [("complaint_agent", "escalate", {"tier": "supervisor", "priority": "high"})]
    if intent == "invoice_request":
        return [("invoice_request", "request_invoice", {"order_number": number})]
    return [(intent, "", {})]


# -- ranking canned replies and articles -----------------------------------------------------------
_rank_lock = threading.Lock()
_rankers: dict[
    str, tuple[tuple[object, ...], intents.FastTfidf, object]
] = {}  # language: (docs, model, matrix)


def similarities(message: str, documents: Sequence[str], cache_key: str = "") -> list[float]:
    """Cosine similarity of the message to each document, over TF-IDF character n-grams (the
    vectoriser is fitted on the documents and kept while they do not change)."""
    if not documents:
        return []
    signature = tuple(documents)
    with _rank_lock:
        cached = _rankers.get(cache_key)
        if cached is None or cached[0] != signature:
            from sklearn.feature_extraction.text import TfidfVectorizer

            vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3), sublinear_tf=True)
            matrix = vectoriser.fit_transform([intents.normalise(d) for d in documents])
            cached = (signature, intents.FastTfidf(vectoriser), matrix)
            _rankers[cache_key] = cached
    _, vectoriser, matrix = cached
    query = vectoriser.transform([intents.normalise(message)])
    return [float(x) for x in (matrix @ query.T).toarray().ravel()]  # rows are L2-normalised: dot = cosine


# -- assist ----------------------------------------------------------------------------------------
def last_inbound(s: Session, customer_id: int, ticket_id: int | None = None) -> str:
    query = select(Interaction.body).where(
        Interaction.customer_id == customer_id, Interaction.direction == Direction.INBOUND
    )
    if ticket_id is not None:
        query = query.where(Interaction.ticket_id == ticket_id)
    return s.scalar(query.order_by(Interaction.occurred_at.desc(), Interaction.id.desc()).limit(1)) or ""


def assist(
    s: Session,
    customer_id: int | None,
    now: dt.datetime,
    *,
    ticket_id: int | None = None,
    message: str | None = None,
    language: str | None = None,
    limit: int = 5,
) -> Assist:
    """The intent of the customer's last message (or `message`) and ranked, filled answers."""
    ticket = s.get(Ticket, ticket_id) if ticket_id is not None else None
    if message is not None:
        text = message
    else:
        text = last_inbound(s, customer_id, ticket_id) if customer_id is not None else ""
    lang = language or _language(text, ticket)
    order = _order_for(s, customer_id, text, ticket)
    facts = _facts(s, order)
    values = _values(s, customer_id, facts, lang, now)
    corrected = _correction(s, ticket_id, text) if text else None
    if corrected is not None:
        ranked: tuple[tuple[str, float], ...] = ((corrected, 1.0),)
    elif text.strip():
        ranked = intents.classify(s, text).ranked
    else:
        ranked = (("other", 1.0),)
    intent, confidence = ranked[0]
    replies = {
        r.key: r
        for r in s.execute(  # plain rows: no ORM objects to build for every suggestion
            select(CannedReply.key, CannedReply.title, CannedReply.category, CannedReply.body).where(
                CannedReply.language == lang, CannedReply.incident_template.is_(False)
            )
        )
    }
    out: list[Suggestion] = []
    answered: set[str] = set()
    for rank, (candidate, p) in enumerate(ranked[:2]):
        if rank and p < SECOND_INTENT:
            break
        for key, action, params in _answer(s, candidate, facts, values, now):
            reply = replies.get(key)
            if reply is None:
                continue
            filled, missing = fill(reply.body, values)
            if not missing:
                if key not in answered:
                    answered.add(key)
                    out.append(
                        Suggestion("answer", key, reply.title, filled, 1.0 + p, (), candidate, action, params)
                    )
                break
    # one index per language over every stateless reply and article, so it stays cached
    similar = [r for r in replies.values() if r.category not in STATEFUL]
    articles = s.execute(
        select(
            KnowledgeArticle.id, KnowledgeArticle.title, KnowledgeArticle.tags, KnowledgeArticle.body
        ).where(KnowledgeArticle.language == lang)
    ).all()
    docs = [VARIABLE.sub(" ", f"{r.title} {r.title} {r.body}") for r in similar] + [
        VARIABLE.sub(" ", f"{a.title} {a.title} {a.tags} {a.body}") for a in articles
    ]
    scores = similarities(text, docs, cache_key=lang) if text.strip() else [0.0] * len(docs)
    for i, r in enumerate(similar):
        if scores[i] >= MIN_SIMILARITY and r.key not in answered:
            filled, missing = fill(r.body, values)
            if not missing:
                out.append(Suggestion("reply", r.key, r.title, filled, scores[i]))
    for j, a in enumerate(articles):
        score = scores[len(similar) + j]
        if score >= MIN_SIMILARITY:
            filled, missing = fill(a.body, values)
            if not missing:
                out.append(Suggestion("article", str(a.id), a.title, filled, score))
    out.sort(key=lambda x: -x.score)
    return Assist(
        text,
        intent,
        values.get("order_number", ""),
        tuple(out[:limit]),
        values,
        confidence,
        corrected is not None,
    )


def suggest(
    s: Session,
    message: str,
    now: dt.datetime,
    *,
    customer_id: int | None = None,
    language: str | None = None,
    limit: int = 5,
) -> Assist:
    """``packdesk assist suggest TEXT [--customer ID] [--json]``: the intent of a message, its
    confidence and ranked suggestions filled with the customer's data (``as_dict()`` for JSON)."""
    if customer_id is not None and s.get(Customer, customer_id) is None:
        from app.errors import NotFound

        raise NotFound("No customer {id}.", id=customer_id)
    return assist(s, customer_id, now, message=message, language=language, limit=limit)


def _language(text: str, ticket: Ticket | None) -> str:
    if re.search(r"[\u4e00-\u9fff]", text or ""):
        return "zh_CN"
    if re.search(r"[A-Za-z]", text or ""):
        return "en"
    return ticket.language if ticket is not None else "zh_CN"


# -- learning from the desk ------------------------------------------------------------------------
def _correction(s: Session, ticket_id: int | None, message: str) -> str | None:
    """The intent an agent set by hand for this message of this ticket, if any."""
    if ticket_id is None:
        return None
    return s.scalar(
        select(IntentLabel.intent)
        .where(
            IntentLabel.ticket_id == ticket_id,
            IntentLabel.source == "correction",
            IntentLabel.message == message.strip()[: intents.MAX_LABEL_TEXT],
        )
        .order_by(IntentLabel.id.desc())
        .limit(1)
    )


def _ticket_message(s: Session, ticket_id: int) -> str:
    ticket = s.get(Ticket, ticket_id)
    if ticket is None:
        from app.errors import NotFound

        raise NotFound("No ticket {id}.", id=ticket_id)
    return last_inbound(s, ticket.customer_id, ticket_id)


def correct_intent(
    s: Session, user: CurrentUser | None, ticket_id: int, intent: str, now: dt.datetime
) -> IntentLabel:
    """One click: the ticket's last customer message means `intent`. Assist answers that intent
    for this message at once, and the next training run learns from it."""
    require(user, "service.use")
    return intents.add_label(
        s, user, _ticket_message(s, ticket_id), intent, "correction", now, ticket_id=ticket_id
    )


def reply_from_suggestion(
    s: Session, user: CurrentUser | None, ticket_id: int, body: str, now: dt.datetime, intent: str
) -> object:
    """Send a reply that started from a suggestion for `intent`; the customer's message is
    labelled with that intent (the agent agreed with it by sending)."""
    from app.services import tickets

    row = tickets.reply(s, user, ticket_id, body, now)  # refused while a placeholder is left
    message = _ticket_message(s, ticket_id)
    if message and intent in intents.INTENTS:
        intents.add_label(s, user, message, intent, "reply", now, ticket_id=ticket_id)
    return row


# -- default content -------------------------------------------------------------------------------
# key: (category, {language: (title, body)}); the category is the intent a reply answers
REPLIES: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "where_is_parcel": (
        "where_is_parcel",
        {
            "zh_CN": (
                "包裹在路上",
                "{greeting}，您的订单 {order_number} 已由{carrier}发出，运单号 {tracking_number}。"
                "最新物流：{last_event}。预计 {eta} 送达，请保持电话畅通。",
            ),
            "en": (
                "Parcel on its way",
                "{greeting}, your order {order_number} is on its way with {carrier}, tracking "
                "number {tracking_number}. Latest update: {last_event}. It should arrive {eta}.",
            ),
        },
    ),
    "where_is_parcel_picked_up": (
        "where_is_parcel",
        {
            "zh_CN": (
                "包裹已交快递",
                "{greeting}，您的订单 {order_number} 已交给{carrier}，运单号 {tracking_number}，"
                "物流信息稍后更新，预计 {eta} 送达。",
            ),
            "en": (
                "Parcel handed to the carrier",
                "{greeting}, your order {order_number} has been handed to "
                "{carrier}, tracking number {tracking_number}; tracking "
                "updates shortly. It should arrive {eta}.",
            ),
        },
    ),
    "shipped": (
        "where_is_parcel",
        {
            "zh_CN": (
                "订单已发出",
                "{greeting}，您的订单 {order_number} 已发出，物流信息稍后更新，我们会短信通知您运单号。",
            ),
            "en": (
                "Order shipped",
                "{greeting}, your order {order_number} has shipped; tracking updates shortly and we will "
                "text you the tracking number.",
            ),
        },
    ),
    "delivered": (
        "where_is_parcel",
        {
            "zh_CN": (
                "包裹已签收",
                "{greeting}，您的订单 {order_number}（{carrier} {tracking_number}）已于 "
                "{delivered_on} 签收。如您未收到，请先查看快递柜、驿站或家人是否代收，仍未找到请告诉我们，"
                "我们联系快递核实。",
            ),
            "en": (
                "Parcel delivered",
                "{greeting}, your order {order_number} ({carrier} {tracking_number}) was "
                "delivered on {delivered_on}. If you have not got it, "
                "please check parcel lockers, the courier "
                "station and neighbours; if it is still missing tell us and we will ask the carrier.",
            ),
        },
    ),
    "when_ship": (
        "when_ship",
        {
            "zh_CN": (
                "发货时间",
                "{greeting}，您的订单 {order_number} 将于 {ship_by} 前发出，发货后会短信通知您运单号，"
                "预计 {eta} 送达。",
            ),
            "en": (
                "When it ships",
                "{greeting}, your order {order_number} ships by {ship_by}; you will get the "
                "tracking number by SMS when it does. Expected delivery: {eta}.",
            ),
        },
    ),
    "when_ship_packed": (
        "when_ship",
        {
            "zh_CN": (
                "已打包待揽收",
                "{greeting}，您的订单 {order_number} 已在仓库打包，等待快递揽收，"
                "揽收后短信通知您运单号，预计 {eta} 送达。",
            ),
            "en": (
                "Packed, awaiting collection",
                "{greeting}, your order {order_number} is packed in our warehouse "
                "and waiting for the carrier; you will get the tracking "
                "number by SMS. Expected delivery: {eta}.",
            ),
        },
    ),
    "when_ship_backordered": (
        "when_ship",
        {
            "zh_CN": (
                "暂时缺货",
                "{greeting}，您的订单 {order_number} 中有商品暂时缺货，到货后我们第一时间为您发出；"
                "如不想等待，也可以为您取消订单。",
            ),
            "en": (
                "Waiting for stock",
                "{greeting}, an item in your order {order_number} is out of stock for now; "
                "we will send it as soon as it arrives. If you would "
                "rather not wait, we can cancel the order.",
            ),
        },
    ),
    "order_cancelled": (
        "cancel_order",
        {
            "zh_CN": (
                "订单已取消",
                "{greeting}，您的订单 {order_number} 已取消，不会发货；已付款项将原路退回。",
            ),
            "en": (
                "Order cancelled",
                "{greeting}, your order {order_number} is cancelled and will not ship; any "
                "payment goes back to your original payment method.",
            ),
        },
    ),
    "ask_order": (
        "ask_order",
        {
            "zh_CN": (
                "请提供订单号",
                "{greeting}，请提供您的订单号（PD 开头）或下单手机号，我们马上为您查询。",
            ),
            "en": (
                "Order number, please",
                "{greeting}, please send us your order number (it starts with PD) or "
                "the phone number you ordered with, and we will look it up at once.",
            ),
        },
    ),
    "return_refund": (
        "return_refund",
        {
            "zh_CN": (
                "如何退货",
                "{greeting}，订单 {order_number} 支持七天无理由退货，请在 {return_by} 前在订单页面点击"
                "“申请退货”，按提示寄回即可，收到退货后 1-3 个工作日内退款。",
            ),
            "en": (
                "How to return",
                "{greeting}, order {order_number} can be returned within 7 days of delivery, "
                'by {return_by}: choose "Return" on the order page and '
                "send it back; the refund follows within "
                "1-3 working days of our receiving it.",
            ),
        },
    ),
    "return_policy": (
        "return_refund",
        {
            "zh_CN": (
                "退货政策",
                "{greeting}，订单 {order_number} 签收后 7 天内可申请无理由退货：在订单页面点击“申请退货”，"
                "按提示寄回即可，收到退货后 1-3 个工作日内退款。",
            ),
            "en": (
                "Return policy",
                "{greeting}, order {order_number} can be returned within 7 days of delivery: choose "
                '"Return" on the order page and send it back; the refund follows within 1-3 working days.',
            ),
        },
    ),
    "return_window_closed": (
        "return_refund",
        {
            "zh_CN": (
                "已过无理由退货期",
                "{greeting}，订单 {order_number} 已于 {delivered_on} 签收，七天无理由退货期已过"
                "（截至 {return_by}）。如商品有质量问题，请拍照发给我们，仍可为您换货或退款。",
            ),
            "en": (
                "Return window closed",
                "{greeting}, order {order_number} was delivered on {delivered_on}, so the "
                "7-day return window closed on {return_by}. If the item "
                "is faulty, send us a photo and we can "
                "still replace or refund it.",
            ),
        },
    ),
    "return_in_transit": (
        "return_refund",
        {
            "zh_CN": (
                "包裹在途时退货",
                "{greeting}，订单 {order_number} 已发出。您可以拒收，包裹退回后我们为您退款；"
                "也可以签收后 7 天内申请退货。",
            ),
            "en": (
                "Returning a parcel on its way",
                "{greeting}, order {order_number} is already on its way. You can refuse it at "
                "the door and we refund once it is back, or return it within 7 days of delivery.",
            ),
        },
    ),
    "refund_progress": (
        "refund_progress",
        {
            "zh_CN": (
                "退款进度",
                "{greeting}，订单 {order_number} 的退款 ¥{refund_amount}（{refund_date} 申请）"
                "{refund_state}。",
            ),
            "en": (
                "Refund progress",
                "{greeting}, the refund of ¥{refund_amount} for order {order_number} "
                "(requested {refund_date}) is {refund_state}.",
            ),
        },
    ),
    "refund_none": (
        "refund_progress",
        {
            "zh_CN": (
                "未查到退款",
                "{greeting}，我们暂未查到订单 {order_number} 的退款申请。如您已寄回商品，"
                "请提供退货运单号，我们核实后为您加急处理。",
            ),
            "en": (
                "No refund found",
                "{greeting}, we find no refund request for order {order_number} yet. If you "
                "have sent the item back, send us the return tracking number and we will speed it up.",
            ),
        },
    ),
    "payment_failed": (
        "payment_failed",
        {
            "zh_CN": (
                "付款失败但已扣款",
                "{greeting}，付款失败但已扣款的金额会在 1-3 个工作日内由银行自动退回，"
                "如未到账请提供扣款截图，我们为您加急处理。",
            ),
            "en": (
                "Payment failed but charged",
                "{greeting}, a payment that failed but was charged is returned by "
                "the bank within 1-3 working days. If it has not arrived, send us a screenshot of the charge "
                "and we will chase it.",
            ),
        },
    ),
    "change_address": (
        "change_address",
        {
            "zh_CN": (
                "修改收货信息",
                "{greeting}，订单 {order_number} 还未打包，可以修改。请告诉我们新的收货人、"
                "电话和地址，我们马上为您更新。",
            ),
            "en": (
                "Changing the delivery details",
                "{greeting}, order {order_number} is not packed yet, so we can "
                "change it: send us the new recipient, phone number and address and we will update it now.",
            ),
        },
    ),
    "change_address_redirect": (
        "change_address",
        {
            "zh_CN": (
                "已打包的订单改地址",
                "{greeting}，订单 {order_number} 已打包或发出，仓库无法再修改地址。"
                "请告诉我们新的地址，我们联系快递为您改派。",
            ),
            "en": (
                "Redirecting a packed order",
                "{greeting}, order {order_number} is already packed or on its way, "
                "so the warehouse cannot change the address. Send us the new address and we will ask the "
                "carrier to redirect it.",
            ),
        },
    ),
    "change_address_delivered": (
        "change_address",
        {
            "zh_CN": (
                "订单已签收",
                "{greeting}，订单 {order_number} 已于 {delivered_on} 签收，无法再修改地址。"
                "如送错了地方，请告诉我们，我们联系快递核实。",
            ),
            "en": (
                "Already delivered",
                "{greeting}, order {order_number} was delivered on {delivered_on}, so the "
                "address can no longer change. If it went to the wrong "
                "place, tell us and we will ask the carrier.",
            ),
        },
    ),
    "wrong_item": (
        "wrong_item",
        {
            "zh_CN": (
                "发错或漏发",
                "{greeting}，非常抱歉发错/漏发了商品。请拍下收到的商品和快递面单发给我们，"
                "核实后我们为您补发或换货，运费由我们承担。",
            ),
            "en": (
                "Wrong or missing item",
                "{greeting}, we are sorry you got the wrong item or an item is missing. "
                "Please send a photo of what arrived and of the parcel "
                "label; we will send what is missing or "
                "exchange it, postage on us.",
            ),
        },
    ),
    "damaged": (
        "damaged",
        {
            "zh_CN": (
                "商品破损致歉",
                "{greeting}，非常抱歉商品在运输中受损。请拍照上传破损情况（含外包装），"
                "我们将为您补发或全额退款。",
            ),
            "en": (
                "Damaged item apology",
                "{greeting}, we are sorry the item arrived damaged. Please send us a "
                "photo of the damage and the box, and we will replace it or refund you in full.",
            ),
        },
    ),
    "quality_issue": (
        "quality_issue",
        {
            "zh_CN": (
                "质量问题售后",
                "{greeting}，很抱歉商品出现质量问题。请描述问题并附上照片或视频，签收 15 天内"
                "的质量问题可为您换货或退款，来回运费由我们承担。",
            ),
            "en": (
                "Faulty item",
                "{greeting}, we are sorry the item is faulty. Please describe the problem and send "
                "a photo or video; within 15 days of delivery we replace "
                "or refund faulty goods, postage both "
                "ways on us.",
            ),
        },
    ),
    "invoice_request": (
        "invoice_request",
        {
            "zh_CN": (
                "开具发票",
                "{greeting}，请提供发票抬头和纳税人识别号（税号；个人发票只需抬头），"
                "我们会在 24 小时内开具电子发票，可在订单详情下载。",
            ),
            "en": (
                "Invoice",
                "{greeting}, please send us the invoice title (company or your name) and the tax "
                "number (companies only); we issue the e-invoice within "
                "24 hours and you can download it from "
                "the order page.",
            ),
        },
    ),
    "cancel_order": (
        "cancel_order",
        {
            "zh_CN": (
                "可以取消订单",
                "{greeting}，订单 {order_number} 还未拣货，可以为您取消，款项将原路退回。确认取消吗？",
            ),
            "en": (
                "Order can be cancelled",
                "{greeting}, order {order_number} has not been picked yet, so we can "
                "cancel it and refund you to your original payment method. Shall we cancel it?",
            ),
        },
    ),
    "cancel_order_late": (
        "cancel_order",
        {
            "zh_CN": (
                "订单已在打包",
                "{greeting}，订单 {order_number} 已在仓库拣货打包，无法直接取消。"
                "发出后您可以拒收，包裹退回后我们为您退款。",
            ),
            "en": (
                "Already being packed",
                "{greeting}, order {order_number} is already being picked and packed, so "
                "it cannot be cancelled. Once it ships you can refuse it and we refund when it is back.",
            ),
        },
    ),
    "cancel_order_shipped": (
        "cancel_order",
        {
            "zh_CN": (
                "订单已发出",
                "{greeting}，订单 {order_number} 已发出，无法取消。您可以拒收，包裹退回后我们为您退款。",
            ),
            "en": (
                "Already shipped",
                "{greeting}, order {order_number} has shipped and cannot be cancelled. You can "
                "refuse it at the door and we refund once it is back.",
            ),
        },
    ),
    "price_protect": (
        "price_protect",
        {
            "zh_CN": (
                "价保补偿",
                "{greeting}，订单 {order_number} 的商品下单后降价 ¥{price_difference}，按价保政策"
                "（下单 15 天内降价补差），我们为您补偿 ¥{coupon_amount} 优惠券。",
            ),
            "en": (
                "Price protection",
                "{greeting}, the items of order {order_number} dropped by "
                "¥{price_difference} after you bought them. Under our "
                "price protection (drops within 15 days of "
                "ordering) we give you a ¥{coupon_amount} coupon.",
            ),
        },
    ),
    "price_protect_policy": (
        "price_protect",
        {
            "zh_CN": (
                "价保政策",
                "{greeting}，下单 15 天内同款商品降价，可申请补差价（以优惠券形式）。"
                "我们核对订单 {order_number} 暂未发现降价；如您看到更低价格，请发截图给我们。",
            ),
            "en": (
                "Price protection policy",
                "{greeting}, if an item drops in price within 15 days of your order "
                "we make up the difference with a coupon. We find no drop for order {order_number}; if you "
                "saw a lower price, send us a screenshot.",
            ),
        },
    ),
    "complaint_agent": (
        "complaint_agent",
        {
            "zh_CN": (
                "服务投诉升级",
                "{greeting}，非常抱歉给您带来不好的体验。您的问题已升级给客服主管优先处理，"
                "主管会尽快联系您。",
            ),
            "en": (
                "Complaint escalated",
                "{greeting}, we are very sorry about the service you had. Your case is "
                "now with a supervisor at high priority, who will contact you shortly.",
            ),
        },
    ),
}
INCIDENT_REPLIES: dict[str, dict[str, tuple[str, str]]] = {
    "incident_payment_outage": {
        "zh_CN": (
            "支付故障通知",
            "{customer_name}您好，今日支付系统出现故障，部分付款显示失败但已扣款。"
            "我们已修复问题，多扣金额将在 1-3 个工作日内自动退回，给您带来不便深表歉意。",
        ),
        "en": (
            "Payment outage notice",
            "Hello {customer_name}, a payment outage today made some payments "
            "fail after charging. It is fixed; any extra charge is returned within 1-3 working days. "
            "We apologise for the trouble.",
        ),
    },
    "incident_weather_delay": {
        "zh_CN": (
            "天气原因物流延误",
            "{customer_name}您好，受极端天气影响，您的订单 {order_number}（运单号 "
            "{tracking_number}）配送将有所延误，预计 {eta} 送达，敬请谅解。",
        ),
        "en": (
            "Weather delay",
            "Hello {customer_name}, severe weather is delaying deliveries: your order "
            "{order_number} (tracking {tracking_number}) is now expected {eta}. Thank you for your "
            "patience.",
        ),
    },
    "incident_quality_recall": {
        "zh_CN": (
            "质量问题召回",
            "{customer_name}您好，您在订单 {order_number} 中购买的商品存在质量隐患，"
            "请暂停使用。我们将免费上门取件并全额退款或换新。",
        ),
        "en": (
            "Quality recall",
            "Hello {customer_name}, an item you bought in order {order_number} has a "
            "quality problem: please stop using it. We will collect it free of charge and refund or "
            "replace it.",
        ),
    },
}
ARTICLES: tuple[tuple[str, str, str, str], ...] = (
    # language, title, tags, body
    (
        "zh_CN",
        "七天无理由退货政策",
        "退货 退款 换货 七天",
        "签收后 7 天内、商品完好不影响二次销售可申请无理由退货；质量问题运费由我们承担。订单 {order_number} "
        "可退货截止 {return_by}。",
    ),
    (
        "zh_CN",
        "配送时效说明",
        "物流 快递 配送 时效 发货",
        "每天 16 点前付款的订单当天发货；顺丰、京东次日达，其他快递 2-4 天。"
        "订单 {order_number} 预计 {eta} 送达。",
    ),
    (
        "zh_CN",
        "包裹显示签收但未收到",
        "签收 未收到 快递柜 驿站",
        "请先查看快递柜、驿站和家人是否代收；仍未找到请提供运单号 {tracking_number}，我们联系快递核实。",
    ),
    (
        "zh_CN",
        "付款失败与重复扣款",
        "付款 支付 扣款 银行",
        "付款失败但已扣款时，银行一般 1-3 个工作日自动退回；重复付款的订单会自动退回多付金额。",
    ),
    (
        "zh_CN",
        "开具发票",
        "发票 电子发票 抬头 税号",
        "电子发票在订单完成后 24 小时内开具，可在订单详情下载；需要专票请提供抬头和税号。",
    ),
    (
        "zh_CN",
        "修改收货地址",
        "地址 修改 收货",
        "订单打包前可以修改地址；已打包或已发货的订单请联系快递改派。",
    ),
    (
        "en",
        "7-day return policy",
        "return refund exchange",
        "Items can be returned within 7 days of delivery if unused; we pay the postage for faulty goods. "
        "Order {order_number} can be returned until {return_by}.",
    ),
    (
        "en",
        "Delivery times",
        "delivery shipping tracking dispatch",
        "Orders paid before 16:00 ship the same day; SF and JD deliver the next day, other carriers in 2-4 "
        "days. Order {order_number} is expected {eta}.",
    ),
    (
        "en",
        "Parcel shows delivered but not received",
        "delivered missing locker",
        "Check parcel lockers, the courier station and neighbours; if it is still missing send us tracking "
        "number {tracking_number} and we will ask the carrier.",
    ),
    (
        "en",
        "Failed or double payments",
        "payment charged card bank",
        "A payment that failed but was charged is returned by the bank within 1-3 working days; a double "
        "payment is refunded automatically.",
    ),
    (
        "en",
        "Invoices",
        "invoice receipt fapiao",
        "An e-invoice is issued within 24 hours of the order "
        "completing and can be downloaded from the order page.",
    ),
    (
        "en",
        "Changing the delivery address",
        "address change",
        "The address can be changed until the order is packed; after that ask the carrier to redirect it.",
    ),
)


def ensure_defaults(s: Session) -> int:
    """Add the built-in canned replies (incident templates included) and articles that are not
    there yet; a site's edited texts are kept. Returns how many rows were added."""
    have = {(k, lang) for k, lang in s.execute(select(CannedReply.key, CannedReply.language))}
    table = [(key, category, texts, False) for key, (category, texts) in REPLIES.items()]
    table += [(key, "incident", texts, True) for key, texts in INCIDENT_REPLIES.items()]
    added = 0
    for key, category, texts, incident in table:
        for language, (title, body) in texts.items():
            if (key, language) not in have:
                s.add(
                    CannedReply(
                        key=key,
                        language=language,
                        title=title,
                        category=category,
                        body=body,
                        incident_template=incident,
                    )
                )
                added += 1
    titles = {(lang, t) for lang, t in s.execute(select(KnowledgeArticle.language, KnowledgeArticle.title))}
    for language, title, tags, body in ARTICLES:
        if (language, title) not in titles:
            s.add(KnowledgeArticle(language=language, title=title, tags=tags, body=body))
            added += 1
    return added


def canned(s: Session, language: str, incident: bool | None = None) -> list[CannedReply]:
    query = select(CannedReply).where(CannedReply.language == language).order_by(CannedReply.title)
    if incident is not None:
        query = query.where(CannedReply.incident_template.is_(incident))
    return list(s.scalars(query))
