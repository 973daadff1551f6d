"""A pushed batch as the protocol's check context: what it has seen and written so far."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.protocol import Derived, VisitState
from app.server.guidance_store import GuidanceCache
from app.server.models import ChangeLog, Record, Team

CHUNK = 500  # ids per IN (...) query
NOTES = ("parents_said", "observed", "agreed_actions", "follow_up_date")


def lock_team(session: Session, team_id: uuid.UUID) -> None:
    """Take the team's write lock (a row lock on PostgreSQL, the write lock on SQLite).

    Every writer of the change log takes it first, so within a team change-log sequence
    numbers are committed in increasing order and a pull never skips a late commit.
    """
    session.execute(
        sa.update(Team).where(col(Team.id) == team_id).values(write_counter=col(Team.write_counter) + 1)
    )


@dataclass
class Row:
    """A record as this batch sees it."""

    version: int
    hash: str
    payload_text: str
    derived: Derived
    in_db: bool
    dirty: bool = False
    seq: int = 0


def chunks(items: list[Any]) -> list[list[Any]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def as_uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@dataclass
class Batch:
    """One pushed batch: what it has seen and written (also the protocol's check context)."""

    session: Session
    team_id: uuid.UUID
    device_id: uuid.UUID
    batch_id: uuid.UUID
    guidance_cache: GuidanceCache
    rows: dict[tuple[str, uuid.UUID], Row] = field(default_factory=dict)
    known: set[tuple[str, uuid.UUID]] = field(default_factory=set)
    changes: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    visit_updates: dict[uuid.UUID, Derived] = field(default_factory=dict)
    preloaded: bool = False  # True once _load_rows has read every parent the ops name
    counts: dict[str, int] = field(
        default_factory=lambda: {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0, "replayed": 0}
    )

    # --- the protocol's Context ------------------------------------------------------------
    def exists(self, entity: str, entity_id: uuid.UUID) -> bool:
        if (entity, entity_id) in self.rows or (entity, entity_id) in self.known:
            return True
        if self.preloaded:
            return False
        return self.session.get(Record, (self.team_id, entity, entity_id)) is not None

    def visit_state(self, visit_id: uuid.UUID) -> VisitState | None:
        """The visit's answers and notes with every amendment so far (stored, then this batch)."""
        from app.domain.amendments import apply_amendments

        visit = self._payload("visit", visit_id)
        if visit is None:
            return None
        texts = self.session.execute(
            sa.select(col(ChangeLog.payload))
            .join(Record, col(Record.seq) == col(ChangeLog.seq))
            .where(
                col(Record.team_id) == self.team_id,
                col(Record.entity) == "amendment",
                col(Record.parent_id) == visit_id,
            )
            .order_by(col(Record.seq))
        ).scalars()
        amendments = [json.loads(t) for t in texts]
        amendments += [
            json.loads(c["payload"])
            for c in self.changes
            if c["entity"] == "amendment" and c["parent_id"] == visit_id
        ]
        notes = {k: visit.get(k) for k in NOTES}
        answers, notes = apply_amendments(visit["answers"], notes, [a["changes"] for a in amendments])
        return VisitState(answers=answers, notes=notes)

    def guidance(self, version: str | None) -> Any:
        return self.guidance_cache.get(version)

    def _payload(self, entity: str, entity_id: uuid.UUID) -> dict[str, Any] | None:
        for change in reversed(self.changes):
            if (change["entity"], change["entity_id"]) == (entity, entity_id):
                return dict(json.loads(change["payload"]))
        text = self.session.execute(
            sa.select(col(ChangeLog.payload))
            .join(Record, col(Record.seq) == col(ChangeLog.seq))
            .where(
                col(Record.team_id) == self.team_id,
                col(Record.entity) == entity,
                col(Record.entity_id) == entity_id,
            )
        ).scalar()
        return None if text is None else dict(json.loads(text))


def TeamContext(session: Session, team_id: uuid.UUID, guidance: GuidanceCache) -> Batch:
    """A check context for one record outside a pushed batch (parents looked up as needed)."""
    return Batch(session, team_id, uuid.UUID(int=0), uuid.UUID(int=0), guidance)
