"""The team's audit log, for its administrator: who did and saw what, filtered by person, family,
action and dates, newest first, a page at a time. Looking at it is audited too."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import AuditEvent, Device
from app.server.portal.accounts import AccountError, Person, normalise_email
from app.server.portal.admin import require_admin
from app.server.portal.admin.audit_words import action_words
from app.server.portal.audit import audit_person
from app.server.portal.queue import names_of
from app.server.portal.tables import PortalUser

PAGE_SIZE = 50
LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class AuditFilter:
    user: str = ""  # an email in the team
    family: str = ""  # a family id (as in the family chronology's address)
    action: str = ""
    start: dt.date | None = None  # UK days, both ends included
    end: dt.date | None = None
    page: int = 0


@dataclass(frozen=True)
class AuditLine:
    at: dt.datetime
    who: str
    action: str
    what: str
    family: str
    detail: str


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, LONDON).astimezone(dt.UTC)


def _where(session: Session, person: Person, flt: AuditFilter) -> list[sa.ColumnElement[bool]]:
    where = [col(AuditEvent.team_id) == person.team_id]
    if flt.user.strip():
        email = normalise_email(flt.user)
        uid = session.scalar(
            sa.select(col(PortalUser.id)).where(
                col(PortalUser.email) == email, col(PortalUser.team_id) == person.team_id
            )
        )
        if uid is None:
            raise AccountError(f"user: no account {email} in your team; give the email of one of its people")
        where.append(col(AuditEvent.user_id) == uid)
    if flt.family.strip():
        try:
            where.append(col(AuditEvent.family_id) == uuid.UUID(flt.family.strip()))
        except ValueError:
            raise AccountError(
                f"family: {flt.family.strip()!r} is not a family id; copy it from the address of the "
                "family's chronology (after /family/)"
            ) from None
    if flt.action:
        where.append(col(AuditEvent.action) == flt.action)
    if flt.start and flt.end and flt.start > flt.end:
        raise AccountError("from: must be on or before to")
    if flt.start:
        where.append(col(AuditEvent.at) >= _day_start(flt.start))
    if flt.end:
        where.append(col(AuditEvent.at) < _day_start(flt.end + dt.timedelta(days=1)))
    return where


def _detail(text: str, emails: dict[uuid.UUID, str]) -> str:
    parts = []
    for key, value in json.loads(text or "{}").items():
        if key == "target":
            with contextlib.suppress(ValueError):
                value = emails.get(uuid.UUID(str(value)), value)
        parts.append(f"{key.replace('_', ' ')}: {value}")
    return ", ".join(parts)


def audit_log(*, session: Session, person: Person, flt: AuditFilter) -> tuple[list[AuditLine], int]:
    """(one page of entries, newest first; how many match) in the admin's team."""
    require_admin(person)
    where = _where(session, person, flt)
    total = session.scalar(sa.select(sa.func.count()).select_from(AuditEvent).where(*where)) or 0
    events = list(
        session.scalars(
            sa.select(AuditEvent)
            .where(*where)
            .order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())
            .offset(max(0, flt.page) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        )
    )
    emails = dict(
        session.execute(
            sa.select(col(PortalUser.id), col(PortalUser.email)).where(
                col(PortalUser.team_id) == person.team_id
            )
        ).all()
    )
    devices = dict(
        session.execute(
            sa.select(col(Device.id), col(Device.name)).where(
                col(Device.id).in_({e.device_id for e in events if e.device_id})
            )
        ).all()
    )
    families = names_of(session, person.team_id, "family", {e.family_id for e in events if e.family_id})
    lines = [
        AuditLine(
            at=e.at,
            who=emails.get(e.user_id, "")
            if e.user_id
            else devices.get(e.device_id, "")
            if e.device_id
            else "server",
            action=e.action,
            what=action_words(e.action),
            family=families.get(e.family_id, str(e.family_id)) if e.family_id else "",
            detail=_detail(e.detail, emails),
        )
        for e in events
    ]
    audit_person(
        session=session,
        action="audit.view",
        team_id=person.team_id,
        user_id=person.user_id,
        page=flt.page,
        filtered=sum(bool(x) for x in (flt.user.strip(), flt.family.strip(), flt.action, flt.start, flt.end)),
    )
    return lines, total


def team_actions(*, session: Session, person: Person) -> list[str]:
    """The actions that occur in the team's audit log (for the filter)."""
    require_admin(person)
    return sorted(
        session.scalars(
            sa.select(col(AuditEvent.action)).where(col(AuditEvent.team_id) == person.team_id).distinct()
        )
    )
