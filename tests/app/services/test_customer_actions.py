"""A refund above the approval limit waits in the supervisors' list until one decides; duplicates
of a customer are offered by phone, email and address, and merged or un-merged with an audit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.db import read_only, session_factory, unit_of_work
from app.errors import Conflict, DomainError
from app.models.audit import AuditEntry
from app.models.orders import Address, Order
from app.services import customer_actions, customers, history
from tests.support.service_world import T0, World, _customer

LATER = T0 + dt.timedelta(days=6)


def _order_id(s, world: World) -> int:
    return s.scalar(select(Order.id).where(Order.number == world.order))


def test_a_refund_over_the_limit_waits_for_a_supervisor_whose_decision_lands_in_the_history(
    any_engine, world, agent_ctx, super_ctx
):
    factory = session_factory(any_engine)

    def ask(s, amount: str, reason: str, hours: int):
        at = T0 + dt.timedelta(hours=hours)
        return customer_actions.request_refund(
            s, agent_ctx.user, world.wei, order_id=_order_id(s, world), amount=amount, reason=reason, now=at
        )

    with unit_of_work(factory) as s:
        small, big, other = ask(s, "50", "运费", 0), ask(s, "600", "破损", 1), ask(s, "300", "少发", 2)
    assert not small.pending_approval and big.pending_approval and other.pending_approval
    with read_only(factory) as s:
        waiting = customer_actions.pending_refunds(s, super_ctx.user)
    assert [(p.id, p.amount, p.customer, p.order_number, p.requested_by) for p in waiting] == [
        (big.id, Decimal("600.00"), "张伟", world.order, "陈客服"),  # the longest wait first
        (other.id, Decimal("300.00"), "张伟", world.order, "陈客服"),
    ]
    with unit_of_work(factory) as s:
        customer_actions.decide_refund(s, super_ctx.user, big.id, approve=True, now=LATER)
    with unit_of_work(factory) as s, pytest.raises(Conflict, match="is approved, not waiting"):
        customer_actions.decide_refund(s, super_ctx.user, big.id, approve=False, now=LATER, note="x")
    with unit_of_work(factory) as s, pytest.raises(DomainError, match="The reason is empty"):
        customer_actions.decide_refund(s, super_ctx.user, other.id, approve=False, now=LATER, note="  ")
    with unit_of_work(factory) as s:
        customer_actions.decide_refund(s, super_ctx.user, other.id, approve=False, now=LATER,
                                       note="已补发，无需退款")
    with read_only(factory) as s:
        assert customer_actions.pending_refunds(s, super_ctx.user) == []
        events = history.timeline(s, world.wei, kinds=["refund", "interaction"]).events
        audit = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "refund")
                          .order_by(AuditEntry.id)).all()
    notes = [e.text for e in events if e.kind == "interaction"]
    assert notes[:2] == [f"Refund ¥300.00 on {world.order} declined by Super1: 已补发，无需退款",
                         f"Refund ¥600.00 on {world.order} approved by Super1."]
    decided = {(e.id, e.status) for e in events if e.kind == "refund"}
    assert {(big.id, "approved"), (other.id, "rejected")} <= decided
    assert audit[-2:] == ["refund.approve", "refund.reject"]


def test_duplicates_by_phone_email_and_address_are_offered_then_merged_and_unmerged(
    any_engine, world, super_ctx
):
    factory = session_factory(any_engine)
    with unit_of_work(factory) as s:
        same_street = _customer(s, "张伟", "13911112222").id  # 科技园南路1号, like 张伟
        same_mailbox = _customer(s, "张伟", "13911113333", "zhang.wei@163.com", street="人民路2号").id
        gave_phone = _customer(s, "Wei Zhang", "13599998888", street="Main St 3").id
        s.add(Address(customer_id=world.wei, recipient="张伟", phone="+86 135 9999 8888", province="广东省",
                      city="深圳市", district="福田区", street="福华路9号"))
    with read_only(factory) as s:
        found = {d.customer_id: d for d in customers.duplicate_candidates(s, world.wei)}
    assert {cid: d.reasons for cid, d in found.items()} == {
        same_street: ("address",), same_mailbox: ("email",), gave_phone: ("phone",)
    }  # 王伟 at the same street has another name: not offered
    assert found[same_street].phone == "139****2222" and found[same_street].name == "张伟"
    with unit_of_work(factory) as s:
        assert customers.merge_customers(s, super_ctx.user, same_street, world.wei) == world.wei
    with read_only(factory) as s:
        assert same_street not in {d.customer_id for d in customers.duplicate_candidates(s, world.wei)}
        assert history.header(s, world.wei).merged_ids == (same_street,)
    with unit_of_work(factory) as s:
        customers.unmerge_customer(s, super_ctx.user, same_street)
    with read_only(factory) as s:
        assert history.header(s, world.wei).merged_ids == ()
        audit = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "customer")).all()
    assert audit == ["customer.merge", "customer.unmerge"]
