"""Alembic environment: runs on the connection the Database hands over."""

from alembic import context

from presale_engine.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - always run through Database.upgrade
    raise RuntimeError("run migrations through presale_engine.store.Database")
context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=True, compare_type=True
)
with context.begin_transaction():
    context.run_migrations()
