"""Alembic environment: always run on the connection Claimdesk hands over (see db.upgrade)."""
from alembic import context

from desktop_app.core.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for running alembic by hand
    raise SystemExit("Run migrations through Claimdesk (desktop_app.core.db.upgrade), which passes a connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
