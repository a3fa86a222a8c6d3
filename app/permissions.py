"""What each role may do, and the one check every service runs before it changes data or reveals
personal data: ``require(actor, permission)``. The UI mirrors the same table to hide what a role
cannot use, but the service's check is the one that counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import PermissionDenied
from app.models.accounts import Role

if TYPE_CHECKING:
    from app.context import CurrentUser

# Permission → what it lets a user do (the words a refusal uses).
ACTIONS: dict[str, str] = {
    "station.pick": "pick waves",
    "station.pack": "pack orders",
    "station.verify": "verify parcels",
    "station.handover": "hand parcels over to a carrier",
    "station.plan": "allocate stock and plan waves",
    "station.exceptions": "resolve station exceptions",
    "station.override": "override a weight check",
    "station.takeover": "take over another station's parcel",
    "service.use": "work on customers and tickets",
    "service.reveal_pii": "see full contact details",
    "service.approve_refund": "approve refunds",
    "service.dashboard": "see service reports and close incidents",
    "service.merge": "merge customers",
    "service.mailboxes": "configure mailboxes",
    "service.video": "view and export packing videos",
    "intake.import": "import files",
    "print.reprint": "reprint documents",
    "admin.settings": "change settings",
    "admin.users": "manage users",
    "admin.master_data": "change warehouses, bins, products and carriers",
    "stock.receive": "receive stock",
    "stock.adjust": "move, adjust or count stock",
    "stock.approve": "approve stock count variances",
}

_STATION = {"station.pick", "station.pack", "station.verify", "station.handover"}
_SERVICE = {"service.use", "service.video"}
_SUPERVISOR = (
    _STATION
    | _SERVICE
    | {"station.plan", "station.exceptions", "station.override", "station.takeover", "service.reveal_pii",
       "service.approve_refund", "service.dashboard", "service.merge", "intake.import", "print.reprint",
       "admin.master_data", "stock.receive", "stock.adjust", "stock.approve", "service.mailboxes"}
)

PERMISSIONS: dict[Role, frozenset[str]] = {
    Role.PICKER: frozenset({"station.pick", "stock.receive"}),
    Role.PACKER: frozenset({"station.pack", "station.verify", "station.handover", "print.reprint"}),
    Role.AGENT: frozenset(_SERVICE),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: frozenset(_SUPERVISOR | {"admin.settings", "admin.users"}),
}


def require(actor: CurrentUser | None, permission: str) -> CurrentUser:
    """The signed-in user, if their role grants ``permission``; else PermissionDenied."""
    if permission not in ACTIONS:
        raise KeyError(f"unknown permission {permission!r}")  # a typo in a service, not a user error
    if actor is None:
        raise PermissionDenied("Sign in first.", code="auth.required")
    if permission not in PERMISSIONS[actor.role]:
        raise PermissionDenied(
            "Your role may not {action}.", code="permission.denied", action=ACTIONS[permission]
        )
    return actor
