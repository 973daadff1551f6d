"""caseload_entry: each family's place in "most urgent first", kept by triggers (no per-family work
when the caseload opens: two index range scans instead of ranking every family)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 12:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The latest signed visit of family {fid}: newest visit date, then newest signature.
_LATEST = (
    "(SELECT v.id FROM visit v WHERE v.family_id = {fid} AND v.status = 'signed' "
    "ORDER BY v.visit_date DESC, v.signed_at DESC LIMIT 1)"
)
_FOLLOW_UP = "json_type(a.changes, '$.\"notes.follow_up_date\"') IS NOT NULL"
# One family's entry, recomputed from its rows (the amended follow-up date and risk win).
_ENTRY = f"""
INSERT OR REPLACE INTO caseload_entry
    (family_id, surname_key, name_key, due, risk, has_draft, urgency, due_key)
SELECT f.id, f.surname_key, f.name_key, s.due, s.risk, s.has_draft,
       CASE WHEN s.risk = 'high' THEN 1 WHEN s.risk = 'incomplete' THEN 2 WHEN s.has_draft THEN 3
            WHEN s.due IS NOT NULL THEN 4 ELSE 5 END,
       COALESCE(s.due, '9999-12-31')
FROM family f, (
    SELECT CASE WHEN EXISTS (SELECT 1 FROM amendment a WHERE a.visit_id = l.id AND {_FOLLOW_UP})
                THEN (SELECT json_extract(a.changes, '$."notes.follow_up_date".to') FROM amendment a
                      WHERE a.visit_id = l.id AND {_FOLLOW_UP} ORDER BY a.created DESC, a.id DESC LIMIT 1)
                ELSE l.follow_up_date END AS due,
           COALESCE((SELECT a.risk_level FROM amendment a WHERE a.visit_id = l.id
                     ORDER BY a.created DESC, a.id DESC LIMIT 1), l.risk_level) AS risk,
           EXISTS (SELECT 1 FROM visit d WHERE d.family_id = {{fid}} AND d.status = 'draft') AS has_draft
    FROM (SELECT 1) one LEFT JOIN visit l ON l.id = {_LATEST}
) s
WHERE f.id = {{fid}};
"""
_VISIT_COLUMNS = "status, visit_date, signed_at, risk_level, follow_up_date, family_id"
TRIGGERS = {
    "caseload_family_insert": f"AFTER INSERT ON family BEGIN {_ENTRY.format(fid='NEW.id')} END",
    "caseload_family_update": (
        f"AFTER UPDATE OF surname_key, name_key ON family BEGIN {_ENTRY.format(fid='NEW.id')} END"
    ),
    "caseload_family_delete": (
        "AFTER DELETE ON family BEGIN DELETE FROM caseload_entry WHERE family_id = OLD.id; END"
    ),
    "caseload_visit_insert": f"AFTER INSERT ON visit BEGIN {_ENTRY.format(fid='NEW.family_id')} END",
    "caseload_visit_update": (
        f"AFTER UPDATE OF {_VISIT_COLUMNS} ON visit BEGIN "
        f"{_ENTRY.format(fid='OLD.family_id')} {_ENTRY.format(fid='NEW.family_id')} END"
    ),
    "caseload_visit_delete": f"AFTER DELETE ON visit BEGIN {_ENTRY.format(fid='OLD.family_id')} END",
    "caseload_amendment_insert": (
        f"AFTER INSERT ON amendment BEGIN {_ENTRY.format(fid='NEW.family_id')} END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "caseload_entry",
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("surname_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("name_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("risk", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("has_draft", sa.Boolean(), nullable=False),
        sa.Column("urgency", sa.Integer(), nullable=False),
        sa.Column("due_key", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("family_id"),
    )
    op.create_index(
        "ix_caseload_entry_due",
        "caseload_entry",
        ["due", "surname_key", "name_key", "family_id"],
        unique=False,
    )
    op.create_index(
        "ix_caseload_entry_rank",
        "caseload_entry",
        ["urgency", "due_key", "surname_key", "name_key", "family_id"],
        unique=False,
    )
    op.create_index(
        "ix_caseload_entry_drafts",
        "caseload_entry",
        ["has_draft", "urgency", "due_key", "surname_key", "name_key"],
        unique=False,
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(  # the families already in the store: touching each key re-runs its trigger
        "UPDATE family SET surname_key = surname_key"
    )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_caseload_entry_drafts", table_name="caseload_entry")
    op.drop_index("ix_caseload_entry_rank", table_name="caseload_entry")
    op.drop_index("ix_caseload_entry_due", table_name="caseload_entry")
    op.drop_table("caseload_entry")
