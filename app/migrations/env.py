"""Alembic environment: runs on the engine the app hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from app.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # `alembic` run by hand: take the app's configured database
    from app.config import load_settings
    from app.db import make_engine

    engine = make_engine(load_settings().resolved_database_url())

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
