"""Applying a pushed batch: one transaction, every op answered and remembered."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.server.entities import APPEND_ONLY, MERGED, Derived, Rejected, validate
from app.server.hashing import canonical_json, content_hash
from app.server.merge import three_way_merge
from app.server.models import ChangeLog, FieldConflict, OpLog, Quarantine, Record, Team, utcnow
from app.server.schemas import Op

CHUNK = 500


def lock_team(session: Session, team_id: uuid.UUID) -> None:
    """Take the team's write lock (a row lock on PostgreSQL, the write lock on SQLite).

    Every writer of the change log takes it first, so within a team change-log sequence
    numbers are committed in increasing order and a pull never skips a late commit.
    """
    session.execute(sa.update(Team).where(Team.id == team_id).values(write_counter=Team.write_counter + 1))


@dataclass
class _Row:
    """A record as this batch sees it."""

    version: int
    hash: str
    payload_text: str
    derived: Derived
    in_db: bool
    dirty: bool = False
    seq: int = 0


@dataclass
class _Batch:
    team_id: uuid.UUID
    device_id: uuid.UUID
    batch_id: uuid.UUID
    rows: dict[tuple[str, uuid.UUID], _Row] = field(default_factory=dict)
    changes: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(
        default_factory=lambda: {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0, "replayed": 0}
    )


def _chunks(items: list[Any]) -> list[list[Any]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def _stored_answers(s: Session, team_id: uuid.UUID, op_ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    found: dict[uuid.UUID, Any] = {}
    for part in _chunks(op_ids):
        q = sa.select(OpLog.op_id, OpLog.answer).where(
            OpLog.team_id == team_id,
            OpLog.op_id.in_(part),  # type: ignore[attr-defined]
        )
        for op_id, answer in s.execute(q):
            found[op_id] = json.loads(answer)
    return found


def _load_rows(s: Session, b: _Batch, ops: list[Op]) -> None:
    by_entity: dict[str, set[uuid.UUID]] = {}
    for op in ops:
        by_entity.setdefault(op.entity, set()).add(op.id)
    for entity, ids in by_entity.items():  # (team_id, entity, entity_id) is the primary key
        for part in _chunks(sorted(ids)):
            q = sa.select(
                Record.entity,
                Record.entity_id,
                Record.version,
                Record.hash,
                Record.family_id,
                Record.visit_date,
                Record.risk_level,
                Record.escalate,
                Record.seq,
            ).where(Record.team_id == b.team_id, Record.entity == entity, Record.entity_id.in_(part))  # type: ignore[attr-defined]
            for r in s.execute(q):
                b.rows[(r.entity, r.entity_id)] = _Row(
                    r.version,
                    r.hash,
                    "",
                    Derived(r.family_id, r.visit_date, r.risk_level, r.escalate),
                    in_db=True,
                    seq=r.seq,
                )
    # Merged records need their current payload (append-only ones only their hash).
    merged = {row.seq: row for (entity, _), row in b.rows.items() if entity in MERGED}
    for part in _chunks(sorted(merged)):
        for seq, text in s.execute(
            sa.select(ChangeLog.seq, ChangeLog.payload).where(ChangeLog.seq.in_(part))
        ):  # type: ignore[union-attr]
            merged[seq].payload_text = text


def _write(
    b: _Batch, op: Op, payload: dict[str, Any], digest: str, derived: Derived, version: int, in_db: bool
) -> None:
    text = canonical_json(payload)
    b.rows[(op.entity, op.id)] = _Row(version, digest, text, derived, in_db=in_db, dirty=True)
    b.changes.append(
        {
            "team_id": b.team_id,
            "entity": op.entity,
            "entity_id": op.id,
            "version": version,
            "payload": text,
            "hash": digest,
            "device_id": b.device_id,
            "created": utcnow(),
        }
    )


def _base_payload(s: Session, b: _Batch, op: Op) -> dict[str, Any]:
    """The record as the device believed it when it made the op: the `base` it sent (its own
    earlier edit since its last pull), else the server's copy of `base_version`."""
    if op.base is not None:
        return op.base
    if op.base_version is None:
        return {}
    for change in reversed(b.changes):  # written earlier in this batch
        if (change["entity"], change["entity_id"], change["version"]) == (op.entity, op.id, op.base_version):
            return json.loads(change["payload"])
    text = s.execute(
        sa.select(ChangeLog.payload)
        .where(
            ChangeLog.team_id == b.team_id,
            ChangeLog.entity == op.entity,
            ChangeLog.entity_id == op.id,
            ChangeLog.version == op.base_version,
        )
        .limit(1)
    ).scalar()
    return json.loads(text) if text is not None else {}


