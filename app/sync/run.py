"""One sync: fetch new guidance, push the outbox in batches, then pull the team's changes page by page."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx
import sqlalchemy as sa
from sqlmodel import Session, col, func, select
from uuid6 import uuid7

from app.protocol import REGISTRY, content_hash
from app.protocol.wire import ANSWERS
from app.store import OpResult, Store, get_sync_value, mark_ops, set_sync_value
from app.store.ids import utcnow
from app.store.models import OpState, OutboxOp, SyncConflict, SyncQuarantine, TeamPublic
from app.store.reset import clear_team_records, reset_refusals
from app.sync.apply import PullCounts, apply_changes, wire_payload
from app.sync.client import ServerClient
from app.sync.errors import AlreadyEnrolled, NotEnrolled, ServerRefused, ServerUnreachable
from app.sync.guidance import fetch_missing, fetch_newest, versions_named

Progress = Callable[[str, int, int], None]
PUSH_BYTES = 4 * 1024 * 1024  # JSON per push request: under the server's 5 MiB request limit
OP_OVERHEAD_BYTES = 400  # an op's JSON besides its payload (ids, hash, kind, version)
KEYS = ("server_url", "device_id", "token", "team_id", "team_name", "pull_cursor")
LAST_SYNC = "last_sync"


@dataclass
class SyncSummary:
    """What one sync did."""

    pushed: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    unchanged: int = 0
    skipped: int = 0
    quarantined: int = 0  # pulled changes this device could not apply (kept, cursor moved on)
    guidance: list[str] = field(default_factory=list)  # guidance versions received from base
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"pushed: {self.pushed}",
            f"pulled: {self.pulled}",
            f"duplicates ignored: {self.duplicates}",
            f"conflicts: {self.conflicts}",
        ]
        if self.rejected:
            out.append(f"rejected: {self.rejected}")
        if self.quarantined:
            out.append(f"quarantined: {self.quarantined}")
        if self.guidance:
            out.append(f"guidance received: {', '.join(self.guidance)}")
        return out + [f"  {p}" for p in self.problems]


def _state(store: Store) -> dict[str, str | None]:
    with store.session() as s:
        return {k: get_sync_value(session=s, key=k) for k in KEYS}


def enrol_device(
    *,
    store: Store,
    server_url: str,
    code: str,
    device_name: str,
    http: httpx.Client | None = None,
    reset: bool = False,
) -> dict[str, Any]:
    """Exchange a one-time code for a token and keep it in the (encrypted) store.

    A device already enrolled with a team is refused (AlreadyEnrolled) unless `reset` is given,
    and a reset needs an empty outbox and no unsigned drafts: nothing made here may go to another
    team's server, and nothing may be lost. A reset removes the old team's records from the
    device (in the transaction that keeps the new token), so the caseload holds only the new team's.
    """
    state = _state(store)
    if state["token"]:
        if not reset:
            raise AlreadyEnrolled(state["team_name"] or "another team")
        with store.session() as s:
            refusals = reset_refusals(session=s)
        if refusals:
            raise AlreadyEnrolled(state["team_name"] or "another team", reasons=refusals)
    client = ServerClient(server_url, http=http)
    try:
        body = client.enrol(code, device_name)
    finally:
        client.close()
    with store.unit_of_work() as uow:
        if state["token"]:  # the old team's records leave with the old enrolment (one transaction)
            clear_team_records(
                session=uow.session,
                team_id=store.team.id,
                new_team_name=str(body["team_name"]),
                actor=store.practitioner.name,
            )
        for key, value in (
            ("server_url", client.base_url),
            ("device_id", body["device_id"]),
            ("token", body["token"]),
            ("team_id", body["team_id"]),
            ("team_name", body["team_name"]),
            ("pull_cursor", "0"),
            (LAST_SYNC, None),
        ):
            set_sync_value(session=uow.session, key=key, value=None if value is None else str(value))
        uow.commit()
    if state["token"]:
        store.team = TeamPublic(id=store.team.id, name=str(body["team_name"]))
    return {k: v for k, v in body.items() if k != "token"}


def pending_count(store: Store) -> int:
    """Ops in the outbox not yet answered by the server."""
    with store.session() as s:
        return int(
            s.exec(select(func.count()).select_from(OutboxOp).where(OutboxOp.state == OpState.pending)).one()
        )


def quarantined_count(store: Store, *, unreported: bool = False) -> int:
    """Pulled changes kept in quarantine on this device (those not yet reported to the server)."""
    with store.session() as s:
        q = select(func.count()).select_from(SyncQuarantine)
        if unreported:
            q = q.where(SyncQuarantine.reported == False)  # noqa: E712
        return int(s.exec(q).one())


def _wire(op: OutboxOp) -> dict[str, Any]:
    payload = wire_payload(op.entity, op.payload)
    digest = op.hash if payload == op.payload else content_hash(payload)
    return {
        "op_id": str(op.op_id),
        "entity": op.entity,
        "id": str(op.entity_id),
        "kind": op.kind,
        "base_version": op.base_version,
        "payload": payload,
        "hash": digest,
    }


def _mark(session: Session, results: list[dict[str, Any]]) -> None:
    """Record the server's answers with the store's mark_ops."""
    answers = []
    for r in results:
        if r.get("status") not in ANSWERS:
            raise ServerRefused(f"the team server gave an unknown answer: {r.get('status')!r}")
        answers.append(OpResult(op_id=uuid.UUID(str(r["op_id"])), state=OpState(r["status"]), response=r))
    mark_ops(session=session, results=answers)


def _next_ops(store: Store, after_seq: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The next pending ops after outbox seq `after_seq` (wire form, at most `limit` of them and
    about PUSH_BYTES of JSON, at least one), and the seq of the last one."""
    with store.session() as s:
        rows = s.exec(
            select(OutboxOp, func.length(OutboxOp.payload))  # stored JSON's length
            .where(col(OutboxOp.state) == OpState.pending, col(OutboxOp.seq) > after_seq)
            .order_by(col(OutboxOp.seq))
            .limit(limit)
        ).all()
        ops: list[dict[str, Any]] = []
        last, size = after_seq, 0
        for row, stored in rows:
            op = _wire(row)
            size += (stored or 0) + OP_OVERHEAD_BYTES
            spec = REGISTRY.get(row.entity)
            if spec is not None and spec.kind == "mergeable":
                op["base"] = _believed_base(s, row)
                size += len(json.dumps(op["base"]))
            if ops and size > PUSH_BYTES:
                break
            ops.append(op)
            last = row.seq or last
        return ops, last


