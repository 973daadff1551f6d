"""Search keys hold letters and digits only ("O'Brien" is found by "OBrien"): recompute them; and a
covering index for the caseload's "most urgent first".

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 08:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.caseload import search_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _rekey(table: str, columns: dict[str, str]) -> None:
    """Recompute `key column <- search_key(source column)` for every row of `table`."""
    conn = op.get_bind()
    sources = ", ".join(sorted(set(columns.values())))
    rows = conn.execute(sa.text(f"SELECT id, {sources} FROM {table}")).mappings().all()
    sets = ", ".join(f"{key} = :{key}" for key in columns)
    updates = [
        {"id": r["id"], **{key: search_key(r[src] or "") for key, src in columns.items()}} for r in rows
    ]
    if updates:
        conn.execute(sa.text(f"UPDATE {table} SET {sets} WHERE id = :id"), updates)


CASELOAD_INDEX = ["status", "family_id", "visit_date", "signed_at", "risk_level", "follow_up_date", "id"]


def upgrade() -> None:
    _rekey("family", {"name_key": "name", "surname_key": "surname"})
    _rekey("baby", {"name_key": "name"})
    op.create_index("ix_visit_caseload", "visit", CASELOAD_INDEX, unique=False)


def downgrade() -> None:
    op.drop_index("ix_visit_caseload", table_name="visit")
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE family SET name_key = lower(name), surname_key = lower(surname)"))
    conn.execute(sa.text("UPDATE baby SET name_key = lower(name)"))
