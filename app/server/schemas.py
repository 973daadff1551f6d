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
