"""Visits: drafts saved on every answer, reading them back, and their live assessment."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict, Unpack
from uuid import UUID

from sqlalchemy import delete
from sqlmodel import Session, col, select

from app.domain.assessment import Assessment, assess
from app.domain.errors import VisitError, parse_visit
from app.domain.guide import answer_paths
from app.domain.problems import Problem
from app.domain.visit import VISIT_FORMAT, Visit
from app.store.answers import with_answer
from app.store.audit import audit
from app.store.engine import writes
from app.store.errors import NotFound, RecordError, VisitSigned
from app.store.guidance import guidance_of
from app.store.ids import utcnow
from app.store.models import (
    TEXT_MAX,
    Amendment,
    Baby,
    Family,
    LeafletRecord,
    PendingInput,
    VisitRecord,
    VisitStatus,
)
from app.store.people import acting
from app.store.views import AmendmentPublic, LeafletPublic, VisitDetail, VisitSummary


def load_visit_row(session: Session, visit_id: UUID) -> VisitRecord:
    """The visit row, re-read from the database (never a stale copy)."""
    row = session.get(VisitRecord, visit_id, populate_existing=True)
    if row is None:
        raise NotFound(f"visit {visit_id}: not found")
    return row


def _draft(session: Session, visit_id: UUID) -> VisitRecord:
    row = load_visit_row(session, visit_id)
    if row.status != VisitStatus.draft:
        raise VisitSigned(visit_id)
    return row


def drop_pending(session: Session, visit_id: UUID, paths: tuple[str, ...] | None = None) -> None:
    """Forget pending input of a visit (only for `paths` when given)."""
    where = col(PendingInput.visit_id) == visit_id
    if paths is not None:
        where = where & col(PendingInput.path).in_(paths)
    session.execute(delete(PendingInput).where(where))


def pending_of(session: Session, visit_id: UUID) -> dict[str, str]:
    """{question path: raw text} of what was typed on a draft but is not (yet) a valid answer."""
    rows = session.exec(
        select(PendingInput.path, PendingInput.raw_text).where(col(PendingInput.visit_id) == visit_id)
    )
    return dict(sorted(rows.all()))


def amendments_of(session: Session, visit_id: UUID) -> list[Amendment]:
    return list(
        session.exec(
            select(Amendment)
            .where(Amendment.visit_id == visit_id)
            .order_by(col(Amendment.created), col(Amendment.id))
        )
    )


def notes_of(row: VisitRecord) -> dict[str, Any]:
    return {
        "parents_said": row.parents_said,
        "observed": row.observed,
        "agreed_actions": row.agreed_actions,
        "follow_up_date": row.follow_up_date.isoformat() if row.follow_up_date else None,
    }


def current_state(row: VisitRecord, amendments: list[Amendment]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(answers, notes) of a visit with its amendments applied in order."""
    doc, notes = dict(row.answers), notes_of(row)
    for amendment in amendments:
        for path, change in amendment.changes.items():
            if path.startswith("notes."):
                notes[path.removeprefix("notes.")] = change["to"]
            else:
                doc = with_answer(doc, path, change["to"])
    return doc, notes


@writes
def start_visit(
    *,
    session: Session,
    baby_id: UUID,
    practitioner_id: UUID | None = None,
    visit_date: dt.date,
    visit_type: str,
) -> VisitDetail:
    """Open a draft visit for a baby, prefilled from the baby record and the practitioner."""
    baby = session.get(Baby, baby_id)
    if baby is None:
        raise NotFound(f"baby {baby_id}: not found")
    who = acting(session, practitioner_id)
    baby_part: dict[str, Any] = {"name": baby.name}
    for field in ("date_of_birth", "gestation_weeks", "gestation_days", "birth_weight_kg"):
        value = getattr(baby, field)
        if value is not None:
            baby_part[field] = value.isoformat() if isinstance(value, dt.date) else value
    doc: dict[str, Any] = {
        "format": VISIT_FORMAT,
        "visit": {
            "date": visit_date.isoformat() if isinstance(visit_date, dt.date) else visit_date,
            "type": str(getattr(visit_type, "value", visit_type)),
        },
        "practitioner": {"name": who.name, **({"phone": who.phone} if who.phone else {})},
        "baby": baby_part,
    }
    visit = parse_visit(doc)
    assert visit.visit.date is not None and visit.visit.type is not None
    row = VisitRecord(
        family_id=baby.family_id,
        baby_id=baby.id,
        practitioner_id=who.id,
        practitioner_name=who.name,
        visit_date=visit.visit.date,
        visit_type=visit.visit.type.value,
        answers=visit.to_document(),
    )
    session.add(row)
    audit(
        session=session,
        actor=who.name,
        action="start_visit",
        entity="visit",
        entity_id=row.id,
        detail={"baby_id": baby.id},
    )
    return get_visit(session=session, visit_id=row.id)


