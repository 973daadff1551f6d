"""The prompts of DESIGN.md in their order, the unanswered questions, and the assessment's JSON shape."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain import assess, parse_visit
from app.domain.assessment import PROMPT_CODES, QUESTIONS
from app.domain.guide import CORE_QUESTIONS
from tests.domain.factories import FULL_LOW_RISK, visit_doc

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
