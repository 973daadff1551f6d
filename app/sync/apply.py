"""Storing pulled changes in the device store (called inside one store transaction per page)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import BaseModel, Field, create_model
from sqlmodel import Session, SQLModel, select

from app.store.caseload import search_key
from app.store.families import postcode_key
from app.store.models import (
    Amendment,
    Baby,
    CaseNote,
    Family,
    LeafletRecord,
    OpState,
    OutboxOp,
    VisitRecord,
)
from app.store.payloads import payload as row_payload

MERGED: dict[str, type[SQLModel]] = {"family": Family, "baby": Baby}
APPEND_ONLY: dict[str, type[SQLModel]] = {
    "visit": VisitRecord,
    "amendment": Amendment,
    "leaflet": LeafletRecord,
    "note": CaseNote,
}
# Records a pulled row must find on the device first (foreign keys of the store).
PARENTS: dict[str, tuple[tuple[str, type[SQLModel]], ...]] = {
    "baby": (("family_id", Family),),
    "visit": (("family_id", Family), ("baby_id", Baby)),
    "amendment": (("family_id", Family), ("visit_id", VisitRecord)),
    "leaflet": (("family_id", Family), ("visit_id", VisitRecord)),
    "note": (("family_id", Family), ("baby_id", Baby)),
}
LOCAL_ONLY = ("team_id",)  # a family's team on this device is this store's team


@dataclass
class PullCounts:
    stored: int = 0  # new or changed on this device
    unchanged: int = 0  # already here (e.g. this device's own records coming back)
    skipped: int = 0  # not kept on devices (audit) or whose family/visit is missing here


def wire_payload(entity: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as sent to the server: without device-local fields."""
    if entity == "family":
        return {k: v for k, v in payload.items() if k not in LOCAL_ONLY}
    return payload


