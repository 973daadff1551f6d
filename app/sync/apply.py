"""Storing pulled changes in the device store (called inside one unit of work per page).

Every change is checked by the protocol (hash, id, payload model, the domain's rules) before it
is stored; one that cannot be applied is quarantined here, and the page goes on.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import BaseModel, Field, create_model
from sqlmodel import Session, SQLModel, col, select

from app.domain.amendments import apply_amendments
from app.domain.problems import Problem
from app.protocol import REGISTRY, Accepted, Derived, Refused, VisitState, check_record, keep_local_edits
from app.protocol.canonical import canonical_json
from app.store.caseload import search_key
from app.store.families import postcode_key
from app.store.models import Amendment, OpState, OutboxOp, SyncQuarantine, VisitRecord
from app.store.payloads import ENTITY_TYPES
from app.store.payloads import payload as row_payload
from app.store.visits import notes_of

LOCAL_ONLY = ("team_id",)  # a family's team on this device is this store's team


@dataclass
class PullCounts:
    stored: int = 0  # new or changed on this device
    unchanged: int = 0  # already here (e.g. this device's own records coming back)
    skipped: int = 0  # not kept on devices (audit)
    quarantined: int = 0  # could not be applied: kept raw in sync_quarantine


def wire_payload(entity: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as sent to the server: only the protocol's wire fields of the entity."""
    found = REGISTRY.get(entity)
    if found is None:
        return payload
    fields = found.field_set
    return {k: v for k, v in payload.items() if k in fields}


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


def _derived_columns(entity: str, d: Derived) -> dict[str, Any]:
    if entity in ("visit", "amendment"):
        return {"assessment": d.assessment, "risk_level": d.risk_level, "escalate": d.escalate}
    return {}


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


class _Page:
    """One page of pulled changes being applied: what is on the device, the rows to insert, and
    the protocol's check context."""

    def __init__(self, session: Session, changes: list[dict[str, Any]], guidance: Any) -> None:
        self.session = session
        self._guidance = guidance
        self.inserts: dict[type[SQLModel], list[dict[str, Any]]] = {}
        self.present: dict[str, set[uuid.UUID]] = {}
        self._preload(changes)

    def _preload(self, changes: list[dict[str, Any]]) -> None:
        wanted: dict[str, set[uuid.UUID]] = {}
        for change in changes:
            spec = REGISTRY.get(str(change.get("entity")))
            if spec is None or spec.name not in ENTITY_TYPES:
                continue
            given = change.get("payload")
            payload: dict[str, Any] = given if isinstance(given, dict) else {}
            for name, ref in (("id", spec.name), *spec.parents):
                try:
                    wanted.setdefault(ref, set()).add(uuid.UUID(str(payload.get(name) or change.get("id"))))
                except ValueError:
                    continue
        for entity, ids in wanted.items():
            cls = ENTITY_TYPES[entity]
            id_col = cls.id  # type: ignore[attr-defined]
            ordered, found = sorted(ids), set()
            for i in range(0, len(ordered), 500):
                found |= set(self.session.exec(select(id_col).where(id_col.in_(ordered[i : i + 500]))))
            self.present[entity] = found

    def write(self) -> None:
        self.session.flush()  # parents first: the ORM does not order inserts across tables
        for cls, rows in self.inserts.items():
            if rows:
                self.session.execute(sa.insert(cls.__table__), rows)  # type: ignore[attr-defined]
        self.inserts.clear()

    # --- the protocol's Context ------------------------------------------------------------
    def exists(self, entity: str, entity_id: uuid.UUID) -> bool:
        return entity_id in self.present.get(entity, set())

    def visit_state(self, visit_id: uuid.UUID) -> VisitState | None:
        self.write()
        row = self.session.get(VisitRecord, visit_id)
        if row is None or row.status != "signed":
            return None
        amendments = self.session.exec(
            select(Amendment.changes)
            .where(Amendment.visit_id == visit_id)
            .order_by(col(Amendment.created), col(Amendment.id))
        ).all()
        answers, notes = apply_amendments(row.answers, notes_of(row), list(amendments))
        return VisitState(answers=answers, notes=notes)

    def guidance(self, version: str | None) -> Any:
        return self._guidance(version)


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


