"""Every allowed value, plausible range and threshold of the visit record: the one source.

The visit models, their error messages, the assessment rules, the store, the UI hints and the
server all import these; never copy a range or a list of values elsewhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

VISIT_FORMAT = "safesleep.visit/2"
VISIT_FORMAT_V1 = "safesleep.visit/1"
ACCEPTED_FORMATS = (VISIT_FORMAT, VISIT_FORMAT_V1)
KG_PER_LB = 0.45359237
OZ_PER_LB = 16


@dataclass(frozen=True, slots=True)
class Range:
    """A plausible range, inclusive at both ends, with its unit and how many decimals to show."""

    low: float
    high: float
    unit: str
    decimals: int = 0
    whole: bool = False

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def words(self) -> str:
        """'between 0.3 and 7.0 kg': the range in plain words."""
        lo, hi = (f"{x:.{self.decimals}f}" if self.decimals else f"{x:g}" for x in (self.low, self.high))
        return f"between {lo} and {hi} {self.unit}"


GESTATION_WEEKS = Range(22, 44, "weeks", whole=True)
GESTATION_DAYS = Range(0, 6, "days", whole=True)
BIRTH_WEIGHT_KG = Range(0.3, 7.0, "kg", decimals=1)
# The lb range lies inside the kg range once converted (0.67 lb = 0.304 kg, 15.43 lb = 6.999 kg).
BIRTH_WEIGHT_LB = Range(
    math.ceil(0.3 / KG_PER_LB * 100) / 100, math.floor(7.0 / KG_PER_LB * 100) / 100, "lb", decimals=2
)
ROOM_TEMPERATURE_C = Range(5, 40, "°C")
MAX_AGE_YEARS = 2

RANGES: dict[str, Range] = {
    "baby.gestation_weeks": GESTATION_WEEKS,
    "baby.gestation_days": GESTATION_DAYS,
    "baby.birth_weight_kg": BIRTH_WEIGHT_KG,
    "baby.birth_weight_lb": BIRTH_WEIGHT_LB,
    "sleep.room_temperature_c": ROOM_TEMPERATURE_C,
}

# Text and list limits: (min characters, max characters) and max entries.
NAME_CHARS = (1, 200)
PHONE_CHARS = (0, 50)
ARRANGEMENT_CHARS = (1, 300)
MAX_PRESENT = 20
MAX_OUT_OF_ROUTINE = 7

# Assessment thresholds (docs/visit-format.md, "The assessment").
PREMATURE_BEFORE_WEEKS = 37
LOW_BIRTH_WEIGHT_KG = 2.5
ROOM_TEMPERATURE_GUIDE_C = (16, 20)
ROOM_SHARING_DAYS = 183  # about 6 months


class VisitType(StrEnum):
    antenatal = "antenatal"
    new_birth = "new_birth"
    six_eight_week = "6_8_week"
    targeted = "targeted"
    other = "other"


class Relationship(StrEnum):
    mother = "mother"
    father = "father"
    partner = "partner"
    grandparent = "grandparent"
    other_relative = "other_relative"
    friend = "friend"
    other = "other"


class SleepPlace(StrEnum):
    cot = "cot"
    moses_basket = "moses_basket"
    bedside_crib = "bedside_crib"
    travel_cot = "travel_cot"
    pram = "pram"
    adult_bed = "adult_bed"
    sofa = "sofa"
    armchair = "armchair"
    airbed = "airbed"
    car_seat = "car_seat"
    sling = "sling"
    bouncer_or_swing = "bouncer_or_swing"
    beanbag_or_cushion = "beanbag_or_cushion"
    other = "other"


class Room(StrEnum):
    parents_room = "parents_room"
    own_room = "own_room"
    other = "other"


class Position(StrEnum):
    back = "back"
    side = "side"
    front = "front"
    unknown = "unknown"


class Mattress(StrEnum):
    firm_flat_waterproof = "firm_flat_waterproof"
    soft_or_worn = "soft_or_worn"
    unknown = "unknown"


class SleepItem(StrEnum):
    pillow = "pillow"
    duvet = "duvet"
    bumper = "bumper"
    soft_toy = "soft_toy"
    pod_or_nest = "pod_or_nest"
    positioner = "positioner"
    weighted_bedding = "weighted_bedding"
    hot_water_bottle = "hot_water_bottle"
    loose_blanket = "loose_blanket"


class BedSharing(StrEnum):
    never = "never"
    sometimes = "sometimes"
    usually = "usually"


class SharedSurface(StrEnum):
    sofa = "sofa"
    armchair = "armchair"
    airbed = "airbed"


class BedSharingWith(StrEnum):
    other_children = "other_children"
    pets = "pets"


class SocialCare(StrEnum):
    none = "none"
    early_help = "early_help"
    child_in_need = "child_in_need"
    child_protection = "child_protection"


class Situation(StrEnum):
    night_away = "night_away"
    visitors_or_celebration = "visitors_or_celebration"
    night_out = "night_out"
    holiday = "holiday"
    moving_house = "moving_house"
    illness = "illness"
    other = "other"


def allowed(enum: type[StrEnum]) -> tuple[str, ...]:
    """The allowed values of a choice, in their documented order."""
    return tuple(m.value for m in enum)


# Choices by dotted path (list fields: the values each item may take).
CHOICES: dict[str, type[StrEnum]] = {
    "visit.type": VisitType,
    "visit.present.relationship": Relationship,
    "sleep.place": SleepPlace,
    "sleep.day_place": SleepPlace,
    "sleep.room": Room,
    "sleep.position": Position,
    "sleep.mattress": Mattress,
    "sleep.items": SleepItem,
    "sleep.bed_sharing": BedSharing,
    "sleep.shared_surfaces": SharedSurface,
    "sleep.bed_sharing_with": BedSharingWith,
    "family.social_care": SocialCare,
    "plan.out_of_routine.situation": Situation,
}
