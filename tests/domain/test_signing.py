"""Signing a visit whose core questions were not asked needs a reason."""

from __future__ import annotations

import pytest

from app.domain import assess, parse_visit
from app.domain.signing import recorded_reason, sign_problems
from tests.domain.factories import FULL_LOW_RISK, visit_doc

EMPTY = assess(parse_visit({"format": "safesleep.visit/2"}))
COMPLETE = assess(parse_visit(FULL_LOW_RISK))


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_an_incomplete_visit_without_a_reason_cannot_be_signed(reason: str | None):
    (problem,) = sign_problems(EMPTY, reason)
    assert problem.path == "incomplete_reason"
    assert problem.message.startswith("required: 14 core questions not asked (baby.date_of_birth,")
    assert "parent declined to answer" in problem.message


def test_one_missing_question_is_named():
    (problem,) = sign_problems(assess(parse_visit(visit_doc(carers__drugs=None))), None)
    assert "1 core question not asked (carers.drugs)" in problem.message


def test_a_reason_allows_signing_and_is_recorded_trimmed():
    assert sign_problems(EMPTY, "parent declined to answer") == []
    assert recorded_reason(EMPTY, "  parent declined to answer ") == "parent declined to answer"


def test_a_complete_visit_needs_no_reason_and_records_none():
    assert sign_problems(COMPLETE, None) == []
    assert recorded_reason(COMPLETE, "not needed") is None


def test_a_reason_is_at_most_500_characters():
    (problem,) = sign_problems(EMPTY, "x" * 501)
    assert problem.message == "must be at most 500 characters"
    assert sign_problems(EMPTY, "x" * 500) == []
