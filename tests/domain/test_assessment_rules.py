"""Every rule of DESIGN.md, with its boundaries, as a table."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain import assess, parse_visit
from app.domain.assessment import FACTOR_CODES, QUESTIONS
from tests.domain.factories import FULL_LOW_RISK, visit_doc

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
    ("other room young baby", {"sleep__room": "other"}, []),
    ("usual place car seat", {"sleep__place": "car_seat"}, ["unsafe_sleep_place"]),
    ("usual place sling", {"sleep__place": "sling"}, ["unsafe_sleep_place"]),
    ("car seat over 2 h", {"sleep__car_seat_over_2h": True}, ["unsafe_sleep_place"]),
    ("sling used but sleeps in cot", {"sleep__sling": True}, []),
    ("usual place adult bed", {"sleep__place": "adult_bed"}, []),
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


def test_increased_factor_alone_gives_increased_risk():
    result = assess(parse_visit(visit_doc(sleep__items=["soft_toy"])))
    assert result.risk_level == "increased"


def test_no_factor_gives_low_risk():
    assert assess(parse_visit(FULL_LOW_RISK)).risk_level == "low"


def test_an_empty_visit_is_low_risk_but_lists_every_question_as_unanswered():
    result = assess(parse_visit({"format": "safesleep.visit/1"}))
    assert result.risk_level == "low"
    assert result.factors == ()
    assert list(result.unanswered) == list(QUESTIONS)
    assert result.prompts == ("ask_to_see_sleep_space",)


@pytest.mark.parametrize(
    ("family", "level_changes", "escalate"),
    [
        ({}, {}, False),
        ({"domestic_abuse": True}, {}, False),
        ({"domestic_abuse": True}, {"sleep__items": ["pillow"]}, False),
        ({"domestic_abuse": True}, {"sleep__shared_surfaces": ["sofa"]}, True),
        ({"unidentified_adults": True}, {"sleep__position": "front"}, True),
        ({"out_of_routine_planned": True}, {"sleep__place": "airbed"}, True),
        ({}, {"sleep__place": "sofa"}, False),
        ({"domestic_abuse": True, "parental_mental_health": True}, {}, True),
        ({"domestic_abuse": True, "substance_misuse": True}, {}, True),
        ({"parental_mental_health": True, "substance_misuse": True}, {}, True),
        ({"unidentified_adults": True, "out_of_routine_planned": True}, {}, False),
        ({"substance_misuse": True, "unidentified_adults": True}, {}, False),
    ],
)
def test_escalation_follows_high_risk_with_context_or_two_combining_issues(
    family: dict[str, bool], level_changes: dict[str, Any], escalate: bool
):
    doc = visit_doc(**level_changes, **{f"family__{k}": v for k, v in family.items()})
    result = assess(parse_visit(doc))
    assert result.escalate is escalate
    assert ("discuss_with_supervisor" in result.prompts) is escalate


def test_context_lists_the_true_family_answers_in_design_order():
    doc = visit_doc(
        family__out_of_routine_planned=True,
        family__domestic_abuse=True,
        family__substance_misuse=False,
        family__unidentified_adults=True,
    )
    assert assess(parse_visit(doc)).context == (
        "domestic_abuse",
        "unidentified_adults",
        "out_of_routine_planned",
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, ("room_sharing", "back_sleeping")),
        (
            {"feeding__breastfed": True, "feeding__dummy": True},
            ("breastfed", "dummy", "room_sharing", "back_sleeping"),
        ),
        ({"sleep__room": "own_room", "sleep__position": "side"}, ()),
        ({"sleep__room": None, "sleep__position": None, "feeding__breastfed": True}, ("breastfed",)),
    ],
)
def test_protective_factors(changes: dict[str, Any], expected: tuple[str, ...]):
    assert assess(parse_visit(visit_doc(**changes))).protective == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, ()),
        ({"sleep__seen": False}, ("ask_to_see_sleep_space",)),
        ({"sleep__seen": None}, ("ask_to_see_sleep_space",)),
        ({"sleep__bed_sharing": "usually"}, ("bed_sharing_safety_advice",)),
        ({"sleep__place": "adult_bed"}, ("bed_sharing_safety_advice",)),
        ({"family__out_of_routine_planned": True}, ("out_of_routine_plan",)),
        ({"family__unidentified_adults": True}, ("be_curious_about_adults",)),
        ({"family__domestic_abuse": True, "family__substance_misuse": True}, ("discuss_with_supervisor",)),
        (
            {
                "sleep__seen": False,
                "sleep__bed_sharing": "sometimes",
                "carers__alcohol": True,
                "family__unidentified_adults": True,
                "family__out_of_routine_planned": True,
            },
            (
                "ask_to_see_sleep_space",
                "bed_sharing_safety_advice",
                "out_of_routine_plan",
                "be_curious_about_adults",
                "discuss_with_supervisor",
            ),
        ),
    ],
)
def test_prompts(changes: dict[str, Any], expected: tuple[str, ...]):
    assert assess(parse_visit(visit_doc(**changes))).prompts == expected


def test_unanswered_names_each_missing_question_and_accepts_weight_in_lb():
    doc = visit_doc(
        sleep__position=None, carers__drugs=None, baby__birth_weight_kg=None, baby__birth_weight_lb=7.1
    )
    assert assess(parse_visit(doc)).unanswered == ("sleep.position", "carers.drugs")


def test_a_complete_visit_has_nothing_unanswered():
    assert assess(parse_visit(FULL_LOW_RISK)).unanswered == ()


def test_assessment_json_has_the_design_shape():
    doc = visit_doc(
        sleep__shared_surfaces=["sofa"],
        family__domestic_abuse=True,
        feeding__breastfed=True,
        sleep__seen=False,
        sleep__position=None,
    )
    out = assess(parse_visit(doc)).to_json()
    assert set(out) == {
        "risk_level",
        "escalate",
        "factors",
        "context",
        "protective",
        "prompts",
        "unanswered",
        "guidance_version",
    }
    assert out["risk_level"] == "high" and out["escalate"] is True
    assert set(out["factors"][0]) == {"code", "severity", "title", "advice", "source_url"}
    assert out["factors"][0]["code"] == "sofa_or_armchair_sharing"
    assert out["factors"][0]["source_url"].startswith("https://www.lullabytrust.org.uk/")
    assert out["context"] == ["domestic_abuse"]
    assert out["protective"] == ["breastfed", "room_sharing"]
    assert out["prompts"] == ["ask_to_see_sleep_space", "discuss_with_supervisor"]
    assert out["unanswered"] == ["sleep.position"]
    assert out["guidance_version"]