def _apply_merged(page: _Page, change: dict[str, Any], ok: Accepted, team_id: uuid.UUID) -> str:
    entity, cls = ok.entity.name, ENTITY_TYPES[ok.entity.name]
    server = dict(ok.payload)
    entity_id = uuid.UUID(str(change["id"]))
    session = page.session
    row = session.get(cls, entity_id) if page.exists(entity, entity_id) else None
    if row is None:
        row = cls.model_validate(
            _keys(entity, {**server, **({"team_id": team_id} if entity == "family" else {})})
        )
        outcome = "stored"
    else:
        if getattr(row, "server_version", None) == change["version"]:
            return "unchanged"
        local = wire_payload(entity, row_payload(row))
        if _pending(session, entity, entity_id):
            # Changed here since the last sync and not pushed yet: keep the local edits, take
            # the server's value for every field this device did not change.
            merged = keep_local_edits(
                synced=getattr(row, "synced_values", None) or {}, local=local, server=server
            )
        else:
            merged = server
        extra = {"team_id": row.team_id} if entity == "family" else {}  # type: ignore[attr-defined]
        fresh = cls.model_validate(_keys(entity, {**local, **merged, "id": str(entity_id), **extra}))
        outcome = "unchanged" if local == merged else "stored"
        for name in type(fresh).model_fields:
            if name not in ("created", "updated", "server_version", "synced_values"):
                setattr(row, name, getattr(fresh, name))
    row.server_version = change["version"]
    row.synced_values = server
    row.content_hash = ok.hash
    session.add(row)
    page.present.setdefault(entity, set()).add(entity_id)
    return outcome


def _apply_append_only(page: _Page, ok: Accepted) -> str:
    entity, cls = ok.entity.name, ENTITY_TYPES[ok.entity.name]
    data = {**ok.payload, **_derived_columns(entity, ok.derived)}
    if entity == "amendment" and not data.get("guidance_version"):
        data["guidance_version"] = (ok.derived.assessment or {}).get("guidance_version", "")
    row = _row_model(cls).model_validate(data).model_dump()
    row["content_hash"] = ok.hash
    page.inserts.setdefault(cls, []).append(row)
    page.present.setdefault(entity, set()).add(uuid.UUID(str(ok.payload["id"])))
    return "stored"


def _quarantine(session: Session, change: dict[str, Any], refused: Refused) -> None:
    try:
        text = canonical_json(change)
    except (TypeError, ValueError):
        text = json.dumps(change, default=str)
    seq = change.get("seq")
    if not isinstance(seq, int) or session.get(SyncQuarantine, seq) is not None:
        return
    session.add(
        SyncQuarantine(
            seq=seq,
            entity=str(change.get("entity"))[:50],
            entity_id=str(change.get("id"))[:64],
            change=text,
            problems=[{"path": p.path, "message": p.message} for p in refused.problems],
        )
    )


def _apply_one(page: _Page, change: dict[str, Any], team_id: uuid.UUID) -> str:
    entity = REGISTRY.get(str(change.get("entity")))
    if entity is not None and not entity.kept_on_devices:
        return "skipped"  # audit events stay on the server
    try:
        entity_id = uuid.UUID(str(change.get("id")))
    except ValueError:
        entity_id = None
    known = entity is not None and entity_id is not None and page.exists(entity.name, entity_id)
    if known and entity is not None and entity.kind == "append_only":
        return "unchanged"  # immutable: the first copy stays
    checked = check_record(
        entity=str(change.get("entity")),
        record_id=entity_id or uuid.UUID(int=0),
        payload=change.get("payload"),
        ctx=page,
        claimed_hash=change.get("hash"),
        origin=None,
    )
    if isinstance(checked, Refused):
        _quarantine(page.session, change, checked)
        return "quarantined"
    if checked.entity.name not in ENTITY_TYPES:
        return "skipped"  # an entity this store does not keep (yet)
    try:
        if checked.entity.kind == "mergeable":
            return _apply_merged(page, change, checked, team_id)
        return _apply_append_only(page, checked)
    except (ValueError, TypeError, KeyError) as exc:  # the store's own rules (pydantic errors too)
        problem = Problem("payload", f"cannot be stored on this device ({type(exc).__name__})")
        _quarantine(page.session, change, Refused([problem]))
        return "quarantined"


def apply_changes(
    *,
    session: Session,
    changes: list[dict[str, Any]],
    team_id: uuid.UUID,
    counts: PullCounts,
    guidance: Any = None,
) -> None:
    """Store a page of pulled changes in the caller's transaction (in server order).

    `guidance(version)`: the guidance to check a record with (default: the versions this device
    holds, see app.store.guidance)."""
    if guidance is None:
        from app.store.guidance import guidance_of

        guidance = lambda version: guidance_of(session=session, version=version)  # noqa: E731
    page = _Page(session, changes, guidance)
    previous = None
    with session.no_autoflush:
        for change in changes:
            entity = change.get("entity")
            if previous is not None and entity != previous:
                page.write()
            previous = entity
            outcome = _apply_one(page, change, team_id)
            setattr(counts, outcome, getattr(counts, outcome) + 1)
    page.write()
