"""The safer-sleep assessment: which risk factors a visit shows, as documented in docs/visit-format.md.

Decision support, not a diagnosis: the practitioner's judgement stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from app.domain.guidance import Guidance, load_guidance
from app.domain.guide import CORE_QUESTIONS, QUESTIONS, answer_getters, any_recorded
from app.domain.values import (
    LOW_BIRTH_WEIGHT_KG,
    PREMATURE_BEFORE_WEEKS,
    ROOM_SHARING_DAYS,
    ROOM_TEMPERATURE_GUIDE_C,
    BedSharing,
    Mattress,
    Position,
    Room,
    SharedSurface,
    SleepPlace,
    SocialCare,
)
from app.domain.visit import Visit

__all__ = [
    "CONTEXT_CODES",
    "DISCLAIMER",
    "FACTOR_CODES",
    "PROMPT_CODES",
    "PROTECTIVE_CODES",
    "QUESTIONS",
    "Assessment",
    "Factor",
    "RiskLevel",
    "Severity",
    "assess",
    "bed_sharing_danger",
    "incomplete",
    "is_bed_sharing",
    "unanswered",
]

DISCLAIMER = (
    "Decision support, not a diagnosis: it lists what was recorded against published guidance. "
    "Your professional judgement stands."
)


class Severity(StrEnum):
    high = "high"
    increased = "increased"


class RiskLevel(StrEnum):
    high = "high"
    incomplete = "incomplete"
    increased = "increased"
    low = "low"


@dataclass(frozen=True, slots=True)
class Factor:
    code: str
    severity: Severity
    title: str
    advice: str
    practitioner_note: str
    source_url: str
    sources: tuple[str, ...] = ()

    def to_json(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "title": self.title,
            "advice": self.advice,
            "source_url": self.source_url,
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    risk_level: RiskLevel
    escalate: bool
    factors: tuple[Factor, ...]
    context: tuple[str, ...]
    protective: tuple[str, ...]
    prompts: tuple[str, ...]
    unanswered: tuple[str, ...]
    guidance_version: str
    incomplete: tuple[str, ...] = ()
    codes: frozenset[str] = field(default=frozenset())

    def has(self, code: str) -> bool:
        return code in self.codes

    def to_json(self) -> dict[str, Any]:
        """The assessment document (docs/visit-format.md)."""
        return {
            "risk_level": self.risk_level.value,
            "escalate": self.escalate,
            "factors": [f.to_json() for f in self.factors],
            "context": list(self.context),
            "protective": list(self.protective),
            "prompts": list(self.prompts),
            "unanswered": list(self.unanswered),
            "incomplete": list(self.incomplete),
            "guidance_version": self.guidance_version,
        }


# ---------------------------------------------------------------- terms (docs/visit-format.md)


def is_bed_sharing(v: Visit) -> bool:
    """`bed_sharing` is sometimes or usually, or `place` or `day_place` is an adult bed."""
    return (
        v.sleep.bed_sharing in (BedSharing.sometimes, BedSharing.usually)
        or SleepPlace.adult_bed in v.sleep.places()
    )


def _premature(v: Visit) -> bool:
    weeks = v.baby.gestation_weeks
    return weeks is not None and weeks < PREMATURE_BEFORE_WEEKS


def _low_birth_weight(v: Visit) -> bool:
    kg = v.baby.weight_kg
    return kg is not None and kg < LOW_BIRTH_WEIGHT_KG


def _after_substances(v: Visit) -> bool:
    c = v.carers
    return c.alcohol is True or c.drugs is True or c.sedating_medication is True


def bed_sharing_danger(v: Visit) -> bool:
    """Bed-sharing is not safe for this baby, whatever `bed_sharing` says."""
    return (
        _premature(v)
        or _low_birth_weight(v)
        or v.carers.smoker_in_household is True
        or _after_substances(v)
        or v.carers.extreme_tiredness is True
    )


def _surface_or_place(v: Visit, surfaces: set[SharedSurface], places: set[SleepPlace]) -> bool:
    return bool(set(v.sleep.shared_surfaces or ()) & surfaces) or bool(v.sleep.places() & places)


def _temperature_out_of_range(v: Visit) -> bool:
    t = v.sleep.room_temperature_c
    low, high = ROOM_TEMPERATURE_GUIDE_C
    return t is not None and (t < low or t > high)


def _not_room_sharing(v: Visit) -> bool:
    age = v.age_days()
    return age is not None and age < ROOM_SHARING_DAYS and v.sleep.room in (Room.own_room, Room.other)


UNSAFE_PLACES = {
    SleepPlace.car_seat,
    SleepPlace.sling,
    SleepPlace.bouncer_or_swing,
    SleepPlace.beanbag_or_cushion,
}


def _unsafe_place(v: Visit) -> bool:
    return bool(v.sleep.places() & UNSAFE_PLACES) or v.sleep.car_seat_over_2h is True


# ---------------------------------------------------------------- the rules, high ones first

Rule = tuple[str, Severity, Callable[[Visit, bool], bool]]  # (code, severity, applies(visit, bed-sharing))
_SOFA_ARMCHAIR = ({SharedSurface.sofa, SharedSurface.armchair}, {SleepPlace.sofa, SleepPlace.armchair})
_AIRBED = ({SharedSurface.airbed}, {SleepPlace.airbed})

RULES: tuple[Rule, ...] = (
    ("sofa_or_armchair_sharing", Severity.high, lambda v, bs: _surface_or_place(v, *_SOFA_ARMCHAIR)),
    ("airbed_sharing", Severity.high, lambda v, bs: _surface_or_place(v, *_AIRBED)),
    ("bed_sharing_after_alcohol_or_drugs", Severity.high, lambda v, bs: bs and _after_substances(v)),
    ("bed_sharing_with_smoker", Severity.high, lambda v, bs: bs and v.carers.smoker_in_household is True),
    ("bed_sharing_premature", Severity.high, lambda v, bs: bs and _premature(v)),
    ("bed_sharing_low_birth_weight", Severity.high, lambda v, bs: bs and _low_birth_weight(v)),
    ("bed_sharing_extreme_tiredness", Severity.high, lambda v, bs: bs and v.carers.extreme_tiredness is True),
    ("not_on_back", Severity.high, lambda v, bs: v.sleep.position in (Position.side, Position.front)),
    ("premature", Severity.increased, lambda v, bs: _premature(v)),
    ("low_birth_weight", Severity.increased, lambda v, bs: _low_birth_weight(v)),
    (
        "smoking",
        Severity.increased,
        lambda v, bs: v.carers.smoker_in_household is True or v.carers.smoked_in_pregnancy is True,
    ),
    ("items_in_sleep_space", Severity.increased, lambda v, bs: bool(v.sleep.items)),
    ("unsuitable_mattress", Severity.increased, lambda v, bs: v.sleep.mattress is Mattress.soft_or_worn),
    ("room_temperature", Severity.increased, lambda v, bs: _temperature_out_of_range(v)),
    ("not_room_sharing", Severity.increased, lambda v, bs: _not_room_sharing(v)),
    ("unsafe_sleep_place", Severity.increased, lambda v, bs: _unsafe_place(v)),
    ("swaddled", Severity.increased, lambda v, bs: v.sleep.swaddled is True),
    ("head_covered", Severity.increased, lambda v, bs: v.sleep.head_covered is True),
    ("baby_unwell", Severity.increased, lambda v, bs: v.baby.unwell is True),
    ("bed_sharing_with_others", Severity.increased, lambda v, bs: bs and bool(v.sleep.bed_sharing_with)),
    ("bed_sharing_multiples", Severity.increased, lambda v, bs: bs and v.baby.multiple_birth is True),
)

FACTOR_CODES = tuple(code for code, _, _ in RULES)
FAMILY_CONTEXT = (
    "domestic_abuse",
    "parental_mental_health",
    "substance_misuse",
    "unidentified_adults",
    "out_of_routine_planned",
    "previous_infant_death",
)
SOCIAL_CARE_CONTEXT = (SocialCare.early_help, SocialCare.child_in_need, SocialCare.child_protection)
CONTEXT_CODES = (*FAMILY_CONTEXT, *(s.value for s in SOCIAL_CARE_CONTEXT), "advice_declined")
COMBINING_CONTEXT = ("domestic_abuse", "parental_mental_health", "substance_misuse")
# Context that, with a high risk, calls for escalation (a planned change of routine, early help
# or a previous infant death alone call for a plan instead).
ESCALATING_CONTEXT = frozenset(
    {*COMBINING_CONTEXT, "unidentified_adults", "child_in_need", "child_protection", "advice_declined"}
)
PROTECTIVE_CODES = ("breastfed", "dummy", "room_sharing", "back_sleeping")
PROMPT_CODES = (
    "ask_to_see_sleep_space",
    "see_the_baby",
    "bed_sharing_not_safe",
    "bed_sharing_safety_advice",
    "sling_safety",
    "twins_sleep_advice",
    "stop_smoking_support",
    "out_of_routine_plan",
    "be_curious_about_adults",
    "care_of_next_infant",
    "complete_core_questions",
    "discuss_with_supervisor",
)


_QUESTION_GETTERS = tuple((q, answer_getters(q)) for q in QUESTIONS)
_CORE_GETTERS = tuple((q, answer_getters(q)) for q in CORE_QUESTIONS)


def unanswered(v: Visit) -> tuple[str, ...]:
    """The visit-guide questions with no recorded answer, in the order the guide asks them."""
    return tuple(q for q, getters in _QUESTION_GETTERS if not any_recorded(v, getters))


def incomplete(v: Visit) -> tuple[str, ...]:
    """The core questions not recorded (and `sleep.position` when it is unknown), in core order."""
    return tuple(
        q
        for q, getters in _CORE_GETTERS
        if not any_recorded(v, getters) or (q == "sleep.position" and v.sleep.position is Position.unknown)
    )


@cache
def _factor(code: str, severity: Severity, guidance: Guidance) -> Factor:
    e = guidance[code]
    return Factor(code, severity, e.title, e.family_advice, e.practitioner_note, e.source_url, e.sources)


def _context(v: Visit) -> tuple[str, ...]:
    fam = v.family
    out = [c for c in FAMILY_CONTEXT if getattr(fam, c) is True]
    if fam.social_care in SOCIAL_CARE_CONTEXT:
        out.append(fam.social_care.value)
    if v.plan.advice_declined is True:
        out.append("advice_declined")
    return tuple(out)


def _protective(v: Visit) -> tuple[str, ...]:
    present = {
        "breastfed": v.feeding.breastfed is True,
        "dummy": v.feeding.dummy is True,
        "room_sharing": v.sleep.room is Room.parents_room,
        "back_sleeping": v.sleep.position is Position.back,
    }
    return tuple(c for c in PROTECTIVE_CODES if present[c])


def assess(visit: Visit, guidance: Guidance | None = None) -> Assessment:
    """Assess one visit against the safer-sleep rules (docs/visit-format.md)."""
    g = guidance or load_guidance()
    bed_sharing = is_bed_sharing(visit)
    factors = tuple(_factor(code, sev, g) for code, sev, applies in RULES if applies(visit, bed_sharing))
    codes = frozenset(f.code for f in factors)
    missing = incomplete(visit)
    if any(f.severity is Severity.high for f in factors):
        level = RiskLevel.high
    elif missing:
        level = RiskLevel.incomplete
    elif factors:
        level = RiskLevel.increased
    else:
        level = RiskLevel.low

    context = _context(visit)
    combining = sum(1 for c in COMBINING_CONTEXT if c in context)
    escalate = (level is RiskLevel.high and bool(ESCALATING_CONTEXT.intersection(context))) or combining >= 2

    danger = bed_sharing_danger(visit)
    fam, sleep = visit.family, visit.sleep
    when = {
        "ask_to_see_sleep_space": sleep.seen is not True,
        "see_the_baby": visit.visit.baby_seen is not True,
        "bed_sharing_not_safe": danger,
        "bed_sharing_safety_advice": not danger,
        "sling_safety": sleep.sling is True or SleepPlace.sling in sleep.places(),
        "twins_sleep_advice": visit.baby.multiple_birth is True,
        "stop_smoking_support": "smoking" in codes,
        "out_of_routine_plan": fam.out_of_routine_planned is True,
        "be_curious_about_adults": fam.unidentified_adults is True,
        "care_of_next_infant": fam.previous_infant_death is True,
        "complete_core_questions": bool(missing),
        "discuss_with_supervisor": escalate,
    }
    return Assessment(
        risk_level=level,
        escalate=escalate,
        factors=factors,
        context=context,
        protective=_protective(visit),
        prompts=tuple(p for p in PROMPT_CODES if when[p]),
        unanswered=unanswered(visit),
        guidance_version=g.version,
        incomplete=missing,
        codes=codes,
    )
