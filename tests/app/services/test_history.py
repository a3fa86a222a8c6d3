"""Customer history: keyset pages over every event type with ties in time, filters, merged
customers; `packdesk customer find` and `customer history` as text and JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.db import read_only, session_factory, unit_of_work
from app.errors import DomainError
from app.models.accounts import Role
from app.models.service import ContactChannel, Direction, Interaction, Ticket
from app.services import history
from app.services.customers import merge_customers
from tests.support.service_world import T0, World


def _all_pages(engine, customer_id: int, limit: int, **kw) -> list[tuple[str, int]]:
    out, cursor = [], None
    with read_only(session_factory(engine)) as s:
        while True:
            page = history.timeline(s, customer_id, after=cursor, limit=limit, **kw)
            out += [(e.kind, e.id) for e in page.events]
            if page.next is None:
                return out
            cursor = page.next


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, 5), min_size=1, max_size=25), st.integers(1, 7))
def test_pages_cover_every_event_once_newest_first_even_with_equal_times(any_engine, world, offsets, limit):
    with unit_of_work(session_factory(any_engine)) as s:
        s.execute(Interaction.__table__.delete().where(Interaction.body.like("m%")))  # the last example's
        for minutes in offsets:  # many events share a minute with each other and with tickets
            s.add(
                Interaction(
                    customer_id=world.wei,
                    channel=ContactChannel.CHAT,
                    direction=Direction.INBOUND,
                    body=f"m{minutes}",
                    occurred_at=T0 + dt.timedelta(days=2, minutes=minutes),
                )
            )
    whole = _all_pages(any_engine, world.wei, 500)
    assert _all_pages(any_engine, world.wei, limit) == whole
    assert len(whole) == len(set(whole))
    with read_only(session_factory(any_engine)) as s:
        times = [e.at for e in history.timeline(s, world.wei, limit=500).events]
    assert times == sorted(times, reverse=True)


def test_filters_by_type_and_channel_and_refuses_unknown_types(any_engine, world: World):
    with read_only(session_factory(any_engine)) as s:
        kinds = {e.kind for e in history.timeline(s, world.wei).events}
        assert {"order", "shipment", "tracking", "ticket"} <= kinds
        only = history.timeline(s, world.wei, kinds=["ticket"], channels=["phone"]).events
        assert [e.ref for e in only] == [world.ticket]
        assert history.timeline(s, world.wei, kinds=["ticket"], channels=["chat"]).events == ()
        with pytest.raises(DomainError, match="Unknown event type"):
            history.timeline(s, world.wei, kinds=["gossip"])


def test_a_merged_customer_s_events_join_the_history(any_engine, world: World, super_ctx):
    with unit_of_work(session_factory(any_engine)) as s:
        s.add(
            Ticket(
                number="T-000777",
                customer_id=world.weimin,
                subject="另一个账号的问题",
                channel=ContactChannel.CHAT,
                created_at=T0 + dt.timedelta(days=5),
            )
        )
        merge_customers(s, super_ctx.user, world.weimin, world.wei)
    with read_only(session_factory(any_engine)) as s:
        head = history.header(s, world.wei)
        refs = [e.ref for e in history.timeline(s, world.wei, kinds=["ticket"]).events]
    assert head.merged_ids == (world.weimin,) and refs[0] == "T-000777"


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_cli_find_and_history_as_text_and_json(any_engine, world: World, capsys, cli_as):
    cli_as(any_engine, Role.AGENT)
    assert main(["customer", "find", "13800138000", "--db", _url(any_engine), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["matches"][0]["customer_id"] == world.wei and found["matches"][0]["phone"] == "138****8000"
    assert main(["customer", "find", "张伟", "--db", _url(any_engine)]) == 0
    out = capsys.readouterr().out
    assert f"#{world.wei}" in out and "name is 张伟" in out
    assert main(["customer", "history", str(world.wei), "--db", _url(any_engine), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["customer"]["name"] == "张伟" and "13800138000" not in json.dumps(data)
    assert data["events"][0]["at"] >= data["events"][-1]["at"]
    assert main(["customer", "history", f"#{world.wei}", "--type", "ticket", "--db", _url(any_engine)]) == 0
    assert world.ticket in capsys.readouterr().out


def test_cli_says_what_is_wrong(any_engine, world: World, capsys, cli_as):
    cli_as(any_engine, Role.AGENT)
    assert main(["customer", "find", "nobody-like-this", "--db", _url(any_engine)]) == 4
    assert "No customer found" in capsys.readouterr().err
    assert main(["customer", "history", "abc", "--db", _url(any_engine)]) != 0
    assert "Not a customer id" in capsys.readouterr().err
    assert main(["customer", "history", "999999", "--db", _url(any_engine)]) != 0
    assert "No customer #999999" in capsys.readouterr().err
