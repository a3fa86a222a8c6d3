"""Agent assist: BM25 over canned replies and articles, variables filled from the customer's
order and tracking data, the common questions answered from the data itself."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from app.db import read_only, session_factory, unit_of_work
from app.services import assist
from tests.app.service.conftest import T0, World

NOW = T0 + dt.timedelta(days=4)


def _assist(engine, world: World, message: str, **kw) -> assist.Assist:
    factory = session_factory(engine)
    with unit_of_work(factory) as s:
        assist.ensure_defaults(s)
    with read_only(factory) as s:
        return assist.assist(s, world.wei, NOW, message=message, **kw)


def test_where_is_my_parcel_is_answered_from_the_tracking_data(any_engine, world: World):
    a = _assist(any_engine, world, f"我的快递到哪里了？订单号 {world.order}")
    assert a.intent == "where_is_parcel" and a.order_number == world.order
    best = a.best
    assert best is not None and best.kind == "answer" and best.key == "where_is_parcel"
    assert world.tracking in best.text and "快件已到达转运中心" in best.text and "顺丰速运" in best.text
    assert "张伟您好" in best.text and best.missing == ()


def test_when_will_it_ship_for_an_order_without_a_parcel(any_engine, world: World):
    a = _assist(any_engine, world, "When will my order PD9000000002 ship?")
    assert a.best.key == "when_ship" and a.best.kind == "answer"
    assert "PD9000000002" in a.best.text and a.best.text.startswith("Hello 张伟")
    # asked "where is it" before anything shipped: the answer says when it will ship
    assert _assist(any_engine, world, "where is my parcel PD9000000002").best.key == "when_ship"


def test_a_variable_without_data_stays_visible_for_the_agent(any_engine, world: World):
    a = _assist(any_engine, world, f"How do I return an item from order {world.order}?")
    assert a.best.key == "how_return" and a.best.missing == ("return_by",)
    assert "{return_by}" in a.best.text


def test_articles_rank_by_bm25(any_engine, world: World):
    a = _assist(any_engine, world, "我要开发票，电子发票在哪里下载")
    assert a.suggestions[0].kind == "article" and a.suggestions[0].title == "开具发票"


def test_last_inbound_message_of_the_customer_is_the_default(any_engine, world: World):
    from app.models.service import ContactChannel, Direction, Interaction

    with unit_of_work(session_factory(any_engine)) as s:
        s.add(
            Interaction(
                customer_id=world.wei,
                channel=ContactChannel.CHAT,
                direction=Direction.INBOUND,
                body="付款失败了但是钱被扣了",
                occurred_at=NOW,
            )
        )
    a = _assist(any_engine, world, None)
    assert a.message == "付款失败了但是钱被扣了"
    assert a.best.key == "payment_failed"


def test_terms_are_words_and_chinese_pairs():
    assert assist.terms("我的快递 Where is MY parcel?") == ["我的", "的快", "快递", "where", "parcel"]
    assert assist.terms("书") == ["书"]


@given(st.text(max_size=80), st.lists(st.text(max_size=80), max_size=8))
def test_bm25_scores_every_document_and_never_negative(query, docs):
    scores = assist.bm25(query, docs)
    assert len(scores) == len(docs) and all(x >= 0 for x in scores)


@given(st.text(max_size=120), st.dictionaries(st.sampled_from(assist.VARIABLES), st.text(max_size=10)))
def test_fill_never_raises_and_reports_what_is_missing(template, values):
    text, missing = assist.fill(template, values)
    assert isinstance(text, str)
    for name in missing:
        assert "{" + name + "}" in text and not values.get(name)


def test_defaults_are_added_once_and_include_incident_templates(any_engine):
    factory = session_factory(any_engine)
    with unit_of_work(factory) as s:
        first = assist.ensure_defaults(s)
    with unit_of_work(factory) as s:
        assert assist.ensure_defaults(s) == 0 and first > 20
        keys = {r.key for r in assist.canned(s, "zh_CN", incident=True)}
    assert keys == {"incident_payment_outage", "incident_weather_delay", "incident_quality_recall"}
