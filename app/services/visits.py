"""Recording a visit: flat answers, validation, the live review, drafts, signing and amendments.

Answers are flat dotted paths ({"sleep.place": "sofa"}); the review holds codes and guidance text,
and the screens word it (app/ui/presenters.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.domain import VISIT_FORMAT, VisitError, assess, load_guidance, parse_visit
from app.domain.assessment import DISCLAIMER
from app.services.problems import AnswerError, answer_error, as_uuid, problems_by_path
from app.store import RecordError, Store, VisitSigned, amend_visit, get_family, get_visit, sign_visit
from app.store import save_answer as store_save_answer
from app.store import save_notes as store_save_notes
from app.store import start_visit as store_start_visit

SIGNED_MESSAGE = "This visit is signed and read-only: record an amendment with a reason"
KG_PER_LB = 0.45359237
PROMINENT_PROMPTS = ("discuss_with_supervisor", "ask_to_see_sleep_space", "be_curious_about_adults")


@dataclass(frozen=True, slots=True)
class FactorLine:
    code: str
    severity: str
    title: str
    advice: str
    practitioner_note: str
    source_url: str


@dataclass(frozen=True, slots=True)
class PromptLine:
    code: str
    title: str
    text: str
    prominent: bool


@dataclass(frozen=True, slots=True)
class Review:
    """What the review screen shows for one visit (`unanswered` holds dotted paths)."""

    risk_level: str
    escalate: bool
    factors: tuple[FactorLine, ...]
    protective: tuple[str, ...]
    context: tuple[str, ...]
    prompts: tuple[PromptLine, ...]
    unanswered: tuple[str, ...]
    guidance_version: str
    incomplete: tuple[str, ...] = ()  # core questions not asked (dotted paths): never "low" while any
    disclaimer: str = DISCLAIMER


@dataclass(frozen=True, slots=True)
class Amendment:
    created: dt.datetime
    changes: tuple[str, ...]
    reason: str
    author: str


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


def document(answers: dict[str, Any]) -> dict[str, Any]:
    """A visit document from flat answers such as {"sleep.place": "sofa"} (notes left out)."""
    doc: dict[str, Any] = {"format": VISIT_FORMAT}
    for path, value in answers.items():
        if value is None or path.startswith("notes."):
            continue
        section, name = path.split(".", 1)
        doc.setdefault(section, {})[name] = value
    return doc


def flatten(doc: dict[str, Any]) -> dict[str, Any]:
    """Flat answers from a visit document (the inverse of `document`)."""
    out: dict[str, Any] = {}
    for section, body in doc.items():
        if isinstance(body, dict):
            for name, value in body.items():
                out[f"{section}.{name}"] = value
    return out


def problems_for(answers: dict[str, Any]) -> dict[str, str]:
    """Validation problems of these answers, by dotted path ({} when the visit is valid)."""
    try:
        parse_visit(document(answers))
    except VisitError as exc:
        return problems_by_path(exc.problems)
    return {}


def review(answers: dict[str, Any]) -> Review:
    """The assessment of the answers recorded so far (invalid answers are left out)."""
    bad = problems_for(answers)
    visit = parse_visit(document({p: v for p, v in answers.items() if p not in bad}))
    a = assess(visit)
    g = load_guidance()
    return Review(
        risk_level=a.risk_level.value,
        escalate=a.escalate,
        factors=tuple(
            FactorLine(f.code, f.severity.value, f.title, f.advice, f.practitioner_note, f.source_url)
            for f in a.factors
        ),
        protective=tuple(g[c].title for c in a.protective),
        context=tuple(g[c].title for c in a.context),
        prompts=tuple(
            PromptLine(code, g[code].title, g[code].practitioner_note, prominent=code in PROMINENT_PROMPTS)
            for code in a.prompts
        ),
        unanswered=tuple(a.unanswered),
        guidance_version=a.guidance_version,
        incomplete=tuple(a.incomplete),
    )


def check_answer(*, answers: dict[str, Any], path: str, value: Any) -> str | None:
    """The domain's problem with this answer, given the others (None when it is fine)."""
    trial = {p: v for p, v in answers.items() if p != path}
    if value is not None:
        trial[path] = value
    problems = problems_for(trial)
    if path in problems:
        return problems[path]
    before = problems_for(answers)
    new = [m for p, m in problems.items() if p not in before]
    return new[0] if new else None


def start_visit(*, store: Store, family_id: str, baby_id: str | None) -> str:
    """A new draft visit for a baby, dated today; returns its id."""
    if baby_id is None:
        raise AnswerError("baby", "add a baby to this family before starting a visit")
    with store.unit_of_work() as uow:
        v = store_start_visit(
            session=uow.session,
            baby_id=as_uuid(baby_id),
            practitioner_id=store.practitioner.id,
            visit_date=dt.date.today(),
            visit_type="new_birth",
        )
        uow.commit()
    return str(v.id)


def load_visit(*, store: Store, visit_id: str) -> VisitRecord:
    """A visit as the screens need it (amendments applied to a signed visit)."""
    with store.session() as s:
        v = get_visit(session=s, visit_id=as_uuid(visit_id))
        f = get_family(session=s, family_id=v.family_id)
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
            Amendment(a.created, tuple(a.changes), a.reason, a.author_name) for a in v.amendments
        ),
    )


def save_answer(*, store: Store, visit_id: str, path: str, value: Any) -> None:
    """Autosave one answer to the draft (committed before it returns)."""
    if path.startswith("notes."):
        raise AnswerError(path, "notes are saved with save_notes")
    try:
        with store.unit_of_work() as uow:
            store_save_answer(session=uow.session, visit_id=as_uuid(visit_id), path=path, value=value)
            uow.commit()
    except VisitSigned:
        raise AnswerError(path, SIGNED_MESSAGE) from None
    except VisitError as exc:
        raise answer_error(path, exc.problems) from None


def save_notes(*, store: Store, visit_id: str, notes: dict[str, str]) -> None:
    """Autosave the notes (what was said, observed, agreed; follow-up date)."""
    follow = (notes.get("follow_up") or "").strip()
    try:
        follow_date = dt.date.fromisoformat(follow) if follow else None
    except ValueError:
        raise AnswerError("notes.follow_up", "must be a date written YYYY-MM-DD") from None
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


def sign(*, store: Store, visit_id: str, incomplete_reason: str | None = None) -> None:
    """Sign the draft; core questions not asked need `incomplete_reason` (stored with the signature)."""
    try:
        with store.unit_of_work() as uow:
            sign_visit(
                session=uow.session,
                visit_id=as_uuid(visit_id),
                signed_by=store.practitioner.id,
                incomplete_reason=incomplete_reason,
            )
            uow.commit()
    except RecordError as exc:
        raise answer_error(
            "sign.reason", [str(p).removeprefix("incomplete_reason: ") for p in exc.problems]
        ) from None


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
        raise answer_error(path, exc.problems) from None
    except RecordError as exc:
        raise answer_error(path, exc.problems) from None


def convert_weight(value: float, *, to: str) -> float:
    """A birth weight in the other unit, rounded for display (2 dp)."""
    return round(value / KG_PER_LB, 2) if to == "lb" else round(value * KG_PER_LB, 2)
