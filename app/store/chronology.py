"""A family's chronology: visits, amendments, leaflets and notes in one time-ordered list."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from pydantic import BaseModel
from sqlmodel import Session, col, select

from app.domain.assessment import assess
from app.domain.errors import parse_visit
from app.domain.guidance import load_guidance
from app.domain.patterns import SignedVisit, chronology_patterns
from app.store.errors import NotFound
from app.store.models import (
    Amendment,
    Baby,
    CaseNote,
    Family,
    LeafletRecord,
    SupervisionRecord,
    VisitRecord,
    VisitStatus,
)
from app.store.visits import amendments_of, current_state

VISIT_TYPE_WORDS = {
    "antenatal": "antenatal",
    "new_birth": "new birth",
    "6_8_week": "6–8 week",
    "targeted": "targeted",
    "other": "other",
}
KIND_ORDER = {"visit": 0, "leaflet": 1, "amendment": 2, "note": 3, "supervision": 4}


def supervision_words(s: SupervisionRecord) -> str:
    """'Discussed with <supervisor> on <date>: <decision>; actions …' (as the tablet shows it)."""
    text = f"Discussed with {s.supervisor_name} on {s.date:%d/%m/%Y}: {s.decision or 'no decision yet'}"
    if s.actions:
        text += "; actions: " + "; ".join(
            f"{a.get('text', '')} ({a.get('owner', '')}, due {_uk(a.get('due'))})" for a in s.actions
        )
    if s.next_review:
        text += f"; next review {s.next_review:%d/%m/%Y}"
    return text + ("" if s.state != "closed" else " (closed)")


def _uk(day: Any) -> str:
    try:
        return f"{dt.date.fromisoformat(str(day)):%d/%m/%Y}"
    except ValueError:
        return str(day)


class ChronologyEntry(BaseModel):
    at: dt.datetime
    date: dt.date
    kind: str
    id: UUID
    visit_id: UUID | None = None
    baby_id: UUID | None = None
    baby_name: str | None = None
    practitioner_name: str
    status: str | None = None
    risk_level: str | None = None
    escalate: bool | None = None
    factors: list[str] = []
    factor_titles: list[str] = []
    summary: str
    text: str = ""
    visit_type: str | None = None
    follow_up_date: dt.date | None = None
    paper: str | None = None
    changes: dict[str, Any] | None = None
    amended_visit_date: dt.date | None = None
    incomplete: list[str] = []  # core questions not asked (visits)
    incomplete_reason: str | None = None  # why, as given when the visit was signed


class ChronologyPattern(BaseModel):
    """A chronology pattern in one baby's signed visits (puts the family in the review queue)."""

    baby_id: UUID
    baby_name: str | None
    code: str  # repeated_high_risk | sleep_space_not_seen_twice | factor_persists
    factor: str | None  # factor_persists: the factor's code
    factor_title: str | None
    visit_ids: list[UUID]
    summary: str


