"""The settings registry: one declaration per key with its type, default, range and the role that
may change it; services read typed values; a change is checked and audited."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app.db import session_factory, unit_of_work
from app.errors import ConfigError, PermissionDenied
from app.models.audit import AuditEntry
from app.services import settings
from tests.conftest import make_ctx


def test_an_unset_key_reads_its_declared_default_with_its_type(engine):
    with unit_of_work(session_factory(engine)) as s:
        assert settings.get(s, "pack.tolerance_g") == 20
        assert settings.get(s, "pack.tolerance_pct") == Decimal(5)
        assert settings.get(s, "print.waybill.full_contact.SF") is False  # one per carrier


def test_a_supervisor_tightens_the_tolerance_and_it_is_audited(engine):
    from app.models.accounts import Role
    from app.services.auth import create_user

    with unit_of_work(session_factory(engine)) as s:
        sup_id = create_user(s, "super1", "pw", Role.SUPERVISOR)
    sup = make_ctx(engine, Role.SUPERVISOR, sup_id, "super1").user
    with unit_of_work(session_factory(engine)) as s:
        assert settings.change(s, sup, "pack.tolerance_pct", "2.5", station="ST1") == Decimal("2.5")
    with unit_of_work(session_factory(engine)) as s:
        assert settings.get(s, "pack.tolerance_pct") == Decimal("2.5")
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "setting.change")).one()
        assert (entry.entity_id, entry.user_id, entry.detail["old"], entry.detail["new"]) == (
            "pack.tolerance_pct", sup_id, "5", "2.5")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("pack.tolerance_g", "ten", "pack.tolerance_g must be int, not 'ten'."),
        ("pack.tolerance_g", 10**6, "pack.tolerance_g must be at most 5000."),
        ("verify.sample_pct", -1, "verify.sample_pct must be at least 0."),
        ("pack.tolerance_pct", "NaN", "pack.tolerance_pct must be decimal, not 'NaN'."),
        ("pack.tolerence_g", 1, "No setting pack.tolerence_g."),
    ],
)
def test_a_bad_value_or_key_is_refused_with_the_key(engine, key, value, message):
    with pytest.raises(ConfigError) as refused, unit_of_work(session_factory(engine)) as s:
        settings.put(s, key, value)
    assert str(refused.value) == message


def test_a_packer_may_not_change_a_setting_and_a_supervisor_not_an_admin_one(engine):
    from app.models.accounts import Role

    packer = make_ctx(engine, Role.PACKER, 3, "packer1").user
    sup = make_ctx(engine, Role.SUPERVISOR, 7, "super1").user
    with pytest.raises(PermissionDenied), unit_of_work(session_factory(engine)) as s:
        settings.change(s, packer, "pack.tolerance_g", 30)
    with pytest.raises(PermissionDenied), unit_of_work(session_factory(engine)) as s:
        settings.change(s, sup, "service.refund_approval_limit", 500)
    with unit_of_work(session_factory(engine)) as s:
        views = {v.key: v for v in settings.overview(s, sup)}
        assert views["pack.tolerance_g"].may_change and not views["service.refund_approval_limit"].may_change
