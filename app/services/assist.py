"""Canned replies, the knowledge base and agent assist.

For the customer's last message, knowledge-base articles and canned replies are ranked by BM25
(Latin words and Chinese character pairs as terms) and pre-filled with this customer's data. The
common questions (where is my parcel, when will it ship, how do I return) are answered from the
order and tracking data themselves, so the first response is one click.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.fulfilment import Shipment, TrackingEvent
from app.models.orders import Customer, Order, OrderStatus
from app.models.service import CannedReply, Direction, Interaction, KnowledgeArticle, Ticket
from app.services.carriers import NAMES as CARRIER_NAMES

VARIABLES = (
    "customer_name",
    "order_number",
    "tracking_number",
    "eta",
    "carrier",
    "last_event",
    "delivered_on",
    "return_by",
)
K1, B = 1.2, 0.75  # the usual BM25 constants
TRANSIT_DAYS = {"SF": 1, "JD": 1}  # others: DEFAULT_TRANSIT_DAYS
DEFAULT_TRANSIT_DAYS = 3
RETURN_DAYS = 7  # China's 7-day no-reason return rule (七天无理由退货)
ORDER_NUMBER = re.compile(r"PD\d{10}", re.IGNORECASE)
STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "i",
        "my",
        "me",
        "is",
        "are",
        "was",
        "be",
        "to",
        "of",
        "in",
        "on",
        "it",
        "do",
        "does",
        "can",
        "you",
        "your",
        "we",
        "our",
        "for",
        "with",
        "this",
        "that",
        "please",
        "hi",
        "hello",
    ]
)

INTENT_WORDS: dict[str, tuple[str, ...]] = {
    "payment_failed": (
        "付款失败",
        "支付失败",
        "扣款",
        "扣了",
        "payment failed",
        "charged twice",
        "charged but",
    ),
    "how_return": ("退货", "退回", "换货", "退款", "return", "send back", "refund", "exchange"),
    "where_is_parcel": (
        "到哪",
        "物流",
        "快递",
        "包裹",
        "没收到",
        "还没到",
        "未收到",
        "派送",
        "where is",
        "tracking",
        "parcel",
        "package",
        "not arrived",
        "not received",
        "delivery",
    ),
    "when_ship": ("什么时候发货", "发货", "何时发", "when will", "ship", "dispatch", "shipped yet"),
}


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "answer" (from the order data), "reply" (canned) or "article" (knowledge base)
    key: str
    title: str
    text: str  # filled with the customer's data
    score: float
    missing: tuple[str, ...] = ()  # variables with no value for this customer


@dataclass(frozen=True)
class Assist:
    message: str  # the customer's last message
    intent: str  # a key of INTENT_WORDS or ""
    order_number: str
    suggestions: tuple[Suggestion, ...]
    values: Mapping[str, str]  # this customer's template variables, for any other reply

    @property
    def best(self) -> Suggestion | None:
        return self.suggestions[0] if self.suggestions else None


# -- text ------------------------------------------------------------------------------------------
def terms(text: str) -> list[str]:
    """Latin words (lower case, no stop words) and, per run of Chinese characters, its adjacent
    pairs (a lone character stands for itself)."""
    out: list[str] = []
    for run in re.findall(r"[\u4e00-\u9fff]+|[a-z0-9]+", (text or "").lower()):
        if "\u4e00" <= run[0] <= "\u9fff":
            out += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
        elif run not in STOP:
            out.append(run)
    return out


def bm25(query: str, documents: Sequence[str]) -> list[float]:
    """BM25 score of each document for the query (0 where no term matches)."""
    docs = [Counter(terms(d)) for d in documents]
    if not docs:
        return []
    avg = sum(sum(d.values()) for d in docs) / len(docs) or 1.0
    n = len(docs)
    scores = [0.0] * n
    for term in set(terms(query)):
        having = sum(1 for d in docs if term in d)
        if not having:
            continue
        idf = math.log(1 + (n - having + 0.5) / (having + 0.5))
        for i, d in enumerate(docs):
            tf = d.get(term, 0)
            if tf:
                length = sum(d.values())
                scores[i] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg))
    return scores


VARIABLE = re.compile(r"\{(\w+)\}")


def fill(template: str, values: Mapping[str, str]) -> tuple[str, tuple[str, ...]]:
    """The template with its variables filled, and the names left unfilled (they stay visible
    as ``{name}`` for the agent to complete). Any other text, braces included, is kept as written."""
    missing: list[str] = []

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if values.get(name):
            return values[name]
        if name in VARIABLES and name not in missing:
            missing.append(name)
        return m.group(0)

    return VARIABLE.sub(one, template), tuple(missing)


def intent_of(message: str) -> str:
    folded = (message or "").lower()
    for intent, words in INTENT_WORDS.items():
        if any(w in folded for w in words):
            return intent
    return ""


# -- the customer's data ---------------------------------------------------------------------------
def _order_for(s: Session, customer_id: int, message: str, ticket: Ticket | None) -> Order | None:
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


def values_for(
    s: Session, customer_id: int, order: Order | None, language: str, now: dt.datetime
) -> dict[str, str]:
    """The template variables for this customer and order, in the reply's language."""
    zh = language.startswith("zh")
    customer = s.get(Customer, customer_id)
    out = {"customer_name": customer.name if customer else ""}
    if order is None:
        return out
    out["order_number"] = order.number
    shipment = s.scalar(
        select(Shipment).where(Shipment.order_id == order.id).order_by(Shipment.id.desc()).limit(1)
    )
    if shipment is None:
        ship_by = order.cutoff_at or order.placed_at + dt.timedelta(days=1)
        out["eta"] = _day(max(ship_by, now) + dt.timedelta(days=_transit(order.carrier or "")), zh)
        return out
    out["tracking_number"] = shipment.tracking_number
    out["carrier"] = CARRIER_NAMES.get(shipment.carrier, shipment.carrier) if zh else shipment.carrier
    last = s.scalar(
        select(TrackingEvent)
        .where(TrackingEvent.shipment_id == shipment.id)
        .order_by(TrackingEvent.occurred_at.desc())
        .limit(1)
    )
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
    customer_id: int,
    now: dt.datetime,
    *,
    ticket_id: int | None = None,
    message: str | None = None,
    language: str | None = None,
    limit: int = 5,
) -> Assist:
    """Ranked, pre-filled answers for the customer's last message (or `message`)."""
    ticket = s.get(Ticket, ticket_id) if ticket_id is not None else None
    text = message if message is not None else last_inbound(s, customer_id, ticket_id)
    lang = language or _language(text, ticket)
    order = _order_for(s, customer_id, text, ticket)
    values = values_for(s, customer_id, order, lang, now)
    intent = intent_of(text)
    replies = list(
        s.scalars(
            select(CannedReply).where(CannedReply.language == lang, CannedReply.incident_template.is_(False))
        )
    )
    articles = list(s.scalars(select(KnowledgeArticle).where(KnowledgeArticle.language == lang)))
    docs = [f"{r.title} {r.title} {r.key.replace('_', ' ')} {r.body}" for r in replies]
    docs += [f"{a.title} {a.title} {a.tags} {a.body}" for a in articles]
    scores = bm25(text, docs)
    out: list[Suggestion] = []
    for i, r in enumerate(replies):
        boost = 100.0 if intent and r.key == _intent_reply(intent, order, values) else 0.0
        if scores[i] or boost:
            filled, missing = fill(r.body, values)
            out.append(
                Suggestion("answer" if boost else "reply", r.key, r.title, filled, scores[i] + boost, missing)
            )
    for j, a in enumerate(articles):
        score = scores[len(replies) + j]
        if score:
            filled, missing = fill(a.body, values)
            out.append(Suggestion("article", str(a.id), a.title, filled, score, missing))
    out.sort(key=lambda x: -x.score)
    return Assist(text, intent, values.get("order_number", ""), tuple(out[:limit]), values)


