"""The review read model, projected from the team's change log (visits and amendments).

`refresh` reads the change log after the team's cursor, assesses each new signed visit with the
domain (never trusting the device's own assessment), applies amendments, recomputes the
chronology patterns of every baby touched and puts visits into the review queue.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.protocol.records import visit_document
from app.server.models import ChangeLog, Record, utcnow
from app.server.portal.patterns import Pattern, patterns_of
from app.server.portal.tables import ProjectionCursor, ReviewItem, VisitFact, VisitFactor

PAGE = 2000


class Rejected(ValueError):
    """A visit document the domain cannot parse."""


URGENCY = {"escalate": 0, "high_risk": 1, "pattern": 2, "incomplete": 3, "amended": 4}
RISK_RANK = {"low": 0, "incomplete": 1, "increased": 1, "high": 2}


def add_working_days(day: dt.date, days: int) -> dt.date:
    """`day` plus `days` working days (Monday to Friday)."""
    while days > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


@dataclass
class _Facts:
    risk_level: str
    escalate: bool
    incomplete: bool
    sleep_seen: bool | None
    bed_sharing_discussed: bool
    factors: tuple[str, ...]
    context: tuple[str, ...]
    visit_date: dt.date


def assess_document(doc: Any) -> _Facts:
    """Parse and assess a visit document with the domain; Rejected when it does not parse."""
    from app.domain.assessment import assess
    from app.domain.errors import VisitError, parse_visit

    try:
        visit = parse_visit(doc)
    except VisitError as exc:
        raise Rejected("; ".join(str(p) for p in exc.problems)) from None
    result = assess(visit)
    incomplete = result.incomplete
    assert visit.visit.date is not None
    return _Facts(
        risk_level=result.risk_level.value,
        escalate=result.escalate,
        incomplete=bool(incomplete) or result.risk_level.value == "incomplete",
        sleep_seen=visit.sleep.seen,
        bed_sharing_discussed=visit.sleep.bed_sharing is not None,
        factors=tuple(f.code for f in result.factors),
        context=tuple(result.context),
        visit_date=visit.visit.date,
    )


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _reasons(f: _Facts) -> list[str]:
    out = []
    if f.escalate:
        out.append("escalate")
    if f.risk_level == "high":
        out.append("high_risk")
    if f.incomplete:
        out.append("incomplete")
    return out


def _lock_cursor(session: Session, team_id: uuid.UUID) -> int:
    """Take the team's projection lock (row lock / SQLite write lock); return its cursor."""
    updated = session.execute(
        sa.update(ProjectionCursor)
        .where(col(ProjectionCursor.team_id) == team_id)
        .values(runs=col(ProjectionCursor.runs) + 1)
        .returning(col(ProjectionCursor.seq))
    ).scalar()
    if updated is not None:
        return int(updated)
    session.add(ProjectionCursor(team_id=team_id, seq=0, runs=1))
    session.flush()
    return 0


def _set_facts(session: Session, team_id: uuid.UUID, fact: VisitFact, f: _Facts) -> None:
    fact.risk_level, fact.escalate, fact.incomplete = f.risk_level, f.escalate, f.incomplete
    fact.sleep_seen, fact.bed_sharing_discussed = f.sleep_seen, f.bed_sharing_discussed
    fact.factors, fact.context = " ".join(f.factors), " ".join(f.context)
    session.execute(
        sa.delete(VisitFactor).where(
            col(VisitFactor.team_id) == team_id, col(VisitFactor.visit_id) == fact.visit_id
        )
    )
    for code in f.factors:
        session.add(
            VisitFactor(team_id=team_id, visit_id=fact.visit_id, code=code, visit_date=fact.visit_date)
        )


