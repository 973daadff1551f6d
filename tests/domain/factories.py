"""Builders for visit documents used across the tests."""

from __future__ import annotations

import copy
from typing import Any

from app.domain.values import VISIT_FORMAT, VISIT_FORMAT_V1

FULL_LOW_RISK: dict[str, Any] = {
    "format": VISIT_FORMAT,
    "visit": {
        "date": "2026-11-20",
        "type": "new_birth",
        "baby_seen": True,
        "present": [{"name": "Jo", "relationship": "mother"}],
    },
    "practitioner": {"name": "A. Visitor", "phone": "023 0000 0000"},
    "baby": {
        "name": "Sam",
        "date_of_birth": "2026-11-02",
        "gestation_weeks": 39,
        "gestation_days": 2,
        "birth_weight_kg": 3.4,
        "multiple_birth": False,
        "unwell": False,
    },
    "sleep": {
        "place": "cot",
        "day_place": "moses_basket",
        "room": "parents_room",
        "seen": True,
        "position": "back",
        "mattress": "firm_flat_waterproof",
        "items": [],
        "room_temperature_c": 18,
        "swaddled": False,
        "head_covered": False,
        "bed_sharing": "never",
        "bed_sharing_with": [],
        "shared_surfaces": [],
        "car_seat_over_2h": False,
        "sling": False,
    },
    "carers": {
        "smoker_in_household": False,
        "smoked_in_pregnancy": False,
        "alcohol": False,
        "drugs": False,
        "sedating_medication": False,
        "extreme_tiredness": False,
    },
    "feeding": {"breastfed": False, "dummy": False},
    "family": {
        "domestic_abuse": False,
        "parental_mental_health": False,
        "substance_misuse": False,
        "unidentified_adults": False,
        "out_of_routine_planned": False,
        "previous_infant_death": False,
        "social_care": "none",
    },
    "plan": {"advice_declined": False, "out_of_routine": []},
}

V1_EXAMPLE: dict[str, Any] = {
    "format": VISIT_FORMAT_V1,
    "visit": {"date": "2026-11-20", "type": "new_birth"},
    "practitioner": {"name": "A. Visitor", "phone": "023 0000 0000"},
    "baby": {
        "name": "Sam",
        "date_of_birth": "2026-11-02",
        "gestation_weeks": 36,
        "gestation_days": 4,
        "birth_weight_kg": 2.4,
    },
    "sleep": {
        "place": "cot",
        "room": "parents_room",
        "seen": True,
        "position": "back",
        "mattress": "firm_flat_waterproof",
        "items": ["pillow"],
        "room_temperature_c": 19,
        "bed_sharing": "never",
        "shared_surfaces": ["sofa"],
        "car_seat_over_2h": False,
        "sling": False,
    },
    "carers": {
        "smoker_in_household": False,
        "smoked_in_pregnancy": False,
        "alcohol": False,
        "drugs": False,
        "sedating_medication": False,
        "extreme_tiredness": False,
    },
    "feeding": {"breastfed": True, "dummy": False},
    "family": {
        "domestic_abuse": False,
        "parental_mental_health": False,
        "substance_misuse": False,
        "unidentified_adults": False,
        "out_of_routine_planned": False,
    },
}


def visit_doc(**changes: Any) -> dict[str, Any]:
    """The full low-risk visit with `section__field=value` changes (None removes the answer)."""
    doc = copy.deepcopy(FULL_LOW_RISK)
    for key, value in changes.items():
        section, field = key.split("__", 1)
        if value is None:
            doc[section].pop(field, None)
        else:
            doc[section][field] = value
    return doc
