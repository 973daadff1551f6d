"""The visit file: what is accepted, and the field-path message for what is not."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain import Problem, VisitError, parse_visit
from tests.domain.factories import FULL_LOW_RISK, visit_doc


def problems(doc: Any) -> list[str]:
    with pytest.raises(VisitError) as caught:
        parse_visit(doc)
    assert all(isinstance(p, Problem) for p in caught.value.problems)
    return [str(p) for p in caught.value.problems]


def test_only_the_format_is_required():
    for fmt in ("safesleep.visit/1", "safesleep.visit/2"):
        visit = parse_visit({"format": fmt})
        assert (
            visit.sleep.place is None and visit.carers.alcohol is None and visit.plan.out_of_routine is None
        )


def test_a_missing_answer_is_not_recorded_never_no():
    visit = parse_visit(visit_doc(carers__alcohol=None))
    assert visit.carers.alcohol is None


def test_the_full_design_example_round_trips_through_the_document():
    visit = parse_visit(FULL_LOW_RISK)
    assert parse_visit(visit.to_document()) == visit
    assert visit.to_document()["baby"]["birth_weight_kg"] == 3.4


def test_json_text_and_bytes_are_accepted():
    assert parse_visit('{"format": "safesleep.visit/2"}') == parse_visit(b'{"format": "safesleep.visit/2"}')


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({}, 'format: must be "safesleep.visit/2" or "safesleep.visit/1"'),
        ({"format": "safesleep.visit/3"}, 'format: must be "safesleep.visit/2" or "safesleep.visit/1"'),
        (visit_doc(baby__birth_weight_kg=9), "baby.birth_weight_kg: must be between 0.3 and 7.0 kg"),
        (visit_doc(baby__birth_weight_kg=0.29), "baby.birth_weight_kg: must be between 0.3 and 7.0 kg"),
        (
            visit_doc(baby__birth_weight_kg="3"),
            "baby.birth_weight_kg: must be a number between 0.3 and 7.0 kg",
        ),
        (
            visit_doc(baby__birth_weight_kg=None, baby__birth_weight_lb=16),
            "baby.birth_weight_lb: must be between 0.67 and 15.43 lb",
        ),
        (
            visit_doc(baby__birth_weight_lb=7),
            "baby.birth_weight_lb: give birth_weight_kg or birth_weight_lb, not both",
        ),
        (visit_doc(baby__gestation_weeks=21), "baby.gestation_weeks: must be between 22 and 44 weeks"),
        (visit_doc(baby__gestation_weeks=45), "baby.gestation_weeks: must be between 22 and 44 weeks"),
        (
            visit_doc(baby__gestation_weeks=36.5),
            "baby.gestation_weeks: must be a whole number between 22 and 44 weeks",
        ),
        (visit_doc(baby__gestation_days=7), "baby.gestation_days: must be between 0 and 6 days"),
        (visit_doc(sleep__room_temperature_c=4.9), "sleep.room_temperature_c: must be between 5 and 40 °C"),
        (visit_doc(sleep__room_temperature_c=41), "sleep.room_temperature_c: must be between 5 and 40 °C"),
        (
            visit_doc(sleep__place="bed"),
            "sleep.place: must be one of: cot, moses_basket, bedside_crib, travel_cot, pram, "
            "adult_bed, sofa, armchair, airbed, car_seat, sling, bouncer_or_swing, beanbag_or_cushion, other",
        ),
        (
            visit_doc(sleep__day_place="nursery"),
            "sleep.day_place: must be one of: cot, moses_basket, bedside_crib, travel_cot, pram, "
            "adult_bed, sofa, armchair, airbed, car_seat, sling, bouncer_or_swing, beanbag_or_cushion, other",
        ),
        (
            visit_doc(visit__present=[{"name": "Jo", "relationship": "aunt"}]),
            "visit.present.0.relationship: must be one of: mother, father, partner, grandparent, "
            "other_relative, friend, other",
        ),
        (
            visit_doc(visit__present=[{"name": "Jo", "relationship": "mother"}, {"relationship": "father"}]),
            "visit.present.1.name: required: text of 1 to 200 characters",
        ),
        (
            visit_doc(visit__present=[{"name": "", "relationship": "mother"}]),
            "visit.present.0.name: must not be empty; give text of 1 to 200 characters",
        ),
        (
            visit_doc(visit__present=[{"name": "x" * 201, "relationship": "mother"}]),
            "visit.present.0.name: must be at most 200 characters",
        ),
        (
            visit_doc(visit__present=[{"name": "Jo", "relationship": "mother", "age": 30}]),
            "visit.present.0.age: unknown field; allowed: name, relationship",
        ),
        (
            visit_doc(visit__present=[{"name": "Jo", "relationship": "mother"}] * 21),
            "visit.present: must have at most 20 entries",
        ),
        (visit_doc(visit__present="Jo"), "visit.present: must be a list of at most 20 entries"),
        (visit_doc(visit__baby_seen="yes"), "visit.baby_seen: must be true or false"),
        (
            visit_doc(plan__out_of_routine=[{"situation": "party", "arrangement": "x"}]),
            "plan.out_of_routine.0.situation: must be one of: night_away, visitors_or_celebration, "
            "night_out, holiday, moving_house, illness, other",
        ),
        (
            visit_doc(plan__out_of_routine=[{"situation": "holiday"}]),
            "plan.out_of_routine.0.arrangement: required: text of 1 to 300 characters",
        ),
        (
            visit_doc(plan__out_of_routine=[{"situation": "holiday", "arrangement": "x" * 301}]),
            "plan.out_of_routine.0.arrangement: must be at most 300 characters",
        ),
        (
            visit_doc(plan__out_of_routine=[{"situation": "holiday", "arrangement": "Travel cot"}] * 8),
            "plan.out_of_routine: must have at most 7 entries",
        ),
        (visit_doc(plan__advice_declined=0), "plan.advice_declined: must be true or false"),
        (
            visit_doc(family__social_care="cin"),
            "family.social_care: must be one of: none, early_help, child_in_need, child_protection",
        ),
        (
            visit_doc(sleep__bed_sharing_with=["dog"]),
            "sleep.bed_sharing_with.0: must be one of: other_children, pets",
        ),
        (visit_doc(sleep__swaddled="no"), "sleep.swaddled: must be true or false"),
        (visit_doc(sleep__head_covered=1), "sleep.head_covered: must be true or false"),
        (visit_doc(baby__multiple_birth="twins"), "baby.multiple_birth: must be true or false"),
        (
            visit_doc(baby__unwell=None, baby__birth_weight_kg=7.01),
            "baby.birth_weight_kg: must be between 0.3 and 7.0 kg",
        ),
        (visit_doc(sleep__room="nursery"), "sleep.room: must be one of: parents_room, own_room, other"),
        (visit_doc(sleep__position="tummy"), "sleep.position: must be one of: back, side, front, unknown"),
        (
            visit_doc(sleep__mattress="hard"),
            "sleep.mattress: must be one of: firm_flat_waterproof, soft_or_worn, unknown",
        ),
        (
            visit_doc(sleep__bed_sharing="always"),
            "sleep.bed_sharing: must be one of: never, sometimes, usually",
        ),
        (
            visit_doc(sleep__items=["pillow", "teddy"]),
            "sleep.items.1: must be one of: pillow, duvet, bumper, soft_toy, pod_or_nest, "
            "positioner, weighted_bedding, hot_water_bottle, loose_blanket",
        ),
        (
            visit_doc(sleep__shared_surfaces="sofa"),
            "sleep.shared_surfaces: must be a list of any of: sofa, armchair, airbed",
        ),
        (visit_doc(sleep__seen="yes"), "sleep.seen: must be true or false"),
        (visit_doc(carers__alcohol=1), "carers.alcohol: must be true or false"),
        (
            visit_doc(visit__type="home"),
            "visit.type: must be one of: antenatal, new_birth, 6_8_week, targeted, other",
        ),
        (visit_doc(visit__date="20/11/2026"), "visit.date: must be a date written YYYY-MM-DD"),
        (visit_doc(visit__date="2026-02-30"), "visit.date: must be a date written YYYY-MM-DD"),
        (
            visit_doc(baby__date_of_birth="2026-11-21"),
            "baby.date_of_birth: must not be after visit.date (2026-11-20)",
        ),
        (
            visit_doc(baby__date_of_birth="2024-11-19"),
            "baby.date_of_birth: must not be more than 2 years before visit.date (2026-11-20)",
        ),
        (visit_doc(baby__name=7), "baby.name: must be text"),
        (
            {**FULL_LOW_RISK, "notes": "x"},
            "notes: unknown field; allowed: format, visit, practitioner, baby, sleep, carers, "
            "feeding, family, plan",
        ),
        (
            visit_doc(sleep__cot_bumper=True),
            "sleep.cot_bumper: unknown field; allowed: place, day_place, "
            "room, seen, position, mattress, items, room_temperature_c, swaddled, head_covered, bed_sharing, "
            "bed_sharing_with, shared_surfaces, car_seat_over_2h, sling",
        ),
        (
            {**FULL_LOW_RISK, "sleep": ["cot"]},
            "sleep: must be an object with any of: place, day_place, room, "
            "seen, position, mattress, items, room_temperature_c, swaddled, head_covered, bed_sharing, "
            "bed_sharing_with, shared_surfaces, car_seat_over_2h, sling",
        ),
    ],
)
def test_each_problem_names_the_field_and_what_is_allowed(doc: dict[str, Any], expected: str):
    assert expected in problems(doc)


def test_a_baby_born_exactly_two_years_before_the_visit_is_accepted():
    assert parse_visit(visit_doc(baby__date_of_birth="2024-11-20")).age_days() == 730


def test_a_baby_born_on_the_visit_day_is_accepted():
    assert parse_visit(visit_doc(baby__date_of_birth="2026-11-20")).age_days() == 0


def test_every_problem_in_a_file_is_reported_not_just_the_first():
    found = problems(visit_doc(sleep__place="bed", carers__drugs="no", baby__gestation_days=9))
    assert len(found) == 3


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", '"visit"', "null"])
def test_text_that_is_not_a_json_object_is_rejected_clearly(text: str):
    (line,) = problems(text)
    assert "JSON" in line


def test_an_explicit_null_answer_means_not_recorded():
    doc = visit_doc()
    doc["carers"]["alcohol"] = None
    doc["feeding"] = None
    visit = parse_visit(doc)
    assert visit.carers.alcohol is None and visit.feeding.breastfed is None


def test_a_problem_is_a_value_with_a_dotted_path_and_plain_words():
    with pytest.raises(VisitError) as caught:
        parse_visit(visit_doc(visit__present=[{"name": "Jo", "relationship": "aunt"}]))
    (problem,) = caught.value.problems
    assert problem == Problem(
        "visit.present.0.relationship",
        "must be one of: mother, father, partner, grandparent, other_relative, friend, other",
    )


def test_the_v2_example_of_the_design_is_accepted_and_round_trips():
    visit = parse_visit(
        visit_doc(
            plan__out_of_routine=[
                {"situation": "night_away", "arrangement": "Travel cot at Nan's; Dad stays sober"}
            ]
        )
    )
    assert visit.plan.out_of_routine is not None and visit.plan.out_of_routine[0].situation == "night_away"
    assert parse_visit(visit.to_document()) == visit


def test_every_limit_is_exactly_inclusive():
    ok = visit_doc(
        visit__present=[{"name": "x" * 200, "relationship": "other"}] * 20,
        plan__out_of_routine=[{"situation": "other", "arrangement": "y" * 300}] * 7,
        baby__gestation_weeks=44,
        baby__gestation_days=0,
        baby__birth_weight_kg=0.3,
        sleep__room_temperature_c=40,
    )
    assert parse_visit(ok).visit.present is not None
