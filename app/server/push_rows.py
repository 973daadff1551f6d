"""Reading and writing a pushed batch's rows: stored answers, records named, and the final flush."""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.protocol import Derived
from app.protocol.registry import REGISTRY
from app.protocol.wire import Op
from app.server.models import ChangeLog, OpLog, Record, utcnow
from app.server.push_batch import Batch, Row, as_uuid, chunks


def stored_answers(s: Session, team_id: uuid.UUID, op_ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    found: dict[uuid.UUID, Any] = {}
    for part in chunks(op_ids):
        q = sa.select(col(OpLog.op_id), col(OpLog.answer)).where(
            col(OpLog.team_id) == team_id,
            col(OpLog.op_id).in_(part),
        )
        for op_id, answer in s.execute(q):
            found[op_id] = json.loads(answer)
    return found


def load_rows(s: Session, b: Batch, ops: list[Op]) -> None:
    """The records the ops name, and the parents their payloads name, in a few queries."""
    by_entity: dict[str, set[uuid.UUID]] = {}
    parents: dict[str, set[uuid.UUID]] = {}
    for op in ops:
        known = REGISTRY.get(op.entity)
        if known is None:
            continue  # answered `rejected`; never put in a query (it may hold anything, even NUL)
        by_entity.setdefault(op.entity, set()).add(op.id)
        for name, parent in known.parents:
            ref = as_uuid(op.payload.get(name)) if op.payload.get(name) is not None else None
            if ref is not None:
                parents.setdefault(parent, set()).add(ref)
    for entity, ids in by_entity.items():  # (team_id, entity, entity_id) is the primary key
        for part in chunks(sorted(ids)):
            q = sa.select(
                col(Record.entity),
                col(Record.entity_id),
                col(Record.version),
                col(Record.hash),
                col(Record.family_id),
                col(Record.visit_date),
                col(Record.risk_level),
                col(Record.escalate),
                col(Record.seq),
            ).where(
                col(Record.team_id) == b.team_id,
                col(Record.entity) == entity,
                col(Record.entity_id).in_(part),
            )
            for r in s.execute(q):
                b.rows[(r.entity, r.entity_id)] = Row(
                    r.version,
                    r.hash,
                    "",
                    Derived(r.family_id, None, r.visit_date, r.risk_level, r.escalate),
                    in_db=True,
                    seq=r.seq,
                )
    for parent_entity, ids in parents.items():
        for part in chunks(sorted(ids)):
            parent_q = sa.select(col(Record.entity_id)).where(
                col(Record.team_id) == b.team_id,
                col(Record.entity) == parent_entity,
                col(Record.entity_id).in_(part),
            )
            b.known.update((parent_entity, rid) for rid in s.execute(parent_q).scalars())
    b.preloaded = True
    # Merged records need their current payload (append-only ones only their hash).
    merged = {row.seq: row for (entity, _), row in b.rows.items() if REGISTRY[entity].kind == "mergeable"}
    for part in chunks(sorted(merged)):
        for seq, text in s.execute(
            sa.select(col(ChangeLog.seq), col(ChangeLog.payload)).where(col(ChangeLog.seq).in_(part))
        ):
            merged[seq or 0].payload_text = text  # change-log seqs are never NULL


def _record_values(b: Batch, key: tuple[str, uuid.UUID], row: Row, seq: int) -> dict[str, Any]:
    d = row.derived
    return {
        "team_id": b.team_id,
        "entity": key[0],
        "entity_id": key[1],
        "version": row.version,
        "hash": row.hash,
        "family_id": d.family_id,
        "visit_date": d.visit_date,
        "risk_level": d.risk_level,
        "escalate": d.escalate,
        "factors": " ".join(d.factors) if d.factors else None,
        "parent_id": d.parent_id,
        "seq": seq,
    }


def flush(s: Session, b: Batch) -> None:
    if b.changes:
        log = ChangeLog.__table__  # type: ignore[attr-defined]  # Core, not the ORM: thousands of rows per batch
        # RETURNING the record's key with its seq, in any order: asking for parameter order
        # makes SQLAlchemy send one INSERT per row on SQLite.
        newest: dict[tuple[str, uuid.UUID], tuple[int, int]] = {}  # key -> (version, seq)
        rows = [{k: v for k, v in c.items() if k != "parent_id"} for c in b.changes]
        for seq, entity, entity_id, version in s.execute(
            log.insert().returning(log.c.seq, log.c.entity, log.c.entity_id, log.c.version),
            rows,
        ):
            key = (entity, entity_id)
            newest[key] = max((version, seq), newest.get(key, (version, seq)))
        latest = {key: seq for key, (_, seq) in newest.items()}
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for key, row in b.rows.items():
            if row.dirty:
                (updates if row.in_db else inserts).append(_record_values(b, key, row, latest[key]))
        if inserts:
            s.execute(Record.__table__.insert(), inserts)  # type: ignore[attr-defined]
        for values in updates:
            s.execute(
                sa.update(Record)
                .where(
                    col(Record.team_id) == values["team_id"],
                    col(Record.entity) == values["entity"],
                    col(Record.entity_id) == values["entity_id"],
                )
                .values(**values)
            )
    for visit_id, d in b.visit_updates.items():  # an amended visit shows its corrected risk
        s.execute(
            sa.update(Record)
            .where(
                col(Record.team_id) == b.team_id,
                col(Record.entity) == "visit",
                col(Record.entity_id) == visit_id,
            )
            .values(
                risk_level=d.risk_level,
                escalate=d.escalate,
                factors=" ".join(d.factors) if d.factors else None,
            )
        )
    if b.answers:
        now = utcnow()
        s.execute(
            OpLog.__table__.insert(),  # type: ignore[attr-defined]
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
