"""Recording a visit: drafts (one per baby), loading, signing, discarding and amendments.

The live review (assessment, problems) is app/services/visit_review.py, typed answers and notes
app/services/visit_answers.py, a visit as the screens show it app/services/visit_record.py; all
are re-exported here for the screens and the CLI.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain import VisitError, assess
from app.domain.signing import recorded_reason, sign_problems
from app.domain.values import KG_PER_LB
from app.services.families import RELATIONSHIPS
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
from app.services.visit_record import (
    Amendment,
    LastVisit,
    PersonChoice,
    VisitRecord,
    family_people,
    load_visit,
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
    list_drafts,
    sign_visit,
    update_baby,
)
from app.store import put_answer as store_save_answer
from app.store import put_notes as store_save_notes
from app.store import start_visit as store_start_visit

__all__ = [
    "PROMINENT_PROMPTS",
    "RELATIONSHIPS",
    "SIGNED_MESSAGE",
    "Amendment",
    "FactorLine",
    "LastVisit",
    "NoteOutcome",
    "Outcome",
    "PersonChoice",
    "PromptLine",
    "Review",
    "RoutineOutcome",
    "VisitRecord",
    "check_answer",
    "document",
    "escalation_triggers",
    "family_people",
    "flatten",
    "load_visit",
    "pending_input",
    "problems_for",
    "review",
    "save_answers",
    "save_note",
    "save_routine",
    "save_typed",
    "set_pending",
]


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
        raise AnswerError("notes.follow_up", "must be a date written YYYY-MM-DD, e.g. 2026-12-01") from None
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
