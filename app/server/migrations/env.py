"""Alembic environment of the team server (its own, separate from the device store's)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from app.server.db import is_sqlite, make_engine
from app.server.models import metadata

MIGRATION_LOCK = 5_181_642  # PostgreSQL advisory lock key: one migrating worker at a time


def run_migrations_online() -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    assert url is not None
    engine = make_engine(url)
    with engine.connect() as connection:
        if not is_sqlite(url):
            connection.execute(sa.text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK})
            connection.commit()
        try:
            context.configure(connection=connection, target_metadata=metadata, render_as_batch=is_sqlite(url))
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
        finally:
            if not is_sqlite(url):
                connection.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK})
                connection.commit()
    engine.dispose()


run_migrations_online()
