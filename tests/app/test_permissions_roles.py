"""Every service-mode function that changes data or reveals personal data, tried by every role:
the roles the permission table grants it do it, the others are refused with PermissionDenied
(a packer cannot approve a refund, an agent cannot merge customers or see full contacts, ...)."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.context import CurrentUser
from app.db import session_factory, unit_of_work
from app.errors import NotFound, PermissionDenied
from app.models.accounts import Role, User
from app.models.orders import Customer, Order
from app.models.service import FollowUp, Incident, Ticket
from app.permissions import PERMISSIONS
from app.services import customer_actions, customers, history, incidents, service_stats, tickets
from tests.support.service_world import T0, World, build_world

NOW = T0 + dt.timedelta(days=5)


@dataclass(frozen=True)
class Scene:
    world: World
    order_id: int
    ticket_id: int
    ticket_number: str
    incident_id: int
    refund_id: int
    follow_up_id: int
    users: dict[Role, CurrentUser]
    out: Path


@pytest.fixture
def scene(engine, tmp_path) -> Scene:
    world = build_world(engine)
    factory = session_factory(engine)
    with unit_of_work(factory) as s:
        users = {
            Role.AGENT: s.get(User, world.agent_id),
            Role.SUPERVISOR: s.get(User, world.super_id),
        }
        for role in (Role.PICKER, Role.PACKER, Role.ADMIN):
            users[role] = User(username=role.value, display_name=role.value, password_hash="x", role=role)
            s.add(users[role])
        s.flush()
        signed_in = {r: CurrentUser(u.id, u.username, u.display_name, r) for r, u in users.items()}
        agent = signed_in[Role.AGENT]
        order_id = s.scalar(select(Order.id).where(Order.number == world.order))
        ticket = tickets.open_ticket(s, agent, customer_id=world.wei, subject="包裹破损",
                                     channel=tickets.ContactChannel.PHONE, now=T0)
        incident = Incident(title="spike", status="open", opened_at=T0, review={})
        s.add(incident)
        s.flush()
        s.get(Ticket, ticket.id).incident_id = incident.id
        refund = customer_actions.request_refund(s, agent, world.wei, order_id=order_id, amount="500",
                                                 reason="破损", now=T0)
        follow = FollowUp(customer_id=world.wei, assignee_id=agent.id, due_at=T0)
        s.add(follow)
        s.get(Customer, world.other_wei).merged_into_id = world.wei  # to un-merge
        s.flush()
        return Scene(world, order_id, ticket.id, ticket.number, incident.id, refund.id, follow.id, signed_in,
                     tmp_path / "report.csv")


Call = Callable[[Any, CurrentUser, Scene], object]
# (module.function, permission it needs, the call with valid arguments)
CALLS: list[tuple[str, str, Call]] = [
    ("tickets.open_ticket", "service.use", lambda s, u, c: tickets.open_ticket(
        s, u, customer_id=c.world.wei, subject="发票", channel=tickets.ContactChannel.EMAIL, now=NOW)),
    ("tickets.reply", "service.use", lambda s, u, c: tickets.reply(s, u, c.ticket_id, "您好", NOW)),
    ("tickets.set_status", "service.use", lambda s, u, c: tickets.set_status(
        s, u, c.ticket_id, tickets.TicketStatus.PENDING, NOW)),
    ("tickets.set_priority", "service.use", lambda s, u, c: tickets.set_priority(
        s, u, c.ticket_id, tickets.Priority.HIGH, NOW)),
    ("tickets.set_category", "service.use", lambda s, u, c: tickets.set_category(
        s, u, c.ticket_id, "return", NOW)),
    ("tickets.assign", "service.use", lambda s, u, c: tickets.assign(
        s, u, c.ticket_id, c.world.super_id, NOW)),
    ("tickets.escalate", "service.use", lambda s, u, c: tickets.escalate(s, u, c.ticket_id, "客户要求", NOW)),
    ("tickets.set_available", "service.use", lambda s, u, c: tickets.set_available(s, u, False)),
    ("tickets.complete_follow_up", "service.use", lambda s, u, c: tickets.complete_follow_up(
        s, u, c.follow_up_id, NOW, "已回电")),
    ("tickets.work_queue", "service.use", lambda s, u, c: tickets.work_queue(s, u, "all")),
    ("tickets.follow_ups_due", "service.use", lambda s, u, c: tickets.follow_ups_due(s, u, NOW)),
    ("tickets.count_queue", "service.use", lambda s, u, c: tickets.count_queue(s, u, "all")),
    ("tickets.search_tickets", "service.use", lambda s, u, c: tickets.search_tickets(s, u, "快递")),
    ("tickets.set_tags", "service.use", lambda s, u, c: tickets.set_tags(s, u, c.ticket_id, ["物流"], NOW)),
    ("tickets.notices", "service.use", lambda s, u, c: tickets.notices(s, u)),
    ("tickets.mark_seen", "service.use", lambda s, u, c: tickets.mark_seen(s, u, [1], NOW)),
    ("tickets.save_attachment", "service.use", lambda s, u, c: _no_attachment(s, u, c)),
    ("incidents.link_ticket", "service.use", lambda s, u, c: incidents.link_ticket(
        s, u, c.incident_id, c.ticket_number)),
    ("incidents.bulk_notice", "service.use", lambda s, u, c: incidents.bulk_notice(
        s, u, c.incident_id, "{customer_name}您好", NOW)),
    ("incidents.close_incident", "service.dashboard", lambda s, u, c: incidents.close_incident(
        s, u, c.incident_id, dict.fromkeys(incidents.REVIEW_FIELDS, "x"), NOW)),
    ("customer_actions.log_interaction", "service.use", lambda s, u, c: customer_actions.log_interaction(
        s, u, c.world.wei, channel="phone", direction="inbound", body="来电", now=NOW)),
    ("customer_actions.add_note", "service.use", lambda s, u, c: customer_actions.add_note(
        s, u, c.world.wei, "备注", now=NOW)),
    ("customer_actions.open_ticket", "service.use", lambda s, u, c: customer_actions.open_ticket(
        s, u, c.world.wei, subject="发票", channel="chat", now=NOW)),
    ("customer_actions.request_refund", "service.use", lambda s, u, c: customer_actions.request_refund(
        s, u, c.world.wei, order_id=c.order_id, amount="10", reason="运费", now=NOW)),
    ("customer_actions.give_coupon", "service.use", lambda s, u, c: customer_actions.give_coupon(
        s, u, c.world.wei, amount="10", reason="致歉", now=NOW)),
    ("customer_actions.schedule_follow_up", "service.use", lambda s, u, c: (
        customer_actions.schedule_follow_up(s, u, c.world.wei, now=NOW))),
    ("customer_actions.pending_refunds", "service.approve_refund", lambda s, u, c: (
        customer_actions.pending_refunds(s, u))),
    ("customer_actions.decide_refund", "service.approve_refund", lambda s, u, c: (
        customer_actions.decide_refund(s, u, c.refund_id, approve=True, now=NOW))),
    ("customers.merge_customers", "service.merge", lambda s, u, c: customers.merge_customers(
        s, u, c.world.weimin, c.world.wei)),
    ("customers.unmerge_customer", "service.merge", lambda s, u, c: customers.unmerge_customer(
        s, u, c.world.other_wei)),
    ("history.reveal_contacts", "service.reveal_pii", lambda s, u, c: history.reveal_contacts(
        s, u, c.world.wei)),
    ("service_stats.export_csv", "service.dashboard", lambda s, u, c: service_stats.export_csv(
        s, u, service_stats.dashboard(s, T0.date(), NOW.date(), NOW), c.out)),
]


def _no_attachment(s: Any, u: Any, c: Any) -> None:
    with pytest.raises(NotFound):  # the check of the role comes first
        tickets.save_attachment(s, u, 0, c.out)


# take a user but change nothing and reveal nothing personal: whether the user takes new tickets
NOT_GUARDED = {"tickets.is_available"}


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize(("name", "permission", "call"), CALLS, ids=[c[0] for c in CALLS])
def test_each_role_may_do_only_what_its_permissions_grant(engine, scene, role, name, permission, call):
    user = scene.users[role]
    with unit_of_work(session_factory(engine)) as s:
        if permission in PERMISSIONS[role]:
            call(s, user, scene)
        else:
            with pytest.raises(PermissionDenied, match="Your role may not"):
                call(s, user, scene)


def test_a_signed_out_caller_is_refused_everything(engine, scene):
    with unit_of_work(session_factory(engine)) as s:
        for _name, _permission, call in CALLS:
            with pytest.raises(PermissionDenied, match="Sign in first"):
                call(s, None, scene)  # type: ignore[arg-type]


def test_every_service_function_that_takes_a_user_is_walked():
    modules = (tickets, incidents, customer_actions, customers, history, service_stats)
    taking_a_user = {
        f"{m.__name__.rsplit('.', 1)[1]}.{name}"
        for m in modules
        for name, fn in inspect.getmembers(m, inspect.isfunction)
        if fn.__module__ == m.__name__ and not name.startswith("_")
        and "user" in inspect.signature(fn).parameters
    }
    assert taking_a_user - NOT_GUARDED == {c[0] for c in CALLS}


def test_a_packer_cannot_approve_a_refund_and_it_stays_pending(engine, scene):
    with unit_of_work(session_factory(engine)) as s, pytest.raises(PermissionDenied, match="approve refunds"):
        customer_actions.decide_refund(s, scene.users[Role.PACKER], scene.refund_id, approve=True, now=NOW)
    with unit_of_work(session_factory(engine)) as s:
        (pending,) = customer_actions.pending_refunds(s, scene.users[Role.SUPERVISOR])
    assert (pending.id, pending.amount) == (scene.refund_id, Decimal("500.00"))