def _project_visit(
    session: Session,
    team_id: uuid.UUID,
    entity_id: uuid.UUID,
    p: dict[str, Any],
    seq: int,
    device_id: uuid.UUID | None,
) -> VisitFact | None:
    if session.get(VisitFact, (team_id, entity_id)) is not None:
        return None  # signed visits are immutable: the first copy stays
    try:
        f = assess_document(visit_document(p))
    except Rejected:
        return None  # the server accepted it, so this only happens with older guidance rules
    fact = VisitFact(
        team_id=team_id,
        visit_id=entity_id,
        family_id=_uuid(p.get("family_id")),
        baby_id=_uuid(p.get("baby_id")),
        visit_date=f.visit_date,
        visit_type=str(p.get("visit_type") or visit_document(p).get("visit", {}).get("type") or "other")[:20],
        practitioner=str(p.get("signed_by_name") or p.get("practitioner_name") or "not recorded")[:200],
        device_id=device_id,
        risk_level=f.risk_level,
        escalate=f.escalate,
        incomplete=f.incomplete,
        bed_sharing_discussed=f.bed_sharing_discussed,
        follow_up_date=_date(p.get("follow_up_date")),
        seq=seq,
    )
    session.add(fact)
    _set_facts(session, team_id, fact, f)
    return fact


def _amended_document(
    session: Session, team_id: uuid.UUID, visit_id: uuid.UUID, family_id: uuid.UUID | None
) -> dict[str, Any] | None:
    """The visit's answers with every amendment so far applied, in server order."""
    from app.domain.amendments import with_answer

    visit = session.execute(
        sa.select(col(ChangeLog.payload))
        .join(Record, col(Record.seq) == col(ChangeLog.seq))
        .where(
            col(Record.team_id) == team_id, col(Record.entity) == "visit", col(Record.entity_id) == visit_id
        )
    ).scalar()
    if visit is None:
        return None
    doc: dict[str, Any] = dict(visit_document(json.loads(visit)))
    amendments = session.execute(
        sa.select(col(ChangeLog.payload))
        .join(Record, col(Record.seq) == col(ChangeLog.seq))
        .where(
            col(Record.team_id) == team_id,
            col(Record.entity) == "amendment",
            col(Record.family_id) == family_id,
        )
        .order_by(col(Record.seq))
    ).scalars()
    for text in amendments:
        body = json.loads(text)
        if str(body.get("visit_id")) != str(visit_id):
            continue
        for path, change in (body.get("changes") or {}).items():
            if not str(path).startswith("notes.") and isinstance(change, dict):
                doc = with_answer(doc, str(path), change.get("to"))
    return doc


def _project_amendment(
    session: Session, team_id: uuid.UUID, p: dict[str, Any]
) -> tuple[VisitFact, bool] | None:
    visit_id = _uuid(p.get("visit_id"))
    fact = session.get(VisitFact, (team_id, visit_id)) if visit_id else None
    if fact is None or visit_id is None:
        return None
    doc = _amended_document(session, team_id, visit_id, fact.family_id)
    if doc is None:
        return None
    try:
        f = assess_document(doc)
    except Rejected:
        return None
    raised = RISK_RANK.get(f.risk_level, 0) > RISK_RANK.get(fact.risk_level, 0) or (
        f.escalate and not fact.escalate
    )
    _set_facts(session, team_id, fact, f)
    fact.amended = True
    return fact, raised


def baby_patterns(
    session: Session, team_id: uuid.UUID, baby_id: uuid.UUID, *, last: int = 3
) -> list[Pattern]:
    """The patterns of a baby's latest `last` signed visits."""
    rows = session.execute(
        sa.select(
            col(VisitFact.visit_id),
            col(VisitFact.visit_date),
            col(VisitFact.risk_level),
            col(VisitFact.sleep_seen),
            col(VisitFact.factors),
        )
        .where(col(VisitFact.team_id) == team_id, col(VisitFact.baby_id) == baby_id)
        .order_by(col(VisitFact.visit_date).desc(), col(VisitFact.seq).desc())
        .limit(last)
    ).all()
    return list(patterns_of([(r[0], r[1], r[2], r[3], r[4]) for r in reversed(rows)]))


