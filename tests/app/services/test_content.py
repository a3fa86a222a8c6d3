"""Canned replies, articles and incident templates as a supervisor edits them: zh and en, audited,
refused whole on bad input, and previewed with a real customer's data the way assist fills it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.db import read_only, session_factory, unit_of_work
from app.errors import Conflict, DomainError, NotFound, PermissionDenied
from app.models.audit import AuditEntry
from app.models.service import CannedReply, KnowledgeArticle
from app.services import content
from tests.support.service_world import T0, World

NOW = T0 + dt.timedelta(days=4)


def _count(engine, model) -> int:
    with read_only(session_factory(engine)) as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_a_supervisor_writes_a_reply_in_zh_and_en_and_edits_it(any_engine, world: World, super_ctx):
    sessions = session_factory(any_engine)
    with unit_of_work(sessions) as s:
        zh = content.save(s, super_ctx.user, "reply", "zh_CN", "发货时间",
                          "{greeting}，订单 {order_number} 已发出。", key="ship_notice", category="shipping")
        en = content.save(s, super_ctx.user, "reply", "en", "Ship notice",
                          "{greeting}, {order_number} is on its way.", key="ship_notice")
    with unit_of_work(sessions) as s:
        content.save(s, super_ctx.user, "reply", "zh_CN", "发货通知", zh.body, key="ship_notice",
                     item_id=zh.id)
    with read_only(sessions) as s:
        assert [(i.key, i.title, i.category) for i in content.items(s, "reply", "zh_CN")] == [
            ("ship_notice", "发货通知", "general")]
        assert [i.id for i in content.items(s, "reply", "en", "on its way")] == [en.id]
        assert content.items(s, "incident", "en") == []
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["content.reply_save"] * 3


def test_articles_and_incident_templates_are_kept_apart_and_deleted_by_kind(any_engine, world, super_ctx):
    sessions = session_factory(any_engine)
    with unit_of_work(sessions) as s:
        art = content.save(s, super_ctx.user, "article", "en", "Invoices", "An e-invoice comes in 24 hours.",
                           category="invoice fapiao")
        inc = content.save(s, super_ctx.user, "incident", "zh_CN", "仓库延误",
                           "{greeting}，因仓库延误，{eta} 前发出。", key="warehouse_delay")
    with read_only(sessions) as s:
        assert [i.title for i in content.items(s, "incident", "zh_CN")] == ["仓库延误"]
        assert content.items(s, "reply", "zh_CN") == []
        assert content.items(s, "article", "en")[0].category == "invoice fapiao"
    with pytest.raises(NotFound), unit_of_work(sessions) as s:
        content.delete(s, super_ctx.user, "reply", inc.id)  # not a plain reply: nothing deleted
    with unit_of_work(sessions) as s:
        content.delete(s, super_ctx.user, "incident", inc.id)
        content.delete(s, super_ctx.user, "article", art.id)
    assert _count(any_engine, CannedReply) == 0 and _count(any_engine, KnowledgeArticle) == 0


@pytest.mark.parametrize(("fields", "message"), [
    ({"title": " "}, "The title is empty."),
    ({"body": ""}, "The text is empty."),
    ({"body": "{greeting}, {etaa}"}, "Unknown placeholder {etaa}"),
    ({"key": "Ship Notice"}, "Key 'ship notice'"),
])
def test_bad_input_is_refused_in_one_line_and_saves_nothing(any_engine, world, super_ctx, fields, message):
    values = {"title": "发货", "body": "{greeting}", "key": "ship_notice"} | fields
    with pytest.raises(DomainError) as err, unit_of_work(session_factory(any_engine)) as s:
        content.save(s, super_ctx.user, "reply", "zh_CN", values["title"], values["body"], key=values["key"])
    assert str(err.value).startswith(message) and "\n" not in str(err.value)
    assert _count(any_engine, CannedReply) == 0 and _count(any_engine, AuditEntry) == 0


def test_a_key_is_one_text_per_language_and_agents_may_not_edit(any_engine, world, super_ctx, agent_ctx):
    sessions = session_factory(any_engine)
    with unit_of_work(sessions) as s:
        content.save(s, super_ctx.user, "reply", "en", "Hi", "{greeting}", key="hello")
    with pytest.raises(Conflict, match="already a en text with the key hello"), unit_of_work(sessions) as s:
        content.save(s, super_ctx.user, "incident", "en", "Hi again", "{greeting}", key="hello")
    with pytest.raises(PermissionDenied), unit_of_work(sessions) as s:
        content.save(s, agent_ctx.user, "reply", "en", "Mine", "{greeting}", key="mine")
    assert _count(any_engine, CannedReply) == 1


def test_the_preview_fills_a_real_customers_data_and_names_what_stays_unfilled(any_engine, world, super_ctx):
    body = "{greeting}，订单 {order_number} 由 {carrier} 运送（{tracking_number}），退款 {refund_amount} 元。"
    with read_only(session_factory(any_engine)) as s:
        wei = content.preview(s, super_ctx.user, body, world.wei, "zh_CN", NOW)
        li = content.preview(s, super_ctx.user, body, world.li, "zh_CN", NOW)
    # 张伟's latest order (shipped, the second one) has no parcel yet; 李娜 has no order at all
    assert wei.text.startswith("张伟您好，订单 PD9000000002 由 {carrier}")
    assert wei.unfilled == ("carrier", "tracking_number", "refund_amount")
    assert li.text.startswith("李娜您好，订单 {order_number}")
    assert li.unfilled == ("order_number", "carrier", "tracking_number", "refund_amount")


def test_a_preview_of_a_customer_who_does_not_exist_says_so(any_engine, world, super_ctx):
    with pytest.raises(NotFound, match="No customer #999999"), read_only(session_factory(any_engine)) as s:
        content.preview(s, super_ctx.user, "{greeting}", 999999, "en", NOW)
