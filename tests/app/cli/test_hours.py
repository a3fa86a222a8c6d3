"""``packdesk hours`` and ``packdesk calendar``: a supervisor sets a queue's split shift, imports
and confirms a year of holidays and make-up days, and the ticket clock counts them."""

from __future__ import annotations

import json

from app.cli import main
from app.models.accounts import Role


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_a_supervisor_sets_a_split_shift_and_sees_it(any_engine, cli_as, capsys):
    url = _url(any_engine)
    cli_as(any_engine, Role.SUPERVISOR)
    assert main(["hours", "set", "after_sales", "13:00-21:00", "09:00-12:00", "--weekdays", "1-5,7",
                 "--db", url]) == 0
    assert capsys.readouterr().out == "after_sales: 09:00-12:00, 13:00-21:00\n"
    assert main(["hours", "set", "*", "09:00-21:00", "--db", url]) == 0
    capsys.readouterr()
    assert main(["hours", "show", "--json", "--db", url]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["after_sales"] == {"shifts": ["09:00-12:00", "13:00-21:00"], "weekdays": [1, 2, 3, 4, 5, 7],
                                    "calendar": True}
    assert shown["*"]["shifts"] == ["09:00-21:00"]
    assert main(["hours", "set", "after_sales", "--clear", "--db", url]) == 0
    assert capsys.readouterr().out == "after_sales: follows '*'\n"
    assert main(["hours", "show", "--db", url]) == 0
    assert "after_sales" not in capsys.readouterr().out


def test_a_bad_shift_or_weekday_is_one_line_and_changes_nothing(any_engine, cli_as, capsys):
    url = _url(any_engine)
    cli_as(any_engine, Role.SUPERVISOR)
    assert main(["hours", "set", "pre_sales", "9-21", "--db", url]) == 1
    assert capsys.readouterr().err == "packdesk: error: '9-21' is not a time range such as 09:00-21:00.\n"
    assert main(["hours", "set", "pre_sales", "09:00-21:00", "--weekdays", "mon-fri", "--db", url]) == 1
    assert "Weekdays are numbers 1 (Monday) to 7 (Sunday)" in capsys.readouterr().err
    assert main(["hours", "show", "--json", "--db", url]) == 0
    assert "pre_sales" not in json.loads(capsys.readouterr().out)
    cli_as(any_engine, Role.AGENT)
    assert main(["hours", "set", "pre_sales", "09:00-21:00", "--db", url]) == 1
    assert "Your role may not see service reports" in capsys.readouterr().err


def test_a_supervisor_imports_one_year_of_a_file_confirms_it_and_marks_a_day(
        any_engine, cli_as, capsys, tmp_path):
    url = _url(any_engine)
    cli_as(any_engine, Role.SUPERVISOR)
    notice = tmp_path / "notice.csv"
    notice.write_text("day,kind,name,confirmed\n2027-01-01,holiday,元旦,no\n"
                      "2027-02-07,workday,春节 调休上班,no\n2028-01-01,holiday,元旦\n", encoding="utf-8")
    assert main(["calendar", "import", "2027", str(notice), "--db", url]) == 0
    assert capsys.readouterr().out == "2027: 2 day(s) imported.\n"
    assert main(["calendar", "show", "2027", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "2027-02-07 Sun  workday  春节 调休上班  (draft)" in out and "calendar confirm 2027" in out
    assert main(["calendar", "show", "2028", "--json", "--db", url]) == 0
    assert json.loads(capsys.readouterr().out) == []  # only the year asked for was imported
    assert main(["calendar", "confirm", "2027", "--db", url]) == 0
    assert capsys.readouterr().out == "2027: 2 draft day(s) confirmed.\n"
    assert main(["calendar", "set", "2027-10-08", "holiday", "--name", "国庆节", "--db", url]) == 0
    capsys.readouterr()
    assert main(["calendar", "show", "2027", "--json", "--db", url]) == 0
    days = json.loads(capsys.readouterr().out)
    assert [(d["day"], d["kind"], d["confirmed"]) for d in days] == [
        ("2027-01-01", "holiday", True), ("2027-02-07", "workday", True), ("2027-10-08", "holiday", True)]


def test_the_shipped_list_imports_without_a_file_and_a_year_it_lacks_is_refused(any_engine, cli_as, capsys):
    url = _url(any_engine)
    cli_as(any_engine, Role.SUPERVISOR)
    assert main(["calendar", "import", "2027", "--db", url]) == 0
    assert capsys.readouterr().out.startswith("2027: ")
    assert main(["calendar", "import", "1999", "--db", url]) == 1
    assert capsys.readouterr().err == "packdesk: error: cn_holidays.csv has no days of 1999.\n"
    assert main(["calendar", "import", "2027", "/nonexistent/file.csv", "--db", url]) == 1
    assert capsys.readouterr().err.startswith("packdesk: error: Could not read /nonexistent/file.csv")
