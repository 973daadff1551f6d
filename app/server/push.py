"""Applying a pushed batch: one transaction, every op checked by the protocol, answered and kept.

A bad op is `rejected` with its problems and writes nothing; the rest of the batch goes on.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.protocol import Accepted, Derived, Refused, VisitState, check_record, content_hash, three_way_merge
from app.protocol.canonical import canonical_json
from app.protocol.registry import REGISTRY
from app.protocol.wire import Op
from app.server.guidance_store import GuidanceCache
from app.server.models import ChangeLog, FieldConflict, OpLog, Quarantine, Record, Team, utcnow

CHUNK = 500
NOTES = ("parents_said", "observed", "agreed_actions", "follow_up_date")


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


def _chunks(items: list[Any]) -> list[list[Any]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@dataclass
class _Batch:
    """One pushed batch: what it has seen and written (also the protocol's check context)."""

    session: Session
    team_id: uuid.UUID
    device_id: uuid.UUID
    batch_id: uuid.UUID
    guidance_cache: GuidanceCache
    rows: dict[tuple[str, uuid.UUID], _Row] = field(default_factory=dict)
    known: set[tuple[str, uuid.UUID]] = field(default_factory=set)
    changes: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    visit_updates: dict[uuid.UUID, Derived] = field(default_factory=dict)
    preloaded: bool = False  # True once _load_rows has read every parent the ops name
    counts: dict[str, int] = field(
        default_factory=lambda: {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0, "replayed": 0}
    )

    # --- the protocol's Context ------------------------------------------------------------
    def exists(self, entity: str, entity_id: uuid.UUID) -> bool:
        if (entity, entity_id) in self.rows or (entity, entity_id) in self.known:
            return True
        if self.preloaded:
            return False
        return self.session.get(Record, (self.team_id, entity, entity_id)) is not None

    def visit_state(self, visit_id: uuid.UUID) -> VisitState | None:
        """The visit's answers and notes with every amendment so far (stored, then this batch)."""
        from app.domain.amendments import apply_amendments

        visit = self._payload("visit", visit_id)
        if visit is None:
            return None
        texts = self.session.execute(
            sa.select(ChangeLog.payload)
            .join(Record, Record.seq == ChangeLog.seq)
            .where(
                Record.team_id == self.team_id,
                Record.entity == "amendment",
                Record.parent_id == visit_id,
            )
            .order_by(Record.seq)
        ).scalars()
        amendments = [json.loads(t) for t in texts]
        amendments += [
            json.loads(c["payload"])
            for c in self.changes
            if c["entity"] == "amendment" and c["parent_id"] == visit_id
        ]
        notes = {k: visit.get(k) for k in NOTES}
        answers, notes = apply_amendments(visit["answers"], notes, [a["changes"] for a in amendments])
        return VisitState(answers=answers, notes=notes)

    def guidance(self, version: str | None) -> Any:
        return self.guidance_cache.get(version)

    def _payload(self, entity: str, entity_id: uuid.UUID) -> dict[str, Any] | None:
        for change in reversed(self.changes):
            if (change["entity"], change["entity_id"]) == (entity, entity_id):
                return dict(json.loads(change["payload"]))
        text = self.session.execute(
            sa.select(ChangeLog.payload)
            .join(Record, Record.seq == ChangeLog.seq)
            .where(Record.team_id == self.team_id, Record.entity == entity, Record.entity_id == entity_id)
        ).scalar()
        return None if text is None else dict(json.loads(text))


def TeamContext(session: Session, team_id: uuid.UUID, guidance: GuidanceCache) -> _Batch:
    """A check context for one record outside a pushed batch (parents looked up as needed)."""
    return _Batch(session, team_id, uuid.UUID(int=0), uuid.UUID(int=0), guidance)


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
    """The records the ops name, and the parents their payloads name, in a few queries."""
    by_entity: dict[str, set[uuid.UUID]] = {}
    parents: dict[str, set[uuid.UUID]] = {}
    for op in ops:
        entity = REGISTRY.get(op.entity)
        if entity is None:
            continue  # answered `rejected`; never put in a query (it may hold anything, even NUL)
        by_entity.setdefault(op.entity, set()).add(op.id)
        for name, parent in entity.parents:
            ref = _uuid(op.payload.get(name)) if op.payload.get(name) is not None else None
            if ref is not None:
                parents.setdefault(parent, set()).add(ref)
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
                    Derived(r.family_id, None, r.visit_date, r.risk_level, r.escalate),
                    in_db=True,
                    seq=r.seq,
                )
    for entity, ids in parents.items():
        for part in _chunks(sorted(ids)):
            q = sa.select(Record.entity_id).where(
                Record.team_id == b.team_id,
                Record.entity == entity,
                Record.entity_id.in_(part),  # type: ignore[attr-defined]
            )
            b.known.update((entity, rid) for rid in s.execute(q).scalars())
    b.preloaded = True
    # Merged records need their current payload (append-only ones only their hash).
    merged = {row.seq: row for (entity, _), row in b.rows.items() if REGISTRY[entity].kind == "mergeable"}
    for part in _chunks(sorted(merged)):
        for seq, text in s.execute(
            sa.select(ChangeLog.seq, ChangeLog.payload).where(ChangeLog.seq.in_(part))  # type: ignore[union-attr]
        ):
            merged[seq].payload_text = text


