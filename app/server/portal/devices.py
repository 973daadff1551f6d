"""Devices of people: enrolment codes issued to a practitioner, the team's devices, revocation."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.admin import create_enrolment_code, revoke_device
from app.server.auth import code_hash
from app.server.models import Device, EnrolmentCode
from app.server.portal.accounts import AccountError
from app.server.portal.audit import audit_person
from app.server.portal.tables import DeviceOwner, PortalUser


def enrolment_code_for(
    *, session: Session, user: PortalUser, by: uuid.UUID | None = None
) -> tuple[str, dt.datetime]:
    """A one-time code that enrols a device to `user` (in the user's team)."""
    if user.disabled_at is not None:
        raise AccountError(f"--user: {user.email} is disabled; enable or choose another account")
    code, expires = create_enrolment_code(session=session, team_id=user.team_id)
    session.flush()
    code_id = session.scalar(
        sa.select(col(EnrolmentCode.id)).where(col(EnrolmentCode.code_hash) == code_hash(code))
    )
    assert code_id is not None
    session.add(DeviceOwner(code_id=code_id, user_id=user.id))
    audit_person(session=session, action="enrolment_code.issue", team_id=user.team_id, user_id=by or user.id)
    return code, expires


@dataclass(frozen=True)
class DeviceRow:
    id: uuid.UUID
    name: str
    owner: str | None
    created: dt.datetime
    revoked: bool


def team_devices(*, session: Session, team_id: uuid.UUID) -> list[DeviceRow]:
    """The team's devices with the practitioner each was enrolled to (none for a team device)."""
    rows = session.execute(
        sa.select(
            col(Device.id),
            col(Device.name),
            col(PortalUser.email),
            col(Device.created),
            col(Device.revoked_at),
        )
        .outerjoin(EnrolmentCode, col(EnrolmentCode.device_id) == col(Device.id))
        .outerjoin(DeviceOwner, col(DeviceOwner.code_id) == col(EnrolmentCode.id))
        .outerjoin(PortalUser, col(PortalUser.id) == col(DeviceOwner.user_id))
        .where(col(Device.team_id) == team_id)
        .order_by(col(Device.created).desc())
    ).all()
    return [DeviceRow(r[0], r[1], r[2], r[3], r[4] is not None) for r in rows]


def revoke_team_device(*, session: Session, team_id: uuid.UUID, device_id: uuid.UUID, by: uuid.UUID) -> None:
    device = session.get(Device, device_id)
    if device is None or device.team_id != team_id:
        raise AccountError(f"device: no device {device_id} in your team")
    revoke_device(session=session, device_id=device_id)
    audit_person(session=session, action="device.revoke", team_id=team_id, user_id=by)


def device_authors(*, session: Session, team_id: uuid.UUID) -> dict[uuid.UUID, str]:
    """Device id -> the name of the practitioner it was enrolled to."""
    rows = session.execute(
        sa.select(col(EnrolmentCode.device_id), col(PortalUser.name))
        .join(DeviceOwner, col(DeviceOwner.code_id) == col(EnrolmentCode.id))
        .join(PortalUser, col(PortalUser.id) == col(DeviceOwner.user_id))
        .where(col(EnrolmentCode.team_id) == team_id, col(EnrolmentCode.device_id).is_not(None))
    ).all()
    return {r[0]: r[1] for r in rows if r[0] is not None}
