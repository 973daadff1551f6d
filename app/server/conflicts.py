"""Resolving a field conflict: the value a person chose becomes the record's next version.

One function for both callers: a device (POST /conflicts/{id}/resolve) and an admin in the portal.
The caller audits and commits.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.protocol import Refused, check_record
from app.protocol.canonical import canonical_json
from app.server.guidance_store import GuidanceCache
from app.server.models import ChangeLog, FieldConflict, Record, utcnow
from app.server.push import TeamContext, lock_team


class ConflictNotFound(LookupError):
    """No such conflict in this team (another team's id gets exactly this)."""


class AlreadyResolved(ValueError):
    """Someone resolved this conflict already."""


class ResolveRefused(ValueError):
    """The chosen value does not pass the record's checks (the message names the field)."""


def record_payload(session: Session, record: Record) -> str:
    """The current payload of a record (kept once, in the change log)."""
    return session.execute(
        sa.select(col(ChangeLog.payload)).where(col(ChangeLog.seq) == record.seq)
    ).scalar_one()


def resolve_conflict(
    *,
    session: Session,
    team_id: uuid.UUID,
    conflict_id: uuid.UUID,
    value: Any,
    guidance: GuidanceCache,
    device_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
) -> tuple[FieldConflict, int]:
    """Set the conflicting field to `value`; returns the conflict and the record's new version."""
    lock_team(session, team_id)
    conflict = session.get(FieldConflict, conflict_id)
    if conflict is None or conflict.team_id != team_id:
        raise ConflictNotFound(f"conflict_id: no conflict {conflict_id} in your team")
    if conflict.resolved_at is not None:
        raise AlreadyResolved(f"conflict {conflict_id} was already resolved")
    record = session.get(Record, (team_id, conflict.entity, conflict.entity_id))
    assert record is not None
    payload = json.loads(record_payload(session, record))
    payload[conflict.field] = value
    checked = check_record(
        entity=conflict.entity,
        record_id=conflict.entity_id,
        payload=payload,
        ctx=TeamContext(session, team_id, guidance),
    )
    if isinstance(checked, Refused):
        raise ResolveRefused(checked.message)
    seq = session.execute(
        sa.insert(ChangeLog).returning(col(ChangeLog.seq)),
        {
            "team_id": team_id,
            "entity": record.entity,
            "entity_id": record.entity_id,
            "version": record.version + 1,
            "payload": checked.text,
            "hash": checked.hash,
            "device_id": device_id,
            "created": utcnow(),
        },
    ).scalar_one()
    assert seq is not None
    record.version, record.hash, record.seq = record.version + 1, checked.hash, seq
    conflict.resolved_at, conflict.resolved_by = utcnow(), user_id or device_id
    conflict.resolved_value = canonical_json(value)
    return conflict, record.version
