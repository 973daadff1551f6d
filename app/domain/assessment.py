"""The safer-sleep assessment: which risk factors a visit shows, per DESIGN.md.

Decision support, not a diagnosis: the practitioner's judgement stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from app.domain.guidance import Guidance, load_guidance
from app.domain.visit import (
    BedSharing,
    Mattress,
    Position,
    Room,
    SharedSurface,
    SleepPlace,
    Visit,
)

PREMATURE_BEFORE_WEEKS = 37
LOW_BIRTH_WEIGHT_KG = 2.5
ROOM_TEMPERATURE_RANGE_C = (16, 20)
ROOM_SHARING_DAYS = 183  # about 6 months

DISCLAIMER = (
    "Decision support, not a diagnosis: it lists what was recorded against published guidance. "
    "Your professional judgement stands."
)


class Severity(StrEnum):
    high = "high"
    increased = "increased"


class RiskLevel(StrEnum):
    high = "high"
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
    codes: frozenset[str] = field(default=frozenset())

    def has(self, code: str) -> bool:
        return code in self.codes

    def to_json(self) -> dict[str, Any]:
        """The assessment document of DESIGN.md."""
        return {
            "risk_level": self.risk_level.value,
            "escalate": self.escalate,
            "factors": [f.to_json() for f in self.factors],
            "context": list(self.context),
            "protective": list(self.protective),
            "prompts": list(self.prompts),
            "unanswered": list(self.unanswered),
            "guidance_version": self.guidance_version,
        }


def is_bed_sharing(v: Visit) -> bool:
    """Bed-sharing: `bed_sharing` is sometimes or usually, or the usual place is an adult bed."""
    return v.sleep.bed_sharing in (BedSharing.sometimes, BedSharing.usually) or (
        v.sleep.place is SleepPlace.adult_bed
    )


def _surfaces(v: Visit) -> set[SharedSurface]:
    return set(v.sleep.shared_surfaces or ())


def _sofa_or_armchair(v: Visit) -> bool:
    return bool(_surfaces(v) & {SharedSurface.sofa, SharedSurface.armchair}) or (
        v.sleep.place in (SleepPlace.sofa, SleepPlace.armchair)
    )


def _airbed(v: Visit) -> bool:
    return SharedSurface.airbed in _surfaces(v) or v.sleep.place is SleepPlace.airbed


def _premature(v: Visit) -> bool:
    weeks = v.baby.gestation_weeks
    return weeks is not None and weeks < PREMATURE_BEFORE_WEEKS


def _low_birth_weight(v: Visit) -> bool:
    kg = v.baby.weight_kg
    return kg is not None and kg < LOW_BIRTH_WEIGHT_KG


def _after_substances(v: Visit) -> bool:
    c = v.carers
    return bool(c.alcohol or c.drugs or c.sedating_medication)


def _temperature_out_of_range(v: Visit) -> bool:
    t = v.sleep.room_temperature_c
    low, high = ROOM_TEMPERATURE_RANGE_C
    return t is not None and (t < low or t > high)


def _not_room_sharing(v: Visit) -> bool:
    age = v.age_days()
    return age is not None and age < ROOM_SHARING_DAYS and v.sleep.room is Room.own_room


def _unsafe_place(v: Visit) -> bool:
    return v.sleep.place in (SleepPlace.car_seat, SleepPlace.sling) or v.sleep.car_seat_over_2h is True


@dataclass(frozen=True, slots=True)
class _Facts:
    """What several rules share, worked out once per visit."""

    bed_sharing: bool
    premature: bool
    low_birth_weight: bool


Rule = tuple[str, Severity, Callable[[Visit, _Facts], bool]]

RULES: tuple[Rule, ...] = (
    ("sofa_or_armchair_sharing", Severity.high, lambda v, f: _sofa_or_armchair(v)),
    ("airbed_sharing", Severity.high, lambda v, f: _airbed(v)),
    (
        "bed_sharing_after_alcohol_or_drugs",
        Severity.high,
        lambda v, f: f.bed_sharing and _after_substances(v),
    ),
    (
        "bed_sharing_with_smoker",
        Severity.high,
        lambda v, f: f.bed_sharing and v.carers.smoker_in_household is True,
    ),
    ("bed_sharing_premature", Severity.high, lambda v, f: f.bed_sharing and f.premature),
    ("bed_sharing_low_birth_weight", Severity.high, lambda v, f: f.bed_sharing and f.low_birth_weight),
    (
        "bed_sharing_extreme_tiredness",
        Severity.high,
        lambda v, f: f.bed_sharing and v.carers.extreme_tiredness is True,
    ),
    ("not_on_back", Severity.high, lambda v, f: v.sleep.position in (Position.side, Position.front)),
    ("premature", Severity.increased, lambda v, f: f.premature),
    ("low_birth_weight", Severity.increased, lambda v, f: f.low_birth_weight),
    (
        "smoking",
        Severity.increased,
        lambda v, f: bool(v.carers.smoker_in_household or v.carers.smoked_in_pregnancy),
    ),
    ("items_in_sleep_space", Severity.increased, lambda v, f: bool(v.sleep.items)),
    ("unsuitable_mattress", Severity.increased, lambda v, f: v.sleep.mattress is Mattress.soft_or_worn),
    ("room_temperature", Severity.increased, lambda v, f: _temperature_out_of_range(v)),
    ("not_room_sharing", Severity.increased, lambda v, f: _not_room_sharing(v)),
    ("unsafe_sleep_place", Severity.increased, lambda v, f: _unsafe_place(v)),
)

FACTOR_CODES = tuple(code for code, _, _ in RULES)
CONTEXT_CODES = (
    "domestic_abuse",
    "parental_mental_health",
    "substance_misuse",
    "unidentified_adults",
    "out_of_routine_planned",
)
COMBINING_CONTEXT = ("domestic_abuse", "parental_mental_health", "substance_misuse")
PROTECTIVE_CODES = ("breastfed", "dummy", "room_sharing", "back_sleeping")
PROMPT_CODES = (
    "ask_to_see_sleep_space",
    "bed_sharing_safety_advice",
    "out_of_routine_plan",
    "be_curious_about_adults",
    "discuss_with_supervisor",
)

# The questions the visit guide asks, as dotted paths; a birth weight in lb answers the kg one.
QUESTIONS: tuple[str, ...] = (
    "visit.date",
    "baby.date_of_birth",
    "baby.gestation_weeks",
    "baby.birth_weight_kg",
    "sleep.place",
    "sleep.room",
    "sleep.seen",
    "sleep.position",
    "sleep.mattress",
    "sleep.items",
    "sleep.room_temperature_c",
    "sleep.bed_sharing",
    "sleep.shared_surfaces",
    "sleep.car_seat_over_2h",
    "sleep.sling",
    "carers.smoker_in_household",
    "carers.smoked_in_pregnancy",
    "carers.alcohol",
    "carers.drugs",
    "carers.sedating_medication",
    "carers.extreme_tiredness",
    "feeding.breastfed",
    "feeding.dummy",
    "family.domestic_abuse",
    "family.parental_mental_health",
    "family.substance_misuse",
    "family.unidentified_adults",
    "family.out_of_routine_planned",
)
_QUESTIONS_BY_SECTION: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = tuple(
    (section, tuple((q.split(".")[1], q) for q in QUESTIONS if q.split(".")[0] == section))
    for section in dict.fromkeys(q.split(".")[0] for q in QUESTIONS)
)


def unanswered(v: Visit) -> tuple[str, ...]:
    """The visit-guide questions with no recorded answer, in the order the guide asks them."""
    out: list[str] = []
    for section, questions in _QUESTIONS_BY_SECTION:
        answers = getattr(v, section).__dict__
        for name, path in questions:
            if name == "birth_weight_kg":
                if answers["birth_weight_kg"] is None and answers["birth_weight_lb"] is None:
                    out.append(path)
            elif answers[name] is None:
                out.append(path)
    return tuple(out)


@cache
def _factor(code: str, severity: Severity, guidance: Guidance) -> Factor:
    entry = guidance[code]
    return Factor(code, severity, entry.title, entry.family_advice, entry.practitioner_note, entry.source_url)


def assess(visit: Visit, guidance: Guidance | None = None) -> Assessment:
    """Assess one visit against the safer-sleep rules of DESIGN.md."""
    g = guidance or load_guidance()
    facts = _Facts(is_bed_sharing(visit), _premature(visit), _low_birth_weight(visit))
    factors = [_factor(code, sev, g) for code, sev, applies in RULES if applies(visit, facts)]
    if any(f.severity is Severity.high for f in factors):
        level = RiskLevel.high
    elif factors:
        level = RiskLevel.increased
    else:
        level = RiskLevel.low

    fam = visit.family
    context = tuple(c for c in CONTEXT_CODES if getattr(fam, c) is True)
    combining = sum(1 for c in COMBINING_CONTEXT if getattr(fam, c) is True)
    escalate = (level is RiskLevel.high and bool(context)) or combining >= 2

    protective = tuple(
        code
        for code, present in (
            ("breastfed", visit.feeding.breastfed is True),
            ("dummy", visit.feeding.dummy is True),
            ("room_sharing", visit.sleep.room is Room.parents_room),
            ("back_sleeping", visit.sleep.position is Position.back),
        )
        if present
    )
    prompts = tuple(
        code
        for code, present in (
            ("ask_to_see_sleep_space", visit.sleep.seen is not True),
            ("bed_sharing_safety_advice", facts.bed_sharing),
            ("out_of_routine_plan", fam.out_of_routine_planned is True),
            ("be_curious_about_adults", fam.unidentified_adults is True),
            ("discuss_with_supervisor", escalate),
        )
        if present
    )
    return Assessment(
        risk_level=level,
        escalate=escalate,
        factors=tuple(factors),
        context=context,
        protective=protective,
        prompts=prompts,
        unanswered=unanswered(visit),
        guidance_version=g.version,
        codes=frozenset(f.code for f in factors),
    )