def _enter(
    session: Session,
    team_id: uuid.UUID,
    fact: VisitFact,
    reasons: list[str],
    patterns: list[Pattern],
    *,
    reopen: bool,
) -> None:
    item = session.get(ReviewItem, (team_id, fact.visit_id))
    now = utcnow()
    if not reasons:
        if item is not None and item.state == "new" and not item.discussed_at:
            item.reasons = ""  # an amendment lowered the risk: keep it, nothing urgent
        return
    urgency = min(URGENCY[r] for r in reasons)
    pattern_json = json.dumps([{"code": p.code, "factor": p.factor} for p in patterns])
    if item is None:
        session.add(
            ReviewItem(
                team_id=team_id,
                visit_id=fact.visit_id,
                family_id=fact.family_id,
                baby_id=fact.baby_id,
                visit_date=fact.visit_date,
                practitioner=fact.practitioner,
                state="new",
                urgency=urgency,
                reasons=" ".join(reasons),
                patterns=pattern_json,
                escalate=fact.escalate,
                entered_at=now,
                discuss_by=add_working_days(now.date(), 2),
            )
        )
        return
    item.reasons, item.urgency, item.patterns, item.escalate = (
        " ".join(reasons),
        urgency,
        pattern_json,
        fact.escalate,
    )
    if reopen and item.state != "new":
        item.state, item.entered_at = "new", now
        item.discuss_by, item.closed_at = add_working_days(now.date(), 2), None


def refresh(*, session: Session, team_id: uuid.UUID) -> int:
    """Bring the team's read model up to its change log (in the caller's transaction)."""
    cursor = _lock_cursor(session, team_id)
    seen = 0
    while True:
        rows = session.execute(
            sa.select(
                col(ChangeLog.seq),
                col(ChangeLog.entity),
                col(ChangeLog.entity_id),
                col(ChangeLog.payload),
                col(ChangeLog.device_id),
            )
            .where(col(ChangeLog.team_id) == team_id, col(ChangeLog.seq) > cursor)
            .where(col(ChangeLog.entity).in_(("visit", "amendment")))
            .order_by(col(ChangeLog.seq))
            .limit(PAGE)
        ).all()
        if not rows:
            break
        touched: dict[uuid.UUID, tuple[VisitFact, bool]] = {}
        with session.no_autoflush:
            for seq, entity, entity_id, text, device_id in rows:
                payload = json.loads(text)
                if entity == "visit":
                    fact = _project_visit(session, team_id, entity_id, payload, seq or 0, device_id)
                    if fact is not None:
                        touched[fact.visit_id] = (fact, False)
                else:
                    session.flush()
                    got = _project_amendment(session, team_id, payload)
                    if got is not None:
                        earlier = touched.get(got[0].visit_id, (got[0], False))[1]
                        touched[got[0].visit_id] = (got[0], earlier or got[1])
        session.flush()
        latest_of_baby = _latest_per_baby(
            session, team_id, {f.baby_id for f, _ in touched.values() if f.baby_id}
        )
        for fact, raised in touched.values():
            reasons = _reasons_of(fact) + (["amended"] if raised else [])
            patterns: list[Pattern] = []
            if fact.baby_id and latest_of_baby.get(fact.baby_id) == fact.visit_id:
                patterns = baby_patterns(session, team_id, fact.baby_id)
                if patterns:
                    reasons.append("pattern")
            _enter(session, team_id, fact, reasons, patterns, reopen=raised)
        cursor = rows[-1][0] or cursor
        seen += len(rows)
        session.flush()
    session.execute(
        sa.update(ProjectionCursor).where(col(ProjectionCursor.team_id) == team_id).values(seq=cursor)
    )
    return seen


def _reasons_of(fact: VisitFact) -> list[str]:
    return _reasons(
        _Facts(
            fact.risk_level,
            fact.escalate,
            fact.incomplete,
            fact.sleep_seen,
            fact.bed_sharing_discussed,
            tuple(fact.factors.split()),
            tuple(fact.context.split()),
            fact.visit_date,
        )
    )


def _latest_per_baby(
    session: Session, team_id: uuid.UUID, babies: set[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    out: dict[uuid.UUID, uuid.UUID] = {}
    ordered = sorted(babies)
    for i in range(0, len(ordered), 500):
        rows = session.execute(
            sa.select(col(VisitFact.baby_id), col(VisitFact.visit_id))
            .where(col(VisitFact.team_id) == team_id, col(VisitFact.baby_id).in_(ordered[i : i + 500]))
            .order_by(col(VisitFact.visit_date), col(VisitFact.seq))
        ).all()
        for baby, visit in rows:
            if baby is not None:
                out[baby] = visit  # the last one wins: newest
    return out
