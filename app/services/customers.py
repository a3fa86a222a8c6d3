"""Finding a customer from one search box, and identity resolution (merge / un-merge).

Exact keys (phone, last 4 digits, email, order, shop order, tracking and ticket numbers) are
indexed look-ups; name and address fragments go through the gram index of migration 0002
(FTS5 on SQLite, GIN over ``text[]`` on PostgreSQL). Every match says why it matched.
A customer merged into another is found as the one it was merged into.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import bindparam, func, literal, or_, select, text, union_all
from sqlalchemy.orm import Session
from sqlalchemy.types import Text

from app.context import CurrentUser
from app.errors import Conflict, DomainError, NotFound
from app.models.orders import Address, Channel, Customer, CustomerEmail, CustomerPhone, Order, OrderStatus
from app.models.shipments import Shipment
from app.models.tickets import Ticket
from app.permissions import require
from app.privacy import mask_email, mask_phone
from app.services import audit, settings
from app.services.intake.records import normalise_phone

MAX_QUERY = 200
FRAGMENT_CANDIDATES = 300  # gram-index hits checked per query; more means "type more"
NOT_REVENUE = (OrderStatus.CANCELLED, OrderStatus.RETURNED)
# lifetime value (CNY) from which a tier applies; the setting "service.tier_thresholds" overrides
TIER_THRESHOLDS = {"regular": 1, "silver": 1_000, "gold": 5_000, "vip": 20_000}

# how strongly each kind of match ranks a customer (higher first)
SCORES = {
    "phone": 100, "email": 100, "order": 100, "shop_order": 100, "tracking": 100, "ticket": 100,
    "last4_name": 90, "email_prefix": 70, "name_exact": 70, "name_prefix": 60, "name": 50,
    "last4": 40, "address": 30,
}
REASON_TEXT = {
    "phone": "phone {value}",
    "email": "email {value}",
    "email_prefix": "email starts with {value}",
    "order": "order {value}",
    "shop_order": "shop order {value}",
    "tracking": "tracking number {value}",
    "ticket": "ticket {value}",
    "last4": "phone ends with {value}",
    "last4_name": "phone ends with {value} and the name matches",
    "name_exact": "name is {value}",
    "name_prefix": "name starts with {value}",
    "name": "name contains {value}",
    "address": "address contains {value}",
    "merged": "merged customer #{value}",
}
TICKET_NUMBER = re.compile(r"^T-?0*(\d{1,9})$", re.IGNORECASE)


@dataclass(frozen=True)
class Reason:
    code: str  # a key of REASON_TEXT
    value: str  # what matched, masked where it is personal data

    def text(self) -> str:
        return REASON_TEXT[self.code].format(value=self.value)


@dataclass(frozen=True)
class Match:
    customer_id: int
    name: str
    tier: str
    lifetime_value: Decimal
    phone: str  # masked
    email: str  # masked
    city: str
    score: int
    reasons: tuple[Reason, ...]

    def why(self) -> str:
        return "; ".join(r.text() for r in self.reasons)


@dataclass(frozen=True)
class SearchResult:
    query: str
    matches: tuple[Match, ...] = ()
    message: str = ""  # why nothing could be searched, in words for the user
    more: bool = False  # the fragment matched more customers than were checked

    def as_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "message": self.message,
            "more": self.more,
            "matches": [
                {"customer_id": m.customer_id, "name": m.name, "tier": m.tier,
                 "lifetime_value": str(m.lifetime_value), "phone": m.phone, "email": m.email,
                 "city": m.city, "score": m.score, "why": [r.text() for r in m.reasons]}
                for m in self.matches
            ],
        }


@dataclass
class _Hits:
    score: dict[int, int] = field(default_factory=dict)
    reasons: dict[int, list[Reason]] = field(default_factory=dict)
    more: bool = False

    def add(self, customer_id: int, code: str, value: str, score: int | None = None) -> None:
        self.score[customer_id] = max(self.score.get(customer_id, 0), score or SCORES[code])
        found = self.reasons.setdefault(customer_id, [])
        if not any(r.code == code for r in found):
            found.append(Reason(code, value))


# -- grams: the same characters and pairs migration 0002 indexes ---------------------------------
def grams(fragment: str) -> list[str]:
    """What to look up for a fragment: its characters when it is one character long, else its
    adjacent pairs, within runs of letters/digits (separators are never indexed as pairs)."""
    out: list[str] = []
    for run in re.findall(r"[^\W_]+", fragment.lower()):
        pieces = [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
        out += [p for p in pieces if p not in out]
    return out


def _fts_query(column: str, parts: Sequence[str]) -> str:
    return f"{{{column}}} : (" + " AND ".join('"' + p.replace('"', '""') + '"' for p in parts) + ")"


def _gram_candidates(s: Session, column: str, parts: Sequence[str], limit: int) -> list[int]:
    if not parts:
        return []
    if s.get_bind().dialect.name == "sqlite":
        rows = s.execute(
            text("SELECT rowid FROM customer_search WHERE customer_search MATCH :q LIMIT :n"),
            {"q": _fts_query(column, parts), "n": limit},
        )
    else:
        from sqlalchemy.dialects.postgresql import ARRAY  # 40 ms to import: PostgreSQL sites only

        pg_column = {"name": "name_grams", "addr": "addr_grams"}[column]
        rows = s.execute(
            text(f"SELECT customer_id FROM customer_search WHERE {pg_column} @> :g LIMIT :n").bindparams(
                bindparam("g", type_=ARRAY(Text))
            ),
            {"g": list(parts), "n": limit},
        )
    return [r[0] for r in rows]


# -- search ---------------------------------------------------------------------------------------
def clean_query(raw: str) -> str:
    """One line, single spaces, no control characters, at most MAX_QUERY characters."""
    kept = "".join(ch if ch.isprintable() else " " if ch.isspace() else "" for ch in raw or "")
    return " ".join(kept.split())[:MAX_QUERY]


def search(s: Session, raw: str, *, limit: int = 20) -> SearchResult:
    """Customers for whatever an agent typed: best first, each with why it matched."""
    query = clean_query(raw)
    if not query:
        return SearchResult(
            raw, message="Type a phone number (or its last 4 digits), email, name, order, "
            "tracking or ticket number."
        )
    hits = _Hits()
    _exact_keys(s, query, hits)
    tokens = query.split(" ")
    last4 = [t for t in tokens if len(t) == 4 and t.isdigit()]
    words = " ".join(t for t in tokens if t not in last4)
    if last4 and len(tokens) > 1:
        _last4(s, last4[0], words, hits)
    elif last4 and not hits.score:
        _last4(s, last4[0], "", hits)
    elif not hits.score and words and not re.fullmatch(r"[\d\s+()-]+", words):
        _fragment(s, words, hits)
    more = hits.more or len(hits.score) > limit
    if len(hits.score) > limit:  # summarise only what is shown: the best by score (ties: lowest id)
        keep = sorted(hits.score, key=lambda cid: (-hits.score[cid], cid))[:limit]
        hits.score = {cid: hits.score[cid] for cid in keep}
    matches = _matches(s, hits)
    return SearchResult(query, tuple(matches[:limit]), more=more or len(matches) > limit)


def _exact_keys(s: Session, query: str, hits: _Hits) -> None:
    compact = query.replace(" ", "")
    if "@" in compact:
        email = compact.lower()
        for cid in s.scalars(select(CustomerEmail.customer_id).where(CustomerEmail.email == email)):
            hits.add(cid, "email", mask_email(email))
        if not hits.score and len(email) >= 3:  # a partial address: an index range, not a scan
            for cid, found in s.execute(
                select(CustomerEmail.customer_id, CustomerEmail.email)
                .where(CustomerEmail.email >= email, CustomerEmail.email < email + "\U0010ffff")
                .limit(FRAGMENT_CANDIDATES)
            ):
                hits.add(cid, "email_prefix", mask_email(found))
        return
    digits = re.sub(r"[\s+()-]", "", query)
    if digits.isdigit() and len(digits) >= 7:
        phones = {normalise_phone(digits), digits}
        for cid, phone in s.execute(
            select(CustomerPhone.customer_id, CustomerPhone.phone).where(CustomerPhone.phone.in_(phones))
        ):
            hits.add(cid, "phone", mask_phone(phone))
    ticket = TICKET_NUMBER.match(compact)
    if ticket and " " not in query:
        number = f"T-{int(ticket.group(1)):06d}"
        for cid in s.scalars(select(Ticket.customer_id).where(Ticket.number == number)):
            hits.add(cid, "ticket", number)
    if " " in query or len(compact) < 5:
        return
    key = compact.upper()
    # the order number, the shop's own order id as a caller reads it from the shop's app ((channel,
    # ref) is indexed) and the tracking number, in one round trip
    refs = {compact, key}
    matches = union_all(
        select(literal("order"), Order.customer_id, Order.number).where(Order.number == key),
        select(literal("shop_order"), Order.customer_id, Order.channel_ref).where(
            Order.channel.in_(list(Channel)), Order.channel_ref.in_(refs)
        ),
        select(literal("tracking"), Order.customer_id, Shipment.tracking_number)
        .join(Order, Order.id == Shipment.order_id)
        .where(Shipment.tracking_number == key),
    )
    for code, cid, value in s.execute(matches):
        hits.add(cid, code, value)


def _last4(s: Session, last4: str, words: str, hits: _Hits) -> None:
    rows = s.execute(
        select(CustomerPhone.customer_id, Customer.name)
        .join(Customer, Customer.id == CustomerPhone.customer_id)
        .where(CustomerPhone.last4 == last4)
        .limit(FRAGMENT_CANDIDATES * 10)
    ).all()
    needle = words.lower()
    for cid, name in rows:
        if not needle:
            hits.add(cid, "last4", last4)
        elif needle in name.lower():
            hits.add(cid, "last4_name", last4)


def _fragment(s: Session, fragment: str, hits: _Hits) -> None:
    needle = fragment.lower()
    # exact and prefix names through the name index, so the best matches are never cut off
    for cid, name in s.execute(
        select(Customer.id, Customer.name)
        .where(Customer.name >= fragment, Customer.name < fragment + "\U0010ffff")
        .limit(FRAGMENT_CANDIDATES)
    ):
        hits.add(cid, "name_exact" if name == fragment else "name_prefix", fragment)
    parts = grams(fragment)
    by_name = _gram_candidates(s, "name", parts, FRAGMENT_CANDIDATES)
    by_addr = _gram_candidates(s, "addr", parts, FRAGMENT_CANDIDATES)
    hits.more = len(by_name) >= FRAGMENT_CANDIDATES or len(by_addr) >= FRAGMENT_CANDIDATES
    for cid, name in s.execute(select(Customer.id, Customer.name).where(Customer.id.in_(by_name))):
        folded = name.lower()
        if folded == needle:
            hits.add(cid, "name_exact", fragment)
        elif folded.startswith(needle):
            hits.add(cid, "name_prefix", fragment)
        elif needle in folded:  # pairs can all occur without the whole fragment
            hits.add(cid, "name", fragment)
    rest = [cid for cid in by_addr if cid not in hits.score]
    for cid, recipient, province, city, district, street in s.execute(
        select(Address.customer_id, Address.recipient, Address.province, Address.city,
               Address.district, Address.street).where(Address.customer_id.in_(rest))
    ):
        if needle in f"{recipient} {province}{city}{district}{street}".lower():
            hits.add(cid, "address", fragment)


def _summaries(s: Session, ids: list[int]) -> dict[int, tuple[str, int | None, str, str, str]]:
    """Per customer in one query: name, merged into, first phone, first email, default city."""
    first_phone = (
        select(CustomerPhone.phone).where(CustomerPhone.customer_id == Customer.id)
        .order_by(CustomerPhone.id).limit(1).scalar_subquery()
    )
    first_email = (
        select(CustomerEmail.email).where(CustomerEmail.customer_id == Customer.id)
        .order_by(CustomerEmail.id).limit(1).scalar_subquery()
    )
    city = (
        select(Address.city).where(Address.customer_id == Customer.id)
        .order_by(Address.is_default.desc(), Address.id).limit(1).scalar_subquery()
    )
    rows = s.execute(
        select(Customer.id, Customer.name, Customer.merged_into_id, first_phone, first_email, city)
        .where(Customer.id.in_(ids))
    )
    return {r[0]: (r[1], r[2], r[3] or "", r[4] or "", r[5] or "") for r in rows}


def _matches(s: Session, hits: _Hits) -> list[Match]:
    if not hits.score:
        return []
    rows = _summaries(s, list(hits.score))
    # a merged customer is found as the customer it was merged into
    for cid, (_name, into, *_rest) in list(rows.items()):
        if into is not None:
            hits.add(into, "merged", str(cid), hits.score[cid])
            for r in hits.reasons[cid]:
                hits.add(into, r.code, r.value, hits.score[cid])
            del hits.score[cid]
    missing = [cid for cid in hits.score if cid not in rows]
    if missing:
        rows.update(_summaries(s, missing))
    ids = list(hits.score)
    values = lifetime_values(s, ids)
    thresholds = tier_thresholds(s)
    out = []
    for cid in ids:
        name, _into, phone, email, city = rows[cid]
        value = values.get(cid, Decimal(0))
        out.append(Match(
            customer_id=cid, name=name, tier=tier_for(value, thresholds), lifetime_value=value,
            phone=mask_phone(phone) if phone else "", email=mask_email(email) if email else "", city=city,
            score=hits.score[cid],
            reasons=tuple(sorted(hits.reasons[cid], key=lambda r: -SCORES.get(r.code, 0))),
        ))
    out.sort(key=lambda m: (-m.score, -m.lifetime_value, m.customer_id))
    return out


# -- value and tier -------------------------------------------------------------------------------
def group_ids(s: Session, customer_id: int) -> list[int]:
    """The customer and every customer merged into it (their history is one)."""
    return [customer_id, *s.scalars(select(Customer.id).where(Customer.merged_into_id == customer_id))]


def lifetime_values(s: Session, customer_ids: Iterable[int]) -> dict[int, Decimal]:
    """Lifetime value of each customer with the customers merged into it: orders not cancelled
    or returned. Computed from orders, so imported orders count at once."""
    ids = list(customer_ids)
    out = {cid: Decimal(0) for cid in ids}
    # one query: each customer's orders and those of the customers merged into it
    members = select(Customer.id).where(Customer.merged_into_id.in_(ids))
    owner = func.coalesce(Customer.merged_into_id, Customer.id)
    for cid, total in s.execute(
        select(owner, func.sum(Order.total))
        .join(Customer, Customer.id == Order.customer_id)
        .where(or_(Order.customer_id.in_(ids), Order.customer_id.in_(members)),
               Order.status.not_in(NOT_REVENUE))
        .group_by(owner)
    ):
        if cid in out:
            out[cid] += Decimal(total or 0)
    return out


def tier_thresholds(s: Session) -> dict[str, Decimal]:
    chosen = settings.get(s, "service.tier_thresholds", TIER_THRESHOLDS)
    return {k: Decimal(str(v)) for k, v in chosen.items()}


def tier_for(value: Decimal, thresholds: dict[str, Decimal]) -> str:
    tier = "new"
    for name, floor in sorted(thresholds.items(), key=lambda kv: kv[1]):
        if value >= floor:
            tier = name
    return tier


# -- identity resolution --------------------------------------------------------------------------
def resolve_identity(s: Session, phone: str = "", email: str = "") -> int | None:
    """The customer a phone number or email belongs to (the same contact is the same person,
    as at order import), followed to the customer it was merged into; None if unknown."""
    cid = None
    if phone:
        cid = s.scalar(select(CustomerPhone.customer_id).where(
            CustomerPhone.phone.in_({normalise_phone(phone), re.sub(r"\D", "", phone)})))
    if cid is None and email:
        cid = s.scalar(select(CustomerEmail.customer_id).where(CustomerEmail.email == email.strip().lower()))
    if cid is None:
        return None
    parent = s.scalar(select(Customer.merged_into_id).where(Customer.id == cid))
    return parent or cid


@dataclass(frozen=True)
class Duplicate:
    """A customer that is probably the same person, and why (codes: phone, email, address)."""

    customer_id: int
    name: str
    phone: str  # masked
    city: str
    reasons: tuple[str, ...]


def duplicate_candidates(s: Session, customer_id: int) -> list[Duplicate]:
    """Other customers (not merged away) that are probably the same person: one whose own phone
    number is on this customer's addresses, or with the same name and this customer's phone on
    one of their addresses, the same email before the @, or the same street address."""
    me = customer_row(s, customer_id)
    ids = group_ids(s, customer_id)
    phones = set(s.scalars(select(CustomerPhone.phone).where(CustomerPhone.customer_id.in_(ids))))
    address_phones = {normalise_phone(p) for p in s.scalars(
        select(Address.phone).where(Address.customer_id.in_(ids), Address.phone != ""))}
    mailboxes = {e.split("@")[0] for e in s.scalars(
        select(CustomerEmail.email).where(CustomerEmail.customer_id.in_(ids)))}
    streets = set(s.scalars(select(Address.street).where(Address.customer_id.in_(ids), Address.street != "")))
    found: dict[int, list[str]] = {}

    def why(cid: int, code: str) -> None:
        if cid not in ids and code not in found.setdefault(cid, []):
            found[cid].append(code)

    others = select(CustomerPhone.customer_id).where(CustomerPhone.phone.in_(address_phones - phones))
    for cid in s.scalars(others):
        why(cid, "phone")
    namesakes = select(Customer.id).where(Customer.name == me.name, Customer.id.not_in(ids))
    for cid, phone, street in s.execute(
        select(Address.customer_id, Address.phone, Address.street).where(Address.customer_id.in_(namesakes))
    ):
        if normalise_phone(phone or "") in phones:
            why(cid, "phone")
        if street and street in streets:
            why(cid, "address")
    for cid, email in s.execute(
        select(CustomerEmail.customer_id, CustomerEmail.email).where(CustomerEmail.customer_id.in_(namesakes))
    ):
        if email.split("@")[0] in mailboxes:
            why(cid, "email")
    rows = _summaries(s, list(found))
    return [
        Duplicate(cid, rows[cid][0], mask_phone(rows[cid][2]) if rows[cid][2] else "", rows[cid][4],
                  tuple(found[cid]))
        for cid in sorted(found)
        if cid in rows and rows[cid][1] is None  # one merged away already belongs to someone
    ]


def customer_row(s: Session, customer_id: int) -> Customer:
    row = s.get(Customer, customer_id)
    if row is None:
        raise NotFound("No customer #{id}.", id=customer_id)
    return row


def merge_customers(
    s: Session, user: CurrentUser | None, source_id: int, into_id: int, *, station: str | None = None
) -> int:
    """Make `source` part of `into` (one history, one search hit); reversible, audited.
    Returns the customer the source now belongs to."""
    agent = require(user, "service.merge")
    source, into = customer_row(s, source_id), customer_row(s, into_id)
    if into.merged_into_id is not None:  # merge into the group, not into a member of it
        into = customer_row(s, into.merged_into_id)
    if source.id == into.id:
        raise Conflict("A customer cannot be merged into itself.")
    if source.merged_into_id is not None:
        raise Conflict("Customer #{id} is already merged into #{into}; un-merge it first.",
                       id=source.id, into=source.merged_into_id)
    moved = list(s.scalars(select(Customer).where(Customer.merged_into_id == source.id)))
    for member in moved:  # one level: the source's own members follow it
        member.merged_into_id = into.id
    source.merged_into_id = into.id
    audit.record(s, "customer.merge", "customer", source.id, user_id=agent.id, station=station,
                 into=into.id, members=",".join(str(m.id) for m in moved))
    return into.id


def unmerge_customer(s: Session, user: CurrentUser | None, customer_id: int, *,
                     station: str | None = None) -> None:
    """Undo a merge: the customer is on its own again (its orders and contacts never moved)."""
    agent = require(user, "service.merge")
    row = customer_row(s, customer_id)
    if row.merged_into_id is None:
        raise Conflict("Customer #{id} is not merged into anyone.", id=customer_id)
    audit.record(s, "customer.unmerge", "customer", row.id, user_id=agent.id, station=station,
                 was_in=row.merged_into_id)
    row.merged_into_id = None


def parse_customer_id(raw: str) -> int:
    """``123`` or ``#123`` as a customer id, with a clear message otherwise."""
    value = raw.strip().lstrip("#")
    if not value.isdigit() or not 0 < int(value) < 2**31:
        raise DomainError(
            "Not a customer id: {raw!r} (use the number from `packdesk customer find`).", raw=raw
        )
    return int(value)

