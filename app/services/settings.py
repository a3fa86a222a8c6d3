"""Shared business settings (weight tolerance, sampling rates, thresholds) kept in the database,
so every station of a warehouse applies the same rule. Every key is declared once in
``REGISTRY`` with its type, default, range, description and the permission needed to change it;
services read typed values with ``get``, the settings screen and ``packdesk settings`` change them
with ``change`` (checked, audited). A key missing from the database means its default.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConfigError
from app.models.settings import Setting

if TYPE_CHECKING:
    from app.context import CurrentUser


@dataclass(frozen=True)
class Spec:
    key: str
    kind: type  # int, Decimal, bool, str, list, dict
    default: Any
    description: str
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    permission: str = "admin.settings"  # who may change it

    def coerce(self, value: Any) -> Any:
        """The value as ``kind``, range-checked; ConfigError with the key otherwise."""
        try:
            if self.kind is bool:
                if isinstance(value, str):
                    value = {"true": True, "1": True, "yes": True, "false": False, "0": False,
                             "no": False}[value.strip().lower()]
                out: Any = bool(value)
            elif self.kind is int:
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError(value)
                out = int(value)
            elif self.kind is Decimal:
                out = Decimal(str(value))
                if not out.is_finite():
                    raise ValueError(value)
            elif self.kind in (list, dict):
                if not isinstance(value, self.kind):
                    raise ValueError(value)
                out = value
            else:
                out = str(value)
        except (ValueError, TypeError, KeyError, InvalidOperation):
            raise ConfigError("{key} must be {kind}, not {value!r}.", key=self.key,
                              kind=self.kind.__name__.lower(), value=value) from None
        if self.minimum is not None and Decimal(str(out)) < self.minimum:
            raise ConfigError("{key} must be at least {minimum}.", key=self.key, minimum=self.minimum)
        if self.maximum is not None and Decimal(str(out)) > self.maximum:
            raise ConfigError("{key} must be at most {maximum}.", key=self.key, maximum=self.maximum)
        return out


def _specs(*specs: Spec) -> dict[str, Spec]:
    return {spec.key: spec for spec in specs}


_SUP = "station.exceptions"  # shift supervisors tune the station's rules
REGISTRY: dict[str, Spec] = _specs(
    Spec("pack.tolerance_g", int, 20, "weight tolerance of a parcel, grams (at least)", Decimal(0),
         Decimal(5000), _SUP),
    Spec("pack.tolerance_pct", Decimal, Decimal(5), "weight tolerance of a parcel, percent (at least)",
         Decimal(0), Decimal(50), _SUP),
    Spec("pack.scale_resolution_g", int, 2, "the pack scales' resolution (one division), grams: the "
         "tightest weight band a light item may get", Decimal(1), Decimal(100), _SUP),
    Spec("carriers.multi_piece.*", bool, False, "this carrier takes a multi-box order under its first box's "
         "waybill as master", None, None),
    Spec("verify.sample_pct", int, 10, "share of parcels re-checked at verify, percent", Decimal(0),
         Decimal(100), _SUP),
    Spec("verify.always_above", Decimal, Decimal(2000), "orders at or above this total are always verified",
         Decimal(0), None, _SUP),
    Spec("allocation.rule", str, "cost", "which warehouse serves an order: cost or nearest", None, None),
    Spec("allocation.low_stock", int, 5, "warn when stock left after allocation is at most this",
         Decimal(0), None, _SUP),
    Spec("waves.max_orders", int, 30, "orders (totes) per wave", Decimal(1), Decimal(500), _SUP),
    Spec("waves.max_lines", int, 150, "pick lines per wave", Decimal(1), Decimal(5000), _SUP),
    Spec("print.waybill.full_contact.*", bool, False, "print the recipient's full name and phone on this "
         "carrier's labels (only where the carrier requires it)", None, None),
    Spec("print.invoice.mask_phone", bool, True, "mask the buyer's phone on invoices", None, None),
    Spec("service.refund_approval_limit", Decimal, Decimal("200.00"),
         "refunds above this amount (CNY) wait for a supervisor", Decimal(0), None),
    Spec("service.large_order", Decimal, Decimal(2000),
         "orders at or above this total raise a ticket's priority",
         Decimal(0), None),
    Spec("service.routes", list, [], "ticket routing table (category, channel, language → queue); "
         "empty means the built-in routes", None, None),
    Spec("stock.count_approval_above", int, 5, "a count differing by more than this many units waits for "
         "a supervisor", Decimal(0), None, _SUP),
    Spec("service.business_hours", dict, {}, "working hours per queue ('*': every other queue): shifts, "
         "weekdays, calendar; empty means round the clock", None, None, "service.dashboard"),
    Spec("service.sla_warn_minutes", int, 15, "warn the assignee and supervisors this many business minutes "
         "before an SLA clock runs out (0: no warning)", Decimal(0), Decimal(24 * 60), "service.dashboard"),
    Spec("service.sla_warn_to", list, [], "user names warned before an SLA breach besides the assignee; "
         "empty means every active supervisor", None, None, "service.dashboard"),
    Spec("service.csat_survey", bool, True, "email a satisfaction survey when a ticket is resolved", None,
         None, "service.dashboard"),
    Spec("service.csat_low", int, 2, "a survey score at or below this opens a follow-up for a supervisor",
         Decimal(0), Decimal(5), "service.dashboard"),
    Spec("assist.bot_threshold", Decimal, Decimal("0.8"), "the answer bot replies by itself when the intent "
         "model is surer than this (0..1; 1 turns the bot off)", Decimal(0), Decimal(1), "service.dashboard"),
    Spec("service.tier_thresholds", dict, {}, "lifetime value (CNY) from which a customer is silver, "
         "gold, vip; empty means the built-in thresholds", None, None),
    Spec("video.retention_days", int, 90, "packing videos are deleted this many days after recording",
         Decimal(1), Decimal(3650)),
    Spec("video.quota_gb", int, 200, "packing videos of one station take at most this many GB (the oldest "
         "are deleted first)", Decimal(1), Decimal(1_000_000)),
)


def spec(key: str) -> Spec:
    """The key's declaration; ``family.*`` declares one setting per suffix (a carrier code, ...)."""
    found = REGISTRY.get(key) or REGISTRY.get(key.rpartition(".")[0] + ".*")
    if found is None:
        raise ConfigError("No setting {key}.", key=key)
    return found


