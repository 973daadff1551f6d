"""The visit guide: the questions it asks, as dotted paths, in the order it asks them.

The one source for `unanswered` and `incomplete` in the assessment and for the screens of the
guided visit (which add their own words). A birth weight in lb answers `baby.birth_weight_kg`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from app.domain.visit import Visit


@dataclass(frozen=True, slots=True)
class GuideStep:
    """One step of the guided visit: a short group of questions."""

    slug: str
    title: str
    questions: tuple[str, ...]
    private: bool = False


GUIDE: tuple[GuideStep, ...] = (
    GuideStep("visit", "The visit", ("visit.date", "visit.baby_seen", "visit.present")),
    GuideStep(
        "baby",
        "Baby",
        (
            "baby.date_of_birth",
            "baby.gestation_weeks",
            "baby.birth_weight_kg",
            "baby.multiple_birth",
            "baby.unwell",
        ),
    ),
    GuideStep("where", "Where baby sleeps", ("sleep.place", "sleep.day_place", "sleep.room", "sleep.seen")),
    GuideStep(
        "space",
        "The sleep space",
        (
            "sleep.position",
            "sleep.mattress",
            "sleep.items",
            "sleep.room_temperature_c",
            "sleep.swaddled",
            "sleep.head_covered",
        ),
    ),
    GuideStep(
        "sharing",
        "Sharing sleep",
        (
            "sleep.bed_sharing",
            "sleep.bed_sharing_with",
            "sleep.shared_surfaces",
            "sleep.car_seat_over_2h",
            "sleep.sling",
        ),
    ),
    GuideStep(
        "carers",
        "The carers",
        (
            "carers.smoker_in_household",
            "carers.smoked_in_pregnancy",
            "carers.alcohol",
            "carers.drugs",
            "carers.sedating_medication",
            "carers.extreme_tiredness",
        ),
    ),
    GuideStep("feeding", "Feeding and dummy", ("feeding.breastfed", "feeding.dummy")),
    GuideStep(
        "family",
        "Family context",
        (
            "family.domestic_abuse",
            "family.parental_mental_health",
            "family.substance_misuse",
            "family.unidentified_adults",
            "family.previous_infant_death",
            "family.social_care",
            "family.out_of_routine_planned",
        ),
        private=True,
    ),
    GuideStep("plan", "The plan", ("plan.out_of_routine", "plan.advice_declined")),
)

QUESTIONS: tuple[str, ...] = tuple(q for step in GUIDE for q in step.questions)

# The core questions, in the documented order (docs/visit-format.md): without them a visit is
# "incomplete", never "low".
CORE_QUESTIONS: tuple[str, ...] = (
    "baby.date_of_birth",
    "baby.gestation_weeks",
    "baby.birth_weight_kg",
    "sleep.place",
    "sleep.room",
    "sleep.seen",
    "sleep.position",
    "sleep.items",
    "sleep.bed_sharing",
    "sleep.shared_surfaces",
    "carers.smoker_in_household",
    "carers.alcohol",
    "carers.drugs",
    "carers.sedating_medication",
)
# Alternative paths that answer a question (a weight given in lb answers the kg question).
ANSWERED_BY: dict[str, tuple[str, ...]] = {
    "baby.birth_weight_kg": ("baby.birth_weight_kg", "baby.birth_weight_lb")
}


def answer_paths(path: str) -> tuple[str, ...]:
    """Every stored path that answers the same question as `path` (both weight units together)."""
    for paths in ANSWERED_BY.values():
        if path in paths:
            return paths
    return (path,)


def answer_at(visit: Visit, path: str) -> object:
    """The recorded answer at a dotted `section.field` path of a Visit (None: not recorded)."""
    section, _, field = path.partition(".")
    return getattr(getattr(visit, section), field)


@cache
def answer_getters(path: str) -> tuple[Callable[[Visit], object], ...]:
    """One getter per stored path that answers the question at `path` (made once per path)."""
    return tuple(attrgetter(p) for p in ANSWERED_BY.get(path, (path,)))


def is_recorded(visit: Visit, path: str) -> bool:
    """Whether any stored path that answers the question at `path` holds an answer."""
    return any_recorded(visit, answer_getters(path))


def any_recorded(visit: Visit, getters: tuple[Callable[[Visit], object], ...]) -> bool:
    """Whether any getter finds an answer (a plain loop: about 50 calls per assessment)."""
    for get in getters:  # noqa: SIM110 (faster than any() over a generator)
        if get(visit) is not None:
            return True
    return False
