"""Signing a visit (assessment snapshot, immutable from then on), amendments and leaflets."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlmodel import Session, col, select

from app.domain.assessment import assess
from app.domain.errors import parse_visit
from app.domain.leaflet_content import Paper
from app.domain.signing import recorded_reason, sign_problems
from app.store.answers import get_answer, json_value, split_path, with_answer
from app.store.audit import audit
from app.store.engine import writes
from app.store.errors import RecordError, VisitSigned
from app.store.guidance import guidance_in_force, guidance_of
from app.store.ids import utcnow
from app.store.models import TEXT_MAX, Amendment, LeafletRecord, OutboxOp, VisitStatus
from app.store.payloads import enqueue, payload, stamp
from app.store.people import acting
from app.store.views import AmendmentPublic, LeafletPublic, VisitDetail
from app.store.visits import (
    amendments_of,
    current_state,
    get_visit,
    load_visit_row,
    note_text,
    parse_follow_up,
    pending_of,
)

# The leaflet papers (app.domain.leaflet_content.Paper labels), and "A5"/"screen" kept for old records.
PAPERS = (*(p.label for p in Paper), "A5", "screen")


@writes
def sign_visit(
    *,
    session: Session,
    visit_id: UUID,
    signed_by: UUID | None = None,
    incomplete_reason: str | None = None,
) -> VisitDetail:
    """Sign a draft: store its assessment snapshot and make it immutable; queue it for sync.

    A visit whose core questions were not all asked is signed only with `incomplete_reason`
    (e.g. "parent declined to answer"), stored with the signature; one with pending input
    (typed text that is not a valid answer) is refused until that text is corrected or cleared.
    """
    row = load_visit_row(session, visit_id)
    if row.status != VisitStatus.draft:
        raise VisitSigned(visit_id)
    result = assess(parse_visit(row.answers), guidance_in_force(session=session))
    pending = pending_of(session, visit_id)
    problems = [
        f"pending.{path}: typed but not saved ({text!r}); correct it or clear it before signing"
        for path, text in pending.items()
    ]
    problems += [str(p) for p in sign_problems(result, incomplete_reason)]
    if problems:
        raise RecordError(problems)
    who = acting(session, signed_by)
    leaflets = list(
        session.exec(
            select(LeafletRecord)
            .where(LeafletRecord.visit_id == visit_id)
            .order_by(col(LeafletRecord.created))
        )
    )
    # From here on no query may run before the row is flushed: it must be written in one
    # UPDATE (a second UPDATE of a signed row is refused by the trigger).
    row.status = VisitStatus.signed
    row.signed_at = utcnow()
    row.updated = row.signed_at
    row.signed_by_id, row.signed_by_name = who.id, who.name
    row.assessment = result.to_json()
    row.guidance_version = result.guidance_version
    row.risk_level, row.escalate = result.risk_level.value, result.escalate
    row.incomplete_reason = recorded_reason(result, incomplete_reason)
    session.add(row)
    enqueue(session, row)
    for leaflet in leaflets:  # given while a draft: they follow the visit to the server
        session.add(
            OutboxOp(
                entity="leaflet",
                entity_id=leaflet.id,
                kind="create",
                payload=payload(leaflet),
                hash=leaflet.content_hash,
            )
        )
    audit(
        session=session,
        actor=who.name,
        action="sign_visit",
        entity="visit",
        entity_id=visit_id,
        detail={
            "risk_level": row.risk_level,
            "escalate": row.escalate,
            "guidance_version": row.guidance_version,
            "incomplete": len(result.incomplete),
        },
    )
    return get_visit(session=session, visit_id=visit_id)


def _amend_value(path: str, value: Any) -> Any:
    section, field = split_path(path, notes=True)
    if section != "notes":
        return json_value(value)
    if field == "follow_up_date":
        day = parse_follow_up(value)
        return day.isoformat() if day else None
    return note_text(field, value)


@writes
def amend_visit(
    *, session: Session, visit_id: UUID, changes: dict[str, Any], reason: str, author: UUID | None = None
) -> AmendmentPublic:
    """Correct a signed visit: a new amendment (paths -> new values) with a required reason.

    Paths are answer paths ("sleep.place") or notes ("notes.agreed_actions",
    "notes.follow_up_date"). The visit row itself never changes; the amendment stores the
    reassessment of the corrected answers.
    """
    row = load_visit_row(session, visit_id)
    problems = []
    if row.status != VisitStatus.signed:
        problems.append("visit: is a draft; change the draft instead of amending it")
    if not isinstance(reason, str) or not reason.strip():
        problems.append("reason: required; say why the signed visit is being corrected")
    elif len(reason) > TEXT_MAX:
        problems.append(f"reason: must be at most {TEXT_MAX} characters")
    if not isinstance(changes, dict) or not changes:
        problems.append("changes: required; give at least one path and its corrected value")
    if problems:
        raise RecordError(problems)
    who = acting(session, author)
    doc, notes = current_state(row, amendments_of(session, visit_id))
    diff: dict[str, dict[str, Any]] = {}
    for path, raw in changes.items():
        value = _amend_value(path, raw)
        if path.startswith("notes."):
            before = notes[path.removeprefix("notes.")]
        else:
            before = get_answer(doc, path)
            doc = with_answer(doc, path, value)
        if before != value:
            diff[path] = {"from": before, "to": value}
    visit = parse_visit(doc)
    if not diff:
        raise RecordError(["changes: every value given is already recorded; nothing to amend"])
    result = assess(visit, guidance_of(session=session, version=row.guidance_version))  # the visit's own
    amendment = Amendment(
        visit_id=visit_id,
        family_id=row.family_id,
        changes=diff,
        reason=reason.strip(),
        author_id=who.id,
        author_name=who.name,
        created=utcnow(),
        assessment=result.to_json(),
        guidance_version=result.guidance_version,
        risk_level=result.risk_level.value,
        escalate=result.escalate,
    )
    session.add(amendment)
    enqueue(session, amendment)
    audit(
        session=session,
        actor=who.name,
        action="amend_visit",
        entity="amendment",
        entity_id=amendment.id,
        detail={"visit_id": visit_id, "paths": sorted(diff)},
    )
    return AmendmentPublic.model_validate(amendment)


@writes
def record_leaflet(
    *, session: Session, visit_id: UUID, content_hash: str, paper: str = "A4", actor: UUID | None = None
) -> LeafletPublic:
    """Record that a family advice leaflet (sha256 `content_hash` of it) was given at a visit.

    For a draft visit the record is queued for sync when the visit is signed.
    """
    problems = []
    if not isinstance(content_hash, str) or not content_hash.strip():
        problems.append("content_hash: required (the sha256 of the leaflet given)")
    paper = next((p for p in PAPERS if p.lower() == str(paper).lower()), paper)  # "a4" -> "A4"
    if paper not in PAPERS:
        problems.append(f"paper: must be one of: {', '.join(PAPERS)}")
    if problems:
        raise RecordError(problems)
    row = load_visit_row(session, visit_id)
    who = acting(session, actor)
    leaflet = LeafletRecord(
        visit_id=visit_id,
        family_id=row.family_id,
        leaflet_hash=content_hash.strip(),
        paper=paper,
        created=utcnow(),
        created_by_id=who.id,
        created_by_name=who.name,
    )
    session.add(leaflet)
    if row.status == VisitStatus.signed:
        enqueue(session, leaflet)
    else:
        stamp(leaflet)
    audit(
        session=session,
        actor=who.name,
        action="record_leaflet",
        entity="leaflet",
        entity_id=leaflet.id,
        detail={"visit_id": visit_id, "paper": paper},
    )
    return LeafletPublic.model_validate(leaflet)