def _write(b: _Batch, op: Op, ok: Accepted, version: int, in_db: bool) -> None:
    b.rows[(op.entity, op.id)] = _Row(version, ok.hash, ok.text, ok.derived, in_db=in_db, dirty=True)
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


def _base_payload(s: Session, b: _Batch, op: Op) -> dict[str, Any]:
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
        sa.select(ChangeLog.payload)
        .where(
            ChangeLog.team_id == b.team_id,
            ChangeLog.entity == op.entity,
            ChangeLog.entity_id == op.id,
            ChangeLog.version == op.base_version,
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


def _check(b: _Batch, op: Op, payload: dict[str, Any], *, claimed: str | None) -> Accepted | Refused:
    return check_record(
        entity=op.entity, record_id=op.id, payload=payload, ctx=b, claimed_hash=claimed, kind=op.kind
    )


def _apply_append_only(s: Session, b: _Batch, op: Op, row: _Row | None) -> dict[str, Any]:
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


def _apply_merged(s: Session, b: _Batch, op: Op, row: _Row | None) -> dict[str, Any]:
    checked = _check(b, op, op.payload, claimed=op.hash)
    if isinstance(checked, Refused):
        return _rejected(checked)
    if row is None:
        _write(b, op, checked, 1, in_db=False)
        return {"status": "applied", "version": 1}
    if row.hash == checked.hash:
        return {"status": "duplicate", "version": row.version}
    server = json.loads(row.payload_text)
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


def _apply_op(s: Session, b: _Batch, op: Op) -> dict[str, Any]:
    entity = REGISTRY.get(op.entity)
    row = b.rows.get((op.entity, op.id))
    if entity is None or entity.origin != "device":
        return _rejected(_check(b, op, op.payload, claimed=op.hash))  # type: ignore[arg-type]
    if entity.kind == "append_only":
        return _apply_append_only(s, b, op, row)
    return _apply_merged(s, b, op, row)


def _record_values(b: _Batch, key: tuple[str, uuid.UUID], row: _Row, seq: int) -> dict[str, Any]:
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


def _flush(s: Session, b: _Batch) -> None:
    if b.changes:
        log = ChangeLog.__table__  # Core, not the ORM: thousands of rows per batch
        # RETURNING the record's key with its seq, in any order: asking for parameter order
        # makes SQLAlchemy send one INSERT per row on SQLite.
        newest: dict[tuple[str, uuid.UUID], tuple[int, int]] = {}  # key -> (version, seq)
        rows = [{k: v for k, v in c.items() if k != "parent_id"} for c in b.changes]
        for seq, entity, entity_id, version in s.execute(
            log.insert().returning(log.c.seq, log.c.entity, log.c.entity_id, log.c.version),  # type: ignore[attr-defined]
            rows,
        ):
            key = (entity, entity_id)
            newest[key] = max((version, seq), newest.get(key, (version, seq)))
        latest = {key: seq for key, (_, seq) in newest.items()}
        inserts, updates = [], []
        for key, row in b.rows.items():
            if row.dirty:
                (updates if row.in_db else inserts).append(_record_values(b, key, row, latest[key]))
        if inserts:
            s.execute(Record.__table__.insert(), inserts)  # type: ignore[attr-defined]
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
    for visit_id, d in b.visit_updates.items():  # an amended visit shows its corrected risk
        s.execute(
            sa.update(Record)
            .where(Record.team_id == b.team_id, Record.entity == "visit", Record.entity_id == visit_id)
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
    b = _Batch(session, team_id, device_id, batch_id, guidance)
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


__all__ = ["apply_batch", "content_hash", "lock_team"]
