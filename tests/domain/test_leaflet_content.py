"""`leaflet_content`: only family-safe content, in the order the leaflet prints it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings

from app.domain.assessment import FAMILY_CONTEXT, Severity, assess
from app.domain.errors import parse_visit
from app.domain.guidance import load_guidance
from app.domain.leaflet_content import LeafletContent, first_name, leaflet_content
from tests.domain.factories import visit_doc
from tests.domain.strategies import valid_visit_docs

ON = dt.date(2026, 11, 20)
ALL_CONTEXT = {
    **{f"family__{code}": True for code in FAMILY_CONTEXT},
    "family__social_care": "child_protection",
    "plan__advice_declined": True,
}
RISKY = {
    "sleep__shared_surfaces": ["sofa"],
    "sleep__bed_sharing": "sometimes",
    "carers__alcohol": True,
    "sleep__items": ["pillow"],
    "baby__gestation_weeks": 35,
}


def content(doc: dict[str, Any], **kwargs: Any) -> LeafletContent:
    visit = parse_visit(doc)
    return leaflet_content(visit, assess(visit), generated_on=ON, **kwargs)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [s for v in value for s in _strings(v)]
    return []


def test_content_has_no_field_for_family_context_or_practitioner_notes():
    names = {f.name for f in dataclasses.fields(LeafletContent)}
    assert not names & {"context", "family", "prompts", "unanswered", "escalate", "risk_level"}
    assert not any("note" in name for name in names)


def test_recorded_family_context_leaves_the_content_unchanged():
    assert content(visit_doc(**RISKY, **ALL_CONTEXT)) == content(visit_doc(**RISKY))


@settings(max_examples=60, deadline=None)
@given(valid_visit_docs)
def test_no_text_from_context_entries_or_practitioner_notes_ever_gets_in(doc: dict[str, Any]):
    guidance = load_guidance()
    texts = " ".join(_strings(content(doc)))
    for entry in guidance.entries.values():
        assert " ".join(entry.practitioner_note.split()) not in texts
        if entry.kind == "context":
            assert entry.title not in texts
    assert "gov.uk" not in texts


def test_factors_come_highest_severity_first_with_family_advice_and_source():
    guidance = load_guidance()
    result = content(visit_doc(**RISKY))
    assert [f.high for f in result.factors] == sorted((f.high for f in result.factors), reverse=True)
    assessment = assess(parse_visit(visit_doc(**RISKY)))
    severity = {f.code: f.severity for f in assessment.factors}
    assert {f.code for f in result.factors} == assessment.codes
    assert {f.high for f in result.factors} == {True, False}
    for f in result.factors:
        assert f.advice == " ".join(guidance[f.code].family_advice.split())
        assert f.source_url == guidance[f.code].source_url
        assert f.high is (severity[f.code] is Severity.high)


def test_protective_items_carry_title_and_family_advice():
    result = content(visit_doc(feeding__breastfed=True, feeding__dummy=True))
    assert [p.title for p in result.protective] == [
        "Breastfeeding",
        "Using a dummy",
        "Sleeping in your room",
        "Sleeping on the back",
    ]
    assert all(p.text for p in result.protective)


def test_safer_bed_sharing_tips_whenever_bed_sharing_is_not_dangerous():
    assert content(visit_doc()).bed_sharing is not None
    assert content(visit_doc(sleep__bed_sharing="sometimes")).bed_sharing is not None
    assert content(visit_doc(carers__alcohol=True)).bed_sharing is None  # never tips next to "not safe"


@pytest.mark.parametrize(
    ("doc", "reassure"),
    [
        (visit_doc(), True),
        (visit_doc(sleep__items=["pillow"]), False),
        ({"format": "safesleep.visit/2"}, False),
        ({"format": "safesleep.visit/2", "feeding": {"breastfed": True}}, False),
        ({"format": "safesleep.visit/2", "carers": {"alcohol": True}}, False),
    ],
)
def test_reassurance_only_for_a_low_risk_visit(doc: dict[str, Any], reassure: bool):
    assert content(doc).reassure is reassure


def test_plan_ahead_message_is_given_to_every_family_and_nothing_else_from_prompts():
    guidance = load_guidance()
    plan_ahead = " ".join(guidance["out_of_routine_plan"].family_advice.split())
    quiet = content(visit_doc())
    planned = content(visit_doc(family__out_of_routine_planned=True))
    assert plan_ahead in quiet.key_messages
    assert quiet.key_messages == planned.key_messages
    assert len(quiet.key_messages) == len(guidance.key_messages) + 1


def test_linked_pages_are_unique_lullaby_trust_first_and_never_gov_uk():
    result = content(visit_doc(**RISKY))
    urls = [p.url for p in result.linked_pages]
    assert len(urls) == len(set(urls))
    assert urls[0] == "https://www.lullabytrust.org.uk/safer-sleep-advice/"
    assert {f.source_url for f in result.factors} <= set(urls)
    assert not any("gov.uk" in u for u in urls)
    assert all(p.label for p in result.linked_pages)


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Sam", "Sam"),
        ("  Sam  Taylor ", "Sam"),
        ("Mary-Jane O’Neill", "Mary-Jane"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_first_name_is_the_first_word_of_the_recorded_name(name: str | None, first: str | None):
    assert first_name(name) == first


def test_title_uses_the_first_name_or_your_baby():
    assert content(visit_doc(baby__name="Sam Taylor")).title == "Safer sleep for Sam"
    assert content(visit_doc(baby__name=None)).title == "Safer sleep for your baby"


def test_plan_lines_come_from_text_or_a_list_without_blank_lines_or_bullets():
    expected = ("Cot next to the bed", "Sleep bag, no duvet")
    assert (
        content(visit_doc(), agreed_actions="- Cot next to the bed\n\n• Sleep bag, no duvet\n").plan
        == expected
    )
    assert (
        content(visit_doc(), agreed_actions=["Cot next to the bed", " ", "Sleep bag, no duvet"]).plan
        == expected
    )
    assert content(visit_doc()).plan == ()


def test_practitioner_name_phone_follow_up_version_and_date_are_kept():
    result = content(visit_doc(), follow_up_date=dt.date(2026, 12, 4))
    assert (result.practitioner_name, result.practitioner_phone) == ("A. Visitor", "023 0000 0000")
    assert result.follow_up_date == dt.date(2026, 12, 4)
    assert result.guidance_version == load_guidance().version
    assert result.generated_on == ON
    assert result.information_line == "0808 802 6869"


def test_content_is_frozen():
    result = content(visit_doc())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.baby_name = "Other"  # type: ignore[misc]
