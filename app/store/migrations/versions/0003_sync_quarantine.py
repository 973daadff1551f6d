"""sync_quarantine: pulled changes this device could not apply, kept raw with their problems

Revision ID: 0003_sync_quarantine
Revises: 0002
Create Date: 2026-12-01 09:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0003_sync_quarantine"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_quarantine",
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("entity", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("entity_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("change", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=True),
        sa.Column("received", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("reported", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )


def downgrade() -> None:
    op.drop_table("sync_quarantine")
