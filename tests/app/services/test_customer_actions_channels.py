"""A call or chat the agent logs on a customer's ticket counts as the customer writing, as an
email does: a pending or resolved ticket opens again and the next-response clock starts; a
closed ticket or another customer's is refused with one line and nothing is logged."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.db import read_only, session_factory, unit_of_work
from app.errors import Conflict
from app.models.service import ContactChannel, Interaction, TicketStatus
from app.services import customer_actions, tickets
from tests.support.service_world import T0


def _answered_ticket(factory, agent, customer_id: int, status: TicketStatus) -> int:
    with unit_of_work(factory) as s:
        ticket = tickets.open_ticket(s, agent, customer_id=customer_id, subject="快递一直没更新",
                                     channel=ContactChannel.PHONE, now=T0, body="快递一直没更新")
        tickets.reply(s, agent, ticket.id, "已联系快递公司，请稍候。", T0 + dt.timedelta(minutes=5))
        tickets.set_status(s, agent, ticket.id, status, T0 + dt.timedelta(minutes=6))
        return ticket.id


def _call(factory, agent, customer_id: int, ticket_id: int, channel: str, minutes: int) -> None:
    at = T0 + dt.timedelta(minutes=minutes)
    with unit_of_work(factory) as s:
        customer_actions.log_interaction(s, agent, customer_id, channel=channel, direction="inbound",
                                         body="还是没收到，怎么回事？", now=at, ticket_id=ticket_id)


@pytest.mark.parametrize("status", [TicketStatus.PENDING, TicketStatus.RESOLVED])
@pytest.mark.parametrize("channel", ["phone", "chat"])
def test_the_customer_calling_on_a_waiting_ticket_reopens_it_and_starts_the_answer_clock(
    any_engine, world, agent_ctx, status, channel
):
    factory = session_factory(any_engine)
    ticket_id = _answered_ticket(factory, agent_ctx.user, world.li, status)
    _call(factory, agent_ctx.user, world.li, ticket_id, channel, 60)
    with read_only(factory) as s:
        t = tickets.get_ticket(s, ticket_id)
    assert t.status is TicketStatus.OPEN and t.paused_at is None and t.resolved_at is None
    assert t.next_response_due is not None and t.next_response_due > T0 + dt.timedelta(minutes=60)


def test_our_own_call_out_wakes_nothing(any_engine, world, agent_ctx):
    factory = session_factory(any_engine)
    ticket_id = _answered_ticket(factory, agent_ctx.user, world.li, TicketStatus.PENDING)
    with unit_of_work(factory) as s:
        customer_actions.log_interaction(s, agent_ctx.user, world.li, channel="phone", direction="outbound",
                                         body="回访", now=T0 + dt.timedelta(minutes=30), ticket_id=ticket_id)
    with read_only(factory) as s:
        t = tickets.get_ticket(s, ticket_id)
    assert t.status is TicketStatus.PENDING and t.next_response_due is None


def test_a_closed_ticket_or_another_customers_is_refused_and_nothing_is_logged(any_engine, world, agent_ctx):
    factory = session_factory(any_engine)
    ticket_id = _answered_ticket(factory, agent_ctx.user, world.li, TicketStatus.RESOLVED)
    with unit_of_work(factory) as s:
        tickets.set_status(s, agent_ctx.user, ticket_id, TicketStatus.CLOSED, T0 + dt.timedelta(minutes=7))
        before = s.scalar(select(func.count()).select_from(Interaction))
    with pytest.raises(Conflict, match=r"^Ticket T-\d+ is closed; open a new ticket\.$"):
        _call(factory, agent_ctx.user, world.li, ticket_id, "phone", 60)
    with pytest.raises(Conflict, match=r"belongs to another customer"):
        _call(factory, agent_ctx.user, world.smith, ticket_id, "chat", 60)
    with read_only(factory) as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == before