def _keys(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    if entity == "family":
        return {
            **data,
            "name_key": search_key(str(data.get("name") or "")),
            "surname_key": search_key(str(data.get("surname") or "")),
            "postcode_key": postcode_key(str(data.get("postcode") or "")),
        }
    if entity == "baby":
        return {**data, "name_key": search_key(str(data.get("name") or ""))}
    return data


Present = dict[type[SQLModel], set[uuid.UUID]]


def _present(session: Session, changes: list[dict[str, Any]]) -> Present:
    """Which of the records a page mentions (as itself or as a parent) are on the device."""
    wanted: dict[type[SQLModel], set[uuid.UUID]] = {}
    for change in changes:
        cls = MERGED.get(change["entity"]) or APPEND_ONLY.get(change["entity"])
        if cls is None:
            continue
        wanted.setdefault(cls, set()).add(uuid.UUID(change["id"]))
        for field, parent in PARENTS.get(change["entity"], ()):
            if change["payload"].get(field) is not None:
                wanted.setdefault(parent, set()).add(uuid.UUID(str(change["payload"][field])))
    present: Present = {}
    for cls, ids in wanted.items():
        found: set[uuid.UUID] = set()
        id_col = cls.id  # type: ignore[attr-defined]
        ordered = sorted(ids)
        for i in range(0, len(ordered), 500):
            found |= set(session.exec(select(id_col).where(id_col.in_(ordered[i : i + 500]))))
        present[cls] = found
    return present


def _parents_present(present: Present, entity: str, payload: dict[str, Any]) -> bool:
    for field, cls in PARENTS.get(entity, ()):
        value = payload.get(field)
        if value is not None and uuid.UUID(str(value)) not in present.get(cls, set()):
            return False
    return True


def _pending(session: Session, entity: str, entity_id: uuid.UUID) -> bool:
    return (
        session.exec(
            select(OutboxOp.seq)
            .where(
                OutboxOp.entity == entity, OutboxOp.entity_id == entity_id, OutboxOp.state == OpState.pending
            )
            .limit(1)
        ).first()
        is not None
    )


def _apply_merged(session: Session, change: dict[str, Any], team_id: uuid.UUID, present: Present) -> str:
    entity, cls = change["entity"], MERGED[change["entity"]]
    server = dict(change["payload"])
    entity_id = uuid.UUID(change["id"])
    row = session.get(cls, entity_id) if entity_id in present[cls] else None
    if row is None:
        if not _parents_present(present, entity, server):
            return "skipped"
        data = _keys(entity, {**server, **({"team_id": team_id} if entity == "family" else {})})
        row = cls.model_validate(data)
        outcome = "stored"
    else:
        if getattr(row, "server_version", None) == change["version"]:
            return "unchanged"
        local = wire_payload(entity, row_payload(row))
        if _pending(session, entity, entity_id):
            # Changed here since the last sync and not pushed yet: keep the local edits, take
            # the server's value for every field this device did not change.
            synced = getattr(row, "synced_values", None) or {}
            merged = {
                k: (local[k] if k in local and local[k] != synced.get(k) else v) for k, v in server.items()
            }
        else:
            merged = server
        fresh = cls.model_validate(
            _keys(
                entity,
                {
                    **local,
                    **merged,
                    "id": str(entity_id),
                    **({"team_id": row.team_id} if entity == "family" else {}),
                },
            )
        )
        outcome = "unchanged" if local == merged else "stored"
        for name in type(fresh).model_fields:
            if name not in ("created", "updated", "server_version", "synced_values"):
                setattr(row, name, getattr(fresh, name))
    row.server_version = change["version"]  # type: ignore[attr-defined]
    row.synced_values = server  # type: ignore[attr-defined]
    row.content_hash = change["hash"]  # type: ignore[attr-defined]
    session.add(row)
    present[cls].add(entity_id)
    return outcome


@cache
def _row_model(cls: type[SQLModel]) -> type[BaseModel]:
    """A plain pydantic model with the fields (types, limits, defaults) of table model `cls`:
    validates a pulled row as `cls.model_validate` does, without the ORM's per-attribute cost."""
    fields: dict[str, Any] = {}
    for name, info in cls.model_fields.items():
        kind = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        if info.default_factory is not None:
            fields[name] = (kind, Field(default_factory=info.default_factory))
        else:
            fields[name] = (kind, ... if info.is_required() else info.default)
    return create_model(f"Pulled{cls.__name__}", **fields)


class _Inserts:
    """Append-only rows of a page, inserted in bulk (one executemany per run of an entity)."""

    def __init__(self) -> None:
        self.rows: dict[type[SQLModel], list[dict[str, Any]]] = {}

    def write(self, session: Session) -> None:
        for cls, rows in self.rows.items():
            if rows:
                session.execute(sa.insert(cls.__table__), rows)  # type: ignore[attr-defined]
        self.rows.clear()


def _apply_append_only(change: dict[str, Any], present: Present, inserts: _Inserts) -> str:
    entity, cls = change["entity"], APPEND_ONLY[change["entity"]]
    entity_id = uuid.UUID(change["id"])
    if entity_id in present[cls]:
        return "unchanged"  # immutable: the first copy stays
    if not _parents_present(present, entity, change["payload"]):
        return "skipped"
    row = _row_model(cls).model_validate(change["payload"]).model_dump()
    row["content_hash"] = change["hash"]
    inserts.rows.setdefault(cls, []).append(row)
    present[cls].add(entity_id)
    return "stored"


def apply_changes(
    *, session: Session, changes: list[dict[str, Any]], team_id: uuid.UUID, counts: PullCounts
) -> None:
    """Store a page of pulled changes in the caller's transaction (in server order)."""
    present = _present(session, changes)
    inserts = _Inserts()
    previous = None
    with session.no_autoflush:
        for change in changes:
            entity = change["entity"]
            if previous is not None and entity != previous:
                session.flush()  # parents first: the ORM does not order inserts across tables
                inserts.write(session)
            previous = entity
            if entity in MERGED:
                outcome = _apply_merged(session, change, team_id, present)
            elif entity in APPEND_ONLY:
                outcome = _apply_append_only(change, present, inserts)
            else:
                outcome = "skipped"  # audit events stay on the server
            setattr(counts, outcome, getattr(counts, outcome) + 1)
    session.flush()
    inserts.write(session)
