"""Sample visits for the leaflet tests and benchmark: low, high and many-factor."""

from __future__ import annotations

import copy
from typing import Any

from app.store.demo_data import SAFER_ANSWERS

LOW_RISK: dict[str, Any] = {
    "format": "safesleep.visit/1",
    "visit": {"date": "2026-11-20", "type": "new_birth"},
    "practitioner": {"name": "Alex Visitor", "phone": "023 8000 1234"},
    "baby": {
        "name": "Sam Taylor",
        "date_of_birth": "2026-11-02",
        "gestation_weeks": 40,
        "birth_weight_kg": 3.4,
    },
    **copy.deepcopy(SAFER_ANSWERS),
}


def _with(base: dict[str, Any], **sections: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(base)
    for name, fields in sections.items():
        doc.setdefault(name, {}).update(fields)
    return doc


# A typical high-risk visit: sofa sharing, bed-sharing after a drink, a pillow in the cot,
# with safeguarding context that must never reach the sheet.
HIGH_RISK = _with(
    LOW_RISK,
    baby={"name": "Ruby", "date_of_birth": "2026-10-30"},
    sleep={
        "place": "moses_basket",
        "bed_sharing": "sometimes",
        "shared_surfaces": ["sofa"],
        "items": ["pillow"],
        "seen": False,
    },
    carers={"alcohol": True},
    feeding={"breastfed": False, "dummy": True},
    family={
        "domestic_abuse": True,
        "parental_mental_health": True,
        "substance_misuse": True,
        "unidentified_adults": True,
        "out_of_routine_planned": True,
    },
)

# The typical high-risk visit of issue 13: sofa, bed-sharing after a drink, born early and small,
# a smoker at home. Must fit on two A4 pages with a three-point plan.
TYPICAL_HIGH = _with(
    HIGH_RISK,
    baby={"name": "Ruby", "gestation_weeks": 35, "gestation_days": 3, "birth_weight_kg": 2.3},
    carers={"smoker_in_household": True},
)

# Increased risk only: a soft toy in the cot and a warm room.
INCREASED = _with(LOW_RISK, baby={"name": "Leo"}, sleep={"items": ["soft_toy"], "room_temperature_c": 23})

# Every factor at once (a stress test for layout), with the family's plans for different nights.
MANY_FACTORS = _with(
    LOW_RISK,
    practitioner={"name": "Jo O’Neill-Smith", "phone": "07700 900123"},
    baby={
        "name": "Alexandria-Rose",
        "date_of_birth": "2026-10-01",
        "gestation_weeks": 34,
        "gestation_days": 2,
        "birth_weight_kg": 2.1,
        "multiple_birth": True,
        "unwell": True,
    },
    sleep={
        "place": "car_seat",
        "room": "own_room",
        "seen": False,
        "position": "front",
        "mattress": "soft_or_worn",
        "items": ["pillow", "duvet", "bumper", "pod_or_nest"],
        "room_temperature_c": 24,
        "bed_sharing": "usually",
        "shared_surfaces": ["sofa", "armchair", "airbed"],
        "car_seat_over_2h": True,
        "day_place": "bouncer_or_swing",
        "swaddled": True,
        "head_covered": True,
        "bed_sharing_with": ["other_children", "pets"],
        "sling": True,
    },
    carers={
        "smoker_in_household": True,
        "smoked_in_pregnancy": True,
        "alcohol": True,
        "drugs": True,
        "sedating_medication": True,
        "extreme_tiredness": True,
    },
    feeding={"breastfed": False, "dummy": False},
    family={
        "domestic_abuse": True,
        "parental_mental_health": True,
        "substance_misuse": True,
        "unidentified_adults": True,
        "out_of_routine_planned": True,
        "previous_infant_death": True,
        "social_care": "child_protection",
    },
    plan={
        "advice_declined": True,
        "out_of_routine": [
            {"situation": "night_away", "arrangement": "Travel cot at Nan's; Dad stays sober"},
            {"situation": "holiday", "arrangement": "Borrow the travel cot from the children's centre"},
        ],
    },
)
MANY_FACTORS["format"] = "safesleep.visit/2"

# Nothing recorded beyond the format: the leaflet must still make sense.
EMPTY: dict[str, Any] = {"format": "safesleep.visit/1"}

PLAN = [
    "Ruby sleeps in her Moses basket next to your bed for every sleep.",
    "If you feel sleepy on the sofa, put Ruby down in her basket first.",
    "Take the pillow out of the basket tonight.",
]
