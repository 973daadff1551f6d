"""The records devices make (family, baby, visit, amendment, leaflet, note, audit): payload models
and their checks, which use the domain's own rules (never a copy of them)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.domain.amendments import apply_amendments, split_path
from app.domain.assessment import assess
from app.domain.errors import VisitError, parse_visit
from app.domain.identifiers import nhs_number_problem
from app.domain.problems import Problem
from app.domain.visit import VISIT_FORMAT
from app.protocol.fields import Code, Hash, Name, Payload, RequiredName, Text, When
from app.protocol.limits import ADDRESS_MAX, PAPERS, PEOPLE_MAX, TEXT_MAX
from app.protocol.registry import Context, Derived, Entity, register

POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
NONE = Derived()


def problem_of(item: Any, prefix: str = "") -> Problem:
    """A domain problem (a Problem, or the text 'path: message') with `prefix` before its path."""
    if isinstance(item, Problem):
        path, message = item.path, item.message
    else:
        path, sep, message = str(item).partition(": ")
        if not sep:
            path, message = "", str(item)
    return Problem(".".join(p for p in (prefix, path) if p), message)


def domain_problems(exc: VisitError, prefix: str) -> list[Problem]:
    return [problem_of(p, prefix) for p in exc.problems]


class Carer(BaseModel):
    """A parent or carer of the household."""

    model_config = ConfigDict(extra="forbid")
    name: RequiredName
    relationship: RequiredName
    phone: Name | None = None
    nhs_number: Name | None = None  # as the device stores it ('943 476 5919'), left out when not given

    @field_validator("nhs_number")
    @classmethod
    def _nhs_number(cls, value: str | None) -> str | None:
        if value and (problem := nhs_number_problem(value)):
            raise ValueError(problem)
        return value


class OtherAdult(BaseModel):
    """Another adult known to live in or visit the home (be curious about adults)."""

    model_config = ConfigDict(extra="forbid")
    name: RequiredName
    relationship: RequiredName
    lives_in: bool = False
    notes: Text | None = None


class FamilyPayload(Payload):
    id: UUID
    name: RequiredName
    surname: RequiredName
    address: str = Field(default="", max_length=ADDRESS_MAX)
    postcode: str = Field(default="", max_length=10)
    carers: list[Carer] = Field(default_factory=list, max_length=PEOPLE_MAX)
    other_adults: list[OtherAdult] = Field(default_factory=list, max_length=PEOPLE_MAX)


def _check_family(p: FamilyPayload, _: Context) -> tuple[list[Problem], Derived]:
    problems = []
    if p.postcode and not POSTCODE.match(p.postcode):
        problems.append(Problem("payload.postcode", "must be a UK postcode such as SO14 7DU"))
    if "\x00" in p.address:
        problems.append(Problem("payload.address", "must not contain NUL characters"))
    return problems, NONE  # a family is not an entry of its own chronology


class BabyPayload(Payload):
    id: UUID
    family_id: UUID
    name: RequiredName
    date_of_birth: dt.date | None = None
    gestation_weeks: int | None = None
    gestation_days: int | None = None
    birth_weight_kg: float | None = None


def _check_baby(p: BabyPayload, _: Context) -> tuple[list[Problem], Derived]:
    """Ranges are the visit format's (the domain's `baby` section)."""
    baby = p.model_dump(mode="json", exclude={"id", "family_id"}, exclude_none=True)
    try:
        parse_visit({"format": VISIT_FORMAT, "baby": baby})
    except VisitError as exc:
        found = [problem_of(x) for x in exc.problems]
        return [Problem("payload." + x.path.removeprefix("baby."), x.message) for x in found], NONE
    return [], Derived(family_id=p.family_id)


class VisitPayload(Payload):
    id: UUID
    family_id: UUID
    baby_id: UUID
    practitioner_id: UUID | None = None
    practitioner_name: Name = ""
    visit_date: dt.date
    visit_type: Code
    status: Literal["signed"] = Field(description="drafts never leave the device")
    answers: dict[str, Any] = Field(description="the visit document (safesleep.visit) as recorded")
    parents_said: Text = ""
    observed: Text = ""
    agreed_actions: Text = ""
    follow_up_date: dt.date | None = None
    created: When
    signed_at: When
    signed_by_id: UUID | None = None
    signed_by_name: Name | None = None
    guidance_version: Code | None = None


def _assessed(answers: dict[str, Any], ctx: Context, version: str | None) -> Any:
    visit = parse_visit(answers)
    return visit, assess(visit, ctx.guidance(version))


def _derived(result: Any, **kw: Any) -> Derived:
    return Derived(
        risk_level=result.risk_level.value,
        escalate=result.escalate,
        factors=tuple(f.code for f in result.factors),
        assessment=result.to_json(),
        **kw,
    )


def _check_visit(p: VisitPayload, ctx: Context) -> tuple[list[Problem], Derived]:
    try:
        visit, result = _assessed(p.answers, ctx, p.guidance_version)
    except VisitError as exc:
        return domain_problems(exc, "payload.answers"), NONE
    if visit.visit.date != p.visit_date:
        return [Problem("payload.visit_date", "must be the visit document's visit.date")], NONE
    return [], _derived(
        result, family_id=p.family_id, visit_date=p.visit_date, guidance_version=p.guidance_version
    )


def visit_document(payload: dict[str, Any]) -> dict[str, Any]:
    """The visit document a visit payload carries (its `answers`)."""
    doc = payload.get("answers")
    return doc if isinstance(doc, dict) else {}


class AmendmentPayload(Payload):
    id: UUID
    visit_id: UUID
    family_id: UUID
    changes: dict[str, dict[str, Any]] = Field(description='{"sleep.place": {"from": "cot", "to": "sofa"}}')
    reason: Text
    author_id: UUID | None = None
    author_name: Name = ""
    created: When
    guidance_version: Code | None = None


def _note_problem(path: str, value: Any) -> Problem | None:
    name = path.removeprefix("notes.")
    if name == "follow_up_date":
        try:
            value is None or dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return Problem(f"payload.changes.{path}.to", "must be a date written YYYY-MM-DD, or null")
        return None
    if value is not None and (not isinstance(value, str) or len(value) > TEXT_MAX):
        return Problem(f"payload.changes.{path}.to", f"must be text of at most {TEXT_MAX} characters")
    return None


def _check_amendment(p: AmendmentPayload, ctx: Context) -> tuple[list[Problem], Derived]:
    """A reason, changes that name questions or notes, applied to the visit it amends, re-parsed."""
    problems = []
    if not p.reason.strip():
        problems.append(Problem("payload.reason", "required: say why the signed visit is being corrected"))
    if not p.changes:
        problems.append(Problem("payload.changes", "required: at least one path and its corrected value"))
    for path, change in p.changes.items():
        try:
            split_path(path, notes=True)
        except VisitError as exc:
            problems.extend(domain_problems(exc, "payload.changes"))
            continue
        if "to" not in change:
            problems.append(Problem(f"payload.changes.{path}", 'must give the corrected value as "to"'))
        elif path.startswith("notes.") and (bad := _note_problem(path, change["to"])) is not None:
            problems.append(bad)
    if problems:
        return problems, NONE
    state = ctx.visit_state(p.visit_id)
    if state is None:
        return [Problem("payload.visit_id", f"no signed visit {p.visit_id} here to amend")], NONE
    answers, _ = apply_amendments(state.answers, state.notes, [p.changes])
    try:
        _, result = _assessed(answers, ctx, p.guidance_version)
    except VisitError as exc:
        return domain_problems(exc, "payload.changes (the corrected visit)"), NONE
    return [], _derived(
        result, family_id=p.family_id, parent_id=p.visit_id, guidance_version=p.guidance_version
    )


class LeafletPayload(Payload):
    id: UUID
    visit_id: UUID
    family_id: UUID
    leaflet_hash: Hash
    paper: Literal[PAPERS]  # type: ignore[valid-type]
    created: When
    created_by_id: UUID | None = None
    created_by_name: Name = ""


def _check_leaflet(p: LeafletPayload, _: Context) -> tuple[list[Problem], Derived]:
    return [], Derived(family_id=p.family_id, parent_id=p.visit_id)


class NotePayload(Payload):
    id: UUID
    family_id: UUID
    baby_id: UUID | None = None
    text: Text
    author_id: UUID | None = None
    author_name: Name = ""
    created: When


def _check_note(p: NotePayload, _: Context) -> tuple[list[Problem], Derived]:
    if not p.text.strip():
        return [Problem("payload.text", "must not be empty")], NONE
    return [], Derived(family_id=p.family_id)


class AuditPayload(Payload):
    id: UUID
    at: When
    actor: Name
    action: Code
    entity: Code
    entity_id: Code
    detail: dict[str, Any] = Field(default_factory=dict)


def _check_audit(p: AuditPayload, _: Context) -> tuple[list[Problem], Derived]:
    return [], NONE


FAMILY = register(Entity("family", "mergeable", FamilyPayload, _check_family))
BABY = register(Entity("baby", "mergeable", BabyPayload, _check_baby, parents=(("family_id", "family"),)))
VISIT = register(
    Entity(
        "visit",
        "append_only",
        VisitPayload,
        _check_visit,
        parents=(("family_id", "family"), ("baby_id", "baby")),
    )
)
AMENDMENT = register(
    Entity(
        "amendment",
        "append_only",
        AmendmentPayload,
        _check_amendment,
        parents=(("family_id", "family"), ("visit_id", "visit")),
    )
)
LEAFLET = register(
    Entity(
        "leaflet",
        "append_only",
        LeafletPayload,
        _check_leaflet,
        parents=(("family_id", "family"), ("visit_id", "visit")),
    )
)
NOTE = register(
    Entity(
        "note",
        "append_only",
        NotePayload,
        _check_note,
        parents=(("family_id", "family"), ("baby_id", "baby")),
    )
)
AUDIT = register(Entity("audit", "append_only", AuditPayload, _check_audit, kept_on_devices=False))
