"""``packdesk ticket search|tag|attachment|csat``: an agent finds a mailed ticket by its text,
tags it, saves its attachment, and a supervisor reads the week's satisfaction, as a person or a
program would."""

from __future__ import annotations

import json
import os
import stat

from app.cli import main
from app.db import session_factory, unit_of_work
from app.models.accounts import Role
from app.models.base import utcnow
from app.models.desk import CsatSurvey
from app.models.service import TicketStatus
from app.services import csat, tickets
from tests.app.cli.test_mail_ticket import MESSAGES, _url
from tests.conftest import make_ctx


def _mailed_ticket(engine, url, cli_as, capsys) -> str:
    cli_as(engine, Role.SUPERVISOR)
    assert main(["mail", "import", str(MESSAGES / "attachment.eml"), "--db", url]) == 0
    return capsys.readouterr().out.split("opened ")[1].split()[0]


def test_an_agent_finds_tags_and_saves_the_attachment_of_a_mailed_ticket(
        demo_engine, cli_as, capsys, tmp_path):
    url = _url(demo_engine)
    number = _mailed_ticket(demo_engine, url, cli_as, capsys)
    cli_as(demo_engine, Role.AGENT)
    assert main(["ticket", "show", number, "--json", "--db", url]) == 0
    messages = json.loads(capsys.readouterr().out)["messages"]
    files = [a for m in messages for a in m.get("email", {}).get("attachments", [])]
    assert files and files[0]["stored"]

    assert main(["ticket", "tag", number, "破损", "Refund", "--db", url]) == 0
    assert capsys.readouterr().out == f"{number}: refund, 破损\n"
    assert main(["ticket", "tag", number, "urgent", "--remove", "REFUND", "--db", url]) == 0
    assert capsys.readouterr().out == f"{number}: urgent, 破损\n"
    assert main(["ticket", "search", "破损", "--json", "--db", url]) == 0
    assert number in [r["number"] for r in json.loads(capsys.readouterr().out)]
    assert main(["ticket", "search", number.lower(), "--db", url]) == 0
    assert capsys.readouterr().out.startswith(number)

    out = tmp_path / files[0]["filename"]
    assert main(["ticket", "attachment", number, str(files[0]["id"]), "--out", str(out), "--db", url]) == 0
    assert out.stat().st_size == files[0]["size"] and stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert main(["ticket", "attachment", number, str(files[0]["id"]), "--out", str(out), "--db", url]) == 1
    assert capsys.readouterr().err.endswith("exists already; choose another name.\n")  # never overwritten
    assert main(["ticket", "attachment", "T-999999", "1", "--out", str(tmp_path / "x"), "--db", url]) == 1
    assert capsys.readouterr().err == "packdesk: error: No ticket T-999999.\n"


def test_a_search_with_no_match_and_too_many_tags_are_one_line(demo_engine, cli_as, capsys):
    url = _url(demo_engine)
    number = _mailed_ticket(demo_engine, url, cli_as, capsys)
    assert main(["ticket", "search", "no-such-text-anywhere", "--db", url]) == 0
    assert capsys.readouterr().out == "No ticket matches 'no-such-text-anywhere'.\n"
    assert main(["ticket", "tag", number, *[f"t{i}" for i in range(21)], "--db", url]) == 1
    assert capsys.readouterr().err == "packdesk: error: A ticket takes at most 20 tags.\n"


def test_a_supervisor_reads_this_weeks_satisfaction_as_json(demo_engine, cli_as, capsys):
    url = _url(demo_engine)
    number = _mailed_ticket(demo_engine, url, cli_as, capsys)
    now = utcnow()
    agent = make_ctx(demo_engine, Role.SUPERVISOR, 1, "admin").user
    with unit_of_work(session_factory(demo_engine)) as s:
        ticket_id = tickets.ticket_by_number(s, number)
        tickets.reply(s, agent, ticket_id, "已为您补发。", now)
        tickets.set_status(s, agent, ticket_id, TicketStatus.RESOLVED, now)
        survey = s.query(CsatSurvey).filter_by(ticket_id=ticket_id).one()
        csat.record_answer(s, survey, 4, "快", now)
    assert main(["ticket", "csat", "--week", "--json", "--db", url]) == 0
    board = json.loads(capsys.readouterr().out)
    assert board["answers"] >= 1 and any(r["answers"] >= 1 for r in board["by_week"])
    assert {"key", "answers", "average", "satisfied"} <= set(board["by_agent"][0])
    cli_as(demo_engine, Role.AGENT)
    assert main(["ticket", "csat", "--db", url]) == 1
    assert "Your role may not see service reports" in capsys.readouterr().err
