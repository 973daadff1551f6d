"""The guided visit: its steps and questions, with the words the practitioner sees.

Pure data (no Flet): the views draw it, the state validates against it, the tests walk it.
Every question is a dotted path of the `safesleep.visit/1` document, or a `notes.*` field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["yes_no", "choice", "multi", "integer", "number", "date", "text", "weight"]

YES, NO, NOT_RECORDED = "Yes", "No", "Not recorded"


@dataclass(frozen=True, slots=True)
class Question:
    path: str
    label: str
    kind: Kind
    options: tuple[tuple[str, str], ...] = ()  # (value, words shown)
    hint: str = ""
    none_label: str = ""  # multi: the choice meaning "none of these" (an empty list)

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


def _opts(*pairs: str) -> tuple[tuple[str, str], ...]:
    return tuple((pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2))


PLACES = _opts(
    "cot",
    "Cot",
    "moses_basket",
    "Moses basket",
    "bedside_crib",
    "Bedside crib",
    "travel_cot",
    "Travel cot",
    "pram",
    "Pram",
    "adult_bed",
    "Adult bed",
    "sofa",
    "Sofa",
    "armchair",
    "Armchair",
    "airbed",
    "Airbed",
    "car_seat",
    "Car seat",
    "sling",
    "Sling",
    "other",
    "Somewhere else",
)
ROOMS = _opts("parents_room", "Parents' room", "own_room", "Own room", "other", "Other room")
POSITIONS = _opts(
    "back", "On the back", "side", "On the side", "front", "On the front", "unknown", "Don't know"
)
MATTRESSES = _opts(
    "firm_flat_waterproof", "Firm, flat, waterproof", "soft_or_worn", "Soft or worn", "unknown", "Don't know"
)
ITEMS = _opts(
    "pillow",
    "Pillow",
    "duvet",
    "Duvet",
    "bumper",
    "Cot bumper",
    "soft_toy",
    "Soft toy",
    "pod_or_nest",
    "Pod or nest",
    "positioner",
    "Sleep positioner",
    "weighted_bedding",
    "Weighted bedding",
    "hot_water_bottle",
    "Hot water bottle",
    "loose_blanket",
    "Loose blanket",
)
BED_SHARING = _opts("never", "Never", "sometimes", "Sometimes", "usually", "Usually")
SURFACES = _opts("sofa", "Sofa", "armchair", "Armchair", "airbed", "Airbed")
VISIT_TYPES = _opts(
    "new_birth",
    "New birth",
    "6_8_week",
    "6–8 week",
    "targeted",
    "Targeted",
    "antenatal",
    "Antenatal",
    "other",
    "Other",
)


def _yn(path: str, label: str, hint: str = "") -> Question:
    return Question(path, label, "yes_no", hint=hint)


STEPS: tuple[Step, ...] = (
    Step(
        "baby",
        "Baby",
        "Date of birth, how many weeks at birth and the birth weight.",
        (
            Question("baby.date_of_birth", "Date of birth", "date", hint="YYYY-MM-DD"),
            Question("baby.gestation_weeks", "Gestation: weeks", "integer", hint="22 to 44"),
            Question("baby.gestation_days", "Gestation: days", "integer", hint="0 to 6"),
            Question("baby.birth_weight", "Birth weight", "weight", hint="0.3 to 7.0 kg"),
            Question("visit.type", "Type of visit", "choice", VISIT_TYPES),
        ),
    ),
    Step(
        "where",
        "Where baby sleeps",
        "Where baby sleeps, day and night. Ask to see it.",
        (
            Question("sleep.place", "Where does baby usually sleep, day and night?", "choice", PLACES),
            Question("sleep.room", "Which room?", "choice", ROOMS),
            _yn("sleep.seen", "Have you seen it?"),
        ),
    ),
    Step(
        "space",
        "The sleep space",
        "How baby is put down and what is in the sleep space.",
        (
            Question("sleep.position", "Position baby is put down in", "choice", POSITIONS),
            Question("sleep.mattress", "Mattress", "choice", MATTRESSES),
            Question(
                "sleep.items", "In the sleep space", "multi", ITEMS, none_label="Nothing in the sleep space"
            ),
            Question("sleep.room_temperature_c", "Room temperature (°C)", "number", hint="5 to 40"),
        ),
    ),
    Step(
        "sharing",
        "Sharing sleep",
        "Bed-sharing, sofas and armchairs, car seats and slings.",
        (
            Question("sleep.bed_sharing", "Does baby share a bed with an adult?", "choice", BED_SHARING),
            Question(
                "sleep.shared_surfaces",
                "Has a carer ever slept with baby on",
                "multi",
                SURFACES,
                none_label="None of these",
            ),
            _yn("sleep.car_seat_over_2h", "In a car seat for more than 2 hours at a time?"),
            _yn("sleep.sling", "Carried in a sling?"),
        ),
    ),
    Step(
        "carers",
        "The carers",
        "About the adults who care for baby or share sleep.",
        (
            _yn("carers.smoker_in_household", "Anyone in the household smokes?"),
            _yn("carers.smoked_in_pregnancy", "Smoked in pregnancy?"),
            _yn("carers.alcohol", "Alcohol (2 or more units) before sharing sleep?"),
            _yn("carers.drugs", "Drugs before sharing sleep?"),
            _yn("carers.sedating_medication", "Medication that causes drowsiness?"),
            _yn("carers.extreme_tiredness", "Extremely tired?"),
        ),
    ),
    Step(
        "feeding",
        "Feeding and dummy",
        "How baby is fed, and whether baby has a dummy.",
        (
            _yn("feeding.breastfed", "Breastfed (any breast milk)?"),
            _yn("feeding.dummy", "Dummy at sleep times?"),
        ),
    ),
    Step(
        "family",
        "Family context",
        "What you know of the household and what is coming up.",
        (
            _yn("family.domestic_abuse", "Domestic abuse?"),
            _yn("family.parental_mental_health", "Parental mental health concerns?"),
            _yn("family.substance_misuse", "Substance misuse?"),
            _yn("family.unidentified_adults", "Adults in the home you cannot identify?"),
            _yn(
                "family.out_of_routine_planned",
                "A change of routine coming up?",
                hint="A night away, visitors, a celebration",
            ),
        ),
        private=True,
    ),
    Step(
        "notes",
        "Notes",
        "What was said, what you saw, what was agreed.",
        (
            Question("notes.parents_said", "What the parents said", "text"),
            Question("notes.observed", "What you observed of baby", "text"),
            Question("notes.agreed_actions", "Agreed actions", "text"),
            Question("notes.follow_up", "Follow-up date", "date", hint="YYYY-MM-DD"),
        ),
    ),
)

NOTE_FIELDS = ("parents_said", "observed", "agreed_actions", "follow_up")
STEP_SLUGS = tuple(s.slug for s in STEPS)
QUESTION_BY_PATH = {q.path: q for s in STEPS for q in s.questions}


def step_index(slug: str) -> int:
    """Position of a step (0-based); ValueError names the allowed slugs."""
    try:
        return STEP_SLUGS.index(slug)
    except ValueError:
        raise ValueError(f"step: must be one of: {', '.join(STEP_SLUGS)}") from None


def words_for(path: str, value: object) -> str:
    """How an answer reads on screen ("Not recorded" when there is none)."""
    if value is None:
        return NOT_RECORDED
    q = QUESTION_BY_PATH.get(path)
    if isinstance(value, bool):
        return YES if value else NO
    if q is not None and q.options:
        names = dict(q.options)
        if isinstance(value, list):
            return ", ".join(names.get(v, v) for v in value) if value else (q.none_label or "None")
        return names.get(str(value), str(value))
    return str(value)
