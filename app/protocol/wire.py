"""The sync messages: a pushed op and its answer, a pulled change and its page, the guidance."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from app.protocol.limits import (
    CODE_MAX,
    ENTITY_NAME_MAX,
    GUIDANCE_BYTES_MAX,
    INT_MAX,
    OPS_PER_BATCH_MAX,
    SEQ_MAX,
)

Status = Literal["applied", "duplicate", "conflict", "rejected"]
ANSWERS: tuple[str, ...] = ("applied", "duplicate", "conflict", "rejected")


def _not_bool(value: Any) -> Any:
    """A count or version written as true/false is refused (JSON Schema: booleans are not integers)."""
    if isinstance(value, bool):
        raise ValueError("Input should be a valid integer, not true or false")
    return value


NotBool = BeforeValidator(_not_bool)


class Op(BaseModel):
    """One change made on a device. Its content is checked op by op (a bad op is `rejected`)."""

    model_config = ConfigDict(extra="forbid")
    op_id: uuid.UUID
    entity: str = Field(max_length=ENTITY_NAME_MAX)
    id: uuid.UUID
    kind: str = Field(default="upsert", max_length=10)
    base_version: Annotated[int | None, NotBool] = Field(default=None, ge=0, le=INT_MAX)
    payload: dict[str, Any]
    hash: str = Field(max_length=80, description="sha256:<hex> of the payload's canonical JSON")
    base: dict[str, Any] | None = Field(
        default=None,
        description="What the device believed the record was when it made this "
        "change (its own earlier unsynced edit); absent: the server's copy of base_version.",
    )


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    batch_id: uuid.UUID
    ops: list[Op] = Field(max_length=OPS_PER_BATCH_MAX)
    quarantined: Annotated[int, NotBool] = Field(
        default=0, ge=0, le=INT_MAX, description="pulled changes this device could not apply"
    )


class ProblemOut(BaseModel):
    path: str
    message: str


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
    problems: list[ProblemOut] | None = None
    conflicts: list[ClashOut] | None = None
    quarantine_id: uuid.UUID | None = None


class PushResponse(BaseModel):
    batch_id: uuid.UUID
    results: list[OpResult]


class Change(BaseModel):
    seq: int = Field(ge=1, le=SEQ_MAX)
    entity: str
    id: uuid.UUID
    version: int
    payload: dict[str, Any]
    hash: str


class PullResponse(BaseModel):
    changes: list[Change]
    next: int
    more: bool


class GuidanceDocument(BaseModel):
    """A guidance version published at base: the file's text, checked again by whoever uses it."""

    version: str = Field(max_length=CODE_MAX)
    hash: str = Field(max_length=80, description="sha256:<hex> of the text (UTF-8)")
    published: dt.datetime
    text: str = Field(max_length=GUIDANCE_BYTES_MAX)


class GuidanceLatest(BaseModel):
    """The newest guidance published at base; `guidance` is null when the device already holds it
    (its `since_version`) or when none was published (devices then use the packaged guidance)."""

    version: str | None = Field(description="the newest published version (null: none published)")
    guidance: GuidanceDocument | None = None
