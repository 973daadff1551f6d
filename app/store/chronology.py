"""A family's chronology: visits, amendments, leaflets and notes in one time-ordered list."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from pydantic import BaseModel
from sqlmodel import Session, select

from app.domain.assessment import assess
from app.domain.errors import parse_visit
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


def _factors(assessment: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    if not assessment:
        return [], []
    codes = [f["code"] for f in assessment.get("factors", [])]
    titles = [f.get("title", f["code"]) for f in assessment.get("factors", [])]
    return codes, titles


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
        if signed:
            codes, titles = _factors(v.assessment)
            risk, escalate = v.risk_level, v.escalate
        else:  # a draft: what it shows so far, marked as a draft
            draft = assess(parse_visit(v.answers)).to_json()
            codes, titles = _factors(draft)
            risk, escalate = draft["risk_level"], draft["escalate"]
        label = VISIT_TYPE_WORDS.get(v.visit_type, v.visit_type.replace("_", " "))
        word = f"{risk} risk" + (", ESCALATE" if escalate else "")
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
                text=_visit_text(v),
                visit_type=v.visit_type,
                follow_up_date=v.follow_up_date,
            )
        )
    for a in session.exec(select(Amendment).where(Amendment.family_id == family_id)):
        v = visits.get(a.visit_id)
        codes, titles = _factors(a.assessment)
        changed = ", ".join(f"{p}: {c['from']!r} -> {c['to']!r}" for p, c in a.changes.items())
        entries.append(
            ChronologyEntry(
                at=a.created,
                date=a.created.date(),
                kind="amendment",
                id=a.id,
                visit_id=a.visit_id,
                baby_id=v.baby_id if v else None,
                baby_name=baby_names.get(v.baby_id) if v else None,
                practitioner_name=a.author_name,
                risk_level=a.risk_level,
                escalate=a.escalate,
                factors=codes,
                factor_titles=titles,
                summary=f"Amendment to visit of {v.visit_date.isoformat() if v else '?'}: {changed}"
                f" (now {a.risk_level} risk{', ESCALATE' if a.escalate else ''})",
                text=f"Reason: {a.reason}",
                changes=a.changes,
                amended_visit_date=v.visit_date if v else None,
            )
        )
    for lf in session.exec(select(LeafletRecord).where(LeafletRecord.family_id == family_id)):
        v = visits.get(lf.visit_id)
        during_visit = v is not None and (v.signed_at is None or lf.created <= v.signed_at)
        entries.append(
            ChronologyEntry(  # a leaflet given before signing belongs to the visit day
                at=lf.created,
                date=v.visit_date if v and during_visit else lf.created.date(),
                kind="leaflet",
                id=lf.id,
                visit_id=lf.visit_id,
                baby_id=v.baby_id if v else None,
                baby_name=baby_names.get(v.baby_id) if v else None,
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
