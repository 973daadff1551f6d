"""Every rule of DESIGN.md, with its boundaries, as a table."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain import assess, parse_visit
from app.domain.assessment import FACTOR_CODES, PROMPT_CODES, QUESTIONS
from app.domain.guide import CORE_QUESTIONS
from tests.domain.factories import FULL_LOW_RISK, V1_EXAMPLE, visit_doc

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


# (case id, changes to the full low-risk visit, risk level, incomplete list)
LEVEL_CASES: list[tuple[str, dict[str, Any], str, list[str]]] = [
    ("complete, no factor", {}, "low", []),
    ("complete, increased factor", {"sleep__items": ["soft_toy"]}, "increased", []),
    ("complete, high factor", {"sleep__position": "front"}, "high", []),
    ("position unknown is incomplete", {"sleep__position": "unknown"}, "incomplete", ["sleep.position"]),
    ("position not recorded", {"sleep__position": None}, "incomplete", ["sleep.position"]),
    (
        "increased factor but a core question missing",
        {"sleep__items": ["pillow"], "carers__drugs": None},
        "incomplete",
        ["carers.drugs"],
    ),
    (
        "high factor wins over missing questions",
        {"sleep__shared_surfaces": ["sofa"], "carers__drugs": None, "sleep__seen": None},
        "high",
        ["sleep.seen", "carers.drugs"],
    ),
    (
        "weight in lb answers the weight",
        {"baby__birth_weight_kg": None, "baby__birth_weight_lb": 7.5},
        "low",
        [],
    ),
    ("no weight at all", {"baby__birth_weight_kg": None}, "incomplete", ["baby.birth_weight_kg"]),
    ("a non-core question missing stays low", {"sleep__mattress": None, "feeding__dummy": None}, "low", []),
    ("an empty list is an answer", {"sleep__items": [], "sleep__shared_surfaces": []}, "low", []),
]
CORE_MISSING_ONE_BY_ONE = [
    pytest.param({q.replace(".", "__"): None}, q, id=q)
    for q in (
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
]


@pytest.mark.parametrize(
    ("changes", "level", "missing"), [pytest.param(c, lv, m, id=i) for i, c, lv, m in LEVEL_CASES]
)
def test_risk_level_is_high_then_incomplete_then_increased_then_low(
    changes: dict[str, Any], level: str, missing: list[str]
):
    result = assess(parse_visit(visit_doc(**changes)))
    assert (result.risk_level.value, list(result.incomplete)) == (level, missing)
    assert ("complete_core_questions" in result.prompts) is bool(missing)


@pytest.mark.parametrize(("changes", "path"), CORE_MISSING_ONE_BY_ONE)
def test_each_core_question_left_out_makes_the_visit_incomplete(changes: dict[str, Any], path: str):
    result = assess(parse_visit(visit_doc(**changes)))
    assert result.incomplete == (path,)
    assert result.risk_level == "incomplete"


def test_an_empty_visit_is_incomplete_never_low_and_lists_every_question():
    result = assess(parse_visit({"format": "safesleep.visit/2"}))
    assert result.risk_level == "incomplete"
    assert result.factors == ()
    assert list(result.unanswered) == list(QUESTIONS)
    assert list(result.incomplete) == list(CORE_QUESTIONS)
    assert result.prompts == (
        "ask_to_see_sleep_space",
        "see_the_baby",
        "bed_sharing_safety_advice",
        "complete_core_questions",
    )


def test_breastfed_alone_is_still_incomplete():
    result = assess(parse_visit({"format": "safesleep.visit/2", "feeding": {"breastfed": True}}))
    assert (result.risk_level, result.protective) == ("incomplete", ("breastfed",))


def test_a_v1_file_is_read_as_v2_with_the_new_questions_not_recorded():
    visit = parse_visit(V1_EXAMPLE)
    assert visit.format == "safesleep.visit/2" and visit.sleep.day_place is None
    result = assess(visit)
    assert result.risk_level == "high"
    assert "sleep.day_place" in result.unanswered and result.incomplete == ()
    assert visit.to_document()["format"] == "safesleep.visit/2"


# (family and plan answers, changes making the risk level, escalate)
ESCALATION_CASES: list[tuple[dict[str, Any], dict[str, Any], bool]] = [
    ({}, {}, False),
    ({"family__domestic_abuse": True}, {}, False),
    ({"family__domestic_abuse": True}, {"sleep__items": ["pillow"]}, False),
    ({"family__domestic_abuse": True}, {"sleep__shared_surfaces": ["sofa"]}, True),
    ({"family__parental_mental_health": True}, {"sleep__position": "side"}, True),
    ({"family__substance_misuse": True}, {"sleep__place": "sofa"}, True),
    ({"family__unidentified_adults": True}, {"sleep__position": "front"}, True),
    ({"family__social_care": "child_in_need"}, {"sleep__place": "airbed"}, True),
    ({"family__social_care": "child_protection"}, {"sleep__place": "airbed"}, True),
    ({"plan__advice_declined": True}, {"sleep__place": "armchair"}, True),
    # context that calls for a plan, not escalation, even with a high risk
    ({"family__out_of_routine_planned": True}, {"sleep__place": "airbed"}, False),
    ({"family__previous_infant_death": True}, {"sleep__place": "airbed"}, False),
    ({"family__social_care": "early_help"}, {"sleep__place": "airbed"}, False),
    ({"family__social_care": "none"}, {"sleep__place": "airbed"}, False),
    ({}, {"sleep__place": "sofa"}, False),
    # escalating context without a high risk
    ({"family__social_care": "child_protection"}, {}, False),
    ({"plan__advice_declined": True}, {"sleep__items": ["duvet"]}, False),
    ({"family__unidentified_adults": True}, {"sleep__position": None}, False),
    # two or more of the trio escalate whatever the risk
    ({"family__domestic_abuse": True, "family__parental_mental_health": True}, {}, True),
    ({"family__domestic_abuse": True, "family__substance_misuse": True}, {}, True),
    ({"family__parental_mental_health": True, "family__substance_misuse": True}, {}, True),
    (
        {"family__domestic_abuse": True, "family__parental_mental_health": True},
        {"sleep__position": None, "carers__drugs": None},
        True,
    ),
    ({"family__unidentified_adults": True, "family__out_of_routine_planned": True}, {}, False),
    ({"family__substance_misuse": True, "family__unidentified_adults": True}, {}, False),
]


@pytest.mark.parametrize(("context", "level_changes", "escalate"), ESCALATION_CASES)
def test_escalation_follows_high_risk_with_escalating_context_or_two_of_the_trio(
    context: dict[str, Any], level_changes: dict[str, Any], escalate: bool
):
    result = assess(parse_visit(visit_doc(**level_changes, **context)))
    assert result.escalate is escalate
    assert ("discuss_with_supervisor" in result.prompts) is escalate


def test_context_lists_the_true_answers_then_social_care_then_advice_declined():
    doc = visit_doc(
        family__out_of_routine_planned=True,
        family__domestic_abuse=True,
        family__substance_misuse=False,
        family__unidentified_adults=True,
        family__previous_infant_death=True,
        family__social_care="child_protection",
        plan__advice_declined=True,
    )
    assert assess(parse_visit(doc)).context == (
        "domestic_abuse",
        "unidentified_adults",
        "out_of_routine_planned",
        "previous_infant_death",
        "child_protection",
        "advice_declined",
    )


@pytest.mark.parametrize(
    ("social_care", "expected"),
    [("none", ()), ("early_help", ("early_help",)), ("child_in_need", ("child_in_need",)), (None, ())],
)
def test_social_care_appears_in_context_by_its_value(social_care: str | None, expected: tuple[str, ...]):
    assert assess(parse_visit(visit_doc(family__social_care=social_care))).context == expected


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


SAFE = "bed_sharing_safety_advice"
NOT_SAFE = "bed_sharing_not_safe"
PROMPT_CASES: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
    ("complete low-risk visit", {}, (SAFE,)),
    ("sleep space not seen", {"sleep__seen": False}, ("ask_to_see_sleep_space", SAFE)),
    (
        "sleep space not recorded",
        {"sleep__seen": None},
        ("ask_to_see_sleep_space", SAFE, "complete_core_questions"),
    ),
    ("baby not seen", {"visit__baby_seen": False}, ("see_the_baby", SAFE)),
    ("baby seen not recorded", {"visit__baby_seen": None}, ("see_the_baby", SAFE)),
    ("bed-sharing without danger", {"sleep__bed_sharing": "usually"}, (SAFE,)),
    ("adult bed without danger", {"sleep__place": "adult_bed"}, (SAFE,)),
    ("premature, never bed-sharing", {"baby__gestation_weeks": 36}, (NOT_SAFE,)),
    ("37 weeks is not premature", {"baby__gestation_weeks": 37}, (SAFE,)),
    ("low birth weight", {"baby__birth_weight_kg": 2.49}, (NOT_SAFE,)),
    ("2.5 kg is not low", {"baby__birth_weight_kg": 2.5}, (SAFE,)),
    ("5.5 lb is low", {"baby__birth_weight_kg": None, "baby__birth_weight_lb": 5.5}, (NOT_SAFE,)),
    ("smoker", {"carers__smoker_in_household": True}, (NOT_SAFE, "stop_smoking_support")),
    ("smoked in pregnancy only", {"carers__smoked_in_pregnancy": True}, (SAFE, "stop_smoking_support")),
    ("any alcohol", {"carers__alcohol": True}, (NOT_SAFE,)),
    ("drugs", {"carers__drugs": True}, (NOT_SAFE,)),
    ("drowsy medicine", {"carers__sedating_medication": True}, (NOT_SAFE,)),
    ("extremely tired", {"carers__extreme_tiredness": True}, (NOT_SAFE,)),
    ("danger and bed-sharing", {"carers__alcohol": True, "sleep__bed_sharing": "sometimes"}, (NOT_SAFE,)),
    ("sling used", {"sleep__sling": True}, (SAFE, "sling_safety")),
    ("usually sleeps in a sling", {"sleep__place": "sling"}, (SAFE, "sling_safety")),
    ("naps in a sling", {"sleep__day_place": "sling", "sleep__sling": False}, (SAFE, "sling_safety")),
    ("twins", {"baby__multiple_birth": True}, (SAFE, "twins_sleep_advice")),
    ("change of routine", {"family__out_of_routine_planned": True}, (SAFE, "out_of_routine_plan")),
    ("unidentified adults", {"family__unidentified_adults": True}, (SAFE, "be_curious_about_adults")),
    ("previous infant death", {"family__previous_infant_death": True}, (SAFE, "care_of_next_infant")),
    (
        "two of the trio",
        {"family__domestic_abuse": True, "family__substance_misuse": True},
        (SAFE, "discuss_with_supervisor"),
    ),
    (
        "every prompt at once",
        {
            "sleep__seen": False,
            "visit__baby_seen": False,
            "sleep__bed_sharing": "sometimes",
            "carers__alcohol": True,
            "carers__smoker_in_household": True,
            "sleep__sling": True,
            "baby__multiple_birth": True,
            "family__unidentified_adults": True,
            "family__out_of_routine_planned": True,
            "family__previous_infant_death": True,
            "carers__drugs": None,
        },
        (
            "ask_to_see_sleep_space",
            "see_the_baby",
            NOT_SAFE,
            "sling_safety",
            "twins_sleep_advice",
            "stop_smoking_support",
            "out_of_routine_plan",
            "be_curious_about_adults",
            "care_of_next_infant",
            "complete_core_questions",
            "discuss_with_supervisor",
        ),
    ),
]


@pytest.mark.parametrize(("changes", "expected"), [pytest.param(c, e, id=i) for i, c, e in PROMPT_CASES])
def test_prompts_come_in_design_order(changes: dict[str, Any], expected: tuple[str, ...]):
    assert assess(parse_visit(visit_doc(**changes))).prompts == expected


def test_the_prompt_table_exercises_every_prompt_code():
    assert {p for _, _, prompts in PROMPT_CASES for p in prompts} == set(PROMPT_CODES)


def test_unanswered_names_each_missing_question_in_guide_order_and_accepts_weight_in_lb():
    doc = visit_doc(
        sleep__position=None,
        carers__drugs=None,
        baby__birth_weight_kg=None,
        baby__birth_weight_lb=7.1,
        plan__advice_declined=None,
        visit__present=None,
        sleep__day_place=None,
    )
    assert assess(parse_visit(doc)).unanswered == (
        "visit.present",
        "sleep.day_place",
        "sleep.position",
        "carers.drugs",
        "plan.advice_declined",
    )


def test_a_complete_visit_has_nothing_unanswered():
    assert assess(parse_visit(FULL_LOW_RISK)).unanswered == ()


def test_the_guide_asks_every_core_question_in_the_same_order():
    assert [q for q in QUESTIONS if q in CORE_QUESTIONS] == list(CORE_QUESTIONS)
    assert len(set(QUESTIONS)) == len(QUESTIONS)


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
        "incomplete",
        "guidance_version",
    }
    assert out["risk_level"] == "high" and out["escalate"] is True
    assert set(out["factors"][0]) == {"code", "severity", "title", "advice", "source_url"}
    assert out["factors"][0]["code"] == "sofa_or_armchair_sharing"
    assert out["factors"][0]["source_url"].startswith(
        ("https://www.lullabytrust.org.uk/", "https://littlelullaby.org.uk/")
    )
    assert out["context"] == ["domestic_abuse"]
    assert out["protective"] == ["breastfed", "room_sharing"]
    assert out["prompts"] == [
        "ask_to_see_sleep_space",
        "bed_sharing_safety_advice",
        "complete_core_questions",
        "discuss_with_supervisor",
    ]
    assert out["unanswered"] == ["sleep.position"]
    assert out["incomplete"] == ["sleep.position"]
    assert out["guidance_version"]
