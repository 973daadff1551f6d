"""Request and response bodies of the sync API."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.server.config import MAX_OPS_PER_BATCH

Status = Literal["applied", "duplicate", "conflict", "rejected"]


class EnrolRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(min_length=1, max_length=200)


class EnrolResponse(BaseModel):
    device_id: uuid.UUID
    token: str
    team_id: uuid.UUID
    team_name: str


class Op(BaseModel):
    """One change made on a device."""

    model_config = ConfigDict(extra="forbid")
    op_id: uuid.UUID
    entity: str = Field(max_length=40)
    id: uuid.UUID
    kind: str = Field(default="upsert", max_length=40)
    base_version: int | None = Field(default=None, ge=0)
    payload: dict[str, Any]
    hash: str = Field(max_length=128)
    base: dict[str, Any] | None = Field(
        default=None,
        description="What the device believed the record was when it made this "
        "change (its own earlier unsynced edit); absent: the server's copy of base_version.",
    )


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    batch_id: uuid.UUID
    ops: list[Op] = Field(max_length=MAX_OPS_PER_BATCH)


class ClashOut(BaseModel):
    conflict_id: uuid.UUID
    field: str
    base_value: Any = None
    server_value: Any = None
    device_value: Any = None


class OpResult(BaseModel):
    op_id: uuid.UUID
    status: Status
    version: int | None = None
    error: str | None = None
    conflicts: list[ClashOut] | None = None
    quarantine_id: uuid.UUID | None = None


class PushResponse(BaseModel):
    batch_id: uuid.UUID
    results: list[OpResult]


class Change(BaseModel):
    seq: int
    entity: str
    id: uuid.UUID
    version: int
    payload: dict[str, Any]
    hash: str


class PullResponse(BaseModel):
    changes: list[Change]
    next: int
    more: bool


class ResolveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: Any = Field(description="The value a person chose (the server's, the device's, or new).")


class ErrorBody(BaseModel):
    error: str
    detail: str