def get(session: Session, key: str, default: Any = None) -> Any:
    """The typed value of a registered setting (``default`` is only for keys that services own
    themselves with a richer built-in value, e.g. routing tables: used when the stored one is empty)."""
    s = spec(key)
    row = session.get(Setting, key)
    value = s.default if row is None else s.coerce(row.value)
    if default is not None and value in ([], {}, None):
        return default
    return value


def put(session: Session, key: str, value: Any) -> None:
    """Store a checked value (for code that already checked the user: demo, tests, migrations)."""
    value = spec(key).coerce(value)
    stored = str(value) if isinstance(value, Decimal) else value
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=stored))
    else:
        row.value = stored


def change(
    session: Session, user: CurrentUser | None, key: str, value: Any, station: str | None = None
) -> Any:
    """A user changes a setting: their role must allow it; the old and new values are audited."""
    from app.permissions import require
    from app.services import audit

    s = spec(key)
    actor = require(user, s.permission)
    old = get(session, key)
    put(session, key, value)
    new = get(session, key)
    audit.record(session, "setting.change", "setting", key, user_id=actor.id, station=station,
                 old=old, new=new)
    return new


@dataclass(frozen=True)
class SettingView:
    key: str
    value: Any
    default: Any
    description: str
    kind: str
    may_change: bool


def overview(session: Session, user: CurrentUser | None) -> list[SettingView]:
    """Every setting with its value, for the settings screen and ``packdesk settings list``."""
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    keys = [k for k in REGISTRY if not k.endswith(".*")]
    keys += sorted(k for k in stored if k not in REGISTRY and _declared(k))  # family members set
    out = []
    for key in keys:
        s = spec(key)
        value = s.coerce(stored[key]) if key in stored else s.default
        out.append(SettingView(key, value, s.default, s.description, s.kind.__name__.lower(),
                               user is not None and user.may(s.permission)))
    return out


def _declared(key: str) -> bool:
    try:
        spec(key)
    except ConfigError:
        return False  # a row left by an older version: not shown, never read
    return True
