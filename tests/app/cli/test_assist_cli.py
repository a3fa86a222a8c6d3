"""``packdesk assist suggest`` as an agent types it, and ``assist train`` by an admin."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.cli import main
from app.models.accounts import Role


def test_suggest_names_the_intent_and_fills_the_answer_from_the_customer(demo_engine, cli_as, capsys):
    url = demo_engine.url.render_as_string(hide_password=False)
    cli_as(demo_engine, Role.AGENT)
    assert main(["assist", "suggest", "我的快递到哪了", "--customer", "1", "--json", "--db", url]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["intent"] == "where_is_parcel" and 0 < data["confidence"] <= 1
    assert data["suggestions"] and all("{" not in s["text"] for s in data["suggestions"])
    assert main(["assist", "train", "--db", url]) == 1
    assert "Your role may not change settings." in capsys.readouterr().err
    cli_as(demo_engine, Role.ADMIN)
    assert main(["assist", "train", "--db", url]) == 0
    assert capsys.readouterr().out.startswith("Trained on ")


def test_bot_figures_per_week_for_a_supervisor(engine, cli_as, capsys):
    from email.message import EmailMessage

    from app import reference
    from app.db import session_factory, unit_of_work
    from app.services.mail import thread
    from tests.support.service_world import T0, build_world

    reference.ensure(engine)
    world = build_world(engine)
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "张伟 <zhang.wei@qq.com>", "shop@example.com", "快递"
    msg["Message-ID"] = "<cli@qq.com>"
    msg.set_content(f"我的快递到哪里了？订单号 {world.order}")
    with unit_of_work(session_factory(engine)) as s:
        thread.file_message(s, msg.as_bytes(), T0 + dt.timedelta(days=4))
    url = engine.url.render_as_string(hide_password=False)
    cli_as(engine, Role.AGENT)
    assert main(["assist", "bot", "--db", url]) == 1
    assert "Your role may not see service reports" in capsys.readouterr().err
    cli_as(engine, Role.SUPERVISOR)
    assert main(["assist", "bot", "--from", "2026-11-20", "--to", "2026-11-30", "--json", "--db", url]) == 0
    (week,) = json.loads(capsys.readouterr().out)
    assert (week["week"], week["messages"], week["answered"]) == ("2026-11-23", 1, 1)
    assert week["answered_share"] == 1.0
    with pytest.raises(SystemExit):  # not a day: argparse says so and stops
        main(["assist", "bot", "--from", "2026-11-31", "--db", url])
    assert "not a day (YYYY-MM-DD): '2026-11-31'" in capsys.readouterr().err
