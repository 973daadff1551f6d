"""Server tables. Every team-owned row carries `team_id`; queries always filter on it."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel


class ServerModel(SQLModel, registry=registry()):
    """Base of the server tables: their own metadata, apart from the device store's tables."""


metadata = ServerModel.metadata
BIG_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")  # SQLite autoincrement needs INTEGER


def utcnow() -> dt.datetime:
    """Server time (UTC). Used for expiry and audit only; nothing is ordered by a clock."""
    return dt.datetime.now(dt.UTC)


class Team(ServerModel, table=True):
    __tablename__ = "team"
    id: uuid.UUID = Field(primary_key=True)
    name: str = Field(max_length=200, sa_column_kwargs={"unique": True})
    created: dt.datetime
    # Bumped by every writer before it touches the change log: the per-team write lock.
    write_counter: int = 0


class Device(ServerModel, table=True):
    __tablename__ = "device"
    id: uuid.UUID = Field(primary_key=True)
    team_id: uuid.UUID = Field(foreign_key="team.id", index=True)
    name: str = Field(max_length=200)
    token_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    created: dt.datetime
    revoked_at: dt.datetime | None = None


class EnrolmentCode(ServerModel, table=True):
    __tablename__ = "enrolment_code"
    id: uuid.UUID = Field(primary_key=True)
    code_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    team_id: uuid.UUID = Field(foreign_key="team.id", index=True)
    created: dt.datetime
    expires_at: dt.datetime
    used_at: dt.datetime | None = None
    device_id: uuid.UUID | None = None


class Record(ServerModel, table=True):
    """The current version of every synced record (its payload is in the change log at `seq`)."""

    __tablename__ = "record"
    __table_args__ = (sa.Index("ix_record_parent", "team_id", "entity", "parent_id"),)
    team_id: uuid.UUID = Field(foreign_key="team.id", primary_key=True)
    entity: str = Field(max_length=40, primary_key=True)
    entity_id: uuid.UUID = Field(primary_key=True)
    version: int
    hash: str = Field(max_length=128)
    family_id: uuid.UUID | None = Field(default=None, index=True)
    visit_date: dt.date | None = None
    risk_level: str | None = Field(default=None, max_length=20)
    escalate: bool | None = None
    seq: int = Field(sa_type=sa.BigInteger)  # change-log sequence of the latest version
    parent_id: uuid.UUID | None = None  # the visit an amendment or a leaflet belongs to
    factors: str | None = Field(default=None, sa_type=sa.Text)  # risk factor codes, space-separated


class ChangeLog(ServerModel, table=True):
    """Every accepted version of every record, in the order the server committed them."""

    __tablename__ = "change_log"
    __table_args__ = (
        sa.Index("ix_change_log_team_seq", "team_id", "seq"),
        sa.Index("ix_change_log_record_version", "team_id", "entity", "entity_id", "version"),
        {"sqlite_autoincrement": True},
    )
    seq: int | None = Field(default=None, sa_type=BIG_ID, primary_key=True)
    team_id: uuid.UUID = Field(foreign_key="team.id")
    entity: str = Field(max_length=40)
    entity_id: uuid.UUID
    version: int
    payload: str = Field(sa_type=sa.Text)
    hash: str = Field(max_length=128)
    device_id: uuid.UUID | None = None
    created: dt.datetime


class OpLog(ServerModel, table=True):
    """The answer given to every op id, so a replayed op or batch gets the same answer."""

    __tablename__ = "op_log"
    team_id: uuid.UUID = Field(foreign_key="team.id", primary_key=True)
    op_id: uuid.UUID = Field(primary_key=True)
    batch_id: uuid.UUID
    device_id: uuid.UUID
    answer: str = Field(sa_type=sa.Text)  # the JSON result object
    created: dt.datetime


class Quarantine(ServerModel, table=True):
    """An append-only record that arrived again with a different hash: kept, never applied."""

    __tablename__ = "quarantine"
    id: uuid.UUID = Field(primary_key=True)
    team_id: uuid.UUID = Field(foreign_key="team.id", index=True)
    device_id: uuid.UUID
    op_id: uuid.UUID
    entity: str = Field(max_length=40)
    entity_id: uuid.UUID
    hash: str = Field(max_length=128)
    payload: str = Field(sa_type=sa.Text)
    received: dt.datetime


class FieldConflict(ServerModel, table=True):
    """The same field changed on the server and on a device since the device's base version."""

    __tablename__ = "field_conflict"
    id: uuid.UUID = Field(primary_key=True)
    team_id: uuid.UUID = Field(foreign_key="team.id", index=True)
    entity: str = Field(max_length=40)
    entity_id: uuid.UUID
    field: str = Field(max_length=100)
    base_value: str = Field(sa_type=sa.Text)  # JSON
    server_value: str = Field(sa_type=sa.Text)  # JSON
    device_value: str = Field(sa_type=sa.Text)  # JSON
    device_id: uuid.UUID
    op_id: uuid.UUID
    created: dt.datetime
    resolved_at: dt.datetime | None = None
    resolved_by: uuid.UUID | None = None
    resolved_value: str | None = Field(default=None, sa_type=sa.Text)


class AuditEvent(ServerModel, table=True):
    """Who did what, with counts only: never personal data."""

    __tablename__ = "server_audit"
    __table_args__ = (
        sa.Index("ix_server_audit_team_at", "team_id", "at"),  # the admin's audit log, newest first
        sa.Index("ix_server_audit_device_at", "device_id", "at"),  # a device's last sync
    )
    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime
    team_id: uuid.UUID | None = None
    device_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = Field(default=None, index=True)  # a person in the portal
    family_id: uuid.UUID | None = Field(default=None, index=True)  # the family seen or changed
    action: str = Field(max_length=60)
    detail: str = Field(default="{}", sa_type=sa.Text)


class GuidanceVersion(ServerModel, table=True):
    """A guidance file published at base; devices pull the newest at sync."""

    __tablename__ = "guidance_version"
    version: str = Field(max_length=40, primary_key=True)
    text: str = Field(sa_type=sa.Text)
    hash: str = Field(max_length=64)
    published: dt.datetime = Field(sa_type=sa.DateTime(timezone=True))


# The portal's tables share this metadata (one schema, one migration chain).
from app.server.portal import tables as _portal_tables  # noqa: E402, F401


class EnrolFailures(ServerModel, table=True):
    """Wrong enrolment codes from one client address in one window: counted, never one row each."""

    __tablename__ = "enrol_failures"
    client: str = Field(max_length=64, primary_key=True)  # sha256 of the address, not the address
    window_start: dt.datetime = Field(sa_type=sa.DateTime(timezone=True), primary_key=True)
    failures: int = 0
