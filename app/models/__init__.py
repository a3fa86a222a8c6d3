"""All models, imported so ``Base.metadata`` is complete for Alembic and the app."""

from app.models import (
    accounts,
    audit,
    catalog,
    desk,
    fulfilment,
    inventory,
    jobs,
    mail,
    orders,
    service,
    site,
    video,
)
from app.models.base import Base

__all__ = ["Base", "accounts", "audit", "catalog", "desk", "fulfilment", "inventory", "jobs", "mail",
           "orders", "service", "site", "video"]
