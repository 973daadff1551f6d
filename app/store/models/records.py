"""A family's records: visits (drafts, then signed), typed-but-invalid input, amendments, leaflets
given, case notes, supervision and the audit log. All but drafts and pending input are immutable."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any
from uuid import UUID

from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from app.protocol.limits import NAME_MAX, TEXT_MAX
from app.store.ids import new_id, utcnow


class VisitStatus(StrEnum):
    draft = "draft"
    signed = "signed"


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
