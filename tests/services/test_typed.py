"""Typed answers read as values of their question, or the problem in plain words (no whole-visit parse)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.typed import parse_lb, parse_typed, parse_uk_date, shown_text

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "pounds"),
    [
        ("5 lb 1 oz", 5.0625),
        ("5lb 1oz", 5.0625),
        ("5lb", 5.0),
        ("5 lbs 8 ounces", 5.5),
        ("12 oz", 0.75),
        ("5.06", 5.06),
    ],
)
def test_a_weight_in_lb_is_read_in_pounds_and_ounces(text: str, pounds: float) -> None:
    assert parse_lb(text) == pytest.approx(pounds)


@pytest.mark.parametrize("text", ["5lb 1o", "five pounds", "5 kg", "lb", ""])
def test_text_that_is_not_a_weight_in_lb_is_not_read_as_one(text: str) -> None:
    assert parse_lb(text) is None


def test_dates_are_typed_day_first_and_must_be_real() -> None:
    assert parse_uk_date("03/04/2026") == dt.date(2026, 4, 3)
    assert parse_uk_date("3/4/2026") == dt.date(2026, 4, 3)
    assert parse_uk_date("31/02/2026") is None
    assert parse_uk_date("3 April") is None


def test_typed_answers_give_the_value_or_what_is_allowed() -> None:
    assert parse_typed("date", "baby.date_of_birth", "03/04/2026", today=TODAY).value == "2026-04-03"
    assert parse_typed("date", "visit.date", "02/12/2026", today=TODAY).problem == (
        "must not be in the future (today is 01/12/2026)"
    )
    assert parse_typed("date", "visit.date", "31/1", today=TODAY).problem == (
        '"31/1" is not a date; type a date written DD/MM/YYYY, such as 02/11/2026'
    )
    assert parse_typed("integer", "baby.gestation_weeks", "36").value == 36
    assert parse_typed("integer", "baby.gestation_weeks", "350").problem == (
        "must be a whole number between 22 and 44 weeks"
    )
    assert parse_typed("integer", "baby.gestation_weeks", "36.5").value is None
    assert parse_typed("weight", "baby.birth_weight_lb", "5lb 1oz").value == pytest.approx(5.0625)
    assert parse_typed("weight", "baby.birth_weight_kg", "9").problem == "must be between 0.3 and 7.0 kg"
    assert parse_typed("weight", "baby.birth_weight_lb", "5lb 1o").problem == (
        '"5lb 1o" is not a weight; type a weight in pounds and ounces, '
        'such as "5 lb 1 oz", "5lb 1oz" or "5.5"'
    )
    assert parse_typed("number", "sleep.room_temperature_c", "18,5").value == 18.5
    assert parse_typed("text", "notes.observed", "  ").value is None


def test_stored_answers_show_as_they_are_typed() -> None:
    assert shown_text("visit.date", "2026-04-03") == "03/04/2026"
    assert shown_text("sleep.room_temperature_c", 19.0) == "19"
    assert shown_text("baby.birth_weight_kg", 2.0) == "2.0"
