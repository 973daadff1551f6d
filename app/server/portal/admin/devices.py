"""The team's devices, for its administrator: who each belongs to, when it last synced; enrolment
codes for a practitioner (text and QR); revocation (its token is refused from then on)."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import AuditEvent, Device
from app.server.portal import devices
from app.server.portal.accounts import AccountError, Person, Role
from app.server.portal.admin import require_admin
from app.server.portal.admin.users import member
from app.server.portal.queue import NotFound
from app.server.portal.tables import PortalUser

SYNC_ACTIONS = ("sync.push", "sync.pull")


@dataclass(frozen=True)
class DeviceLine:
    id: uuid.UUID
    name: str
    owner: str | None  # the practitioner's email; None for a team device
    enrolled: dt.datetime
    last_sync: dt.datetime | None
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class Code:
    """An enrolment code, shown once: the server keeps only its hash."""

    code: str
    expires: dt.datetime
    email: str
    qr_png: bytes


def team_devices(*, session: Session, person: Person) -> list[DeviceLine]:
    """Every device of the admin's team, newest first, with its last push or pull."""
    require_admin(person)
    rows = devices.team_devices(session=session, team_id=person.team_id)
    ids = [r.id for r in rows]
    last: dict[uuid.UUID, dt.datetime] = {}
    revoked: dict[uuid.UUID, dt.datetime | None] = {}
    if ids:
        last = dict(
            session.execute(  # type: ignore[arg-type]
                sa.select(col(AuditEvent.device_id), sa.func.max(col(AuditEvent.at)))
                .where(col(AuditEvent.device_id).in_(ids), col(AuditEvent.action).in_(SYNC_ACTIONS))
                .group_by(col(AuditEvent.device_id))
            ).all()
        )
        revoked = dict(
            session.execute(
                sa.select(col(Device.id), col(Device.revoked_at)).where(col(Device.id).in_(ids))
            ).all()
        )
    return [DeviceLine(r.id, r.name, r.owner, r.created, last.get(r.id), revoked.get(r.id)) for r in rows]


def practitioners(*, session: Session, person: Person) -> list[tuple[uuid.UUID, str, str]]:
    """(id, email, name) of the team's active practitioners: a device is enrolled to one of them."""
    require_admin(person)
    rows = session.execute(
        sa.select(col(PortalUser.id), col(PortalUser.email), col(PortalUser.name))
        .where(
            col(PortalUser.team_id) == person.team_id,
            col(PortalUser.role) == Role.practitioner.value,
            col(PortalUser.disabled_at).is_(None),
        )
        .order_by(col(PortalUser.name), col(PortalUser.email))
    ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def qr_png(text: str) -> bytes:
    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=8, border=4)
    return out.getvalue()


def issue_code(*, session: Session, person: Person, user_id: uuid.UUID) -> Code:
    """A one-time code that enrols a device to this practitioner of the admin's team."""
    user = member(session, person, user_id)
    if user.role != Role.practitioner.value:
        raise AccountError(
            f"practitioner: {user.email} is a {user.role}; devices are enrolled to practitioners"
        )
    if user.disabled_at is not None:
        raise AccountError(f"practitioner: {user.email} is disabled; enable the account first")
    code, expires = devices.enrolment_code_for(session=session, user=user, by=person.user_id)
    return Code(code, expires, user.email, qr_png(code))


def revoke(*, session: Session, person: Person, device_id: uuid.UUID) -> str:
    """Revoke a device of the admin's team (its token is refused from now on); returns its name."""
    require_admin(person)
    try:
        devices.revoke_team_device(
            session=session, team_id=person.team_id, device_id=device_id, by=person.user_id
        )
    except AccountError:
        raise NotFound(f"device {device_id}: not found in your team") from None
    device = session.get(Device, device_id)
    assert device is not None
    return device.name
