"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.server.db import make_engine, upgrade_schema
from app.server.models import metadata


def test_migrated_schema_matches_the_models_and_upgrade_is_repeatable(db_url: str):
    upgrade_schema(db_url)
    upgrade_schema(db_url)  # a second run changes nothing
    engine = make_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []
