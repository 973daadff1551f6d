"""Recording a visit: drafts (one per baby), loading, signing, discarding and amendments.

The live review (assessment, problems) is app/services/visit_review.py, typed answers and notes
app/services/visit_answers.py; both are re-exported here for the screens and the CLI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.domain import VisitError, assess
from app.domain.signing import recorded_reason, sign_problems
from app.services.problems import AnswerError, answer_error, as_uuid
from app.services.visit_answers import (
    SIGNED_MESSAGE,
    NoteOutcome,
    Outcome,
    RoutineOutcome,
    clear_pending,
    pending_input,
    read_pending,
    save_answers,
    save_note,
    save_routine,
    save_typed,
    set_pending,
)
from app.services.visit_review import (
    PROMINENT_PROMPTS,
    FactorLine,
    PromptLine,
    Review,
    check_answer,
    document,
    escalation_triggers,
    flatten,
    problems_for,
    review,
)
from app.store import (
    RecordError,
    Store,
    VisitSigned,
    amend_visit,
    audit,
    current_assessment,
    delete_draft,
    get_family,
    get_visit,
    list_drafts,
    list_visits,
    sign_visit,
    update_baby,
)
from app.store import put_answer as store_save_answer
from app.store import put_notes as store_save_notes
from app.store import start_visit as store_start_visit

__all__ = [
    "PROMINENT_PROMPTS",
    "SIGNED_MESSAGE",
    "FactorLine",
    "NoteOutcome",
    "Outcome",
    "PromptLine",
    "Review",
    "RoutineOutcome",
    "check_answer",
    "document",
    "escalation_triggers",
    "flatten",
    "pending_input",
    "problems_for",
    "review",
    "save_answers",
    "save_note",
    "save_routine",
    "save_typed",
    "set_pending",
]
KG_PER_LB = 0.45359237
RELATIONSHIPS = ("mother", "father", "partner", "grandparent", "other_relative", "friend", "other")


@dataclass(frozen=True, slots=True)
class Amendment:
    created: dt.datetime
    changes: tuple[str, ...]
    reason: str
    author: str
    diffs: tuple[tuple[str, Any, Any], ...] = ()  # (path, from, to)


@dataclass(frozen=True, slots=True)
class PersonChoice:
    """One of the family's people, as a "who was present" answer."""

    key: str
    name: str
    relationship: str  # one of RELATIONSHIPS
    words: str

    def as_answer(self) -> dict[str, str]:
        return {"name": self.name, "relationship": self.relationship}


@dataclass(frozen=True, slots=True)
class LastVisit:
    """What the last signed visit of this baby found (for "Last time: ...")."""

    date: dt.date
    answers: dict[str, Any]
    risk_level: str | None
    factor_titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VisitRecord:
    visit_id: str
    family_id: str
    family_name: str
    baby_name: str
    answers: dict[str, Any]
    notes: dict[str, str]
    signed: bool
    leaflet_given: bool
    amendments: tuple[Amendment, ...]
    baby_id: str = ""
    pending: dict[str, str] | None = None
    people: tuple[PersonChoice, ...] = ()
    last: LastVisit | None = None
    signed_on: dt.datetime | None = None
    signed_by: str = ""
    incomplete_reason: str = ""


def suggested_type(born: dt.date | None, on: dt.date) -> str:
    """The visit type a baby's age suggests (the practitioner can change it)."""
    if born is None:
        return "new_birth"
    days = (on - born).days
    if days < 0:
        return "antenatal"
    if days <= 28:
        return "new_birth"
    if 35 <= days <= 70:
        return "6_8_week"
    return "targeted"


def draft_for_baby(*, store: Store, family_id: str, baby_id: str) -> str | None:
    """The draft visit this baby already has (one draft per baby), if any."""
    with store.session() as s:
        drafts = list_drafts(session=s, family_id=as_uuid(family_id))
    mine = [d for d in drafts if str(d.baby_id) == str(baby_id)]
    return str(mine[0].id) if mine else None


def start_visit(*, store: Store, family_id: str, baby_id: str | None) -> str:
    """Continue this baby's draft, or start one dated today with the type its age suggests."""
    if baby_id is None:
        raise AnswerError("baby", "add a baby to this family before starting a visit")
    existing = draft_for_baby(store=store, family_id=family_id, baby_id=baby_id)
    if existing is not None:
        return existing
    today = dt.date.today()
    with store.unit_of_work() as uow:
        family = get_family(session=uow.session, family_id=as_uuid(family_id))
        born = next((b.date_of_birth for b in family.babies if str(b.id) == str(baby_id)), None)
        v = store_start_visit(
            session=uow.session,
            baby_id=as_uuid(baby_id),
            practitioner_id=store.practitioner.id,
            visit_date=today,
            visit_type=suggested_type(born, today),
        )
        uow.commit()
    return str(v.id)


