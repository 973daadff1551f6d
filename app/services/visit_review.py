"""The live review of a visit: the assessment of the answers recorded so far, and their problems.

Answers are flat dotted paths ({"sleep.place": "sofa"}); the review holds codes and guidance text,
and the screens word it (app/ui/presenters.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain import VISIT_FORMAT, VisitError, assess, load_guidance, parse_visit
from app.domain.assessment import COMBINING_CONTEXT, DISCLAIMER, ESCALATING_CONTEXT, Assessment, RiskLevel
from app.domain.guidance import Guidance
from app.services.guidance import guidance_now
from app.services.problems import problems_by_path
from app.store import Store

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
    """What the review screen shows for one visit (`unanswered`, `incomplete` hold dotted paths)."""

    risk_level: str
    escalate: bool
    factors: tuple[FactorLine, ...]
    protective: tuple[str, ...]
    context: tuple[str, ...]
    prompts: tuple[PromptLine, ...]
    unanswered: tuple[str, ...]
    guidance_version: str
    disclaimer: str = DISCLAIMER
    incomplete: tuple[str, ...] = ()  # core questions not asked (dotted paths): never "low" while any
    escalated_by: tuple[str, ...] = ()  # the context that made it escalate (guidance titles)


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
        return problems_by_path([str(p) for p in exc.problems])
    return {}


def review(
    answers: dict[str, Any], *, store: Store | None = None, guidance: Guidance | None = None
) -> Review:
    """The assessment of the answers recorded so far (one parse: stored answers are valid).

    With `store`, worded with the newest guidance that device holds (what signing will use);
    `guidance` (that same guidance, read once when the visit opened) spares a read per tap."""
    try:
        visit = parse_visit(document(answers))
    except VisitError:
        bad = problems_for(answers)
        visit = parse_visit(document({p: v for p, v in answers.items() if p not in bad}))
    g = guidance or (load_guidance() if store is None else guidance_now(store=store))
    a = assess(visit, g)
    return Review(
        risk_level=a.risk_level.value,
        escalate=a.escalate,
        factors=tuple(
            FactorLine(f.code, f.severity.value, f.title, f.advice, f.practitioner_note, f.source_url)
            for f in a.factors
        ),
        protective=tuple(g[c].title for c in a.protective),
        context=tuple(g[c].title if c in g.entries else c for c in a.context),
        prompts=tuple(
            PromptLine(code, g[code].title, g[code].practitioner_note, prominent=code in PROMINENT_PROMPTS)
            for code in a.prompts
        ),
        unanswered=tuple(a.unanswered),
        guidance_version=a.guidance_version,
        incomplete=tuple(a.incomplete),
        escalated_by=tuple(g[c].title if c in g.entries else c for c in escalation_triggers(a)),
    )


def escalation_triggers(a: Assessment) -> tuple[str, ...]:
    """The context codes behind an escalation, by the domain's own sets (empty when it does not escalate)."""
    if not a.escalate:
        return ()
    combining = tuple(c for c in a.context if c in COMBINING_CONTEXT)
    if a.risk_level is RiskLevel.high:
        hits = tuple(c for c in a.context if c in ESCALATING_CONTEXT)
        if hits:
            return hits
    return combining


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
