"""Team views: families, chronology, review queue, conflicts. Always scoped to the device's team."""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Request
from sqlmodel import col

from app.server.audit import audit
from app.server.conflicts import (
    AlreadyResolved,
    ConflictNotFound,
    ResolveRefused,
    record_payload,
    resolve_conflict,
)
from app.server.deps import ApiError, DeviceDep, SessionDep
from app.server.models import ChangeLog, FieldConflict, Quarantine, Record
from app.server.schemas import (
    ChronologyResponse,
    ConflictsResponse,
    ErrorBody,
    FamiliesResponse,
    ResolveRequest,
    ResolveResponse,
    ReviewQueueResponse,
)

router = APIRouter()
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody},
    403: {"model": ErrorBody},
    404: {"model": ErrorBody},
}
CHRONOLOGY = ("visit", "amendment", "note", "leaflet")


def _record_out(r: Any, payload: str) -> dict[str, Any]:
    return {
        "entity": r.entity,
        "id": str(r.entity_id),
        "version": r.version,
        "payload": json.loads(payload),
        "hash": r.hash,
    }


def _with_payload(query: sa.Select[Record]) -> sa.Select[Record, str]:
    """Add each record's current payload (kept once, in the change log)."""
    return query.add_columns(col(ChangeLog.payload)).join(ChangeLog, col(ChangeLog.seq) == col(Record.seq))


@router.get("/families", response_model=FamiliesResponse, responses=ERRORS)
def families(device: DeviceDep, session: SessionDep) -> dict[str, Any]:
    """The team's families (current versions)."""
    rows = session.execute(
        _with_payload(
            sa.select(Record)
            .where(col(Record.team_id) == device.team_id, col(Record.entity) == "family")
            .order_by(col(Record.seq))
        )
    ).all()
    audit(
        session=session,
        action="families.list",
        team_id=device.team_id,
        device_id=device.device_id,
        families=len(rows),
    )
    session.commit()
    return {"families": [_record_out(r, p) for r, p in rows]}


@router.get("/families/{family_id}/chronology", response_model=ChronologyResponse, responses=ERRORS)
def chronology(family_id: uuid.UUID, device: DeviceDep, session: SessionDep) -> dict[str, Any]:
    """One family's babies, visits, amendments, notes and leaflets, by visit date then arrival."""
    family = session.get(Record, (device.team_id, "family", family_id))
    if family is None:  # another team's family is "not found", never "forbidden"
        raise ApiError(404, "not_found", f"family_id: no family {family_id} in your team")
    rows = session.execute(
        _with_payload(
            sa.select(Record)
            .where(col(Record.team_id) == device.team_id, col(Record.family_id) == family_id)
            .order_by(col(Record.visit_date).is_(None), col(Record.visit_date), col(Record.seq))
        )
    ).all()
    audit(
        session=session,
        action="families.chronology",
        team_id=device.team_id,
        device_id=device.device_id,
        entries=len(rows),
    )
    session.commit()
    entries = [
        {
            **_record_out(r, p),
            "visit_date": r.visit_date and r.visit_date.isoformat(),
            "risk_level": r.risk_level,
            "escalate": r.escalate,
        }
        for r, p in rows
    ]
    return {"family": _record_out(family, record_payload(session, family)), "entries": entries}


@router.get("/review-queue", response_model=ReviewQueueResponse, responses=ERRORS)
def review_queue(device: DeviceDep, session: SessionDep) -> dict[str, Any]:
    """Signed visits assessed high risk or escalated (assessed by the server), newest first."""
    rows = session.execute(
        _with_payload(
            sa.select(Record)
            .where(
                col(Record.team_id) == device.team_id,
                col(Record.entity) == "visit",
                sa.or_(col(Record.risk_level) == "high", col(Record.escalate).is_(True)),
            )
            .order_by(col(Record.visit_date).desc(), col(Record.seq).desc())
        )
    ).all()
    audit(
        session=session,
        action="review_queue.view",
        team_id=device.team_id,
        device_id=device.device_id,
        visits=len(rows),
    )
    session.commit()
    return {
        "visits": [
            {
                **_record_out(r, p),
                "family_id": r.family_id and str(r.family_id),
                "visit_date": r.visit_date and r.visit_date.isoformat(),
                "risk_level": r.risk_level,
                "escalate": r.escalate,
            }
            for r, p in rows
        ]
    }


def _conflict_out(c: FieldConflict) -> dict[str, Any]:
    return {
        "id": str(c.id),
        "entity": c.entity,
        "entity_id": str(c.entity_id),
        "field": c.field,
        "base_value": json.loads(c.base_value),
        "server_value": json.loads(c.server_value),
        "device_value": json.loads(c.device_value),
        "device_id": str(c.device_id),
        "created": c.created.isoformat(),
        "resolved_at": c.resolved_at and c.resolved_at.isoformat(),
        "resolved_value": None if c.resolved_value is None else json.loads(c.resolved_value),
    }


@router.get("/conflicts", response_model=ConflictsResponse, responses=ERRORS)
def conflicts(device: DeviceDep, session: SessionDep, include_resolved: bool = False) -> dict[str, Any]:
    """Field conflicts waiting for a person, and quarantined append-only records."""
    q = sa.select(FieldConflict).where(col(FieldConflict.team_id) == device.team_id)
    if not include_resolved:
        q = q.where(col(FieldConflict.resolved_at).is_(None))
    found = session.execute(q.order_by(col(FieldConflict.created))).scalars().all()
    quarantined = (
        session.execute(
            sa.select(Quarantine)
            .where(col(Quarantine.team_id) == device.team_id)
            .order_by(col(Quarantine.received))
        )
        .scalars()
        .all()
    )
    audit(
        session=session,
        action="conflicts.list",
        team_id=device.team_id,
        device_id=device.device_id,
        conflicts=len(found),
        quarantined=len(quarantined),
    )
    session.commit()
    return {
        "conflicts": [_conflict_out(c) for c in found],
        "quarantined": [
            {
                "id": str(q.id),
                "entity": q.entity,
                "entity_id": str(q.entity_id),
                "hash": q.hash,
                "device_id": str(q.device_id),
                "received": q.received.isoformat(),
            }
            for q in quarantined
        ],
    }


@router.post(
    "/conflicts/{conflict_id}/resolve",
    response_model=ResolveResponse,
    responses={**ERRORS, 409: {"model": ErrorBody}},
)
def resolve(
    conflict_id: uuid.UUID, body: ResolveRequest, request: Request, device: DeviceDep, session: SessionDep
) -> dict[str, Any]:
    """Set the conflicting field to the value a person chose; the record's version goes up."""
    try:
        conflict, version = resolve_conflict(
            session=session,
            team_id=device.team_id,
            conflict_id=conflict_id,
            value=body.value,
            guidance=request.app.state.guidance,
            device_id=device.device_id,
        )
    except ConflictNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from None
    except AlreadyResolved as exc:
        raise ApiError(409, "already_resolved", str(exc)) from None
    except ResolveRefused as exc:
        raise ApiError(422, "rejected", str(exc)) from None
    audit(session=session, action="conflict.resolve", team_id=device.team_id, device_id=device.device_id)
    session.commit()
    return {"conflict": _conflict_out(conflict), "version": version}
