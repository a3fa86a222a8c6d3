"""The models, one module per context.

Importing one model module declares only its own classes (a quick command such as ``customer find``
declares the handful of tables it reads, not all 59: ~0.1 s at start). ``Base`` taken from this
package (``from app.models import Base``: Alembic, the demo loader) has every model declared, so its
metadata is complete. Relationships stay inside one module, so any subset of modules maps; writing
a row needs the tables its foreign keys point at, so a write declares every model when one is missing.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, UOWTransaction

if TYPE_CHECKING:
    from app.models.base import Base

MODULES = ("accounts", "audit", "catalog", "desk", "fulfilment", "inventory", "jobs", "mail", "orders",
           "service", "settings", "shipments", "site", "site_record", "tickets", "video")

__all__ = ["MODULES", "Base", "load_all"]


def load_all() -> type[Base]:
    """The declarative base with every model module imported (complete ``Base.metadata``)."""
    for name in MODULES:
        importlib.import_module(f"app.models.{name}")
    from app.models.base import Base

    return Base


def __getattr__(name: str) -> Any:
    if name == "Base":
        return load_all()
    if name in MODULES:
        return importlib.import_module(f"app.models.{name}")
    raise AttributeError(f"module 'app.models' has no attribute {name!r}")


def _declare_targets(written: Iterable[Mapper[Any]]) -> None:
    """SQLAlchemy orders a write by the foreign keys of the written tables (and of the tables their
    relationships cascade to): each must point at a declared table."""
    from app.models.base import Base

    declared, seen, todo = Base.metadata.tables, set(), list(written)
    while todo:
        mapper = todo.pop()
        if mapper in seen:
            continue
        seen.add(mapper)
        if any(fk.target_fullname.rsplit(".", 1)[0] not in declared
               for table in mapper.tables for fk in table.foreign_keys):
            load_all()
            return
        todo += [rel.mapper for rel in mapper.relationships]


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    _declare_targets({inspect(obj).mapper for obj in (*session.new, *session.dirty, *session.deleted)})


@event.listens_for(Session, "do_orm_execute")
def _before_orm_write(state: ORMExecuteState) -> None:
    if (state.is_insert or state.is_update or state.is_delete) and state.bind_mapper is not None:
        _declare_targets([state.bind_mapper])
