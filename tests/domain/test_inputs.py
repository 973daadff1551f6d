"""Typed weights (lb/oz, kg) and UK dates: the value, or a Problem in plain words."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.inputs import parse_uk_date, parse_weight_kg, parse_weight_lb, uk_date
from app.domain.problems import ProblemsError
from app.domain.values import KG_PER_LB


@pytest.mark.parametrize(
    ("text", "pounds"),
    [
        ("5 lb 1 oz", 5.0625),
        ("5lb 1oz", 5.0625),
        ("5lb1oz", 5.0625),
        ("5 lbs 1 oz", 5.0625),
        ("5 pounds 1 ounce", 5.0625),
        ("5 lb and 8 oz", 5.5),
        ("7 LB 15 OZ", 7.9375),
        ("5 lb", 5.0),
        ("5lb", 5.0),
        ("5.5", 5.5),
        ("5,5", 5.5),
        (" 5.5 ", 5.5),
        ("81 oz", 5.0625),
        ("0.67", 0.67),
        ("15.43", 15.43),
    ],
)
def test_a_weight_in_pounds_and_ounces_is_read_exactly(text: str, pounds: float):
    assert parse_weight_lb(text) == pytest.approx(pounds)


def test_5_lb_1_oz_is_not_stored_as_5_lb():
    assert parse_weight_lb("5lb 1oz") * KG_PER_LB == pytest.approx(2.2963, abs=1e-4)


def test_5_lb_8_oz_is_exactly_the_low_birth_weight_line():
    assert parse_weight_lb("5 lb 8 oz") == 5.5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty; type a weight in pounds and ounces"),
        ("abc", '"abc" is not a weight; type a weight in pounds and ounces, such as "5 lb 1 oz"'),
        ("5 lb 1", '"5 lb 1" is not a weight'),
        ("5 kg", '"5 kg" is not a weight'),
        ("5 lb 16 oz", "ounces must be less than 16"),
        ("0.66", "must be between 0.67 and 15.43 lb"),
        ("15.44", "must be between 0.67 and 15.43 lb"),
        ("-5", '"-5" is not a weight'),
    ],
)
def test_a_weight_that_is_not_one_says_so_in_plain_words(text: str, message: str):
    with pytest.raises(ProblemsError) as caught:
        parse_weight_lb(text)
    (problem,) = caught.value.problems
    assert problem.path == "baby.birth_weight_lb"
    assert message in problem.message


@pytest.mark.parametrize(
    ("text", "kg"), [("3.4", 3.4), ("3,4", 3.4), ("3.4 kg", 3.4), ("0.3", 0.3), ("7", 7.0)]
)
def test_a_weight_in_kg(text: str, kg: float):
    assert parse_weight_kg(text) == kg


@pytest.mark.parametrize(
    ("text", "message"), [("7.1", "between 0.3 and 7.0 kg"), ("3.4 lb", "is not a weight")]
)
def test_a_weight_in_kg_that_is_not_one(text: str, message: str):
    with pytest.raises(ProblemsError, match=message):
        parse_weight_kg(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("02/11/2026", dt.date(2026, 11, 2)),
        ("2/11/2026", dt.date(2026, 11, 2)),
        ("2-11-2026", dt.date(2026, 11, 2)),
        ("2.11.2026", dt.date(2026, 11, 2)),
        (" 02 / 11 / 2026 ", dt.date(2026, 11, 2)),
        ("29/02/2024", dt.date(2024, 2, 29)),
        ("2026-11-02", dt.date(2026, 11, 2)),
    ],
)
def test_a_uk_date_is_day_first(text: str, day: dt.date):
    assert parse_uk_date(text) == day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty; type a date written DD/MM/YYYY"),
        ("11/2026", '"11/2026" is not a date'),
        ("02/11/26", '"02/11/26" is not a date; type a date written DD/MM/YYYY, such as 02/11/2026'),
        ("30/02/2026", "there is no day 30 in that month"),
        ("29/02/2026", "there is no day 29 in that month"),
        ("01/13/2026", "there is no month 13"),
        ("yesterday", '"yesterday" is not a date'),
    ],
)
def test_a_date_that_is_not_one_says_so_in_plain_words(text: str, message: str):
    with pytest.raises(ProblemsError) as caught:
        parse_uk_date(text, path="baby.date_of_birth")
    (problem,) = caught.value.problems
    assert problem.path == "baby.date_of_birth" and message in problem.message


def test_a_date_after_the_limit_is_refused_in_uk_words():
    with pytest.raises(ProblemsError, match="must not be after 01/12/2026"):
        parse_uk_date("02/12/2026", not_after=dt.date(2026, 12, 1))
    assert parse_uk_date("01/12/2026", not_after=dt.date(2026, 12, 1)) == dt.date(2026, 12, 1)
    with pytest.raises(ProblemsError, match="must not be before 01/12/2024"):
        parse_uk_date("30/11/2024", not_before=dt.date(2024, 12, 1))


def test_dates_are_shown_day_first():
    assert uk_date(dt.date(2026, 11, 2)) == "02/11/2026"
