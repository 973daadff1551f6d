"""The device store's tables (SQLModel). Every id is a UUIDv7 made on the device.

Families follow `XBase / XCreate / X(table=True) / XPublic`. Syncable rows (family, baby, signed
visit, amendment, leaflet record, case note, audit event) carry `content_hash`; families and babies
also carry `server_version` and `synced_values` for the three-way merge of app/sync.
Signed visits, amendments, leaflet records, case notes and audit events are immutable: SQLite
triggers (see migrations) refuse any UPDATE or DELETE of them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, field_validator
from sqlalchemy import JSON, BigInteger, Column, Index, Integer
from sqlmodel import Field, SQLModel

from app.domain.identifiers import nhs_number_problem
from app.store.ids import new_id, utcnow

NAME_MAX = 200
TEXT_MAX = 20_000


class VisitStatus(StrEnum):
    draft = "draft"
    signed = "signed"


class OpState(StrEnum):
    pending = "pending"
    applied = "applied"
    duplicate = "duplicate"
    conflict = "conflict"
    rejected = "rejected"


# --- people ---------------------------------------------------------------------------------


class Team(SQLModel, table=True):
    id: UUID = Field(default_factory=new_id, primary_key=True)
    name: str = Field(max_length=NAME_MAX)
    created: dt.datetime = Field(default_factory=utcnow)


class TeamPublic(SQLModel):
    id: UUID
    name: str


class PractitionerBase(SQLModel):
    name: str = Field(max_length=NAME_MAX)
    phone: str | None = Field(default=None, max_length=50)
    role: str = Field(default="health_visitor", max_length=50)


class Practitioner(PractitionerBase, table=True):
    id: UUID = Field(default_factory=new_id, primary_key=True)
    team_id: UUID = Field(foreign_key="team.id", index=True)
    created: dt.datetime = Field(default_factory=utcnow)


class PractitionerPublic(PractitionerBase):
    id: UUID
    team_id: UUID


class Carer(BaseModel):
    """A parent or carer of the household."""

    model_config = ConfigDict(extra="forbid")
    name: str
    relationship: str
    phone: str | None = None
    nhs_number: str | None = None  # '943 476 5919' (check digit validated); left out when not given

    @field_validator("nhs_number")
    @classmethod
    def _nhs_number(cls, value: str | None) -> str | None:
        if value and (problem := nhs_number_problem(value)):
            raise ValueError(problem)
        return value


class OtherAdult(BaseModel):
    """Another adult known to live in or visit the home (be curious about adults)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    relationship: str
    lives_in: bool = False
    notes: str | None = None


# --- households -----------------------------------------------------------------------------


class FamilyBase(SQLModel):
    name: str = Field(max_length=NAME_MAX, description="Household name, e.g. 'Okafor family'.")
    surname: str = Field(max_length=NAME_MAX)
    address: str = Field(default="", max_length=1000)
    postcode: str = Field(default="", max_length=10, description="UK postcode, e.g. 'SO14 7DU'.")
    carers: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    other_adults: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)


class FamilyCreate(BaseModel):
    """What a practitioner enters to add a household."""

    model_config = ConfigDict(extra="forbid")
    name: str
    surname: str
    address: str = ""
    postcode: str = ""
    carers: list[Carer] = []
    other_adults: list[OtherAdult] = []


class Family(FamilyBase, table=True):
    # Covering indexes for the caseload search: each prefix range comes back in caseload order.
    __table_args__ = (
        Index("ix_family_surname_order", "surname_key", "name_key", "id"),
        Index("ix_family_name_order", "name_key", "surname_key", "id"),
        Index("ix_family_postcode_order", "postcode_key", "surname_key", "name_key", "id"),
    )

    id: UUID = Field(default_factory=new_id, primary_key=True)
    team_id: UUID | None = Field(default=None, foreign_key="team.id", index=True)
    surname_key: str = Field(max_length=NAME_MAX, description="lower-case surname")
    name_key: str = Field(max_length=NAME_MAX, description="lower-case name")
    postcode_key: str = Field(max_length=10, description="postcode, upper, no spaces")
    created: dt.datetime = Field(default_factory=utcnow)
    updated: dt.datetime = Field(default_factory=utcnow)
    content_hash: str = ""
    server_version: int | None = None
    synced_values: dict[str, Any] | None = Field(default=None, sa_type=JSON)


