"""Property tests: any valid visit assesses; any corrupted visit is rejected with a field path."""

from __future__ import annotations

import copy
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import VisitError, assess, parse_visit
from app.domain.assessment import QUESTIONS
from tests.domain.strategies import valid_visit_docs

FIELD_PATH = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)*(\[\d+\])?: ")
ORDER = {"low": 0, "increased": 1, "high": 2}


@given(valid_visit_docs)
@settings(max_examples=300)
def test_any_valid_visit_assesses_and_risk_level_is_the_highest_factor_severity(doc: dict[str, Any]):
    result = assess(parse_visit(doc))
    highest = max((ORDER[f.severity.value] for f in result.factors), default=0)
    assert ORDER[result.risk_level.value] == highest
    assert set(result.unanswered) <= set(QUESTIONS)
    assert result.escalate == ("discuss_with_supervisor" in result.prompts)


@given(valid_visit_docs)
def test_a_valid_visit_survives_its_own_document(doc: dict[str, Any]):
    visit = parse_visit(doc)
    assert parse_visit(visit.to_document()) == visit


BAD_VALUES = st.one_of(
    st.just("not-a-value"),
    st.just(-1000),
    st.just(10_000.5),
    st.just([]),
    st.just({"x": 1}),
    st.just("2026-99-99"),
    st.just(True),
)


@st.composite
def corrupted_docs(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid visit with one answer replaced by a wrong value, or an unknown key added."""
    doc = copy.deepcopy(draw(valid_visit_docs))
    section = draw(st.sampled_from(["visit", "baby", "sleep", "carers", "feeding", "family"]))
    if draw(st.booleans()):
        doc[section]["surprise_field"] = 1
        return doc, f"{section}.surprise_field"
    fields = [q.split(".")[1] for q in QUESTIONS if q.startswith(section + ".")]
    field = draw(st.sampled_from(fields or ["type"]))
    bad = draw(BAD_VALUES)
    # True is a valid answer for yes/no questions; a string is valid for names.
    if (
        bad is True
        and section in ("carers", "feeding", "family", "sleep")
        and field
        not in (
            "place",
            "room",
            "position",
            "mattress",
            "items",
            "room_temperature_c",
            "bed_sharing",
            "shared_surfaces",
        )
    ):
        bad = "yes"
    if bad == [] and field in ("items", "shared_surfaces"):
        bad = ["not-a-value"]  # an empty list is a valid answer: nothing there
    doc[section][field] = bad
    return doc, f"{section}.{field}"


@given(corrupted_docs())
@settings(max_examples=300)
def test_any_corrupted_visit_is_rejected_with_the_field_path(case: tuple[dict[str, Any], str]):
    doc, path = case
    try:
        parse_visit(doc)
    except VisitError as exc:
        assert all(FIELD_PATH.match(p) for p in exc.problems), exc.problems
        assert any(p.startswith(path) for p in exc.problems), (path, exc.problems)
    else:
        raise AssertionError(f"accepted a corrupted {path}: {doc}")