def _believed_base(session: Session, row: OutboxOp) -> dict[str, Any] | None:
    """What this device believed the record was when it made `row`: the payload of its own
    earlier op made since the same pull (so a second offline edit never clashes with the
    first), or None to let the server use its copy of `base_version`."""
    same_base = (
        col(OutboxOp.base_version).is_(None)
        if row.base_version is None
        else col(OutboxOp.base_version) == row.base_version
    )
    earlier = session.exec(
        select(OutboxOp)
        .where(
            col(OutboxOp.entity) == row.entity,
            col(OutboxOp.entity_id) == row.entity_id,
            col(OutboxOp.seq) < row.seq,
            same_base,
        )
        .order_by(col(OutboxOp.seq).desc())
        .limit(1)
    ).first()
    return None if earlier is None else wire_payload(row.entity, earlier.payload)


def _record(
    store: Store, ops: list[dict[str, Any]], results: list[dict[str, Any]], summary: SyncSummary
) -> None:
    """Keep the server's answers (and any field conflicts) in one device transaction."""
    by_id = {o["op_id"]: o for o in ops}
    with store.unit_of_work() as uow:
        s = uow.session
        for r in results:
            for clash in r.get("conflicts") or []:
                if s.get(SyncConflict, uuid.UUID(clash["conflict_id"])) is None:
                    s.add(
                        SyncConflict(
                            id=uuid.UUID(clash["conflict_id"]),
                            entity=by_id[r["op_id"]]["entity"],
                            entity_id=uuid.UUID(by_id[r["op_id"]]["id"]),
                            field=clash["field"],
                            local_value=clash["device_value"],
                            server_value=clash["server_value"],
                        )
                    )
        _mark(s, results)
        uow.commit()
    for r in results:
        status, entity = r["status"], by_id[r["op_id"]]["entity"]
        if status == "applied":
            summary.pushed += 1
        elif status == "duplicate":
            summary.duplicates += 1
        elif status == "conflict":
            summary.conflicts += 1
            summary.problems.append(f"conflict: {entity} {by_id[r['op_id']]['id']}: {r.get('error')}")
        else:
            summary.rejected += 1
            summary.problems.append(f"rejected: {entity} {by_id[r['op_id']]['id']}: {r.get('error')}")