def _people(family: Any) -> tuple[PersonChoice, ...]:
    out: list[PersonChoice] = []
    for i, p in enumerate([*family.carers, *family.other_adults]):
        d = p if isinstance(p, dict) else p.model_dump()
        name = str(d.get("name") or "").strip()
        if not name:
            continue
        given = str(d.get("relationship") or "").strip().lower().replace(" ", "_")
        rel = given if given in RELATIONSHIPS else "other"
        shown = str(d.get("relationship") or "").strip()
        out.append(PersonChoice(f"p{i}", name, rel, f"{name} ({shown})" if shown else name))
    return tuple(out)


def family_people(*, store: Store, family_id: str) -> tuple[PersonChoice, ...]:
    """The family's carers and other adults, as answers to "who was present"."""
    with store.session() as s:
        return _people(get_family(session=s, family_id=as_uuid(family_id)))


def _last_signed(session: Any, *, family_id: Any, baby_id: Any, not_id: Any) -> LastVisit | None:
    signed = [
        v
        for v in list_visits(session=session, family_id=family_id)
        if v.status == "signed" and v.baby_id == baby_id and v.id != not_id
    ]
    if not signed:
        return None
    latest = signed[0]  # newest visit date first
    detail = get_visit(session=session, visit_id=latest.id)
    titles = tuple(f.get("title", "") for f in (detail.current_assessment or {}).get("factors", []))
    return LastVisit(latest.visit_date, flatten(detail.current.to_document()), detail.risk_level, titles)


def load_visit(*, store: Store, visit_id: str) -> VisitRecord:
    """A visit as the screens need it (amendments applied to a signed visit; pending text of a draft)."""
    with store.session() as s:
        v = get_visit(session=s, visit_id=as_uuid(visit_id))
        f = get_family(session=s, family_id=v.family_id)
        pending = read_pending(s, visit_id) if v.status == "draft" else {}
        last = _last_signed(s, family_id=v.family_id, baby_id=v.baby_id, not_id=v.id)
    shown = v.current if v.status == "signed" else v.visit
    notes = {
        "parents_said": v.parents_said or "",
        "observed": v.observed or "",
        "agreed_actions": v.agreed_actions or "",
        "follow_up": v.follow_up_date.isoformat() if v.follow_up_date else "",
    }
    return VisitRecord(
        visit_id=str(v.id),
        family_id=str(v.family_id),
        family_name=f.name,
        baby_name=shown.baby.name or "",
        answers=flatten(shown.to_document()),
        notes=notes,
        signed=v.status == "signed",
        leaflet_given=bool(v.leaflets),
        amendments=tuple(
            Amendment(
                a.created,
                tuple(a.changes),
                a.reason,
                a.author_name,
                tuple((p, c.get("from"), c.get("to")) for p, c in a.changes.items()),
            )
            for a in v.amendments
        ),
        baby_id=str(v.baby_id),
        pending=pending,
        people=_people(f),
        last=last,
        signed_on=v.signed_at,
        signed_by=v.signed_by_name or "",
        incomplete_reason=str(getattr(v, "incomplete_reason", "") or ""),
    )


def save_answer(*, store: Store, visit_id: str, path: str, value: Any) -> None:
    """Autosave one answer to the draft (committed before it returns)."""
    if path.startswith("notes."):
        raise AnswerError(path, "notes are saved with save_note")
    try:
        with store.unit_of_work() as uow:
            store_save_answer(session=uow.session, visit_id=as_uuid(visit_id), path=path, value=value)
            uow.commit()
    except VisitSigned:
        raise AnswerError(path, SIGNED_MESSAGE) from None
    except VisitError as exc:
        raise answer_error(path, [str(p) for p in exc.problems]) from None


def save_notes(*, store: Store, visit_id: str, notes: dict[str, str]) -> None:
    """Autosave the notes (what was said, observed, agreed; follow-up date YYYY-MM-DD)."""
    follow = (notes.get("follow_up") or "").strip()
    try:
        follow_date = dt.date.fromisoformat(follow) if follow else None
    except ValueError:
        raise AnswerError("notes.follow_up", "must be a date written dd/mm/yyyy") from None
    try:
        with store.unit_of_work() as uow:
            store_save_notes(
                session=uow.session,
                visit_id=as_uuid(visit_id),
                parents_said=notes.get("parents_said", ""),
                observed=notes.get("observed", ""),
                agreed_actions=notes.get("agreed_actions", ""),
                follow_up_date=follow_date,
            )
            uow.commit()
    except VisitSigned:
        raise AnswerError("notes", SIGNED_MESSAGE) from None
    except RecordError as exc:
        raise answer_error("notes", exc.problems) from None


