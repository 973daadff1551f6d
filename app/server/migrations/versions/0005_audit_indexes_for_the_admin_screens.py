"""Audit indexes for the admin screens: the team's audit log newest first, a device's last sync."""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("server_audit", schema=None) as batch_op:
        batch_op.create_index("ix_server_audit_device_at", ["device_id", "at"], unique=False)
        batch_op.create_index("ix_server_audit_team_at", ["team_id", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("server_audit", schema=None) as batch_op:
        batch_op.drop_index("ix_server_audit_team_at")
        batch_op.drop_index("ix_server_audit_device_at")
