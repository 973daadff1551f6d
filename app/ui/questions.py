"""The guided visit's steps and questions, in the words the practitioner sees.

Pure data (no Flet). The steps, their order and which are private come from the domain's visit
guide (app.domain.guide.GUIDE), the allowed values and ranges from app.domain.values: this module
only adds words (labels, option names, hints) and the notes step. Never copy a range or a value here.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, get_args, get_origin

from app.domain import visit as model
from app.domain.guide import GUIDE
from app.domain.values import CHOICES, RANGES, Range

Kind = Literal[
    "yes_no", "choice", "multi", "integer", "number", "date", "text", "weight", "people", "routine"
]

YES, NO, NOT_RECORDED = "Yes", "No", "Not recorded"
NOTE_FIELDS = ("parents_said", "observed", "agreed_actions", "follow_up")


@dataclass(frozen=True, slots=True)
class Question:
    path: str
    label: str
    kind: Kind
    options: tuple[tuple[str, str], ...] = ()  # (value, words shown)
    hint: str = ""
    none_label: str = ""  # multi: the choice meaning "none of these" (an empty list)
    core: bool = False

    @property
    def key(self) -> str:
        """The path without dots, for control identifiers."""
        return self.path.replace(".", "-")


@dataclass(frozen=True, slots=True)
class Step:
    slug: str
    title: str
    intro: str
    questions: tuple[Question, ...] = field(default=())
    private: bool = False


OPTION_WORDS: dict[str, dict[str, str]] = {
    "visit.type": {
        "antenatal": "Antenatal",
        "new_birth": "New birth",
        "6_8_week": "6–8 week",
        "targeted": "Targeted",
        "other": "Other",
    },
    "place": {
        "cot": "Cot",
        "moses_basket": "Moses basket",
        "bedside_crib": "Bedside crib",
        "travel_cot": "Travel cot",
        "pram": "Pram",
        "adult_bed": "Adult bed",
        "sofa": "Sofa",
        "armchair": "Armchair",
        "airbed": "Airbed",
        "car_seat": "Car seat",
        "sling": "Sling",
        "bouncer_or_swing": "Bouncer or swing",
        "beanbag_or_cushion": "Beanbag or cushion",
        "other": "Somewhere else",
    },
    "sleep.room": {"parents_room": "Parents' room", "own_room": "Own room", "other": "Another room"},
    "sleep.position": {
        "back": "On the back",
        "side": "On the side",
        "front": "On the front",
        "unknown": "Don't know",
    },
    "sleep.mattress": {
        "firm_flat_waterproof": "Firm, flat, waterproof",
        "soft_or_worn": "Soft or worn",
        "unknown": "Don't know",
    },
    "sleep.items": {
        "pillow": "Pillow",
        "duvet": "Duvet",
        "bumper": "Cot bumper",
        "soft_toy": "Soft toy",
        "pod_or_nest": "Pod or nest",
        "positioner": "Sleep positioner",
        "weighted_bedding": "Weighted bedding",
        "hot_water_bottle": "Hot water bottle",
        "loose_blanket": "Loose blanket",
    },
    "sleep.bed_sharing": {"never": "Never", "sometimes": "Sometimes", "usually": "Usually"},
    "sleep.bed_sharing_with": {"other_children": "Other children", "pets": "Pets"},
    "sleep.shared_surfaces": {"sofa": "Sofa", "armchair": "Armchair", "airbed": "Airbed"},
    "family.social_care": {
        "none": "None",
        "early_help": "Early help",
        "child_in_need": "Child in need",
        "child_protection": "Child protection",
    },
    "situation": {
        "night_away": "A night away",
        "visitors_or_celebration": "Visitors or a celebration",
        "night_out": "A night out",
        "holiday": "A holiday",
        "moving_house": "Moving house",
        "illness": "Illness in the family",
        "other": "Something else",
    },
    "relationship": {
        "mother": "Mother",
        "father": "Father",
        "partner": "Partner",
        "grandparent": "Grandparent",
        "other_relative": "Other relative",
        "friend": "Friend",
        "other": "Other",
    },
}
OPTION_WORDS["sleep.place"] = OPTION_WORDS["sleep.day_place"] = OPTION_WORDS["place"]
OPTION_WORDS["plan.out_of_routine.situation"] = OPTION_WORDS["situation"]
OPTION_WORDS["visit.present.relationship"] = OPTION_WORDS["relationship"]

# path: (label, hint, none_label)
WORDS: dict[str, tuple[str, str, str]] = {
    "visit.date": ("Date of the visit", "", ""),
    "visit.type": ("Type of visit", "Suggested from baby's age: change it if it is wrong", ""),
    "visit.baby_seen": ("Did you see the baby?", "", ""),
    "visit.present": ("Who was present?", "Tick everyone at the visit", "No one else recorded"),
    "baby.date_of_birth": ("Date of birth", "", ""),
    "baby.gestation_weeks": ("Gestation: weeks", "", ""),
    "baby.gestation_days": ("Gestation: days", "", ""),
    "baby.birth_weight_kg": ("Birth weight", "", ""),
    "baby.multiple_birth": ("A twin or more (multiple birth)?", "", ""),
    "baby.unwell": ("Unwell, feverish or recently ill?", "", ""),
    "sleep.place": ("Where does baby usually sleep at night?", "", ""),
    "sleep.day_place": ("Where does baby usually sleep in the day?", "", ""),
    "sleep.room": ("Which room at night?", "", ""),
    "sleep.seen": ("Have you seen where baby sleeps?", "", ""),
    "sleep.position": ("Position baby is put down in", "", ""),
    "sleep.mattress": ("Mattress", "", ""),
    "sleep.items": ("In the sleep space", "", "Nothing in the sleep space"),
    "sleep.room_temperature_c": ("Room temperature (°C)", "", ""),
    "sleep.swaddled": ("Swaddled for sleep?", "", ""),
    "sleep.head_covered": ("Hat, hood or bedding that can cover the face or head?", "", ""),
    "sleep.bed_sharing": ("Does baby share a bed with an adult?", "", ""),
    "sleep.bed_sharing_with": ("Who else is in the bed then?", "", "No one else"),
    "sleep.shared_surfaces": ("Has a carer ever slept with baby on", "", "None of these"),
    "sleep.car_seat_over_2h": ("In a car seat for more than 2 hours at a time?", "", ""),
    "sleep.sling": ("Carried in a sling?", "", ""),
    "carers.smoker_in_household": ("Anyone in the household smokes?", "", ""),
    "carers.smoked_in_pregnancy": ("Smoked in pregnancy?", "", ""),
    "carers.alcohol": ("Any alcohol before sharing sleep?", "Any drink at all, not only 2 units or more", ""),
    "carers.drugs": ("Drugs before sharing sleep?", "", ""),
    "carers.sedating_medication": ("Medication that causes drowsiness?", "", ""),
    "carers.extreme_tiredness": ("Extremely tired when sharing sleep?", "", ""),
    "feeding.breastfed": ("Breastfed (any breast milk)?", "", ""),
    "feeding.dummy": ("Dummy at sleep times?", "", ""),
    "family.domestic_abuse": ("Domestic abuse?", "", ""),
    "family.parental_mental_health": ("Parental mental health concerns?", "", ""),
    "family.substance_misuse": ("Substance misuse?", "", ""),
    "family.unidentified_adults": ("Adults in the home you cannot identify?", "", ""),
    "family.previous_infant_death": ("A previous infant death in the family?", "", ""),
    "family.social_care": ("Social care involvement", "", ""),
    "family.out_of_routine_planned": (
        "A change of routine coming up?",
        "A night away, visitors, a celebration",
        "",
    ),
    "plan.out_of_routine": (
        "The family's plan for a change of routine",
        "Tick each situation and write their own arrangement",
        "",
    ),
    "plan.advice_declined": (
        "Did the family decline the safer sleep advice?",
        "Private to you: never printed on the leaflet",
        "",
    ),
    "notes.parents_said": ("What the parents said", "", ""),
    "notes.observed": ("What you observed of baby", "", ""),
    "notes.agreed_actions": ("Agreed actions", "", ""),
    "notes.follow_up": ("Follow-up date", "", ""),
}
INTROS = {
    "visit": "When the visit is, what kind, and who was there.",
    "baby": "Date of birth, gestation and birth weight; twins; is baby well.",
    "where": "Where baby sleeps, night and day. Ask to see it.",
    "space": "How baby is put down and what is in the sleep space.",
    "sharing": "Bed-sharing, sofas and armchairs, car seats and slings.",
    "carers": "About the adults who care for baby or share sleep.",
    "feeding": "How baby is fed, and whether baby has a dummy.",
    "family": "What you know of the household and what is coming up.",
    "plan": "A change of routine, and whether the advice was accepted.",
    "notes": "What was said, what you saw, what was agreed.",
}
EXTRA_AFTER = {"visit.date": "visit.type", "baby.gestation_weeks": "baby.gestation_days"}
SPECIAL_KINDS: dict[str, Kind] = {
    "visit.date": "date",
    "baby.date_of_birth": "date",
    "baby.birth_weight_kg": "weight",
    "visit.present": "people",
    "plan.out_of_routine": "routine",
}


def _field_type(path: str) -> Any:
    """The type annotation of a visit field, read from the domain's models."""
    section, name = path.split(".", 1)
    fields = model.Visit.model_fields
    cls = fields[section].annotation if section in fields else None
    sub = getattr(cls, "model_fields", {})
    return sub[name].annotation if name in sub else None


