"""Resetting a device before it joins another team: the old team's records leave the device.

Refused while anything made here could be lost: changes still to send (or refused by the
server) and unsigned drafts. The audit log stays (ids and actions only: who did what here).
"""

from __future__ import annotations

from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from app.store.audit import audit
from app.store.engine import writes
from app.store.errors import RecordError
from app.store.models import OpState, OutboxOp, Team, VisitRecord, VisitStatus

# Children before parents (foreign keys). Every table that holds a team's records.
TEAM_TABLES = (
    "sync_conflict",
    "sync_quarantine",
    "outbox",
    "pending_input",
    "supervision_record",
    "leaflet_record",
    "case_note",
    "amendment",
    "visit",
    "baby",
    "family",
)


def reset_refusals(*, session: Session) -> list[str]:
    """Why this device may not be reset now (empty: it may)."""
    unsent = session.exec(
        select(func.count())
        .select_from(OutboxOp)
        .where(col(OutboxOp.state).in_([OpState.pending, OpState.rejected]))
    ).one()
    drafts = session.exec(
        select(func.count()).select_from(VisitRecord).where(VisitRecord.status == VisitStatus.draft)
    ).one()
    out = []
    if unsent:
        out.append(
            f"outbox: {unsent} {'change has' if unsent == 1 else 'changes have'} not reached the team "
            "server (sync first; changes the server refused must be corrected and sent)"
        )
    if drafts:
        out.append(
            f"visits: {drafts} unsigned {'draft' if drafts == 1 else 'drafts'}: sign or delete them first"
        )
    return out


@writes
def clear_team_records(*, session: Session, team_id: UUID, new_team_name: str, actor: str) -> int:
    """Delete every family, baby, visit, amendment, note, leaflet, supervision record and sync
    record of the team this device belonged to, and name the device's team `new_team_name`.

    RecordError (nothing deleted) while `reset_refusals` finds anything. Returns rows deleted.
    The triggers that keep signed records immutable are lifted for this transaction only.
    """
    refusals = reset_refusals(session=session)
    if refusals:
        raise RecordError(refusals)
    conn = session.connection()
    triggers = conn.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
    for name, _ in triggers:
        conn.execute(sa.text(f'DROP TRIGGER "{name}"'))
    deleted = 0
    for table in TEAM_TABLES:
        deleted += conn.execute(sa.text(f'DELETE FROM "{table}"')).rowcount or 0
    for _, sql in triggers:
        conn.execute(sa.text(sql))
    session.expunge_all()
    team = session.get(Team, team_id)
    if team is not None:
        team.name = new_team_name
        session.add(team)
    audit(
        session=session,
        actor=actor,
        action="device_reset",
        entity="team",
        entity_id=team_id,
        detail={"records_removed": deleted},
    )
    return deleted
