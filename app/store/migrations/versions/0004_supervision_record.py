"""Supervision records pulled from the team server (read-only on the device).

Revision ID: 0004
Revises: 0003_sync_quarantine
Create Date: 2026-12-01 08:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0004"
down_revision = "0003_sync_quarantine"
branch_labels = None
depends_on = None
TRIGGERS = tuple(
    f"""CREATE TRIGGER supervision_record_no_{verb.lower()} BEFORE {verb} ON supervision_record
        BEGIN SELECT RAISE(ABORT, 'supervision_record records cannot be changed or deleted'); END"""
    for verb in ("UPDATE", "DELETE")
)


def upgrade() -> None:
    op.create_table(
        "supervision_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("visit_id", sa.Uuid(), nullable=True),
        sa.Column("baby_id", sa.Uuid(), nullable=True),
        sa.Column("supervisor_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("discussion", sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
        sa.Column("decision", sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("created", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("content_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("supervision_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supervision_record_family_id"), ["family_id"], unique=False)
    for sql in TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS supervision_record_no_{verb}")
    with op.batch_alter_table("supervision_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_record_family_id"))
    op.drop_table("supervision_record")