def _language(text: str, ticket: Ticket | None) -> str:
    if re.search(r"[\u4e00-\u9fff]", text or ""):
        return "zh_CN"
    if re.search(r"[A-Za-z]", text or ""):
        return "en"
    return ticket.language if ticket is not None else "zh_CN"


def _intent_reply(intent: str, order: Order | None, values: Mapping[str, str]) -> str:
    """The canned reply that answers the intent for where this order is."""
    if intent == "where_is_parcel" and "tracking_number" not in values:
        return "when_ship"  # nothing shipped yet: say when it will
    if intent in ("where_is_parcel", "when_ship") and "delivered_on" in values:
        return "delivered"  # the carrier says delivered: say when, and where to look
    if intent == "when_ship" and "tracking_number" in values:
        return "where_is_parcel"
    if intent == "how_return" and order is not None and order.status is OrderStatus.RETURNED:
        return "refund_status"
    return intent


# -- default content -------------------------------------------------------------------------------
REPLIES: dict[str, dict[str, tuple[str, str]]] = {
    # key: {language: (title, body)}
    "where_is_parcel": {
        "zh_CN": (
            "包裹在哪里",
            "{customer_name}您好，您的订单 {order_number} 已由{carrier}发出，运单号 "
            "{tracking_number}。最新物流：{last_event}。预计 {eta} 送达，请保持电话畅通。",
        ),
        "en": (
            "Where is my parcel",
            "Hello {customer_name}, your order {order_number} is on its way with "
            "{carrier}, tracking number {tracking_number}. Latest update: {last_event}. It should arrive "
            "{eta}.",
        ),
    },
    "when_ship": {
        "zh_CN": (
            "什么时候发货",
            "{customer_name}您好，您的订单 {order_number} 正在仓库打包，发货后会短信通知"
            "您运单号，预计 {eta} 送达。",
        ),
        "en": (
            "When will it ship",
            "Hello {customer_name}, your order {order_number} is being packed in our "
            "warehouse; you will get the tracking number by SMS when it ships. Expected delivery: {eta}.",
        ),
    },
    "how_return": {
        "zh_CN": (
            "如何退货",
            "{customer_name}您好，订单 {order_number} 支持七天无理由退货，请在 {return_by} "
            "前在订单页面点击“申请退货”，按提示寄回即可，收到退货后 1-3 个工作日内退款。",
        ),
        "en": (
            "How do I return",
            "Hello {customer_name}, order {order_number} can be returned within 7 days "
            'of delivery, by {return_by}: choose "Return" on the order page and send it back; the refund '
            "follows within 1-3 working days of our receiving it.",
        ),
    },
    "delivered": {
        "zh_CN": (
            "包裹已签收",
            "{customer_name}您好，您的订单 {order_number}（{carrier} {tracking_number}）已于 {delivered_on} "
            "签收：{last_event}。如您未收到，请先查看快递柜、驿站或家人是否代收，"
            "仍未找到请告诉我们，我们联系快递核实。",
        ),
        "en": (
            "Parcel delivered",
            "Hello {customer_name}, your order {order_number} ({carrier} {tracking_number}) was delivered on "
            "{delivered_on}: {last_event}. If you have not got it, please check parcel lockers, the courier "
            "station and neighbours; if it is still missing tell us and we will ask the carrier.",
        ),
    },
    "refund_status": {
        "zh_CN": (
            "退款进度",
            "{customer_name}您好，订单 {order_number} 的退货已收到，退款将原路返回，一般 1-3 个工作日到账。",
        ),
        "en": (
            "Refund status",
            "Hello {customer_name}, we have received the return of order {order_number}; "
            "the refund goes back to your original payment method within 1-3 working days.",
        ),
    },
    "damaged": {
        "zh_CN": (
            "商品破损致歉",
            "{customer_name}您好，非常抱歉订单 {order_number} 的商品在运输中受损。"
            "请拍照上传破损情况，我们将为您补发或全额退款。",
        ),
        "en": (
            "Damaged item apology",
            "Hello {customer_name}, we are sorry the item from order "
            "{order_number} arrived damaged. Please send us a photo and we will replace it or refund "
            "you in full.",
        ),
    },
    "payment_failed": {
        "zh_CN": (
            "付款失败但已扣款",
            "{customer_name}您好，付款失败但已扣款的金额会在 1-3 个工作日内由银行"
            "自动退回，如未到账请提供扣款截图，我们为您加急处理。",
        ),
        "en": (
            "Payment failed but charged",
            "Hello {customer_name}, a payment that failed but was charged "
            "is returned by the bank within 1-3 working days. If it has not arrived, send us a screenshot "
            "of the charge and we will chase it.",
        ),
    },
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
    added = 0
    for incident, table in ((False, REPLIES), (True, INCIDENT_REPLIES)):
        for key, texts in table.items():
            for language, (title, body) in texts.items():
                if (key, language) not in have:
                    category = "incident" if incident else key
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
