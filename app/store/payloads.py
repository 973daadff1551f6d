"""What each syncable row looks like on the wire, its content hash, and the outbox entry for it.

The payload is the row's content (never local bookkeeping such as server_version); the row's
`content_hash` and the outbox op's `hash` are both `content_hash(payload)`.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, SQLModel

from app.store.ids import content_hash, to_jsonable
from app.store.models import (
    Amendment,
    AuditEvent,
    Baby,
    CaseNote,
    Family,
    LeafletRecord,
    OutboxOp,
    VisitRecord,
)

FIELDS: dict[type[SQLModel], tuple[str, tuple[str, ...]]] = {
    Family: ("family", ("id", "team_id", "name", "surname", "address", "postcode", "carers", "other_adults")),
    Baby: (
        "baby",
        ("id", "family_id", "name", "date_of_birth", "gestation_weeks", "gestation_days", "birth_weight_kg"),
    ),
    VisitRecord: (
        "visit",
        (
            "id",
            "family_id",
            "baby_id",
            "practitioner_id",
            "practitioner_name",
            "visit_date",
            "visit_type",
            "status",
            "answers",
            "parents_said",
            "observed",
            "agreed_actions",
            "follow_up_date",
            "created",
            "signed_at",
            "signed_by_id",
            "signed_by_name",
            "assessment",
            "guidance_version",
            "risk_level",
            "escalate",
        ),
    ),
    Amendment: (
        "amendment",
        (
            "id",
            "visit_id",
            "family_id",
            "changes",
            "reason",
            "author_id",
            "author_name",
            "created",
            "assessment",
            "guidance_version",
            "risk_level",
            "escalate",
        ),
    ),
    LeafletRecord: (
        "leaflet",
        (
            "id",
            "visit_id",
            "family_id",
            "leaflet_hash",
            "paper",
            "created",
            "created_by_id",
            "created_by_name",
        ),
    ),
    CaseNote: ("note", ("id", "family_id", "baby_id", "text", "author_id", "author_name", "created")),
    AuditEvent: ("audit", ("id", "at", "actor", "action", "entity", "entity_id", "detail")),
}
ENTITY_TYPES: dict[str, type[SQLModel]] = {name: cls for cls, (name, _) in FIELDS.items()}
UPSERT_ENTITIES = ("family", "baby")


def entity_name(row: SQLModel) -> str:
    return FIELDS[type(row)][0]


def payload(row: SQLModel) -> dict[str, Any]:
    """The JSON-ready content of a syncable row."""
    _, fields = FIELDS[type(row)]
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
        kind="upsert" if entity in UPSERT_ENTITIES else "create",
        base_version=getattr(row, "server_version", None),
        payload=body,
        hash=row.content_hash,  # type: ignore[attr-defined]
    )
    session.add(op)
    return op