@writes
def save_answer(*, session: Session, visit_id: UUID, path: str, value: Any) -> VisitDetail:
    """Autosave ONE answer of a draft ("sleep.place", "sofa"); None clears it.

    The whole draft is validated by app.domain.parse_visit: an invalid value raises VisitError
    naming the field, and nothing is stored. A signed visit raises VisitSigned.
    """
    put_answer(session=session, visit_id=visit_id, path=path, value=value)
    return get_visit(session=session, visit_id=visit_id)


@writes
def put_answer(*, session: Session, visit_id: UUID, path: str, value: Any) -> None:
    """`save_answer` without reading the whole visit back: the app's per-tap autosave."""
    row = _draft(session, visit_id)
    if path in ("visit.date", "visit.type") and value is None:
        raise VisitError([Problem(path, "cannot be cleared; every visit has a date and a type")])
    visit = parse_visit(with_answer(row.answers, path, value))
    drop_pending(session, visit_id, answer_paths(path))  # a valid answer replaces what was pending
    row.answers = visit.to_document()
    if visit.visit.date is not None:
        row.visit_date = visit.visit.date
    if visit.visit.type is not None:
        row.visit_type = visit.visit.type.value
    row.updated = utcnow()
    session.add(row)


def note_text(name: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError([f"notes.{name}: must be text"])
    if len(value) > TEXT_MAX:
        raise RecordError([f"notes.{name}: must be at most {TEXT_MAX} characters"])
    return value


def parse_follow_up(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordError(["notes.follow_up_date: must be a date written YYYY-MM-DD"]) from None


class Notes(TypedDict, total=False):
    """The free-text notes of a draft and its follow-up date: only the ones given change.

    Values are checked when saved (text within the limit; a date, YYYY-MM-DD text, or None)."""

    parents_said: Any
    observed: Any
    agreed_actions: Any
    follow_up_date: Any


NOTE_TEXTS = ("parents_said", "observed", "agreed_actions")


@writes
def save_notes(*, session: Session, visit_id: UUID, **notes: Unpack[Notes]) -> VisitDetail:
    """Autosave the free-text notes of a draft (only the fields given)."""
    put_notes(session=session, visit_id=visit_id, **notes)
    return get_visit(session=session, visit_id=visit_id)


@writes
def put_notes(*, session: Session, visit_id: UUID, **notes: Unpack[Notes]) -> None:
    """`save_notes` without reading the whole visit back: the app's per-keystroke autosave."""
    if unknown := set(notes) - Notes.__optional_keys__:  # mypy sees to it; this is for **dict callers
        raise TypeError(f"put_notes: no such notes {sorted(unknown)}")
    row = _draft(session, visit_id)
    for name in NOTE_TEXTS:
        if name in notes:
            setattr(row, name, note_text(name, notes.get(name)))
    if "follow_up_date" in notes:
        row.follow_up_date = parse_follow_up(notes["follow_up_date"])
    drop_pending(session, visit_id, tuple(f"notes.{n}" for n in notes))
    row.updated = utcnow()
    session.add(row)


@writes
def delete_draft(*, session: Session, visit_id: UUID, actor: UUID | None = None) -> None:
    """Discard a draft that has no leaflet recorded against it."""
    row = _draft(session, visit_id)
    if session.exec(select(LeafletRecord.id).where(LeafletRecord.visit_id == visit_id)).first():
        raise RecordError(["visit: a leaflet was given at this visit; sign it instead"])
    drop_pending(session, visit_id)
    session.delete(row)
    audit(
        session=session,
        actor=acting(session, actor).name,
        action="delete_draft",
        entity="visit",
        entity_id=visit_id,
    )


def get_visit(*, session: Session, visit_id: UUID) -> VisitDetail:
    """A visit with its answers as domain Visits, notes, assessments, amendments and leaflets."""
    row = load_visit_row(session, visit_id)
    amendments = amendments_of(session, visit_id)
    leaflets = session.exec(
        select(LeafletRecord).where(LeafletRecord.visit_id == visit_id).order_by(col(LeafletRecord.created))
    ).all()
    doc, notes = current_state(row, amendments)
    current_assessment = amendments[-1].assessment if amendments else row.assessment
    return VisitDetail(
        id=row.id,
        family_id=row.family_id,
        baby_id=row.baby_id,
        practitioner_id=row.practitioner_id,
        practitioner_name=row.practitioner_name,
        status=row.status,
        visit_date=row.visit_date,
        visit_type=row.visit_type,
        visit=parse_visit(row.answers),
        current=parse_visit(doc),
        parents_said=notes["parents_said"],
        observed=notes["observed"],
        agreed_actions=notes["agreed_actions"],
        follow_up_date=parse_follow_up(notes["follow_up_date"]),
        created=row.created,
        updated=row.updated,
        signed_at=row.signed_at,
        signed_by_name=row.signed_by_name,
        assessment=row.assessment,
        current_assessment=current_assessment,
        guidance_version=row.guidance_version,
        risk_level=amendments[-1].risk_level if amendments else row.risk_level,
        escalate=amendments[-1].escalate if amendments else row.escalate,
        amendments=[AmendmentPublic.model_validate(a) for a in amendments],
        leaflets=[LeafletPublic.model_validate(x) for x in leaflets],
        incomplete_reason=row.incomplete_reason,
        pending=pending_of(session, visit_id) if row.status == VisitStatus.draft else {},
    )


def current_visit(*, session: Session, visit_id: UUID) -> Visit:
    """The visit's answers now (amendments applied) as a domain Visit."""
    row = load_visit_row(session, visit_id)
    doc, _ = current_state(row, amendments_of(session, visit_id))
    return parse_visit(doc)


def current_assessment(*, session: Session, visit_id: UUID) -> Assessment:
    """The domain assessment of the visit's current answers (live; signed ones keep a snapshot).

    A draft is assessed with the guidance in force; a signed visit with its own version."""
    row = load_visit_row(session, visit_id)
    doc, _ = current_state(row, amendments_of(session, visit_id))
    version = row.guidance_version if row.status == VisitStatus.signed else None
    return assess(parse_visit(doc), guidance_of(session=session, version=version))


def _summaries(session: Session, where: Any) -> list[VisitSummary]:
    stmt = (
        select(VisitRecord, Baby.name, Family.name)
        .join(Baby, col(Baby.id) == col(VisitRecord.baby_id))
        .join(Family, col(Family.id) == col(VisitRecord.family_id))
        .where(where)
        .order_by(col(VisitRecord.visit_date).desc(), col(VisitRecord.id).desc())
    )
    out = []
    for row, baby_name, family_name in session.exec(stmt):
        out.append(
            VisitSummary(
                id=row.id,
                family_id=row.family_id,
                family_name=family_name,
                baby_id=row.baby_id,
                baby_name=baby_name,
                visit_date=row.visit_date,
                visit_type=row.visit_type,
                status=row.status,
                practitioner_name=row.practitioner_name,
                risk_level=row.risk_level,
                escalate=row.escalate,
                follow_up_date=row.follow_up_date,
                created=row.created,
                updated=row.updated,
            )
        )
    return out


def list_drafts(*, session: Session, family_id: UUID | None = None) -> list[VisitSummary]:
    """Drafts in progress (newest visit date first), optionally for one family."""
    where = col(VisitRecord.status) == VisitStatus.draft
    if family_id is not None:
        where = where & (col(VisitRecord.family_id) == family_id)
    return _summaries(session, where)


def list_visits(*, session: Session, family_id: UUID) -> list[VisitSummary]:
    """All of a family's visits, newest first (risk level as signed, before amendments)."""
    return _summaries(session, col(VisitRecord.family_id) == family_id)
