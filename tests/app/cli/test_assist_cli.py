"""``packdesk assist suggest`` as an agent types it, and ``assist train`` by an admin."""

from __future__ import annotations

import json

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
