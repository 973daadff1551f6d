"""guidance_held: the guidance versions pulled from base (kept whole: reprints need their text)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 11:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guidance_held",
        sa.Column("version", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("hash", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("published", sa.DateTime(), nullable=False),
        sa.Column("received", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("version"),
    )


def downgrade() -> None:
    op.drop_table("guidance_held")
