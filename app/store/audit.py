"""The audit log: who did what to which record, written in the caller's transaction."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlmodel import Session, col, select

from app.store.ids import to_jsonable
from app.store.models import AuditEvent
from app.store.payloads import enqueue


def audit(
    *,
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: UUID | str,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit event (and its outbox op) to the current transaction; does not commit."""
    event = AuditEvent(
        actor=actor, action=action, entity=entity, entity_id=str(entity_id), detail=to_jsonable(detail or {})
    )
    session.add(event)
    enqueue(session, event)
    return event


def list_audit(
    *, session: Session, entity_id: UUID | str | None = None, limit: int = 200
) -> list[AuditEvent]:
    """Most recent audit events first, optionally for one record."""
    stmt = select(AuditEvent).order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())
    if entity_id is not None:
        stmt = stmt.where(AuditEvent.entity_id == str(entity_id))
    return list(session.exec(stmt.limit(limit)))
