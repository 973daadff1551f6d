"""The device's own tables: the sync outbox, sync state, conflicts and quarantine, device facts, and
the caseload order the triggers keep."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any
from uuid import UUID

from sqlalchemy import JSON, BigInteger, Column, Index, Integer
from sqlmodel import Field, SQLModel

from app.protocol.limits import NAME_MAX
from app.store.ids import new_id, utcnow


class OpState(StrEnum):
    pending = "pending"
    applied = "applied"
    duplicate = "duplicate"
    conflict = "conflict"
    rejected = "rejected"


class OutboxOp(SQLModel, table=True):
    """A change waiting to be pushed, written in the same transaction as the change itself."""

    __tablename__ = "outbox"

    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    op_id: UUID = Field(default_factory=new_id, unique=True)
    entity: str = Field(max_length=50)
    entity_id: UUID
    kind: str = Field(max_length=10, description="upsert (family, baby) or create")
    base_version: int | None = None
    payload: dict[str, Any] = Field(sa_type=JSON)
    hash: str
    created: dt.datetime = Field(default_factory=utcnow)
    state: str = Field(default=OpState.pending, max_length=10, index=True)
    response: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    updated: dt.datetime | None = None


class SyncState(SQLModel, table=True):
    """Key/value: server_url, device_id, token, pull cursor."""

    __tablename__ = "sync_state"

    key: str = Field(primary_key=True, max_length=100)
    value: str


class SyncConflict(SQLModel, table=True):
    """The same field changed here and on the server: both values kept for a person to resolve."""

    __tablename__ = "sync_conflict"

    id: UUID = Field(default_factory=new_id, primary_key=True)
    entity: str = Field(max_length=50)
    entity_id: UUID = Field(index=True)
    field: str = Field(max_length=100)
    local_value: Any = Field(default=None, sa_type=JSON, nullable=True)
    server_value: Any = Field(default=None, sa_type=JSON, nullable=True)
    created: dt.datetime = Field(default_factory=utcnow)
    resolved_value: Any = Field(default=None, sa_type=JSON, nullable=True)
    resolved_by: str | None = Field(default=None, max_length=NAME_MAX)
    resolved_at: dt.datetime | None = None


class SyncQuarantine(SQLModel, table=True):
    """A pulled change this device could not apply: kept raw, counted, reported at the next push.

    The pull cursor moves past it, so one bad record never stops a device."""

    __tablename__ = "sync_quarantine"

    seq: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    entity: str = Field(max_length=50)
    entity_id: str = Field(max_length=64)
    change: str = Field(description="the change as received (JSON text)")
    problems: list[dict[str, str]] | None = Field(default=None, sa_type=JSON)
    received: dt.datetime = Field(default_factory=utcnow)
    reported: bool = False


class DeviceMeta(SQLModel, table=True):
    """Key/value facts about this device's store: current practitioner and team, demo loaded."""

    __tablename__ = "device_meta"

    key: str = Field(primary_key=True, max_length=100)
    value: str


class CaseloadEntry(SQLModel, table=True):
    """Each family's place in the caseload's "most urgent first" order, kept current by triggers.

    Written only by the triggers of migration 0008 (on family, visit and amendment), never by
    code: the latest signed visit's (amended) follow-up date and risk, and whether a draft is open.
    "Overdue" depends on today, so it is decided when reading (`due` < today); `urgency` orders the
    rest: 1 high risk, 2 incomplete, 3 a draft open, 4 a follow-up date set, 5 the others.
    """

    __tablename__ = "caseload_entry"
    __table_args__ = (
        Index("ix_caseload_entry_due", "due", "surname_key", "name_key", "family_id"),
        Index("ix_caseload_entry_rank", "urgency", "due_key", "surname_key", "name_key", "family_id"),
        Index("ix_caseload_entry_drafts", "has_draft", "urgency", "due_key", "surname_key", "name_key"),
    )

    family_id: UUID = Field(primary_key=True)
    surname_key: str = Field(max_length=NAME_MAX)
    name_key: str = Field(max_length=NAME_MAX)
    due: dt.date | None = None
    risk: str | None = Field(default=None, max_length=20)
    has_draft: bool = False
    urgency: int
    due_key: dt.date = Field(description="`due`, or 9999-12-31 when none (sorts last)")
