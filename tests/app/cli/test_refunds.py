"""``packdesk refunds``: a supervisor lists the refunds waiting for approval and decides them."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.cli import main
from app.db import session_factory, unit_of_work
from app.models.accounts import Role
from app.models.orders import Order
from app.services import customer_actions
from tests.conftest import make_ctx
from tests.support.service_world import T0, build_world


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_a_supervisor_approves_one_and_declines_another_with_a_reason(any_engine, cli_as, capsys):
    engine = any_engine
    world = build_world(engine)
    agent = make_ctx(engine, Role.AGENT, world.agent_id, "agent1")
    with unit_of_work(session_factory(engine)) as s:
        order_id = s.scalar(select(Order.id).where(Order.number == world.order))
        big, other = (customer_actions.request_refund(s, agent.user, world.wei, order_id=order_id,
                                                      amount=a, reason=r, now=T0)
                      for a, r in (("600", "破损"), ("300", "少发")))
    cli_as(engine, Role.AGENT)
    assert main(["refunds", "pending", "--db", _url(engine)]) == 1
    assert "Your role may not approve refunds." in capsys.readouterr().err
    cli_as(engine, Role.SUPERVISOR)
    assert main(["refunds", "pending", "--json", "--db", _url(engine)]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [big.id, other.id]
    assert main(["refunds", "approve", str(big.id), "--db", _url(engine)]) == 0
    assert f"Refund #{big.id} on {world.order} approved." in capsys.readouterr().out
    assert main(["refunds", "decline", str(other.id), "--db", _url(engine)]) == 1
    assert "reason" in capsys.readouterr().err
    assert main(["refunds", "decline", str(other.id), "--note", "照片不清楚", "--db", _url(engine)]) == 0
    assert main(["refunds", "pending", "--db", _url(engine)]) == 0
    assert "No refunds are waiting" in capsys.readouterr().out
