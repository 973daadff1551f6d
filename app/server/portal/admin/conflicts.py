"""Sync conflicts, for the team's administrator: both values in plain words, and keeping one.

A conflict is one field changed on the server and on a tablet since the tablet last saw it; the
other fields were merged already. Resolving uses the server's own `resolve_conflict`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.conflicts import ConflictNotFound, resolve_conflict
from app.server.guidance_store import GuidanceCache
from app.server.models import Device, FieldConflict, Record
from app.server.portal.accounts import Person
from app.server.portal.admin import require_admin
from app.server.portal.audit import audit_person
from app.server.portal.devices import device_authors
from app.server.portal.queue import NotFound, names_of
from app.server.portal.tables import PortalUser

ENTITY_WORDS = {
    "family": "Family",
    "baby": "Baby",
    "visit": "Visit",
    "amendment": "Amendment",
    "note": "Note",
    "leaflet": "Leaflet",
}
SIDES = ("server", "device")
RESOLVED_SHOWN = 20


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    record: str  # e.g. "Family: Okafor family"
    field: str  # in words
    base: str
    server: str
    device: str
    device_name: str
    device_owner: str  # the practitioner the tablet is enrolled to, or "the team"
    created: dt.datetime
    resolved_at: dt.datetime | None
    resolved_by: str
    resolved_value: str


def value_words(value: Any) -> str:
    """A stored value as a person reads it: nothing is "not recorded", never "no"."""
    if value is None or value == "" or value == [] or value == {}:
        return "not recorded"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list):
        return ", ".join(value_words(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{str(k).replace('_', ' ')}: {value_words(v)}" for k, v in value.items())
    if isinstance(value, str) and re.fullmatch(r"[a-z0-9_]+", value):
        return value.replace("_", " ")  # a code, e.g. sofa_bed
    return str(value)


def _words(text: str | None) -> str:
    return "" if text is None else value_words(json.loads(text))


def _views(session: Session, team_id: uuid.UUID, found: list[FieldConflict]) -> list[ConflictView]:
    records = {
        (r.entity, r.entity_id): r
        for r in session.scalars(
            sa.select(Record).where(
                col(Record.team_id) == team_id, col(Record.entity_id).in_({c.entity_id for c in found})
            )
        )
    }
    names = {
        kind: names_of(session, team_id, kind, {c.entity_id for c in found if c.entity == kind})
        for kind in ("family", "baby")
    }
    family_names = names_of(
        session, team_id, "family", {r.family_id for r in records.values() if r.family_id}
    )
    devices = dict(
        session.execute(
            sa.select(col(Device.id), col(Device.name)).where(
                col(Device.id).in_({c.device_id for c in found})
            )
        ).all()
    )
    owners = device_authors(session=session, team_id=team_id)
    people = dict(
        session.execute(
            sa.select(col(PortalUser.id), col(PortalUser.email)).where(
                col(PortalUser.id).in_({c.resolved_by for c in found if c.resolved_by})
            )
        ).all()
    )

    def record_words(c: FieldConflict) -> str:
        kind = ENTITY_WORDS.get(c.entity, c.entity)
        if c.entity in names:
            return f"{kind}: {names[c.entity].get(c.entity_id, '(no name)')}"
        rec = records.get((c.entity, c.entity_id))
        of = family_names.get(rec.family_id, "") if rec and rec.family_id else ""
        day = f" of {rec.visit_date:%d/%m/%Y}" if rec and rec.visit_date else ""
        return f"{kind}{day}" + (f" ({of})" if of else "")

    return [
        ConflictView(
            id=c.id,
            record=record_words(c),
            field=c.field.replace("_", " ").replace(".", " → "),
            base=_words(c.base_value),
            server=_words(c.server_value),
            device=_words(c.device_value),
            device_name=devices.get(c.device_id, "a tablet no longer enrolled"),
            device_owner=owners.get(c.device_id, "the team"),
            created=c.created,
            resolved_at=c.resolved_at,
            resolved_by=people.get(c.resolved_by, "a tablet") if c.resolved_by else "",
            resolved_value=_words(c.resolved_value),
        )
        for c in found
    ]


def team_conflicts(*, session: Session, person: Person) -> tuple[list[ConflictView], list[ConflictView]]:
    """(waiting, oldest first; the last resolved, newest first) of the admin's team."""
    require_admin(person)
    base = sa.select(FieldConflict).where(col(FieldConflict.team_id) == person.team_id)
    waiting = list(
        session.scalars(
            base.where(col(FieldConflict.resolved_at).is_(None)).order_by(col(FieldConflict.created))
        )
    )
    done = list(
        session.scalars(
            base.where(col(FieldConflict.resolved_at).is_not(None))
            .order_by(col(FieldConflict.resolved_at).desc())
            .limit(RESOLVED_SHOWN)
        )
    )
    audit_person(
        session=session,
        action="conflicts.view",
        team_id=person.team_id,
        user_id=person.user_id,
        waiting=len(waiting),
    )
    return _views(session, person.team_id, waiting), _views(session, person.team_id, done)


def _conflict(session: Session, person: Person, conflict_id: uuid.UUID) -> FieldConflict:
    require_admin(person)
    found = session.get(FieldConflict, conflict_id)
    if found is None or found.team_id != person.team_id:
        raise NotFound(f"conflict {conflict_id}: not found in your team")
    return found


def one_conflict(*, session: Session, person: Person, conflict_id: uuid.UUID) -> ConflictView:
    return _views(session, person.team_id, [_conflict(session, person, conflict_id)])[0]


def keep_value(
    *, session: Session, person: Person, conflict_id: uuid.UUID, side: str, guidance: GuidanceCache
) -> ConflictView:
    """Keep the server's or the tablet's value: the record's next version syncs to every tablet."""
    conflict = _conflict(session, person, conflict_id)
    if side not in SIDES:
        raise ValueError(
            f"keep: {side!r} is not allowed; keep the server's value or the tablet's (server, device)"
        )
    value = json.loads(conflict.server_value if side == "server" else conflict.device_value)
    try:
        resolve_conflict(
            session=session,
            team_id=person.team_id,
            conflict_id=conflict_id,
            value=value,
            guidance=guidance,
            user_id=person.user_id,
        )
    except ConflictNotFound:
        raise NotFound(f"conflict {conflict_id}: not found in your team") from None
    record = session.get(Record, (person.team_id, conflict.entity, conflict.entity_id))
    family_id = conflict.entity_id if conflict.entity == "family" else (record.family_id if record else None)
    audit_person(
        session=session,
        action="conflict.resolve",
        team_id=person.team_id,
        user_id=person.user_id,
        family_id=family_id,
        target=str(conflict_id),
        kept=side,
    )
    return _views(session, person.team_id, [conflict])[0]
