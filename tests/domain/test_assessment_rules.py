"""Every rule of DESIGN.md, with its boundaries, as a table."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain import assess, parse_visit
from app.domain.assessment import FACTOR_CODES
from tests.domain.factories import visit_doc

BED_SHARING = {"sleep__bed_sharing": "sometimes"}

# (case id, changes to the full low-risk visit, the factor codes expected, in rule order)
FACTOR_CASES: list[tuple[str, dict[str, Any], list[str]]] = [
    ("nothing", {}, []),
    ("sofa shared", {"sleep__shared_surfaces": ["sofa"]}, ["sofa_or_armchair_sharing"]),
    ("armchair shared", {"sleep__shared_surfaces": ["armchair"]}, ["sofa_or_armchair_sharing"]),
    ("usual place sofa", {"sleep__place": "sofa"}, ["sofa_or_armchair_sharing"]),
    ("usual place armchair", {"sleep__place": "armchair"}, ["sofa_or_armchair_sharing"]),
    ("airbed shared", {"sleep__shared_surfaces": ["airbed"]}, ["airbed_sharing"]),
    ("usual place airbed", {"sleep__place": "airbed"}, ["airbed_sharing"]),
    (
        "all surfaces",
        {"sleep__shared_surfaces": ["sofa", "airbed", "armchair"]},
        ["sofa_or_armchair_sharing", "airbed_sharing"],
    ),
    ("bed-sharing alone", BED_SHARING, []),
    ("usually bed-sharing alone", {"sleep__bed_sharing": "usually"}, []),
    ("alcohol without bed-sharing", {"carers__alcohol": True}, []),
    (
        "bed-sharing after alcohol",
        {**BED_SHARING, "carers__alcohol": True},
        ["bed_sharing_after_alcohol_or_drugs"],
    ),
    (
        "bed-sharing after drugs",
        {**BED_SHARING, "carers__drugs": True},
        ["bed_sharing_after_alcohol_or_drugs"],
    ),
    (
        "bed-sharing on drowsy medicine",
        {**BED_SHARING, "carers__sedating_medication": True},
        ["bed_sharing_after_alcohol_or_drugs"],
    ),
    (
        "adult bed after alcohol",
        {"sleep__place": "adult_bed", "carers__alcohol": True},
        ["bed_sharing_after_alcohol_or_drugs"],
    ),
    (
        "adult bed with never recorded",
        {"sleep__place": "adult_bed", "sleep__bed_sharing": "never", "carers__drugs": True},
        ["bed_sharing_after_alcohol_or_drugs"],
    ),
    (
        "bed-sharing with smoker",
        {**BED_SHARING, "carers__smoker_in_household": True},
        ["bed_sharing_with_smoker", "smoking"],
    ),
    (
        "smoked in pregnancy and bed-sharing",
        {**BED_SHARING, "carers__smoked_in_pregnancy": True},
        ["smoking"],
    ),
    ("smoker without bed-sharing", {"carers__smoker_in_household": True}, ["smoking"]),
    ("smoked in pregnancy", {"carers__smoked_in_pregnancy": True}, ["smoking"]),
    (
        "bed-sharing premature 36+6",
        {**BED_SHARING, "baby__gestation_weeks": 36, "baby__gestation_days": 6},
        ["bed_sharing_premature", "premature"],
    ),
    ("bed-sharing at 37+0", {**BED_SHARING, "baby__gestation_weeks": 37, "baby__gestation_days": 0}, []),
    ("premature 36+6", {"baby__gestation_weeks": 36, "baby__gestation_days": 6}, ["premature"]),
    ("term 37+0", {"baby__gestation_weeks": 37, "baby__gestation_days": 0}, []),
    ("very premature 24 weeks", {"baby__gestation_weeks": 24}, ["premature"]),
    (
        "bed-sharing low birth weight 2.49",
        {**BED_SHARING, "baby__birth_weight_kg": 2.49},
        ["bed_sharing_low_birth_weight", "low_birth_weight"],
    ),
    ("bed-sharing at 2.5 kg", {**BED_SHARING, "baby__birth_weight_kg": 2.5}, []),
    ("low birth weight 2.49", {"baby__birth_weight_kg": 2.49}, ["low_birth_weight"]),
    ("birth weight 2.5", {"baby__birth_weight_kg": 2.5}, []),
    (
        "5.5 lb is under 2.5 kg",
        {"baby__birth_weight_kg": None, "baby__birth_weight_lb": 5.5},
        ["low_birth_weight"],
    ),
    ("5.52 lb is 2.504 kg", {"baby__birth_weight_kg": None, "baby__birth_weight_lb": 5.52}, []),
    (
        "bed-sharing extremely tired",
        {**BED_SHARING, "carers__extreme_tiredness": True},
        ["bed_sharing_extreme_tiredness"],
    ),
    ("extremely tired without bed-sharing", {"carers__extreme_tiredness": True}, []),
    ("side sleeping", {"sleep__position": "side"}, ["not_on_back"]),
    ("front sleeping", {"sleep__position": "front"}, ["not_on_back"]),
    ("position unknown", {"sleep__position": "unknown"}, []),
    ("one item", {"sleep__items": ["pillow"]}, ["items_in_sleep_space"]),
    (
        "many items",
        {"sleep__items": ["duvet", "bumper", "pod_or_nest", "weighted_bedding"]},
        ["items_in_sleep_space"],
    ),
    ("soft mattress", {"sleep__mattress": "soft_or_worn"}, ["unsuitable_mattress"]),
    ("mattress unknown", {"sleep__mattress": "unknown"}, []),
    ("room 15.9", {"sleep__room_temperature_c": 15.9}, ["room_temperature"]),
    ("room 16", {"sleep__room_temperature_c": 16}, []),
    ("room 20", {"sleep__room_temperature_c": 20}, []),
    ("room 20.1", {"sleep__room_temperature_c": 20.1}, ["room_temperature"]),
    (
        "own room at 182 days",
        {"sleep__room": "own_room", "baby__date_of_birth": "2026-05-22"},
        ["not_room_sharing"],
    ),
    ("own room at 183 days", {"sleep__room": "own_room", "baby__date_of_birth": "2026-05-21"}, []),
    ("own room, age unknown", {"sleep__room": "own_room", "baby__date_of_birth": None}, []),
    ("other room young baby", {"sleep__room": "other"}, ["not_room_sharing"]),
    ("other room at 183 days", {"sleep__room": "other", "baby__date_of_birth": "2026-05-21"}, []),
    ("parents' room young baby", {"sleep__room": "parents_room"}, []),
    ("usual place car seat", {"sleep__place": "car_seat"}, ["unsafe_sleep_place"]),
    ("usual place sling", {"sleep__place": "sling"}, ["unsafe_sleep_place"]),
    ("usual place bouncer or swing", {"sleep__place": "bouncer_or_swing"}, ["unsafe_sleep_place"]),
    ("usual place beanbag or cushion", {"sleep__place": "beanbag_or_cushion"}, ["unsafe_sleep_place"]),
    ("day place car seat", {"sleep__day_place": "car_seat"}, ["unsafe_sleep_place"]),
    ("day place sling", {"sleep__day_place": "sling"}, ["unsafe_sleep_place"]),
    ("day place bouncer or swing", {"sleep__day_place": "bouncer_or_swing"}, ["unsafe_sleep_place"]),
    ("day place beanbag", {"sleep__day_place": "beanbag_or_cushion"}, ["unsafe_sleep_place"]),
    ("car seat over 2 h", {"sleep__car_seat_over_2h": True}, ["unsafe_sleep_place"]),
    ("sling used but sleeps in cot", {"sleep__sling": True}, []),
    ("usual place adult bed", {"sleep__place": "adult_bed"}, []),
    ("day place pram", {"sleep__day_place": "pram"}, []),
    ("day place sofa", {"sleep__day_place": "sofa"}, ["sofa_or_armchair_sharing"]),
    ("day place armchair", {"sleep__day_place": "armchair"}, ["sofa_or_armchair_sharing"]),
    ("day place airbed", {"sleep__day_place": "airbed"}, ["airbed_sharing"]),
    (
        "day place adult bed after alcohol",
        {"sleep__day_place": "adult_bed", "sleep__bed_sharing": "never", "carers__alcohol": True},
        ["bed_sharing_after_alcohol_or_drugs"],
    ),
    (
        "day place adult bed with smoker",
        {"sleep__day_place": "adult_bed", "carers__smoker_in_household": True},
        ["bed_sharing_with_smoker", "smoking"],
    ),
    ("swaddled", {"sleep__swaddled": True}, ["swaddled"]),
    ("not swaddled", {"sleep__swaddled": False}, []),
    ("head covered", {"sleep__head_covered": True}, ["head_covered"]),
    ("baby unwell", {"baby__unwell": True}, ["baby_unwell"]),
    (
        "bed-sharing with pets",
        {**BED_SHARING, "sleep__bed_sharing_with": ["pets"]},
        ["bed_sharing_with_others"],
    ),
    (
        "bed-sharing with other children and pets",
        {**BED_SHARING, "sleep__bed_sharing_with": ["other_children", "pets"]},
        ["bed_sharing_with_others"],
    ),
    ("pets recorded, never bed-sharing", {"sleep__bed_sharing_with": ["pets"]}, []),
    ("bed-sharing with nobody else", {**BED_SHARING, "sleep__bed_sharing_with": []}, []),
    (
        "adult bed day place with pets",
        {"sleep__day_place": "adult_bed", "sleep__bed_sharing_with": ["pets"]},
        ["bed_sharing_with_others"],
    ),
    ("bed-sharing twins", {**BED_SHARING, "baby__multiple_birth": True}, ["bed_sharing_multiples"]),
    ("twins, never bed-sharing", {"baby__multiple_birth": True}, []),
    (
        "everything high at once",
        {
            "sleep__place": "sofa",
            "sleep__day_place": "airbed",
            "sleep__bed_sharing": "usually",
            "sleep__position": "front",
            "carers__alcohol": True,
            "carers__smoker_in_household": True,
            "carers__extreme_tiredness": True,
            "baby__gestation_weeks": 30,
            "baby__birth_weight_kg": 1.4,
        },
        [
            "sofa_or_armchair_sharing",
            "airbed_sharing",
            "bed_sharing_after_alcohol_or_drugs",
            "bed_sharing_with_smoker",
            "bed_sharing_premature",
            "bed_sharing_low_birth_weight",
            "bed_sharing_extreme_tiredness",
            "not_on_back",
            "premature",
            "low_birth_weight",
            "smoking",
        ],
    ),
]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [pytest.param(c, e, id=i) for i, c, e in FACTOR_CASES],
)
def test_each_rule_fires_exactly_when_design_says(changes: dict[str, Any], expected: list[str]):
    result = assess(parse_visit(visit_doc(**changes)))
    assert [f.code for f in result.factors] == expected


def test_every_factor_code_is_exercised_by_the_table():
    exercised = {code for _, _, codes in FACTOR_CASES for code in codes}
    assert exercised == set(FACTOR_CODES)


def test_bed_sharing_after_alcohol_is_high_risk():
    result = assess(parse_visit(visit_doc(sleep__bed_sharing="usually", carers__alcohol=True)))
    assert result.risk_level == "high"
    assert result.factors[0].severity == "high"