def _factors(assessment: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    if not assessment:
        return [], []
    codes = [f["code"] for f in assessment.get("factors", [])]
    titles = [f.get("title", f["code"]) for f in assessment.get("factors", [])]
    return codes, titles


def risk_words(level: str | None, incomplete: int) -> str:
    """'high risk'; 'incomplete (3 core questions not asked)' — never 'low' for an unasked visit."""
    if level == "incomplete":
        return f"incomplete ({incomplete} core question{'s' * (incomplete != 1)} not asked)"
    return f"{level} risk"


def _visit_text(v: VisitRecord) -> str:
    parts = [
        ("Parent/child said", v.parents_said),
        ("Observed", v.observed),
        ("Agreed actions", v.agreed_actions),
    ]
    return "\n".join(f"{label}: {text}" for label, text in parts if text)


def family_chronology(*, session: Session, family_id: UUID) -> list[ChronologyEntry]:
    """Everything on a family's record, oldest first, across all babies and practitioners."""
    if session.get(Family, family_id) is None:
        raise NotFound(f"family {family_id}: not found")
    baby_names = dict(session.exec(select(Baby.id, Baby.name).where(Baby.family_id == family_id)).all())
    visits = {v.id: v for v in session.exec(select(VisitRecord).where(VisitRecord.family_id == family_id))}
    entries: list[ChronologyEntry] = []
    for v in visits.values():
        signed = v.status == VisitStatus.signed
        snapshot = v.assessment if signed else assess(parse_visit(v.answers)).to_json()
        codes, titles = _factors(snapshot)  # a draft: what it shows so far, marked as a draft
        risk = v.risk_level if signed else (snapshot or {}).get("risk_level")
        escalate = v.escalate if signed else (snapshot or {}).get("escalate")
        missing = list((snapshot or {}).get("incomplete", []))
        label = VISIT_TYPE_WORDS.get(v.visit_type, v.visit_type.replace("_", " "))
        word = risk_words(risk, len(missing)) + (", ESCALATE" if escalate else "")
        summary = (
            f"{'Visit' if signed else 'Draft visit (not signed)'} ({label}) — "
            f"{baby_names.get(v.baby_id, '?')}: {word}"
        )
        if v.follow_up_date:
            summary += f"; follow-up {v.follow_up_date.isoformat()}"
        entries.append(
            ChronologyEntry(
                at=v.created,
                date=v.visit_date,
                kind="visit",
                id=v.id,
                visit_id=v.id,
                baby_id=v.baby_id,
                baby_name=baby_names.get(v.baby_id),
                practitioner_name=v.signed_by_name or v.practitioner_name,
                status=v.status,
                risk_level=risk,
                escalate=escalate,
                factors=codes,
                factor_titles=titles,
                summary=summary,
                text=_visit_text(v)
                + (f"\nSigned incomplete: {v.incomplete_reason}" if v.incomplete_reason else ""),
                incomplete=missing,
                incomplete_reason=v.incomplete_reason,
                visit_type=v.visit_type,
                follow_up_date=v.follow_up_date,
            )
        )
    for a in session.exec(select(Amendment).where(Amendment.family_id == family_id)):
        record = visits.get(a.visit_id)
        codes, titles = _factors(a.assessment)
        changed = ", ".join(f"{p}: {c['from']!r} -> {c['to']!r}" for p, c in a.changes.items())
        entries.append(
            ChronologyEntry(
                at=a.created,
                date=a.created.date(),
                kind="amendment",
                id=a.id,
                visit_id=a.visit_id,
                baby_id=record.baby_id if record else None,
                baby_name=baby_names.get(record.baby_id) if record else None,
                practitioner_name=a.author_name,
                risk_level=a.risk_level,
                escalate=a.escalate,
                factors=codes,
                factor_titles=titles,
                summary=f"Amendment to visit of {record.visit_date.isoformat() if record else '?'}: {changed}"
                f" (now {a.risk_level} risk{', ESCALATE' if a.escalate else ''})",
                text=f"Reason: {a.reason}",
                changes=a.changes,
                amended_visit_date=record.visit_date if record else None,
            )
        )
    for lf in session.exec(select(LeafletRecord).where(LeafletRecord.family_id == family_id)):
        record = visits.get(lf.visit_id)
        during_visit = record is not None and (record.signed_at is None or lf.created <= record.signed_at)
        entries.append(
            ChronologyEntry(  # a leaflet given before signing belongs to the visit day
                at=lf.created,
                date=record.visit_date if record and during_visit else lf.created.date(),
                kind="leaflet",
                id=lf.id,
                visit_id=lf.visit_id,
                baby_id=record.baby_id if record else None,
                baby_name=baby_names.get(record.baby_id) if record else None,
                practitioner_name=lf.created_by_name,
                summary=f"Family advice leaflet given ({lf.paper}, {lf.leaflet_hash[:19]})",
                paper=lf.paper,
            )
        )
    for n in session.exec(select(CaseNote).where(CaseNote.family_id == family_id)):
        entries.append(
            ChronologyEntry(
                at=n.created,
                date=n.created.date(),
                kind="note",
                id=n.id,
                baby_id=n.baby_id,
                baby_name=baby_names.get(n.baby_id) if n.baby_id else None,
                practitioner_name=n.author_name,
                summary="Case note",
                text=n.text,
            )
        )
    for sup in session.exec(select(SupervisionRecord).where(SupervisionRecord.family_id == family_id)):
        entries.append(
            ChronologyEntry(
                at=sup.created,
                date=sup.date,
                kind="supervision",
                id=sup.id,
                visit_id=sup.visit_id,
                baby_id=sup.baby_id,
                baby_name=baby_names.get(sup.baby_id) if sup.baby_id else None,
                practitioner_name=sup.supervisor_name,
                status=sup.state,
                summary=supervision_words(sup),
                text=sup.discussion,
            )
        )
    entries.sort(key=lambda e: (e.date, e.at, KIND_ORDER[e.kind], e.id))
    return entries


PATTERN_WORDS = {
    "repeated_high_risk": "High risk at the last two signed visits",
    "sleep_space_not_seen_twice": "Sleep space not seen at the last two signed visits",
    "factor_persists": "{factor} at three signed visits in a row",
}


def family_patterns(*, session: Session, family_id: UUID) -> list[ChronologyPattern]:
    """The chronology patterns of each baby's signed visits (amendments applied), baby by baby."""
    if session.get(Family, family_id) is None:
        raise NotFound(f"family {family_id}: not found")
    baby_names = dict(session.exec(select(Baby.id, Baby.name).where(Baby.family_id == family_id)).all())
    signed = session.exec(
        select(VisitRecord)
        .where(VisitRecord.family_id == family_id, VisitRecord.status == VisitStatus.signed)
        .order_by(col(VisitRecord.visit_date), col(VisitRecord.signed_at), col(VisitRecord.id))
    ).all()
    latest: dict[UUID, Amendment] = {}
    for a in session.exec(
        select(Amendment)
        .where(Amendment.family_id == family_id)
        .order_by(col(Amendment.created), col(Amendment.id))
    ):
        latest[a.visit_id] = a
    by_baby: dict[UUID, list[SignedVisit]] = {}
    for v in signed:
        amendment = latest.get(v.id)
        assessment = amendment.assessment if amendment else (v.assessment or {})
        doc, _ = current_state(v, amendments_of(session, v.id)) if amendment else (v.answers, None)
        seen = (doc.get("sleep") or {}).get("seen")
        by_baby.setdefault(v.baby_id, []).append(
            SignedVisit(
                visit_id=str(v.id),
                visit_date=v.visit_date,
                risk_level=str(amendment.risk_level if amendment else v.risk_level),
                factors=tuple(f["code"] for f in assessment.get("factors", [])),
                sleep_seen=seen if isinstance(seen, bool) else None,
            )
        )
    guidance = load_guidance()
    out: list[ChronologyPattern] = []
    for baby_id, visits in by_baby.items():
        for p in chronology_patterns(visits):
            title = guidance[p.factor].title if p.factor and p.factor in guidance.entries else p.factor
            out.append(
                ChronologyPattern(
                    baby_id=baby_id,
                    baby_name=baby_names.get(baby_id),
                    code=p.code,
                    factor=p.factor,
                    factor_title=title,
                    visit_ids=[UUID(i) for i in p.visit_ids],
                    summary=PATTERN_WORDS[p.code].format(factor=title),
                )
            )
    return out
