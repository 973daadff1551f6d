"""Property tests: any valid visit assesses; any corrupted visit is rejected naming the path."""

from __future__ import annotations

import copy
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import VisitError, assess, parse_visit
from app.domain.assessment import QUESTIONS, RiskLevel, Severity
from tests.domain.strategies import valid_visit_docs

FIELD_PATH = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)*: ")
BED_SHARING_PROMPTS = {"bed_sharing_not_safe", "bed_sharing_safety_advice"}


@given(valid_visit_docs)
@settings(max_examples=300)
def test_any_valid_visit_assesses_with_high_exactly_when_a_high_factor_exists(doc: dict[str, Any]):
    result = assess(parse_visit(doc))
    has_high = any(f.severity is Severity.high for f in result.factors)
    assert (result.risk_level is RiskLevel.high) is has_high
    assert set(result.unanswered) <= set(QUESTIONS)
    assert set(result.incomplete) - {"sleep.position"} <= set(result.unanswered)
    assert result.escalate == ("discuss_with_supervisor" in result.prompts)
    assert len(BED_SHARING_PROMPTS & set(result.prompts)) == 1
    assert result.to_json()["incomplete"] == list(result.incomplete)


@given(valid_visit_docs)
@settings(max_examples=300)
def test_never_low_or_increased_while_a_core_question_is_unanswered(doc: dict[str, Any]):
    result = assess(parse_visit(doc))
    if result.incomplete:
        assert result.risk_level in (RiskLevel.high, RiskLevel.incomplete)
    else:
        assert result.risk_level is not RiskLevel.incomplete


@given(valid_visit_docs)
def test_a_valid_visit_survives_its_own_v2_document(doc: dict[str, Any]):
    visit = parse_visit(doc)
    again = parse_visit(visit.to_document())
    assert again == visit and visit.to_document()["format"] == "safesleep.visit/2"


BAD_VALUES = st.one_of(
    st.just("not-a-value"),
    st.just(-1000),
    st.just(10_000.5),
    st.just({"x": 1}),
    st.just("2026-99-99"),
    st.just(True),
    st.just([{"bad": 1}]),
)
LIST_ITEM_FIELDS = {
    "visit.present": ("name", "relationship"),
    "plan.out_of_routine": ("situation", "arrangement"),
}
TEXT_OK = {"baby.name"}


@st.composite
def corrupted_docs(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid visit with one answer (or one list entry's field) made wrong, or an unknown key added."""
    doc = copy.deepcopy(draw(valid_visit_docs))
    section = draw(st.sampled_from(["visit", "baby", "sleep", "carers", "feeding", "family", "plan"]))
    doc.setdefault(section, {})
    choice = draw(st.integers(0, 2))
    if choice == 0:
        doc[section]["surprise_field"] = 1
        return doc, f"{section}.surprise_field"
    if choice == 1:
        parent = "visit.present" if section in ("visit", "baby", "sleep") else "plan.out_of_routine"
        sec, name = parent.split(".")
        doc.setdefault(sec, {})
        entries = doc[sec].get(name) or []
        good = (
            {"name": "Jo", "relationship": "mother"}
            if name == "present"
            else {
                "situation": "holiday",
                "arrangement": "Travel cot",
            }
        )
        entries = [*entries[:5], good]
        field = draw(st.sampled_from(LIST_ITEM_FIELDS[parent]))
        entries[-1] = {**entries[-1], field: draw(st.sampled_from([7, None, "", ["x"], "not-a-value"]))}
        if field in ("name", "arrangement") and entries[-1][field] == "not-a-value":
            entries[-1][field] = 7
        doc[sec][name] = entries
        return doc, f"{parent}.{len(entries) - 1}.{field}"
    fields = [q.split(".")[1] for q in QUESTIONS if q.startswith(section + ".")]
    field = draw(st.sampled_from(fields))
    bad = draw(BAD_VALUES)
    path = f"{section}.{field}"
    if bad is True and path not in _NOT_YES_NO:
        bad = "yes"  # True is a valid answer for a yes/no question
    doc[section][field] = bad
    return doc, path


_NOT_YES_NO = {
    "visit.date",
    "visit.present",
    "baby.date_of_birth",
    "baby.gestation_weeks",
    "baby.birth_weight_kg",
    "sleep.place",
    "sleep.day_place",
    "sleep.room",
    "sleep.position",
    "sleep.mattress",
    "sleep.items",
    "sleep.room_temperature_c",
    "sleep.bed_sharing",
    "sleep.bed_sharing_with",
    "sleep.shared_surfaces",
    "family.social_care",
    "plan.out_of_routine",
}


@given(corrupted_docs())
@settings(max_examples=400)
def test_any_corrupted_visit_is_rejected_naming_the_path(case: tuple[dict[str, Any], str]):
    doc, path = case
    try:
        parse_visit(doc)
    except VisitError as exc:
        lines = [str(p) for p in exc.problems]
        assert all(FIELD_PATH.match(line) for line in lines), lines
        assert any(p.path == path or p.path.startswith(path + ".") for p in exc.problems), (path, lines)
    else:
        raise AssertionError(f"accepted a corrupted {path}: {doc}")
