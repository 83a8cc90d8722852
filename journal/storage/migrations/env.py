"""Alembic environment: runs on the connection handed over by journal.storage.schema."""

from __future__ import annotations

from alembic import context

from journal.storage.models import all_tables

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=all_tables(),
    render_as_batch=True,  # SQLite alters tables by copying them
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
