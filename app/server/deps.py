"""Request dependencies: a database session and the authenticated device."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, Request
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.auth import token_hash, tokens_match
from app.server.models import Device


class ApiError(Exception):
    """An error answered as `{"error": code, "detail": text}` with an HTTP status."""

    def __init__(self, status: int, error: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.error, self.detail = status, error, detail


@dataclass(frozen=True)
class DeviceCtx:
    device_id: uuid.UUID
    team_id: uuid.UUID


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def current_device(request: Request) -> DeviceCtx:
    """The device presenting `Authorization: Bearer <token>`; 401 unknown, 403 revoked."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401, "not_authenticated", "Authorization: send 'Bearer <device token>' (enrol the device first)"
        )
    token = token.strip()
    with Session(request.app.state.engine) as session:
        row = session.execute(
            sa.select(
                col(Device.id), col(Device.team_id), col(Device.token_hash), col(Device.revoked_at)
            ).where(col(Device.token_hash) == token_hash(token))
        ).first()
    if row is None or not tokens_match(row.token_hash, token):
        raise ApiError(
            401, "invalid_token", "Authorization: this device token is not known; enrol the device again"
        )
    if row.revoked_at is not None:
        raise ApiError(
            403, "device_revoked", "this device has been revoked; ask your administrator to enrol it again"
        )
    return DeviceCtx(device_id=row.id, team_id=row.team_id)


DeviceDep = Annotated[DeviceCtx, Depends(current_device)]
