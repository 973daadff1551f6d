"""Records the base makes (supervision, leaflets printed at base) put in the team's change log,
so devices pull them like any other change."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.orm import Session
from sqlmodel import col

from app.protocol.canonical import canonical_json, content_hash
from app.server.models import ChangeLog, Record


def publish(
    session: Session,
    *,
    team_id: uuid.UUID,
    entity: str,
    model: type[BaseModel],
    payload: dict[str, Any],
    family_id: uuid.UUID | None,
    parent_id: uuid.UUID | None,
    day: dt.date | None,
    created: dt.datetime,
) -> int:
    """Add version 1 of a record the base made; returns its change-log sequence number.

    The payload is first checked with the protocol's own model: exactly what devices accept.
    """
    model.model_validate(payload)
    entity_id = uuid.UUID(str(payload["id"]))
    digest = content_hash(payload)
    seq = session.execute(
        sa.insert(ChangeLog).returning(col(ChangeLog.seq)),
        {
            "team_id": team_id,
            "entity": entity,
            "entity_id": entity_id,
            "version": 1,
            "payload": canonical_json(payload),
            "hash": digest,
            "device_id": None,
            "created": created,
        },
    ).scalar_one()
    assert seq is not None
    session.add(
        Record(
            team_id=team_id,
            entity=entity,
            entity_id=entity_id,
            version=1,
            hash=digest,
            family_id=family_id,
            parent_id=parent_id,
            visit_date=day,
            seq=seq,
        )
    )
    return int(seq)
