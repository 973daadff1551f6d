"""Risk levels, incompleteness, escalation, context and protective factors of DESIGN.md, as tables."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain import assess, parse_visit
from app.domain.assessment import QUESTIONS
from app.domain.guide import CORE_QUESTIONS
from tests.domain.factories import V1_EXAMPLE, visit_doc

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
