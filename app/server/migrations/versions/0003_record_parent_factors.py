"""record: parent_id (the visit an amendment or leaflet belongs to) and factors (derived codes);
enrolment failures counted per client address and window

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("parent_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("factors", sa.Text(), nullable=True))
        batch.create_index("ix_record_parent", ["team_id", "entity", "parent_id"])
    op.create_table(
        "enrol_failures",
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("client", "window_start"),
    )


def downgrade() -> None:
    op.drop_table("enrol_failures")
    with op.batch_alter_table("record") as batch:
        batch.drop_index("ix_record_parent")
        batch.drop_column("factors")
        batch.drop_column("parent_id")
