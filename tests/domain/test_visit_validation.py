"""The visit file: what is accepted, and the field-path message for what is not."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain import VisitError, parse_visit
from tests.domain.factories import FULL_LOW_RISK, visit_doc


def problems(doc: Any) -> list[str]:
    with pytest.raises(VisitError) as caught:
        parse_visit(doc)
    return caught.value.problems


def test_only_the_format_is_required():
    visit = parse_visit({"format": "safesleep.visit/1"})
    assert visit.sleep.place is None and visit.carers.alcohol is None


def test_a_missing_answer_is_not_recorded_never_no():
    visit = parse_visit(visit_doc(carers__alcohol=None))
    assert visit.carers.alcohol is None


def test_the_full_design_example_round_trips_through_the_document():
    visit = parse_visit(FULL_LOW_RISK)
    assert parse_visit(visit.to_document()) == visit
    assert visit.to_document()["baby"]["birth_weight_kg"] == 3.4


def test_json_text_and_bytes_are_accepted():
    assert parse_visit('{"format": "safesleep.visit/1"}') == parse_visit(b'{"format": "safesleep.visit/1"}')


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({}, 'format: must be "safesleep.visit/1"'),
        ({"format": "safesleep.visit/2"}, 'format: must be "safesleep.visit/1"'),
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
            "adult_bed, sofa, armchair, airbed, car_seat, sling, other",
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
            "sleep.items[1]: must be one of: pillow, duvet, bumper, soft_toy, pod_or_nest, "
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
            "feeding, family",
        ),
        (
            visit_doc(sleep__cot_bumper=True),
            "sleep.cot_bumper: unknown field; allowed: place, "
            "room, seen, position, mattress, items, room_temperature_c, bed_sharing, shared_surfaces, "
            "car_seat_over_2h, sling",
        ),
        (
            {**FULL_LOW_RISK, "sleep": ["cot"]},
            "sleep: must be an object with any of: place, room, "
            "seen, position, mattress, items, room_temperature_c, bed_sharing, shared_surfaces, "
            "car_seat_over_2h, sling",
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
