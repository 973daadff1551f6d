"""The outbox entry of a syncable row: its payload (the protocol's wire fields of its entity) and
content hash.

The payload never holds local bookkeeping (server_version) or what is derived (risk level,
assessment): app.protocol's registry names the fields. The row's `content_hash` and the outbox
op's `hash` are both `content_hash(payload)`.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, SQLModel

from app.protocol import REGISTRY, content_hash, to_jsonable
from app.store.models import (
    Amendment,
    AuditEvent,
    Baby,
    CaseNote,
    Family,
    LeafletRecord,
    OutboxOp,
    SupervisionRecord,
    VisitRecord,
)

TABLES: dict[type[SQLModel], str] = {
    Family: "family",
    Baby: "baby",
    VisitRecord: "visit",
    Amendment: "amendment",
    LeafletRecord: "leaflet",
    CaseNote: "note",
    AuditEvent: "audit",
    SupervisionRecord: "supervision",  # pulled only: made at base
}
ENTITY_TYPES: dict[str, type[SQLModel]] = {name: cls for cls, name in TABLES.items()}


def entity_name(row: SQLModel) -> str:
    return TABLES[type(row)]


def payload(row: SQLModel) -> dict[str, Any]:
    """The JSON-ready content of a syncable row: the protocol's wire fields of its entity."""
    fields = REGISTRY[TABLES[type(row)]].fields
    body: dict[str, Any] = to_jsonable({f: getattr(row, f) for f in fields})
    return body


def stamp(row: SQLModel) -> dict[str, Any]:
    """Set the row's content_hash from its payload; return the payload."""
    body = payload(row)
    row.content_hash = content_hash(body)
    return body


def enqueue(session: Session, row: SQLModel) -> OutboxOp:
    """Stamp `row` and add its outbox op to the caller's transaction (no commit).

    Immutable rows (signed visits, amendments, leaflets, notes, audit) must be enqueued before
    they are flushed: the content hash is part of the INSERT, and the triggers refuse UPDATEs.
    """
    body = stamp(row)
    entity = entity_name(row)
    op = OutboxOp(
        entity=entity,
        entity_id=row.id,  # type: ignore[attr-defined]
        kind=REGISTRY[entity].op_kind,
        base_version=getattr(row, "server_version", None),
        payload=body,
        hash=row.content_hash,  # type: ignore[attr-defined]
    )
    session.add(op)
    return op