class FamilyPublic(FamilyBase):
    id: UUID
    team_id: UUID | None
    created: dt.datetime
    updated: dt.datetime
    server_version: int | None


class BabyBase(SQLModel):
    name: str = Field(max_length=NAME_MAX)
    date_of_birth: dt.date | None = None
    gestation_weeks: int | None = Field(default=None, ge=22, le=44)
    gestation_days: int | None = Field(default=None, ge=0, le=6)
    birth_weight_kg: float | None = Field(default=None, ge=0.3, le=7.0)


class BabyCreate(BaseModel):
    """What a practitioner enters to add a baby to a household."""

    model_config = ConfigDict(extra="forbid")
    name: str
    date_of_birth: dt.date | None = None
    gestation_weeks: int | None = None
    gestation_days: int | None = None
    birth_weight_kg: float | None = None


class Baby(BabyBase, table=True):
    __table_args__ = (Index("ix_baby_name_family", "name_key", "family_id"),)

    id: UUID = Field(default_factory=new_id, primary_key=True)
    family_id: UUID = Field(foreign_key="family.id", index=True)
    name_key: str = Field(max_length=NAME_MAX, description="lower-case name")
    created: dt.datetime = Field(default_factory=utcnow)
    updated: dt.datetime = Field(default_factory=utcnow)
    content_hash: str = ""
    server_version: int | None = None
    synced_values: dict[str, Any] | None = Field(default=None, sa_type=JSON)


class BabyPublic(BabyBase):
    id: UUID
    family_id: UUID
    server_version: int | None


# --- visits ---------------------------------------------------------------------------------


class VisitBase(SQLModel):
    visit_date: dt.date
    visit_type: str = Field(max_length=20)
    parents_said: str = Field(
        default="", max_length=TEXT_MAX, description="The voice of the parent or child, in their words."
    )
    observed: str = Field(default="", max_length=TEXT_MAX, description="What was seen.")
    agreed_actions: str = Field(default="", max_length=TEXT_MAX)
    follow_up_date: dt.date | None = None


class VisitRecord(VisitBase, table=True):
    """One visit: a draft saved on every answer, then signed (and immutable)."""

    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_family_date", "family_id", "visit_date"),
        Index("ix_visit_status_family", "status", "family_id"),
        # Covering index for the caseload's "most urgent first": the latest signed visit of every
        # family without reading the visits' (large) answers.
        Index(
            "ix_visit_caseload",
            "status",
            "family_id",
            "visit_date",
            "signed_at",
            "risk_level",
            "follow_up_date",
            "id",
        ),
    )

    id: UUID = Field(default_factory=new_id, primary_key=True)
    family_id: UUID = Field(foreign_key="family.id")
    baby_id: UUID = Field(foreign_key="baby.id", index=True)
    practitioner_id: UUID | None = Field(default=None, description="no FK: may be another device's")
    practitioner_name: str = Field(default="", max_length=NAME_MAX)
    status: str = Field(default=VisitStatus.draft, max_length=10)
    answers: dict[str, Any] = Field(
        default_factory=dict, sa_type=JSON, description="the safesleep.visit/2 document as recorded"
    )
    created: dt.datetime = Field(default_factory=utcnow)
    updated: dt.datetime = Field(default_factory=utcnow)
    signed_at: dt.datetime | None = None
    signed_by_id: UUID | None = None
    signed_by_name: str | None = Field(default=None, max_length=NAME_MAX)
    assessment: dict[str, Any] | None = Field(
        default=None, sa_type=JSON, description="Assessment.to_json() at signing"
    )
    guidance_version: str | None = None
    risk_level: str | None = Field(default=None, max_length=10)
    escalate: bool | None = None
    content_hash: str | None = None
    incomplete_reason: str | None = Field(
        default=None, max_length=500, description="why core questions were not asked (set at signing)"
    )


