"""`leaflet_content`: only family-safe content, in the order the leaflet prints it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any
from urllib.parse import urlparse

import pytest
from hypothesis import given, settings

from app.domain.assessment import FAMILY_CONTEXT, assess
from app.domain.errors import parse_visit
from app.domain.guidance import load_guidance
from app.domain.leaflet_content import (
    BED_SHARING_ITEM,
    LeafletContent,
    Paper,
    Picture,
    first_name,
    leaflet_content,
    sentences,
)
from app.domain.leaflet_pages import FAMILY_HOSTS, MAX_LINKS
from tests.domain.factories import visit_doc
from tests.domain.strategies import valid_visit_docs

ON = dt.date(2026, 11, 20)
ALL_CONTEXT: dict[str, Any] = {
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


def test_changes_come_highest_severity_first_one_per_risk_with_their_source():
    guidance = load_guidance()
    result = content(visit_doc(**RISKY))
    assert [c.high for c in result.changes] == sorted((c.high for c in result.changes), reverse=True)
    assessment = assess(parse_visit(visit_doc(**RISKY)))
    listed = [code for c in result.changes for code in c.codes]
    assert len(listed) == len(set(listed))  # each factor in one message only
    assert set(listed) - {BED_SHARING_ITEM} == assessment.codes
    for c in result.changes:
        if c.code != BED_SHARING_ITEM:
            assert c.text == " ".join(guidance[c.code].family_advice.split())
            assert c.source_url == guidance[c.code].source_url


def test_born_early_and_bed_sharing_born_early_are_one_message():
    result = content(
        visit_doc(sleep__bed_sharing="sometimes", baby__gestation_weeks=35, baby__birth_weight_kg=2.2)
    )
    (item,) = [c for c in result.changes if c.code == BED_SHARING_ITEM]
    assert set(item.codes) == {
        BED_SHARING_ITEM,
        "bed_sharing_premature",
        "bed_sharing_low_birth_weight",
        "premature",
        "low_birth_weight",
    }
    assert item.headline == "Sharing a bed is not safe for Sam because Sam was born early and small."
    assert item.high and result.changes[0] is item
    assert result.extra_care == ()
    assert result.bed_sharing is not None and result.bed_sharing.listed_as_change


def test_born_early_or_small_without_bed_sharing_is_extra_care_never_a_change():
    result = content(visit_doc(baby__gestation_weeks=35, baby__birth_weight_kg=2.2))
    assert [i.title for i in result.extra_care] == [
        load_guidance()["premature"].title,
        load_guidance()["low_birth_weight"].title,
    ]
    assert not {"premature", "low_birth_weight"} & {code for c in result.changes for code in c.codes}


def test_every_reason_for_not_sharing_a_bed_is_named_in_one_sentence():
    result = content(
        visit_doc(
            sleep__bed_sharing="usually",
            carers__smoker_in_household=True,
            carers__alcohol=True,
            carers__extreme_tiredness=True,
        )
    )
    assert result.bed_sharing is not None
    assert result.bed_sharing.headline == (
        "Sharing a bed is not safe for Sam because someone in your home smokes, someone in the bed has had "
        "alcohol, drugs or medicine that makes them sleepy and you are extremely tired."
    )
    assert [c.code for c in result.changes].count(BED_SHARING_ITEM) == 1


def test_the_safer_bed_sharing_checklist_and_not_safe_are_never_both_given():
    safe = content(visit_doc(sleep__bed_sharing="sometimes"))
    assert safe.bed_sharing is not None and safe.bed_sharing.safe_to_discuss
    assert len(safe.bed_sharing.lines) >= 2
    danger = content(visit_doc(sleep__bed_sharing="sometimes", carers__drugs=True))
    assert danger.bed_sharing is not None and not danger.bed_sharing.safe_to_discuss
    checklist = set(safe.bed_sharing.lines)
    assert not checklist & set(danger.bed_sharing.lines)


def test_reassurance_only_for_a_low_risk_visit():
    assert content(visit_doc()).reassurance == load_guidance().leaflet["nothing_to_change"]
    assert content(visit_doc(sleep__items=["soft_toy"])).reassurance is None
    assert content(visit_doc(**RISKY)).reassurance is None


def test_at_most_three_most_important_and_the_rest_after_them():
    result = content(visit_doc(**RISKY, sleep__position="front", sleep__room_temperature_c=24))
    assert len(result.most_important) == 3
    assert result.most_important + result.more_changes == result.changes


def test_messages_for_every_baby_leave_out_what_a_personal_item_already_says():
    plain = content(visit_doc())
    sofa = content(visit_doc(sleep__shared_surfaces=["sofa"]))
    assert Picture.no_sofa in {m.picture for m in plain.key_messages}
    assert Picture.no_sofa not in {m.picture for m in sofa.key_messages}


@settings(max_examples=80, deadline=None)
@given(valid_visit_docs)
def test_no_sentence_is_given_twice(doc: dict[str, Any]):
    result = content(doc)
    texts = [p.text for p in result.protective] + [c.text for c in result.changes]
    texts += [i.text for i in result.extra_care] + [m.text for m in result.key_messages]
    texts += [result.plan_ahead.text] if result.plan_ahead else []
    if result.bed_sharing and not result.bed_sharing.listed_as_change:
        texts += [result.bed_sharing.headline, *result.bed_sharing.lines]
    said = [s.casefold() for t in texts for s in sentences(t)]
    assert len(said) == len(set(said))
    assert len(result.most_important) <= 3


def test_team_name_and_phone_are_carried_for_the_contact_box():
    result = content(visit_doc(), team_name=" Portswood  HV team ", team_phone="023 8000 9999")
    assert result.contact.team_name == "Portswood HV team"
    assert result.contact.team_phone == "023 8000 9999"
    assert content(visit_doc(), team_name="  ").contact.team_name is None


@pytest.mark.parametrize(
    ("value", "paper"), [("A4", Paper.a4), ("letter", Paper.letter), (" Phone ", Paper.phone)]
)
def test_paper_names_parse_in_any_case(value: str, paper: Paper):
    assert Paper.parse(value) is paper


def test_unknown_paper_names_the_choices():
    with pytest.raises(ValueError, match="paper: must be one of a4, letter, phone"):
        Paper.parse("A3")


@settings(max_examples=60, deadline=None)
@given(valid_visit_docs)
def test_linked_pages_are_a_few_family_pages_of_the_trust_each_once_and_named(doc: dict[str, Any]):
    pages = content(doc).linked_pages
    urls = [p.url for p in pages]
    assert 1 <= len(urls) <= MAX_LINKS and len(urls) == len(set(urls))
    assert all(urlparse(u).netloc in FAMILY_HOSTS for u in urls)  # never NICE or gov.uk pages
    assert all(p.label and "." not in p.label for p in pages)


def test_linked_pages_start_with_the_pages_behind_the_most_important_things():
    result = content(visit_doc(**RISKY))
    assert result.linked_pages[0].url == result.most_important[0].source_url
    assert "https://www.lullabytrust.org.uk/safer-sleep-advice/" in [p.url for p in result.linked_pages]


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
    assert result.contact.information_line == "0808 802 6869"


def test_content_is_frozen():
    result = content(visit_doc())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.baby_name = "Other"  # type: ignore[misc]
