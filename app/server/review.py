"""What the supervisors' queue holds from the sync records: signed visits assessed high or escalated
by the server (amendments applied), with the risk factors that say why."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import Record


@dataclass(frozen=True)
class QueuedVisit:
    visit_id: uuid.UUID
    family_id: uuid.UUID | None
    visit_date: dt.date | None
    risk_level: str
    escalate: bool
    factors: tuple[str, ...]


def review_queue(*, session: Session, team_id: uuid.UUID) -> list[QueuedVisit]:
    """The team's visits that are high risk or escalate, newest visit first."""
    rows = session.execute(
        sa.select(
            col(Record.entity_id),
            col(Record.family_id),
            col(Record.visit_date),
            col(Record.risk_level),
            col(Record.escalate),
            col(Record.factors),
        )
        .where(
            col(Record.team_id) == team_id,
            col(Record.entity) == "visit",
            sa.or_(col(Record.risk_level) == "high", col(Record.escalate).is_(True)),
        )
        .order_by(col(Record.visit_date).desc(), col(Record.seq).desc())
    ).all()
    return [QueuedVisit(r[0], r[1], r[2], r[3] or "", bool(r[4]), tuple((r[5] or "").split())) for r in rows]