def _apply_append_only(s: Session, b: _Batch, op: Op, row: _Row | None) -> dict[str, Any]:
    if row is not None:
        if row.hash == op.hash:
            return {"status": "duplicate", "version": row.version}
        qid = uuid.uuid4()
        s.add(
            Quarantine(
                id=qid,
                team_id=b.team_id,
                device_id=b.device_id,
                op_id=op.op_id,
                entity=op.entity,
                entity_id=op.id,
                hash=op.hash,
                payload=canonical_json(op.payload),
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
    derived = validate(op.entity, op.payload)
    _write(b, op, op.payload, op.hash, derived, 1, in_db=False)
    return {"status": "applied", "version": 1}


def _apply_merged(s: Session, b: _Batch, op: Op, row: _Row | None) -> dict[str, Any]:
    derived = validate(op.entity, op.payload)
    if row is None:
        _write(b, op, op.payload, op.hash, derived, 1, in_db=False)
        return {"status": "applied", "version": 1}
    if row.hash == op.hash:
        return {"status": "duplicate", "version": row.version}
    server = json.loads(row.payload_text)
    if op.base_version == row.version and op.base is None:
        merged, clashes = op.payload, []  # the device saw the current version: fast-forward
    else:
        merged, clashes = three_way_merge(base=_base_payload(s, b, op), server=server, device=op.payload)
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
    version = row.version
    if merged != server:
        version += 1
        _write(b, op, merged, content_hash(merged), validate(op.entity, merged), version, in_db=row.in_db)
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


def _apply_op(s: Session, b: _Batch, op: Op) -> dict[str, Any]:
    row = b.rows.get((op.entity, op.id))
    try:
        if op.entity in APPEND_ONLY:
            return _apply_append_only(s, b, op, row)
        if op.entity in MERGED:
            return _apply_merged(s, b, op, row)
        validate(op.entity, op.payload)  # raises Rejected naming the allowed entities
        raise Rejected("entity: unknown")
    except Rejected as exc:
        return {"status": "rejected", "error": str(exc)}


def _flush(s: Session, b: _Batch) -> None:
    if b.changes:
        log = ChangeLog.__table__  # Core, not the ORM: thousands of rows per batch
        # RETURNING the record's key with its seq, in any order: asking for parameter order
        # makes SQLAlchemy send one INSERT per row on SQLite.
        newest: dict[tuple[str, uuid.UUID], tuple[int, int]] = {}  # key -> (version, seq)
        for seq, entity, entity_id, version in s.execute(
            log.insert().returning(log.c.seq, log.c.entity, log.c.entity_id, log.c.version),
            b.changes,
        ):
            key = (entity, entity_id)
            newest[key] = max((version, seq), newest.get(key, (version, seq)))
        latest = {key: seq for key, (_, seq) in newest.items()}
        inserts, updates = [], []
        for key, row in b.rows.items():
            if not row.dirty:
                continue
            values = {
                "team_id": b.team_id,
                "entity": key[0],
                "entity_id": key[1],
                "version": row.version,
                "hash": row.hash,
                "family_id": row.derived.family_id,
                "visit_date": row.derived.visit_date,
                "risk_level": row.derived.risk_level,
                "escalate": row.derived.escalate,
                "seq": latest[key],
            }
            (updates if row.in_db else inserts).append(values)
        if inserts:
            s.execute(Record.__table__.insert(), inserts)
        for values in updates:
            s.execute(
                sa.update(Record)
                .where(
                    Record.team_id == values["team_id"],
                    Record.entity == values["entity"],
                    Record.entity_id == values["entity_id"],
                )
                .values(**values)
            )
    if b.answers:
        now = utcnow()
        s.execute(
            OpLog.__table__.insert(),
            [
                {
                    "team_id": b.team_id,
                    "op_id": uuid.UUID(a["op_id"]),
                    "batch_id": b.batch_id,
                    "device_id": b.device_id,
                    "answer": json.dumps(a),
                    "created": now,
                }
                for a in b.answers
            ],
        )


def apply_batch(
    *,
    session: Session,
    team_id: uuid.UUID,
    device_id: uuid.UUID,
    batch_id: uuid.UUID,
    ops: list[Op],
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Apply `ops` in order inside the caller's transaction; return (answers, counts).

    An op id already answered gets its stored answer again (status unchanged), so replaying
    a batch whose response was lost changes nothing.
    """
    lock_team(session, team_id)
    b = _Batch(team_id=team_id, device_id=device_id, batch_id=batch_id)
    stored = _stored_answers(session, team_id, [op.op_id for op in ops])
    fresh = [op for op in ops if op.op_id not in stored]
    _load_rows(session, b, fresh)
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
    _flush(session, b)
    return results, b.counts
