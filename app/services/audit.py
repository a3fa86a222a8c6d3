"""Writing to the append-only audit log from any service."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.models.audit import AuditEntry


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: object,
    *,
    user_id: int | None = None,
    station: str | None = None,
    **detail: Any,
) -> None:
    """Add an audit entry in the caller's unit of work (it commits with the change it explains)."""
    session.add(
        AuditEntry(
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            user_id=user_id,
            station=station,
            detail={k: str(v) if not isinstance(v, (int, float, bool, type(None))) else v
                    for k, v in detail.items()},
        )
    )
