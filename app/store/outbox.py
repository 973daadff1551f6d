"""Sync support: the outbox of changes to push and the sync key/value state."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session, col, select

from app.store.engine import require_write, writes
from app.store.errors import NotFound, RecordError
from app.store.ids import utcnow
from app.store.models import OpState, OutboxOp, SyncState
from app.store.payloads import ENTITY_TYPES, payload


class OpResult(BaseModel):
    """The server's answer to one pushed op."""

    op_id: UUID
    state: OpState
    response: dict[str, Any] | None = None


def pending_ops(*, session: Session, limit: int = 100) -> list[OutboxOp]:
    """Ops not yet answered by the server, oldest first."""
    stmt = select(OutboxOp).where(OutboxOp.state == OpState.pending).order_by(col(OutboxOp.seq)).limit(limit)
    return list(session.exec(stmt))


@writes
def mark_ops(*, session: Session, results: Iterable[OpResult]) -> int:
    """Record the server's answers (applied/duplicate/conflict/rejected) in one statement;
    returns the count. NotFound when an op id is not in the outbox (nothing is changed then).
    The sync client records every answer it receives with this function."""
    rows = []
    for i, result in enumerate(results):
        if result.state is OpState.pending:
            raise RecordError([f"results[{i}].state: must be one of: applied, duplicate, conflict, rejected"])
        rows.append({"b_op_id": result.op_id, "state": result.state.value, "response": result.response})
    if not rows:
        return 0
    now = utcnow()
    for row in rows:
        row["updated"] = now
    table = OutboxOp.__table__  # type: ignore[attr-defined]
    known = 0
    ids = [r["b_op_id"] for r in rows]
    for i in range(0, len(ids), 500):
        known += session.execute(
            sa.select(sa.func.count()).select_from(table).where(table.c.op_id.in_(ids[i : i + 500]))
        ).scalar_one()
    if known != len(set(ids)):
        raise NotFound("outbox op: some answered ops are not in this outbox")
    session.execute(
        table.update()
        .where(table.c.op_id == sa.bindparam("b_op_id"))
        .values(
            state=sa.bindparam("state"), response=sa.bindparam("response"), updated=sa.bindparam("updated")
        ),
        rows,
    )
    return len(rows)


def get_sync_value(*, session: Session, key: str) -> str | None:
    row = session.get(SyncState, key)
    return None if row is None else row.value


def set_sync_value(*, session: Session, key: str, value: str | None) -> None:
    """Set (or with None, delete) a sync state value in the caller's write transaction."""
    require_write(session)
    row = session.get(SyncState, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = SyncState(key=key, value=value)
    row.value = value
    session.add(row)


def payload_of(*, session: Session, entity: str, entity_id: UUID) -> dict[str, Any]:
    """The payload the outbox would carry for a record (entity: family, baby, visit, ...)."""
    cls = ENTITY_TYPES.get(entity)
    if cls is None:
        raise RecordError([f"entity: must be one of: {', '.join(ENTITY_TYPES)}"])
    row = session.get(cls, entity_id)
    if row is None:
        raise NotFound(f"{entity} {entity_id}: not found")
    return payload(row)