def _is_list(annotation: Any) -> bool:
    if get_origin(annotation) in (list, tuple):
        return True
    if get_origin(annotation) in (typing.Union, types.UnionType, typing.Annotated):
        return any(_is_list(a) for a in get_args(annotation))
    return False


def _options(path: str) -> tuple[tuple[str, str], ...]:
    enum: type[StrEnum] = CHOICES[path]
    words = OPTION_WORDS.get(path, {})
    return tuple((m.value, words.get(m.value, m.value.replace("_", " ").capitalize())) for m in enum)


def range_hint(r: Range) -> str:
    words = r.words()
    return words[:1].upper() + words[1:]


def _question(path: str, core: frozenset[str]) -> Question:
    label, hint, none_label = WORDS.get(path, (path, "", ""))
    kind: Kind
    if path in SPECIAL_KINDS:
        kind = SPECIAL_KINDS[path]
    elif path in CHOICES:
        kind = "multi" if _is_list(_field_type(path)) else "choice"
    elif path in RANGES:
        kind = "integer" if RANGES[path].whole else "number"
        hint = hint or range_hint(RANGES[path])
    else:
        kind = "yes_no"
    if kind == "weight":
        hint = hint or range_hint(RANGES["baby.birth_weight_kg"])
    options = _options(path) if kind in ("choice", "multi") else ()
    return Question(path, label, kind, options, hint, none_label, core=path in core)