def _push(
    store: Store, client: ServerClient, summary: SyncSummary, batch_size: int, progress: Progress
) -> None:
    """Send batches in outbox order. While the server applies one batch, the device records
    the previous answers and reads the next batch (one request in flight at a time)."""
    with store.session() as s:
        total = s.exec(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.state == OpState.pending)
        ).one()
    done = 0
    progress("push", 0, total)
    unreported = quarantined_count(store, unreported=True)
    ops, last = _next_ops(store, 0, batch_size)
    if not ops and not unreported:
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        in_flight: Future[dict[str, Any]] | None = pool.submit(
            client.push, str(uuid7()), ops, unreported
        )  # no transaction open
        while in_flight is not None:
            following, last = _next_ops(store, last, batch_size)
            answer = in_flight.result()
            results = answer.get("results", [])
            if [r.get("op_id") for r in results] != [o["op_id"] for o in ops]:
                raise ServerUnreachable(client.base_url, "the answer did not match the batch")
            in_flight = pool.submit(client.push, str(uuid7()), following, 0) if following else None
            _record(store, ops, results, summary)
            if unreported:
                _mark_reported(store)
                unreported = 0
            done += len(results)
            progress("push", done, max(total, done))
            ops = following


def _mark_reported(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.session.execute(sa.update(SyncQuarantine).values(reported=True))
        uow.commit()


def _pull(store: Store, client: ServerClient, summary: SyncSummary, limit: int, progress: Progress) -> None:
    counts = PullCounts()
    with store.session() as s:
        cursor = int(get_sync_value(session=s, key="pull_cursor") or 0)
    received = 0
    while True:
        page = client.pull(cursor, limit)
        changes, nxt = page.get("changes"), page.get("next")
        if not isinstance(changes, list) or not isinstance(nxt, int) or nxt < cursor:
            raise ServerRefused("the team server sent a page this device cannot read; try again later")
        wanted = versions_named(c for c in changes if isinstance(c, dict))
        summary.guidance += fetch_missing(store, client, wanted, summary.problems)
        with store.unit_of_work() as uow:  # the rows and the cursor: one transaction
            apply_changes(session=uow.session, changes=changes, team_id=store.team.id, counts=counts)
            set_sync_value(session=uow.session, key="pull_cursor", value=str(nxt))
            uow.commit()
        cursor = nxt
        received += len(page["changes"])
        progress("pull", received, received if not page["more"] else 0)
        if not page["more"]:
            break
    summary.pulled, summary.unchanged, summary.skipped = (counts.stored, counts.unchanged, counts.skipped)
    summary.quarantined = counts.quarantined


def sync_now(
    *,
    store: Store,
    on_progress: Progress | None = None,
    http: httpx.Client | None = None,
    batch_size: int = 500,
    pull_limit: int = 500,
) -> SyncSummary:
    """Push everything pending, then pull. Raises a SyncError (outbox intact) if it cannot finish.

    `on_progress(stage, done, total)`: stage is "push" or "pull"; total 0 means not yet known.
    """
    state = _state(store)
    if not state["server_url"] or not state["token"]:
        raise NotEnrolled()
    progress = on_progress or (lambda _stage, _done, _total: None)
    client = ServerClient(state["server_url"], state["token"], http=http)
    summary = SyncSummary()
    try:
        if (received := fetch_newest(store, client, summary.problems)) is not None:
            summary.guidance.append(received)
        _push(store, client, summary, batch_size, progress)
        _pull(store, client, summary, pull_limit, progress)
    finally:
        client.close()
    with store.unit_of_work() as uow:
        set_sync_value(session=uow.session, key=LAST_SYNC, value=utcnow().isoformat())
        uow.commit()
    return summary
