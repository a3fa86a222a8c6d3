"""What agents send and read, as a site edits it: canned replies, knowledge-base articles and
incident templates (canned replies marked ``incident_template``), each in zh_CN and en.

Every change needs ``admin.master_data`` (supervisors and admins) and is audited. A text may use
only the placeholders assist knows (``assist.VARIABLES``); a preview fills one with a real
customer's data exactly as assist and the incident notice do, and names what stayed unfilled.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Conflict, DomainError, NotFound
from app.models.orders import Customer, Order
from app.models.service import CannedReply, KnowledgeArticle
from app.permissions import require
from app.services import assist, audit
from app.services.text import checked, unfilled_placeholders

if TYPE_CHECKING:
    from app.context import CurrentUser

KINDS = ("reply", "article", "incident")
LANGUAGES = ("zh_CN", "en")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


@dataclass(frozen=True)
class ContentItem:
    kind: str  # one of KINDS
    id: int
    language: str
    title: str
    body: str
    key: str = ""  # replies and incident templates: what assist asks for
    category: str = ""  # replies: the category; articles: their tags


@dataclass(frozen=True)
class Preview:
    text: str  # the body filled with the customer's data; an unfilled placeholder stays as {name}
    unfilled: tuple[str, ...]  # names of the placeholders this customer's data could not fill


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise DomainError("No kind of text {kind}: use one of {known}.", kind=kind, known=", ".join(KINDS))
    return kind


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise DomainError("No language {language}: use zh_CN or en.", language=language)
    return language


def _reply_view(kind: str, r: CannedReply) -> ContentItem:
    return ContentItem(kind, r.id, r.language, r.title, r.body, r.key, r.category)


def _article_view(a: KnowledgeArticle) -> ContentItem:
    return ContentItem("article", a.id, a.language, a.title, a.body, "", a.tags)


def items(s: Session, kind: str, language: str, text: str = "") -> list[ContentItem]:
    """The texts of one kind and language by title; ``text`` keeps those whose key, title or body
    holds it."""
    _kind(kind)
    _language(language)
    if kind == "article":
        found = [_article_view(a) for a in s.scalars(
            select(KnowledgeArticle).where(KnowledgeArticle.language == language)
            .order_by(KnowledgeArticle.title, KnowledgeArticle.id))]
    else:
        found = [_reply_view(kind, r) for r in s.scalars(
            select(CannedReply).where(CannedReply.language == language,
                                      CannedReply.incident_template.is_(kind == "incident"))
            .order_by(CannedReply.title, CannedReply.id))]
    needle = text.strip().lower()
    return [i for i in found if not needle or needle in f"{i.key}\n{i.title}\n{i.body}".lower()]


def unknown_placeholders(body: str) -> list[str]:
    """Placeholders assist has no value for under any customer (a typo such as ``{etaa}``)."""
    return [n for n in unfilled_placeholders(body) if n not in assist.VARIABLES]


def save(
    s: Session,
    user: CurrentUser | None,
    kind: str,
    language: str,
    title: str,
    body: str,
    *,
    key: str = "",
    category: str = "",
    item_id: int | None = None,
) -> ContentItem:
    """Add a text (``item_id`` None) or change one; refused whole when any field is wrong."""
    user = require(user, "admin.master_data")
    _kind(kind)
    _language(language)
    title = checked(title, "The title", limit=200)
    body = checked(body, "The text")
    unknown = unknown_placeholders(body)
    if unknown:
        raise DomainError("Unknown placeholder {names}: use one of {known}.",
                          names=", ".join("{" + n + "}" for n in unknown),
                          known=", ".join("{" + v + "}" for v in assist.VARIABLES))
    category = category.strip()[:200 if kind == "article" else 32]
    if kind == "article":
        row = s.get(KnowledgeArticle, item_id) if item_id is not None else KnowledgeArticle()
        if row is None:
            raise NotFound("No article #{id}.", id=item_id)
        row.language, row.title, row.body, row.tags = language, title, body, category
        s.add(row)
        s.flush()
        audit.record(s, "content.article_save", "knowledge_article", row.id, user_id=user.id,
                     language=language, title=title)
        return _article_view(row)
    key = key.strip().lower()
    if not _KEY.match(key):
        raise DomainError("Key {key!r}: lower-case letters, digits and _ (up to 64), starting with a letter.",
                          key=key)
    reply = s.get(CannedReply, item_id) if item_id is not None else CannedReply()
    if reply is None or (item_id is not None and reply.incident_template != (kind == "incident")):
        raise NotFound("No canned reply #{id}.", id=item_id)
    clash = s.scalar(select(CannedReply.id).where(CannedReply.key == key, CannedReply.language == language,
                                                  CannedReply.id != (item_id or 0)))
    if clash is not None:
        raise Conflict("There is already a {language} text with the key {key}.", language=language, key=key)
    reply.key, reply.language, reply.title, reply.body = key, language, title, body
    reply.category = category or ("incident" if kind == "incident" else "general")
    reply.incident_template = kind == "incident"
    s.add(reply)
    s.flush()
    audit.record(s, "content.reply_save", "canned_reply", reply.id, user_id=user.id, key=key,
                 language=language, incident=reply.incident_template)
    return _reply_view(kind, reply)


def delete(s: Session, user: CurrentUser | None, kind: str, item_id: int) -> None:
    user = require(user, "admin.master_data")
    row: KnowledgeArticle | CannedReply | None = (
        s.get(KnowledgeArticle, item_id) if _kind(kind) == "article" else s.get(CannedReply, item_id))
    if row is None or (isinstance(row, CannedReply) and row.incident_template != (kind == "incident")):
        raise NotFound("No text #{id} to delete.", id=item_id)
    what = row.title
    s.delete(row)
    audit.record(s, "content.delete", kind, item_id, user_id=user.id, title=what)


def preview(
    s: Session, user: CurrentUser | None, body: str, customer_id: int, language: str, now: dt.datetime
) -> Preview:
    """The body filled with this customer's data and latest order, as assist fills it."""
    require(user, "service.use")  # the preview shows the customer's name and order data
    if s.get(Customer, customer_id) is None:
        raise NotFound("No customer #{id}.", id=customer_id)
    latest = s.scalar(
        select(Order).where(Order.customer_id == customer_id).order_by(Order.placed_at.desc()).limit(1))
    text, unfilled = assist.fill(body, assist.values_for(s, customer_id, latest, _language(language), now))
    return Preview(text, unfilled)