def _steps() -> tuple[Step, ...]:
    from app.domain.guide import CORE_QUESTIONS

    core = frozenset(CORE_QUESTIONS)
    steps = []
    for g in GUIDE:
        paths: list[str] = []
        for p in g.questions:
            paths.append(p)
            if p in EXTRA_AFTER:
                paths.append(EXTRA_AFTER[p])
        steps.append(
            Step(g.slug, g.title, INTROS.get(g.slug, ""), tuple(_question(p, core) for p in paths), g.private)
        )
    notes = (
        Question("notes.parents_said", WORDS["notes.parents_said"][0], "text"),
        Question("notes.observed", WORDS["notes.observed"][0], "text"),
        Question("notes.agreed_actions", WORDS["notes.agreed_actions"][0], "text"),
        Question("notes.follow_up", WORDS["notes.follow_up"][0], "date"),
    )
    steps.append(Step("notes", "Notes", INTROS["notes"], notes))
    return tuple(steps)


STEPS: tuple[Step, ...] = _steps()
STEP_SLUGS = tuple(s.slug for s in STEPS)
QUESTION_BY_PATH = {q.path: q for s in STEPS for q in s.questions}
STEP_OF = {q.path: s.slug for s in STEPS for q in s.questions}
STEP_OF["baby.birth_weight_lb"] = STEP_OF["baby.birth_weight_kg"]


def step_index(slug: str) -> int:
    """Position of a step (0-based); ValueError names the allowed slugs."""
    try:
        return STEP_SLUGS.index(slug)
    except ValueError:
        raise ValueError(f"step: must be one of: {', '.join(STEP_SLUGS)}") from None


def option_words(path: str, value: str) -> str:
    return OPTION_WORDS.get(path, {}).get(value, value.replace("_", " ").capitalize())


def words_for(path: str, value: object) -> str:
    """How an answer reads on screen ("Not recorded" when there is none)."""
    if value is None:
        return NOT_RECORDED
    q = QUESTION_BY_PATH.get(path)
    if isinstance(value, bool):
        return YES if value else NO
    if path == "visit.present" and isinstance(value, list):
        if not value:
            return q.none_label if q else "None"
        return ", ".join(
            f"{p.get('name', '')} ({option_words('relationship', str(p.get('relationship', '')))})"
            for p in value
            if isinstance(p, dict)
        )
    if path == "plan.out_of_routine" and isinstance(value, list):
        return (
            "; ".join(
                f"{option_words('situation', str(e.get('situation', '')))}: {e.get('arrangement', '')}"
                for e in value
                if isinstance(e, dict)
            )
            or "None"
        )
    if q is not None and q.options:
        names = dict(q.options)
        if isinstance(value, list):
            return ", ".join(names.get(str(v), str(v)) for v in value) if value else (q.none_label or "None")
        return names.get(str(value), str(value))
    if path == "baby.birth_weight_kg" and isinstance(value, int | float):
        return f"{value:g} kg"
    if path == "baby.birth_weight_lb" and isinstance(value, int | float):
        pounds, ounces = divmod(round(value * 16, 1), 16)
        return f"{int(pounds)} lb {ounces:g} oz"
    if path == "sleep.room_temperature_c" and isinstance(value, int | float):
        return f"{value:g} °C"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        import datetime as dt

        from app.ui.presenters import day

        try:
            return day(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)