BABY_FROM_VISIT = ("date_of_birth", "gestation_weeks", "gestation_days", "birth_weight_kg")


def _baby_changes(visit: Any) -> dict[str, Any]:
    """What the visit recorded about the baby, for the baby's own record (weights in kg)."""
    b = visit.baby
    changes: dict[str, Any] = {}
    for name in BABY_FROM_VISIT:
        value = getattr(b, name)
        if name == "birth_weight_kg" and value is None and b.birth_weight_lb is not None:
            value = round(b.birth_weight_lb * KG_PER_LB, 3)
        if value is not None:
            changes[name] = value
    return changes


def sign(*, store: Store, visit_id: str, incomplete_reason: str | None = None) -> None:
    """Sign the draft; the baby's record takes the gestation, weight and date of birth it recorded.

    An incomplete visit's reason is kept with the signature (in the audit log of the signing).
    """
    vid = as_uuid(visit_id)
    with store.unit_of_work() as uow:
        s = uow.session
        typed = read_pending(s, visit_id)
        if typed:  # signing would drop text the practitioner typed but the record does not hold
            raise AnswerError(
                "sign.reason",
                f"{len(typed)} typed {'answer is' if len(typed) == 1 else 'answers are'} not saved yet "
                "(listed on the review): correct or clear them before signing",
            )
        wrong = sign_problems(current_assessment(session=s, visit_id=vid), incomplete_reason)
        if wrong:
            raise AnswerError("sign.reason", wrong[0].message)
        detail = sign_visit(
            session=s, visit_id=vid, signed_by=store.practitioner.id, incomplete_reason=incomplete_reason
        )
        incomplete_reason = recorded_reason(assess(detail.visit), incomplete_reason)
        if incomplete_reason:
            audit(
                session=s,
                actor=store.practitioner.name,
                action="sign_incomplete",
                entity="visit",
                entity_id=vid,
                detail={"reason": incomplete_reason},
            )
        clear_pending(s, visit_id)
        changes = _baby_changes(detail.visit)
        if changes:
            update_baby(
                session=s,
                baby_id=detail.baby_id,
                changes=changes,
                actor=f"{store.practitioner.name} (from the visit of {detail.visit_date:%d/%m/%Y})",
            )
        uow.commit()


def signed_reason(*, store: Store, visit_id: str) -> str:
    """The reason given when this visit was signed incomplete ("" if none)."""
    from app.store import list_audit

    with store.session() as s:
        events = list_audit(session=s, entity_id=as_uuid(visit_id))
    for e in events:
        if e.action == "sign_incomplete":
            return str((e.detail or {}).get("reason", ""))
    return ""


def discard_draft(*, store: Store, visit_id: str, reason: str) -> None:
    """Throw a draft away after confirmation; the reason is kept in the audit log."""
    vid = as_uuid(visit_id)
    try:
        with store.unit_of_work() as uow:
            audit(
                session=uow.session,
                actor=store.practitioner.name,
                action="discard_draft",
                entity="visit",
                entity_id=vid,
                detail={"reason": reason},
            )
            clear_pending(uow.session, visit_id)
            delete_draft(session=uow.session, visit_id=vid, actor=store.practitioner.id)
            uow.commit()
    except VisitSigned:
        raise AnswerError("visit", "a signed visit cannot be discarded") from None
    except RecordError as exc:
        raise answer_error("visit", exc.problems) from None


def amend(*, store: Store, visit_id: str, reason: str, changes: dict[str, Any]) -> None:
    """Correct a signed visit: an amendment with a reason (the signed record stays)."""
    path = next(iter(changes), "amendment")
    try:
        with store.unit_of_work() as uow:
            amend_visit(
                session=uow.session,
                visit_id=as_uuid(visit_id),
                changes=changes,
                reason=reason,
                author=store.practitioner.id,
            )
            uow.commit()
    except VisitError as exc:
        raise answer_error(path, [str(p) for p in exc.problems]) from None
    except RecordError as exc:
        raise answer_error(path, exc.problems) from None


def convert_weight(value: float, *, to: str) -> float:
    """A birth weight in the other unit, rounded for display (2 dp)."""
    return round(value / KG_PER_LB, 2) if to == "lb" else round(value * KG_PER_LB, 2)
