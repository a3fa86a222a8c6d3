"""Every station service that changes data, called by every role: the roles that may do it get
their work done, the others are refused by the service itself (not only by a hidden button).

Each case sets up real state on the demo database as the admin would (an open parcel, a blocked
one, a packed parcel, a started wave, an open exception), then the role under test acts on it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.context import AppContext, CurrentUser
from app.db import read_only, unit_of_work
from app.errors import PermissionDenied
from app.models.accounts import Role
from app.models.fulfilment import ExceptionKind, Package
from app.models.orders import Order, OrderStatus
from app.services import allocation, exceptions, packing, picking, verify, waves
from app.services.exceptions import Action
from app.services.packing import Station
from devices.scanner.scan import parse_scan
from tests.app.services.test_packing import act, opened, scan
from tests.app.services.test_verify import packed, sample
from tests.app.services.test_waves import _allocated
from tests.support.station_world import barcode, demo_user, make_order

PICKER, PACKER, AGENT, SUPERVISOR, ADMIN = Role.PICKER, Role.PACKER, Role.AGENT, Role.SUPERVISOR, Role.ADMIN
USERS = {PICKER: "picker1", PACKER: "packer1", AGENT: "agent1", SUPERVISOR: "super1", ADMIN: "admin"}
FLOOR = {PACKER, SUPERVISOR, ADMIN}  # pack, verify, hand over
PICK = {PICKER, SUPERVISOR, ADMIN}
BOSS = {SUPERVISOR, ADMIN}

Call = Callable[[Any, Station, CurrentUser, Any], Any]  # (session, station of the role, user, now)


def _complete(ctx: AppContext, st: Station) -> packing.Parcel:
    parcel = opened(ctx, st, make_order(ctx, [("SKU-00001", 1)]))
    return scan(ctx, st, parcel, barcode(ctx, "SKU-00001")).parcel


def _blocked(ctx: AppContext, st: Station) -> packing.Parcel:
    parcel = _complete(ctx, st)
    return act(ctx, packing.weigh, st, parcel, Decimal(parcel.expected_g) + 500).parcel


def _open_parcel(ctx: AppContext, st: Station) -> Call:
    number = make_order(ctx, [("SKU-00001", 1)])
    return lambda s, me, _u, now: packing.open_parcel(s, me, parse_scan(number), now)


def _scan_item(ctx: AppContext, st: Station) -> Call:
    parcel, code = opened(ctx, st, make_order(ctx, [("SKU-00001", 1)])), barcode(ctx, "SKU-00001")
    return lambda s, me, _u, now: packing.scan_item(s, me, parcel, parse_scan(code), now)


def _weigh(ctx: AppContext, st: Station) -> Call:
    parcel = _complete(ctx, st)
    return lambda s, me, _u, now: packing.weigh(s, me, parcel, Decimal(parcel.expected_g), now)


def _reweigh(ctx: AppContext, st: Station) -> Call:
    parcel = _blocked(ctx, st)
    return lambda s, me, _u, now: packing.reweigh(s, me, parcel, now)


def _cancel(ctx: AppContext, st: Station) -> Call:
    parcel = opened(ctx, st, make_order(ctx, [("SKU-00001", 1)]))
    return lambda s, me, _u, now: packing.cancel(s, me, parcel, now)


def _override(ctx: AppContext, st: Station) -> Call:
    """The role signs in at the station and scans their own badge to accept the weight."""
    parcel = _blocked(ctx, st)
    return lambda s, me, u, now: packing.override(s, me, parcel, f"BADGE-{u.username}", "manual inside", now)


def _new_box(ctx: AppContext, st: Station) -> Call:
    parcel = opened(ctx, st, make_order(ctx, [("SKU-00001", 2)]))
    parcel = scan(ctx, st, parcel, barcode(ctx, "SKU-00001")).parcel
    return lambda s, me, _u, now: packing.new_box(s, me, parcel, now)


def _take_over(ctx: AppContext, st: Station) -> Call:
    """Another station left the order half packed; the role scans their own badge to take it over."""
    number = make_order(ctx, [("SKU-00001", 1)])
    opened(ctx, replace(st, name="PACK-DEAD"), number)
    return lambda s, me, u, now: packing.take_over(s, me, parse_scan(number), f"BADGE-{u.username}", now)


def _verify_start(ctx: AppContext, st: Station) -> Call:
    sample(ctx, 100)
    tracking, _ = packed(ctx, st)
    return lambda s, me, _u, now: verify.start(s, me, parse_scan(tracking), now)


def _verify_scan(ctx: AppContext, st: Station) -> Call:
    call = _verify_start(ctx, st)
    task = act(ctx, lambda s, now: call(s, st, st.user, now)).task
    code = barcode(ctx, "SKU-00001")
    return lambda s, me, _u, now: verify.scan_item(s, me, task, parse_scan(code), now)


def _verify_weigh(ctx: AppContext, st: Station) -> Call:
    call = _verify_scan(ctx, st)
    task = act(ctx, lambda s, now: call(s, st, st.user, now)).task
    return lambda s, me, _u, now: verify.weigh(s, me, task, task.packed_g, now)


def _hand_over(ctx: AppContext, st: Station) -> Call:
    sample(ctx, 0)
    tracking, _ = packed(ctx, st)
    assert act(ctx, verify.start, st, parse_scan(tracking)).verdict == "passed"
    return lambda s, me, _u, now: verify.hand_over(s, me, parse_scan(tracking), now)


def _close_batch(ctx: AppContext, st: Station) -> Call:
    call = _hand_over(ctx, st)
    batch, _ = act(ctx, lambda s, now: call(s, st, st.user, now))
    return lambda s, me, _u, now: verify.close_batch(s, me, batch.id, now, 1, accept_difference=True)


def _planned(ctx: AppContext) -> int:
    _allocated(ctx, [("SKU-00001", 1)], 1)
    with unit_of_work(ctx.sessions) as s:
        (wave,) = waves.plan_waves(s, ctx.user, ctx.clock())
    return wave.id


def _plan_waves(ctx: AppContext, st: Station) -> Call:
    _allocated(ctx, [("SKU-00001", 1)], 1)
    return lambda s, _me, u, now: waves.plan_waves(s, u, now)


def _allocate(ctx: AppContext, st: Station) -> Call:
    number = make_order(ctx, [("SKU-00001", 1)], status=OrderStatus.NEW)
    with read_only(ctx.sessions) as s:
        oid = s.scalar(select(Order.id).where(Order.number == number))
    return lambda s, _me, u, now: allocation.allocate(s, u, oid, now)


def _allocate_open(ctx: AppContext, st: Station) -> Call:
    make_order(ctx, [("SKU-00001", 1)], status=OrderStatus.NEW)
    return lambda s, _me, u, now: allocation.allocate_open(s, u, now, limit=5)


def _start_wave(ctx: AppContext, st: Station) -> Call:
    wave_id = _planned(ctx)
    return lambda s, _me, u, now: waves.start_wave(s, u, wave_id, now)


def _step(ctx: AppContext, st: Station) -> picking.PickStep:
    wave_id = _planned(ctx)
    with unit_of_work(ctx.sessions) as s:
        waves.start_wave(s, st.user, wave_id, ctx.clock())
    with read_only(ctx.sessions) as s:
        step = picking.current(s, wave_id)
    assert step is not None
    return step


def _pick_item(ctx: AppContext, st: Station) -> Call:
    step = _step(ctx, st)
    return lambda s, _me, u, now: picking.scan_item(s, u, step, parse_scan(step.sku), now)


def _short(ctx: AppContext, st: Station) -> Call:
    step = _step(ctx, st)
    return lambda s, _me, u, now: picking.short(s, u, step, 0, "empty_bin", now)


def _confirm_put(ctx: AppContext, st: Station) -> Call:
    step = _step(ctx, st)
    with unit_of_work(ctx.sessions) as s:
        step = picking.scan_item(s, st.user, step, parse_scan(step.sku), ctx.clock()).step
    return lambda s, _me, u, now: picking.confirm_put(s, u, step, parse_scan(step.tote), now)


def _retry_waiting(ctx: AppContext, st: Station) -> Call:
    return lambda s, _me, u, now: exceptions.retry_waiting(s, u, now)


def _report(ctx: AppContext, st: Station) -> Call:
    return lambda s, _me, u, now: exceptions.report(
        s, u, ExceptionKind.DAMAGED, "carton crushed", station=st.name, now=now
    )


def _resolve(ctx: AppContext, st: Station) -> Call:
    call = _report(ctx, st)
    exception_id = act(ctx, lambda s, now: call(s, st, st.user, now))
    return lambda s, _me, u, now: exceptions.resolve(
        s, u, exception_id, Action.FIXED, "repacked", station=st.name, now=now
    )


# function -> (how to set it up, the roles that may call it)
CASES: dict[str, tuple[Callable[[AppContext, Station], Call], set[Role]]] = {
    "packing.open_parcel": (_open_parcel, FLOOR),
    "packing.scan_item": (_scan_item, FLOOR),
    "packing.weigh": (_weigh, FLOOR),
    "packing.reweigh": (_reweigh, FLOOR),
    "packing.cancel": (_cancel, FLOOR),
    "packing.override": (_override, BOSS),
    "packing.new_box": (_new_box, FLOOR),
    "packing.take_over": (_take_over, BOSS),
    "verify.start": (_verify_start, FLOOR),
    "verify.scan_item": (_verify_scan, FLOOR),
    "verify.weigh": (_verify_weigh, FLOOR),
    "verify.hand_over": (_hand_over, FLOOR),
    "verify.close_batch": (_close_batch, FLOOR),
    "waves.plan_waves": (_plan_waves, BOSS),
    "allocation.allocate": (_allocate, BOSS),
    "allocation.allocate_open": (_allocate_open, BOSS),
    "waves.start_wave": (_start_wave, PICK),
    "picking.scan_item": (_pick_item, PICK),
    "picking.short": (_short, PICK),
    "picking.confirm_put": (_confirm_put, PICK),
    "exceptions.retry_waiting": (_retry_waiting, BOSS),
    "exceptions.report": (_report, FLOOR),
    "exceptions.resolve": (_resolve, BOSS),
}
# what the services offer that changes nothing (consume_order: a step inside packing, which checks)
READ_ONLY = {
    "allocation.problems",
    "allocation.consume_order",
    "packing.resume",
    "packing.tolerance",
    "packing.stored_forms",
    "verify.sampling_reason",
    "verify.open_batches",
    "picking.current",
    "picking.scan_bin",
    "waves.open_waves",
    "waves.wave_view",
    "waves.open_tasks",
    "waves.walk_order",
    "waves.bin_sort_key",
    "exceptions.open_exceptions",
    "exceptions.missing",
    "packing.moved_away",
    "verify.reconcile",
    "verify.pickup_slot",
}


@pytest.fixture
def admin_station(demo_ctx: AppContext, tmp_path) -> Station:
    printers = {doc: {"uri": f"file:{tmp_path / 'printed'}"} for doc in ("waybill", "invoice", "manifest")}
    return Station("PACK-01", demo_user(demo_ctx, "admin"), printers)


def test_every_service_function_that_changes_data_is_walked():
    public = {
        f"{module.__name__.rsplit('.', 1)[1]}.{name}"
        for module in (packing, verify, picking, exceptions, waves, allocation)
        for name, fn in vars(module).items()
        if inspect.isfunction(fn) and fn.__module__ == module.__name__ and not name.startswith("_")
    }
    assert public - READ_ONLY == set(CASES)


@pytest.mark.parametrize("role", list(USERS), ids=lambda r: r.value)
@pytest.mark.parametrize("function", list(CASES))
def test_each_role_may_do_only_what_its_permissions_say(demo_ctx, admin_station, function, role):
    setup, allowed = CASES[function]
    call = setup(demo_ctx, admin_station)
    user = demo_user(demo_ctx, USERS[role])
    me = replace(admin_station, user=user)
    if role in allowed:
        act(demo_ctx, lambda s, now: call(s, me, user, now))  # done, no refusal of any kind
        return
    with pytest.raises(PermissionDenied) as refused:
        act(demo_ctx, lambda s, now: call(s, me, user, now))
    assert refused.value.code == "permission.denied"


def test_an_agent_cannot_override_a_weight_and_a_picker_cannot_hand_over_a_batch(demo_ctx, admin_station):
    parcel = _blocked(demo_ctx, admin_station)
    packer = replace(admin_station, user=demo_user(demo_ctx, "packer1"))
    agent = demo_user(demo_ctx, "agent1")
    with pytest.raises(PermissionDenied, match=f"{agent.display_name} may not override a weight check"):
        act(demo_ctx, packing.override, packer, parcel, "BADGE-agent1", "asked nicely")
    close = _close_batch(demo_ctx, admin_station)
    picker = demo_user(demo_ctx, "picker1")
    with pytest.raises(PermissionDenied, match="may not hand parcels over to a carrier"):
        act(demo_ctx, lambda s, now: close(s, replace(admin_station, user=picker), picker, now))
    with read_only(demo_ctx.sessions) as s:
        assert s.scalar(select(Package.override_by).where(Package.id == parcel.package_id)) is None


def test_the_override_is_recorded_under_the_badge_scanned_not_an_id_passed_in(demo_ctx, admin_station):
    parcel = _blocked(demo_ctx, admin_station)
    packer = replace(admin_station, user=demo_user(demo_ctx, "packer1"))
    r = act(demo_ctx, packing.override, packer, parcel, "BADGE-super1", "manual inside")
    assert r.verdict is packing.Verdict.PACKED
    with read_only(demo_ctx.sessions) as s:
        by = s.scalar(select(Package.override_by).where(Package.id == parcel.package_id))
    assert by == demo_user(demo_ctx, "super1").id
    with pytest.raises(PermissionDenied, match="Sign in first"):
        act(demo_ctx, packing.weigh, replace(admin_station, user=None), parcel, Decimal(1))
