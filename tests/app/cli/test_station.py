"""``packdesk station allocate`` and ``plan-waves`` on the demo database."""

from __future__ import annotations

import json

from app.cli import main


def test_allocate_then_plan_waves(demo_engine, capsys):
    url = str(demo_engine.url)
    assert main(["station", "allocate", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "allocated" in out and "payment is pending" in out
    assert main(["station", "plan-waves", "--max-orders", "10", "--json", "--db", url]) == 0
    planned = json.loads(capsys.readouterr().out)
    assert planned and all(w["orders"] <= 10 for w in planned)
    assert main(["station", "plan-waves", "--db", url]) == 0
    assert capsys.readouterr().out.startswith("0 wave(s)")
