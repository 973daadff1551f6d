"""Request and response bodies of the sync API."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.protocol.fields import RequiredName


class EnrolRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(min_length=4, max_length=64, pattern=r"^[A-Za-z0-9 -]+$")
    device_name: RequiredName


class EnrolResponse(BaseModel):
    device_id: uuid.UUID
    token: str
    team_id: uuid.UUID
    team_name: str


class ResolveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: Any = Field(description="The value a person chose (the server's, the device's, or new).")


class ErrorBody(BaseModel):
    error: str
    detail: str
    problems: list[str] | None = None


class Health(BaseModel):
    status: str = Field(description='"ok" when the server answers and reaches its database.')


class RecordOut(BaseModel):
    """One record's current version, as the server holds it."""

    entity: str
    id: str
    version: int
    payload: dict[str, Any]
    hash: str


class FamiliesResponse(BaseModel):
    families: list[RecordOut]


class ChronologyEntry(RecordOut):
    visit_date: str | None = Field(description="ISO date of the visit, null for records without one.")
    risk_level: str | None
    escalate: bool | None


class ChronologyResponse(BaseModel):
    family: RecordOut
    entries: list[ChronologyEntry]


class QueuedVisit(ChronologyEntry):
    family_id: str | None


class ReviewQueueResponse(BaseModel):
    visits: list[QueuedVisit]


class ConflictOut(BaseModel):
    """A field changed on both sides since the device last saw it; a person chooses the value."""

    id: str
    entity: str
    entity_id: str
    field: str
    base_value: Any
    server_value: Any
    device_value: Any
    device_id: str
    created: str
    resolved_at: str | None
    resolved_value: Any


class QuarantinedOut(BaseModel):
    """An append-only record that arrived changed; kept aside, never applied."""

    id: str
    entity: str
    entity_id: str
    hash: str
    device_id: str
    received: str


class ConflictsResponse(BaseModel):
    conflicts: list[ConflictOut]
    quarantined: list[QuarantinedOut]


class ResolveResponse(BaseModel):
    conflict: ConflictOut
    version: int
