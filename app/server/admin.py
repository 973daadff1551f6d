"""Team administration used by the server CLI and tests: teams, enrolment codes, devices."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.audit import audit
from app.server.auth import code_hash, new_enrolment_code, new_token, token_hash
from app.server.config import ENROLMENT_CODE_MINUTES
from app.server.models import Device, EnrolmentCode, Team, utcnow


class AdminError(ValueError):
    """A request the administrator can correct (the message says how)."""


class EnrolmentRefused(ValueError):
    """The enrolment code is unknown, used or expired."""


@dataclass(frozen=True)
class Enrolled:
    device_id: uuid.UUID
    token: str
    team_id: uuid.UUID
    team_name: str


def create_team(*, session: Session, name: str) -> Team:
    name = name.strip()
    if not name:
        raise AdminError("team name: must not be empty")
    if session.scalar(sa.select(Team).where(col(Team.name) == name)) is not None:
        raise AdminError(f"team name: a team called {name!r} already exists")
    team = Team(id=uuid.uuid4(), name=name, created=utcnow())
    session.add(team)
    session.flush()
    audit(session=session, action="team.create", team_id=team.id)
    return team


def team_by_name(*, session: Session, name: str) -> Team:
    team = session.scalar(sa.select(Team).where(col(Team.name) == name))
    if team is None:
        known = session.scalars(sa.select(col(Team.name)).order_by(col(Team.name))).all()
        raise AdminError(f"--team: no team called {name!r}; teams: {', '.join(known) or '(none)'}")
    return team


def create_enrolment_code(
    *, session: Session, team_id: uuid.UUID, minutes: int = ENROLMENT_CODE_MINUTES
) -> tuple[str, dt.datetime]:
    """A new single-use code for `team_id` and when it expires. Only its hash is stored."""
    code, now = new_enrolment_code(), utcnow()
    expires = now + dt.timedelta(minutes=minutes)
    session.add(
        EnrolmentCode(
            id=uuid.uuid4(), code_hash=code_hash(code), team_id=team_id, created=now, expires_at=expires
        )
    )
    audit(session=session, action="enrolment_code.create", team_id=team_id)
    return code, expires


def enrol_device(*, session: Session, code: str, device_name: str) -> Enrolled:
    """Use an enrolment code (once) and register a device; the token is returned only here."""
    now = utcnow()
    device_id = uuid.uuid4()
    used = session.execute(
        sa.update(EnrolmentCode)
        .where(
            col(EnrolmentCode.code_hash) == code_hash(code),
            col(EnrolmentCode.used_at).is_(None),
            col(EnrolmentCode.expires_at) > now,
        )
        .values(used_at=now, device_id=device_id)
        .returning(col(EnrolmentCode.team_id))
    ).scalar()
    if used is None:
        raise EnrolmentRefused(
            "code: unknown, already used or expired; ask for a new code "
            "(safesleep server enrol-device --team NAME)"
        )
    team = session.get(Team, used)
    assert team is not None
    token = new_token()
    session.add(
        Device(
            id=device_id,
            team_id=team.id,
            name=device_name.strip() or "device",
            token_hash=token_hash(token),
            created=now,
        )
    )
    audit(session=session, action="device.enrol", team_id=team.id, device_id=device_id)
    return Enrolled(device_id=device_id, token=token, team_id=team.id, team_name=team.name)


def revoke_device(*, session: Session, device_id: uuid.UUID) -> Device:
    device = session.get(Device, device_id)
    if device is None:
        raise AdminError(f"DEVICE_ID: no device {device_id}")
    if device.revoked_at is None:
        device.revoked_at = utcnow()
        audit(session=session, action="device.revoke", team_id=device.team_id, device_id=device.id)
    return device
