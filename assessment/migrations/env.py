"""Alembic environment: the URL and connection come from assessment.storage, never from a file."""

from alembic import context

from assessment.tables import Base

connection = context.config.attributes.get("connection")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
