"""Applying a pushed batch: one transaction, every op checked by the protocol, answered and kept.

A bad op is `rejected` with its problems and writes nothing; the rest of the batch goes on.
The batch's check context is in push_batch; reading and writing its rows in push_rows.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.protocol import Accepted, FieldClash, Refused, check_record, content_hash, three_way_merge
from app.protocol.canonical import canonical_json
from app.protocol.registry import REGISTRY
from app.protocol.wire import Op
from app.server.guidance_store import GuidanceCache
from app.server.models import ChangeLog, FieldConflict, Quarantine, utcnow
from app.server.push_batch import Batch, Row, TeamContext, lock_team
from app.server.push_rows import flush, load_rows, stored_answers


def _write(b: Batch, op: Op, ok: Accepted, version: int, in_db: bool) -> None:
    b.rows[(op.entity, op.id)] = Row(version, ok.hash, ok.text, ok.derived, in_db=in_db, dirty=True)
    b.changes.append(
        {
            "team_id": b.team_id,
            "entity": op.entity,
            "entity_id": op.id,
            "version": version,
            "payload": ok.text,
            "hash": ok.hash,
            "device_id": b.device_id,
            "created": utcnow(),
            "parent_id": ok.derived.parent_id,
        }
    )
    if op.entity == "amendment" and ok.derived.parent_id is not None:
        b.visit_updates[ok.derived.parent_id] = ok.derived  # the corrected visit's assessment


def _base_payload(s: Session, b: Batch, op: Op) -> dict[str, Any]:
    """The record as the device believed it when it made the op: the `base` it sent (its own
    earlier edit since its last pull), else the server's copy of `base_version`."""
    if op.base is not None:
        return op.base
    if op.base_version is None:
        return {}
    for change in reversed(b.changes):  # written earlier in this batch
        if (change["entity"], change["entity_id"], change["version"]) == (op.entity, op.id, op.base_version):
            return dict(json.loads(change["payload"]))
    text = s.execute(
        sa.select(col(ChangeLog.payload))
        .where(
            col(ChangeLog.team_id) == b.team_id,
            col(ChangeLog.entity) == op.entity,
            col(ChangeLog.entity_id) == op.id,
            col(ChangeLog.version) == op.base_version,
        )
        .limit(1)
    ).scalar()
    return dict(json.loads(text)) if text is not None else {}


def _rejected(refused: Refused) -> dict[str, Any]:
    return {
        "status": "rejected",
        "error": refused.message,
        "problems": [{"path": p.path, "message": p.message} for p in refused.problems],
    }


def _check(b: Batch, op: Op, payload: dict[str, Any], *, claimed: str | None) -> Accepted | Refused:
    return check_record(
        entity=op.entity, record_id=op.id, payload=payload, ctx=b, claimed_hash=claimed, kind=op.kind
    )


def _apply_append_only(s: Session, b: Batch, op: Op, row: Row | None) -> dict[str, Any]:
    if row is not None:
        if row.hash == op.hash:
            return {"status": "duplicate", "version": row.version}
        try:
            text = canonical_json(op.payload)
        except ValueError:
            text = json.dumps({"unreadable": True})
        qid = uuid.uuid4()
        s.add(
            Quarantine(
                id=qid,
                team_id=b.team_id,
                device_id=b.device_id,
                op_id=op.op_id,
                entity=op.entity,
                entity_id=op.id,
                hash=op.hash.replace("\x00", ""),
                payload=text,
                received=utcnow(),
            )
        )
        return {
            "status": "conflict",
            "version": row.version,
            "quarantine_id": str(qid),
            "error": f"id: {op.entity} {op.id} already holds a different record; this copy "
            "is quarantined and the stored record is kept unchanged",
        }
    checked = _check(b, op, op.payload, claimed=op.hash)
    if isinstance(checked, Refused):
        return _rejected(checked)
    _write(b, op, checked, 1, in_db=False)
    return {"status": "applied", "version": 1}


def _apply_merged(s: Session, b: Batch, op: Op, row: Row | None) -> dict[str, Any]:
    checked = _check(b, op, op.payload, claimed=op.hash)
    if isinstance(checked, Refused):
        return _rejected(checked)
    if row is None:
        _write(b, op, checked, 1, in_db=False)
        return {"status": "applied", "version": 1}
    if row.hash == checked.hash:
        return {"status": "duplicate", "version": row.version}
    server = json.loads(row.payload_text)
    clashes: list[FieldClash]
    if op.base_version == row.version and op.base is None:
        merged, clashes = op.payload, []  # the device saw the current version: fast-forward
    else:
        merged, clashes = three_way_merge(base=_base_payload(s, b, op), server=server, device=op.payload)
    version = row.version
    if merged != server:
        result = _check(b, op, merged, claimed=None)
        if isinstance(result, Refused):
            return _rejected(result)
        version += 1
        _write(b, op, result, version, in_db=row.in_db)
    conflicts = []
    for clash in clashes:
        cid = uuid.uuid4()
        s.add(
            FieldConflict(
                id=cid,
                team_id=b.team_id,
                entity=op.entity,
                entity_id=op.id,
                field=clash.field,
                base_value=canonical_json(clash.base),
                server_value=canonical_json(clash.server),
                device_value=canonical_json(clash.device),
                device_id=b.device_id,
                op_id=op.op_id,
                created=utcnow(),
            )
        )
        conflicts.append(
            {
                "conflict_id": str(cid),
                "field": clash.field,
                "base_value": clash.base,
                "server_value": clash.server,
                "device_value": clash.device,
            }
        )
    if conflicts:
        return {
            "status": "conflict",
            "version": version,
            "conflicts": conflicts,
            "error": "; ".join(
                f"payload.{c['field']}: changed on the server and on this "
                "device; kept for a person to resolve"
                for c in conflicts
            ),
        }
    return {"status": "applied", "version": version}


def _apply_op(s: Session, b: Batch, op: Op) -> dict[str, Any]:
    entity = REGISTRY.get(op.entity)
    row = b.rows.get((op.entity, op.id))
    if entity is None or entity.origin != "device":
        return _rejected(_check(b, op, op.payload, claimed=op.hash))  # type: ignore[arg-type]
    if entity.kind == "append_only":
        return _apply_append_only(s, b, op, row)
    return _apply_merged(s, b, op, row)


def apply_batch(
    *,
    session: Session,
    team_id: uuid.UUID,
    device_id: uuid.UUID,
    batch_id: uuid.UUID,
    ops: list[Op],
    guidance: GuidanceCache,
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Apply `ops` in order inside the caller's transaction; return (answers, counts).

    An op id already answered gets its stored answer again (status unchanged), so replaying
    a batch whose response was lost changes nothing.
    """
    lock_team(session, team_id)
    b = Batch(session, team_id, device_id, batch_id, guidance)
    stored = stored_answers(session, team_id, [op.op_id for op in ops])
    fresh = [op for op in ops if op.op_id not in stored]
    load_rows(session, b, fresh)
    results: list[dict[str, Any]] = []
    seen_now: dict[uuid.UUID, dict[str, Any]] = {}
    for op in ops:
        if op.op_id in stored or op.op_id in seen_now:
            results.append(stored.get(op.op_id) or seen_now[op.op_id])
            b.counts["replayed"] += 1
            continue
        answer = {"op_id": str(op.op_id), **_apply_op(session, b, op)}
        seen_now[op.op_id] = answer
        b.answers.append(answer)
        results.append(answer)
        b.counts[answer["status"]] += 1
    flush(session, b)
    return results, b.counts


__all__ = ["TeamContext", "apply_batch", "content_hash", "lock_team"]
