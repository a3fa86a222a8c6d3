"""Carriers as the Setup window lists and edits them: the site's carriers with the services their
rules name, a carrier added or renamed, and every warehouse's cut-offs and pick-up slots."""

from __future__ import annotations

import pytest

from app.context import CurrentUser
from app.db import read_only, session_factory, unit_of_work
from app.errors import DomainError, PermissionDenied
from app.models.accounts import Role
from app.services import carriers, masterdata

ADMIN = CurrentUser(None, "admin", "Admin", Role.ADMIN)  # type: ignore[arg-type]
AGENT = CurrentUser(None, "agent", "Agent", Role.AGENT)  # type: ignore[arg-type]


def test_carriers_list_the_services_their_rules_give_and_a_new_carrier_is_added(any_engine):
    sessions = session_factory(any_engine)
    with unit_of_work(sessions) as s:
        carriers.save_rule(s, ADMIN, "SF", "标快", province="广东省")
        carriers.save_rule(s, ADMIN, "SF", "特快", cod=True)
        carriers.save_rule(s, ADMIN, "ZTO")
        added = carriers.save_carrier(s, ADMIN, "best", "百世快递", 500)
    assert (added.code, added.provider, added.low_water, added.active) == ("BEST", "pool", 500, True)
    with unit_of_work(sessions) as s:
        carriers.save_carrier(s, ADMIN, "BEST", "百世", 100, active=False)
    with read_only(sessions) as s:
        listed = {c.code: c for c in carriers.carriers(s)}
    assert listed["SF"].services == ("标快", "特快") and listed["ZTO"].services == ()
    assert (listed["BEST"].name, listed["BEST"].active) == ("百世", False)
    assert listed["EMSI"].check == "s10"


@pytest.mark.parametrize(("code", "name", "low", "message"), [
    ("B EST", "百世", 10, "Carrier code 'B EST'"),
    ("BEST", " ", 10, "Carrier BEST needs a name."),
    ("BEST", "百世", -1, "The low-pool warning is between 0 and 200000 numbers."),
])
def test_a_bad_carrier_is_refused_in_one_line(any_engine, code, name, low, message):
    with pytest.raises(DomainError) as err, unit_of_work(session_factory(any_engine)) as s:
        carriers.save_carrier(s, ADMIN, code, name, low)
    assert str(err.value).startswith(message)
    with read_only(session_factory(any_engine)) as s:
        assert "BEST" not in {c.code for c in carriers.carriers(s)}


def test_cut_offs_are_listed_per_warehouse_and_only_master_data_roles_change_carriers(any_engine):
    sessions = session_factory(any_engine)
    with unit_of_work(sessions) as s:
        masterdata.save_warehouse(s, ADMIN, "HZ1", "杭州仓")
        carriers.set_cutoff(s, ADMIN, "HZ1", "SF", "16:30", "17:00, 19:30")
        carriers.set_cutoff(s, ADMIN, "HZ1", "JD", "18:00")
    with read_only(sessions) as s:
        assert carriers.cutoffs(s) == [carriers.CutoffView("HZ1", "JD", "18:00", ()),
                                       carriers.CutoffView("HZ1", "SF", "16:30", ("17:00", "19:30"))]
    with pytest.raises(PermissionDenied), unit_of_work(sessions) as s:
        carriers.save_carrier(s, AGENT, "SF", "顺丰", 10)