class PendingInput(SQLModel, table=True):
    """Text typed on a draft that is not (yet) a valid answer; its question is "not recorded"."""

    __tablename__ = "pending_input"

    visit_id: UUID = Field(foreign_key="visit.id", primary_key=True)
    path: str = Field(primary_key=True, max_length=100, description="the question, e.g. baby.birth_weight_lb")
    raw_text: str = Field(max_length=TEXT_MAX)
    updated: dt.datetime = Field(default_factory=utcnow)


class Amendment(SQLModel, table=True):
    """A correction to a signed visit: what changed, why, who, when; the reassessment after it."""

    id: UUID = Field(default_factory=new_id, primary_key=True)
    visit_id: UUID = Field(foreign_key="visit.id", index=True)
    family_id: UUID = Field(foreign_key="family.id", index=True)
    changes: dict[str, Any] = Field(
        sa_type=JSON, description='{"sleep.place": {"from": "cot", "to": "sofa"}}'
    )
    reason: str = Field(max_length=TEXT_MAX)
    author_id: UUID | None = None
    author_name: str = Field(max_length=NAME_MAX)
    created: dt.datetime = Field(default_factory=utcnow)
    assessment: dict[str, Any] = Field(sa_type=JSON, description="assessment after this change")
    guidance_version: str
    risk_level: str = Field(max_length=10)
    escalate: bool
    content_hash: str = ""


class LeafletRecord(SQLModel, table=True):
    """A family advice leaflet given at a visit."""

    __tablename__ = "leaflet_record"

    id: UUID = Field(default_factory=new_id, primary_key=True)
    visit_id: UUID = Field(foreign_key="visit.id", index=True)
    family_id: UUID = Field(foreign_key="family.id", index=True)
    leaflet_hash: str = Field(description="sha256 of the leaflet content given")
    paper: str = Field(default="A4", max_length=20)
    created: dt.datetime = Field(default_factory=utcnow)
    created_by_id: UUID | None = None
    created_by_name: str = Field(default="", max_length=NAME_MAX)
    content_hash: str = ""


class CaseNote(SQLModel, table=True):
    """A free-text note on a family's record, outside any visit."""

    __tablename__ = "case_note"

    id: UUID = Field(default_factory=new_id, primary_key=True)
    family_id: UUID = Field(foreign_key="family.id", index=True)
    baby_id: UUID | None = Field(default=None, foreign_key="baby.id")
    text: str = Field(max_length=TEXT_MAX)
    author_id: UUID | None = None
    author_name: str = Field(max_length=NAME_MAX)
    created: dt.datetime = Field(default_factory=utcnow)
    content_hash: str = ""


class SupervisionRecord(SQLModel, table=True):
    """Supervision of a visit at base, pulled from the team server (read-only on the device)."""

    __tablename__ = "supervision_record"

    id: UUID = Field(primary_key=True)
    family_id: UUID = Field(foreign_key="family.id", index=True)
    visit_id: UUID | None = None
    baby_id: UUID | None = None
    supervisor_name: str = Field(max_length=NAME_MAX)
    date: dt.date
    discussion: str = Field(default="", max_length=TEXT_MAX)
    decision: str = Field(default="", max_length=TEXT_MAX)
    actions: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON, description="text, owner, due")
    next_review: dt.date | None = None
    state: str = Field(default="discussed", max_length=20)
    created: dt.datetime = Field(default_factory=utcnow)
    content_hash: str = ""


class AuditEvent(SQLModel, table=True):
    """Who did what to which record, and when (written in the same transaction as the act)."""

    __tablename__ = "audit_event"

    id: UUID = Field(default_factory=new_id, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=NAME_MAX)
    action: str = Field(max_length=50)
    entity: str = Field(max_length=50)
    entity_id: str = Field(max_length=64, index=True)
    detail: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    content_hash: str = ""


# --- sync support ---------------------------------------------------------------------------


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
