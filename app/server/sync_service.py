"""The sync use cases of the team server (the routes only parse, authenticate and answer)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlmodel import col

from app.protocol.limits import PULL_BYTES_MAX
from app.protocol.wire import PushRequest
from app.server.admin import Enrolled, EnrolmentRefused, enrol_device
from app.server.audit import audit
from app.server.enrol_limit import count_failure, too_many
from app.server.guidance_store import GuidanceCache
from app.server.models import ChangeLog
from app.server.push import apply_batch

PULL_CHUNK = 200


class TooManyAttempts(Exception):
    """Too many wrong enrolment codes from this client address; try again later."""


def enrol(*, engine: Engine, client: str, code: str, device_name: str) -> Enrolled:
    """Use a one-time code; wrong codes are counted per client (EnrolmentRefused, TooManyAttempts)."""
    with Session(engine, expire_on_commit=False) as session:
        if too_many(session=session, client=client):
            raise TooManyAttempts("too many wrong enrolment codes from this address; wait 15 minutes")
        try:
            enrolled = enrol_device(session=session, code=code, device_name=device_name)
        except EnrolmentRefused:
            session.rollback()
            count_failure(session=session, client=client)
            session.commit()
            raise
        session.commit()
    return enrolled


def push(
    *, engine: Engine, body: PushRequest, team_id: uuid.UUID, device_id: uuid.UUID, guidance: GuidanceCache
) -> str:
    """Apply a batch in one transaction; the answers as JSON text."""
    with Session(engine, expire_on_commit=False) as session:
        results, counts = apply_batch(
            session=session,
            team_id=team_id,
            device_id=device_id,
            batch_id=body.batch_id,
            ops=body.ops,
            guidance=guidance,
        )
        audit(
            session=session,
            action="sync.push",
            team_id=team_id,
            device_id=device_id,
            ops=len(body.ops),
            device_quarantined=body.quarantined,
            **counts,
        )
        session.commit()
    return json.dumps({"batch_id": str(body.batch_id), "results": results})


@dataclass(frozen=True)
class Page:
    text: str  # the PullResponse JSON
    changes: int


def pull(*, session: Session, team_id: uuid.UUID, device_id: uuid.UUID, since: int, limit: int) -> Page:
    """The team's changes after `since` in commit order: at most `limit`, and about PULL_BYTES_MAX
    of payloads (read a chunk at a time, so memory stays bounded whatever the records hold)."""
    parts: list[str] = []
    size, cursor, full = 0, since, False
    while len(parts) < limit and not full:
        want = min(PULL_CHUNK, limit - len(parts))
        rows = session.execute(
            sa.select(
                col(ChangeLog.seq),
                col(ChangeLog.entity),
                col(ChangeLog.entity_id),
                col(ChangeLog.version),
                col(ChangeLog.payload),
                col(ChangeLog.hash),
            )
            .where(col(ChangeLog.team_id) == team_id, col(ChangeLog.seq) > cursor)
            .order_by(col(ChangeLog.seq))
            .limit(want)
        ).all()
        for r in rows:
            if parts and size + len(r.payload) > PULL_BYTES_MAX:
                full = True
                break
            # Payloads are stored as canonical JSON text: spliced in, never re-encoded.
            parts.append(
                f'{{"seq":{r.seq},"entity":{json.dumps(r.entity)},"id":"{r.entity_id}",'
                f'"version":{r.version},"payload":{r.payload},"hash":{json.dumps(r.hash)}}}'
            )
            size += len(r.payload)
            cursor = r.seq
        if len(rows) < want:
            break  # the end of the change log
    more = _has_more(session, team_id, cursor)
    audit(
        session=session,
        action="sync.pull",
        team_id=team_id,
        device_id=device_id,
        since=since,
        changes=len(parts),
    )
    session.commit()
    text = f'{{"changes":[{",".join(parts)}],"next":{cursor},"more":{json.dumps(more)}}}'
    return Page(text, len(parts))


def _has_more(session: Session, team_id: uuid.UUID, cursor: int) -> bool:
    return (
        session.execute(
            sa.select(col(ChangeLog.seq))
            .where(col(ChangeLog.team_id) == team_id, col(ChangeLog.seq) > cursor)
            .limit(1)
        ).first()
        is not None
    )
