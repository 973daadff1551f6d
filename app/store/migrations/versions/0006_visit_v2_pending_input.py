"""visit v2: the reason an incomplete visit was signed, and pending input beside the draft

A plain ADD/DROP COLUMN (no batch table copy), so the triggers that keep signed visits
immutable stay in place.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 09:28:44.246965
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pending_input",
        sa.Column("visit_id", sa.Uuid(), nullable=False),
        sa.Column("path", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("raw_text", sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
        sa.Column("updated", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
        ),
        sa.PrimaryKeyConstraint("visit_id", "path"),
    )
    op.add_column(
        "visit", sa.Column("incomplete_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True)
    )


def downgrade() -> None:
    op.execute("ALTER TABLE visit DROP COLUMN incomplete_reason")
    op.drop_table("pending_input")
