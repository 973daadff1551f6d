"""Read models the UI, CLI and sync get back from the visit functions."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from app.domain.visit import Visit


class AmendmentPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: UUID
    visit_id: UUID
    family_id: UUID
    changes: dict[str, Any]
    reason: str
    author_id: UUID | None
    author_name: str
    created: dt.datetime
    risk_level: str
    escalate: bool
    assessment: dict[str, Any]
    guidance_version: str


class LeafletPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: UUID
    visit_id: UUID
    family_id: UUID
    leaflet_hash: str
    paper: str
    created: dt.datetime
    created_by_name: str


class VisitDetail(BaseModel):
    """A visit as the UI shows it: answers as domain Visits, notes, status and assessments."""

    id: UUID
    family_id: UUID
    baby_id: UUID
    practitioner_id: UUID | None
    practitioner_name: str
    status: str
    visit_date: dt.date
    visit_type: str
    visit: Visit
    current: Visit
    parents_said: str
    observed: str
    agreed_actions: str
    follow_up_date: dt.date | None
    created: dt.datetime
    updated: dt.datetime
    signed_at: dt.datetime | None
    signed_by_name: str | None
    assessment: dict[str, Any] | None
    current_assessment: dict[str, Any] | None
    guidance_version: str | None
    risk_level: str | None
    escalate: bool | None
    amendments: list[AmendmentPublic]
    leaflets: list[LeafletPublic]
    incomplete_reason: str | None = None  # why core questions were not asked (given at signing)
    pending: dict[str, str] = {}  # drafts: {question path: typed text not (yet) a valid answer}

    @property
    def is_signed(self) -> bool:
        return self.status == "signed"


class VisitSummary(BaseModel):
    id: UUID
    family_id: UUID
    family_name: str
    baby_id: UUID
    baby_name: str
    visit_date: dt.date
    visit_type: str
    status: str
    practitioner_name: str
    risk_level: str | None
    escalate: bool | None
    follow_up_date: dt.date | None
    created: dt.datetime
    updated: dt.datetime
