"""What the printed leaflet says, read back with pypdf: page one, one message per risk, bed-sharing,
and never the family context or a practitioner note."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from app.domain.assessment import FACTOR_CODES
from app.domain.guidance import load_guidance
from app.domain.leaflet_content import (
    BED_SHARING_DANGERS,
    BED_SHARING_SAFER,
    MERGED_INTO,
    LeafletContent,
    Paper,
    sentences,
)
from app.leaflet import render
from tests.domain.factories import visit_doc
from tests.leaflet.helpers import content_of, pdf_of
from tests.leaflet.pdf import read_pdf
from tests.leaflet.samples import EMPTY, HIGH_RISK, INCREASED, LOW_RISK, MANY_FACTORS, PLAN, TYPICAL_HIGH

# The smallest change to a full low-risk visit that brings in each factor.
TRIGGERS: dict[str, dict[str, Any]] = {
    "sofa_or_armchair_sharing": {"sleep__shared_surfaces": ["armchair"]},
    "airbed_sharing": {"sleep__place": "airbed"},
    "bed_sharing_after_alcohol_or_drugs": {
        "sleep__bed_sharing": "sometimes",
        "carers__sedating_medication": True,
    },
    "bed_sharing_with_smoker": {"sleep__bed_sharing": "usually", "carers__smoker_in_household": True},
    "bed_sharing_premature": {"sleep__place": "adult_bed", "baby__gestation_weeks": 35},
    "bed_sharing_low_birth_weight": {"sleep__bed_sharing": "sometimes", "baby__birth_weight_kg": 2.2},
    "bed_sharing_extreme_tiredness": {"sleep__bed_sharing": "sometimes", "carers__extreme_tiredness": True},
    "not_on_back": {"sleep__position": "side"},
    "premature": {"baby__gestation_weeks": 36},
    "low_birth_weight": {"baby__birth_weight_kg": 2.3},
    "smoking": {"carers__smoked_in_pregnancy": True},
    "items_in_sleep_space": {"sleep__items": ["soft_toy"]},
    "unsuitable_mattress": {"sleep__mattress": "soft_or_worn"},
    "room_temperature": {"sleep__room_temperature_c": 23},
    "not_room_sharing": {"sleep__room": "own_room"},
    "unsafe_sleep_place": {"sleep__car_seat_over_2h": True},
    "swaddled": {"sleep__swaddled": True},
    "head_covered": {"sleep__head_covered": True},
    "baby_unwell": {"baby__unwell": True},
    "bed_sharing_with_others": {"sleep__bed_sharing": "sometimes", "sleep__bed_sharing_with": ["pets"]},
    "bed_sharing_multiples": {"sleep__bed_sharing": "sometimes", "baby__multiple_birth": True},
}
CONTEXT_WORDS = (
    "domestic abuse",
    "abuse",
    "mental health",
    "mental ill",
    "substance",
    "unidentified",
    "safeguarding",
    "supervisor",
    "escalat",
    "change of routine",
    "known to services",
    "social care",
    "child protection",
    "child in need",
    "early help",
    "previous",
    "declined",
)
SAMPLES = {
    "low": LOW_RISK,
    "increased": INCREASED,
    "high": HIGH_RISK,
    "typical": TYPICAL_HIGH,
    "many": MANY_FACTORS,
    "empty": EMPTY,
}
TEAM = {"team_name": "Portswood HV team", "team_phone": "023 8000 9999"}


def _with_context(doc: dict[str, Any], social_care: str = "child_protection") -> dict[str, Any]:
    """`doc` with every piece of family context recorded (and the format v2 that can hold it)."""
    out = copy.deepcopy(doc)
    out["format"] = "safesleep.visit/2"
    out["family"] = {
        "domestic_abuse": True,
        "parental_mental_health": True,
        "substance_misuse": True,
        "unidentified_adults": True,
        "out_of_routine_planned": True,
        "previous_infant_death": True,
        "social_care": social_care,
    }
    out.setdefault("plan", {})["advice_declined"] = True
    return out


def _printed_passages(content: LeafletContent) -> list[str]:
    """Every sentence of every message the content holds (the things that must appear once)."""
    texts = [p.text for p in content.protective]
    texts += [c.headline for c in content.changes] + [c.detail for c in content.changes]
    texts += [i.text for i in content.extra_care] + [m.text for m in content.key_messages]
    texts += [content.plan_ahead.text] if content.plan_ahead else []
    texts += [n.arrangement for n in content.nights]
    if content.bed_sharing:
        texts += [content.bed_sharing.headline, *content.bed_sharing.lines]
    return [s for t in texts for s in sentences(t) if len(s.split()) >= 4]


def test_every_factor_code_has_a_trigger_here():
    assert set(TRIGGERS) == set(FACTOR_CODES)


@pytest.mark.parametrize("code", FACTOR_CODES)
def test_each_risk_is_printed_once_and_only_when_present(code: str):
    content, assessment = content_of(_with_context(visit_doc(**TRIGGERS[code])))
    assert assessment.has(code)
    text = read_pdf(render(content))
    guidance = load_guidance()
    for_every_baby = {" ".join(m.text.split()) for m in guidance.key_messages}
    for other in FACTOR_CODES:
        present = assessment.has(other)
        if other in BED_SHARING_DANGERS or (other in MERGED_INTO and assessment.has(MERGED_INTO[other])):
            continue  # one "sharing a bed is not safe" message stands for these (tested below)
        first = sentences(guidance[other].family_advice)[0]
        if first not in for_every_baby:
            assert text.contains(first) is present, other
        if present:
            for sentence in sentences(guidance[other].family_advice):
                assert text.count(sentence) == 1, (other, sentence)
    not_safe = "bed_sharing_not_safe" in assessment.prompts
    assert text.contains("Sharing a bed is not safe for Sam because") is not_safe


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("name", SAMPLES)
def test_no_message_is_printed_twice(name: str, paper: Paper):
    content, _ = content_of(SAMPLES[name], agreed_actions=PLAN)
    text = read_pdf(render(content, paper=paper))
    passages = _printed_passages(content)
    assert passages
    for passage in passages:
        assert text.count(passage) == 1, passage


def test_born_early_and_small_with_bed_sharing_is_one_item_naming_both():
    content, _ = content_of(TYPICAL_HIGH, agreed_actions=PLAN)
    text = read_pdf(render(content))
    words = text.words
    assert words.count("born early") == 1
    assert "Sharing a bed is not safe for Ruby because Ruby was born early and small" in " ".join(
        text.pages[0].split()
    )
    assert "Extra care" not in words
    guidance = load_guidance()
    for code in ("premature", "low_birth_weight", "bed_sharing_premature", "bed_sharing_low_birth_weight"):
        assert not text.contains(sentences(guidance[code].family_advice)[0]), code


def test_born_early_without_bed_sharing_is_extra_care_not_a_thing_to_change():
    content, _ = content_of(visit_doc(baby__gestation_weeks=35))
    text = read_pdf(render(content))
    assert "Extra care for Sam" in text.words
    assert "things to change" not in text.words.lower()
    assert text.contains(load_guidance()["premature"].family_advice)


def test_a_bed_sharing_danger_visit_never_gets_the_safer_bed_sharing_checklist():
    checklist = sentences(load_guidance()[BED_SHARING_SAFER].family_advice)
    for doc in (TYPICAL_HIGH, HIGH_RISK, MANY_FACTORS, visit_doc(**TRIGGERS["bed_sharing_premature"])):
        text = read_pdf(pdf_of(doc))
        assert text.contains("Sharing a bed is not safe for")
        for line in checklist:
            assert not text.contains(line), line


def test_bed_sharing_without_danger_gets_the_checklist_and_no_not_safe_message():
    text = read_pdf(pdf_of(visit_doc(sleep__bed_sharing="sometimes")))
    for line in sentences(load_guidance()[BED_SHARING_SAFER].family_advice):
        assert text.contains(line), line
    assert not text.contains("is not safe for Sam because")


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("name", SAMPLES)
def test_page_one_has_the_contact_box_and_at_most_three_most_important_items(name: str, paper: Paper):
    content, _ = content_of(SAMPLES[name], agreed_actions=PLAN, **TEAM)
    text = read_pdf(render(content, paper=paper))
    page_one = " ".join(text.pages[0].split())
    if SAMPLES[name].get("practitioner"):
        name_, phone = SAMPLES[name]["practitioner"]["name"], SAMPLES[name]["practitioner"]["phone"]
        assert name_ in page_one and phone in page_one
    for passage in ("Portswood HV team", "023 8000 9999", "0808 802 6869", "The Lullaby Trust"):
        assert passage in page_one, passage
    assert len(content.most_important) <= 3
    # The narrow phone page is read by scrolling: the most important things come straight after
    # the contact box and what is going well, whichever page that is.
    for item in content.most_important:
        if paper is Paper.phone:
            assert text.contains(item.headline) and text.contains(item.picture_label)
        else:
            assert text.page_contains(1, item.headline), item.headline
            assert text.page_contains(1, item.picture_label), item.picture_label


def test_page_one_order_is_name_contact_doing_well_then_most_important():
    content, _ = content_of(HIGH_RISK, **TEAM)
    page_one = " ".join(read_pdf(render(content)).pages[0].split())
    marks = ["Safer sleep for Ruby", "Your health visitor", "0808 802 6869", "doing well", "most important"]
    positions = [page_one.index(m) for m in marks]
    assert positions == sorted(positions)


def test_typical_high_risk_visit_fits_two_a4_pages_with_its_plan():
    content, _ = content_of(TYPICAL_HIGH, agreed_actions=PLAN, follow_up_date=dt.date(2026, 12, 4), **TEAM)
    assert len(read_pdf(render(content)).pages) <= 2


def test_reassurance_is_printed_for_a_low_risk_visit_only_never_for_an_incomplete_one():
    line = load_guidance().leaflet["nothing_to_change"]
    assert read_pdf(pdf_of(LOW_RISK)).contains(line)
    for doc in (INCREASED, HIGH_RISK, TYPICAL_HIGH, EMPTY, visit_doc(sleep__position=None)):
        assert not read_pdf(pdf_of(doc)).contains(line)


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("name", ["high", "typical", "many"])
def test_family_context_and_practitioner_notes_never_reach_the_sheet(name: str, paper: Paper):
    content, assessment = content_of(_with_context(SAMPLES[name]), agreed_actions=PLAN, **TEAM)
    assert assessment.context  # the sample does record context
    text = read_pdf(render(content, paper=paper))
    lowered = text.words.lower()
    for word in CONTEXT_WORDS:
        assert word not in lowered, word
    guidance = load_guidance()
    for entry in guidance.entries.values():
        assert not text.contains(entry.practitioner_note), entry.code
        if entry.kind == "context":
            assert entry.title.lower() not in lowered, entry.code
    for code in ("ask_to_see_sleep_space", "be_curious_about_adults", "discuss_with_supervisor"):
        assert guidance[code].title not in text.words
    assert "gov.uk" not in lowered and not any("gov.uk" in link for link in text.links)
    metadata = " ".join(text.metadata.values()).lower()
    assert all(word not in metadata for word in CONTEXT_WORDS)


@pytest.mark.parametrize("social_care", ["early_help", "child_in_need", "child_protection"])
def test_recorded_context_changes_nothing_on_the_sheet(social_care: str):
    for doc in (LOW_RISK, TYPICAL_HIGH):
        v2 = copy.deepcopy(doc)
        v2["format"] = "safesleep.visit/2"
        with_context, without = read_pdf(pdf_of(_with_context(doc, social_care))), read_pdf(pdf_of(v2))
        assert with_context.pages == without.pages
        for key in ("/Title", "/Author", "/Subject", "/Keywords"):
            assert with_context.metadata[key] == without.metadata[key]


def test_the_familys_own_plan_for_different_nights_is_printed_in_their_words():
    doc = copy.deepcopy(TYPICAL_HIGH)
    doc["format"] = "safesleep.visit/2"
    doc["plan"] = {
        "out_of_routine": [
            {"situation": "night_away", "arrangement": "Travel cot at Nan's; Dad stays sober"},
            {
                "situation": "visitors_or_celebration",
                "arrangement": "Ruby naps upstairs in her basket & <cot>",
            },
        ]
    }
    content, _ = content_of(doc, agreed_actions=PLAN)
    for paper in Paper:
        text = read_pdf(render(content, paper=paper))
        assert "Your plan for nights that are different" in text.words
        assert "A night away from home" in text.words and "Visitors or a celebration" in text.words
        assert text.contains("Travel cot at Nan's; Dad stays sober")
        assert text.contains("Ruby naps upstairs in her basket & <cot>")
        assert text.count(load_guidance()["out_of_routine_plan"].family_advice) == 1


def test_without_a_plan_for_different_nights_there_is_no_such_section():
    assert "nights that are different" not in read_pdf(pdf_of(TYPICAL_HIGH)).words


def test_plan_ahead_advice_is_printed_for_every_family():
    guidance = load_guidance()
    for doc in SAMPLES.values():
        assert read_pdf(pdf_of(doc)).contains(guidance["out_of_routine_plan"].family_advice)


@pytest.mark.parametrize("name", SAMPLES)
def test_every_linked_page_is_named_and_linked_on_paper_and_spelt_out_on_a_phone(name: str):
    content, _ = content_of(SAMPLES[name])
    paper, phone = read_pdf(render(content)), read_pdf(render(content, paper=Paper.phone))
    assert content.linked_pages
    for page in content.linked_pages:
        assert paper.contains(page.label) and page.url in paper.links  # a QR code, named, tappable
        assert phone.contains(page.url.removeprefix("https://")) and page.url in phone.links


def test_practitioner_plan_and_follow_up_are_printed():
    text = read_pdf(pdf_of(HIGH_RISK, agreed_actions="\n".join(PLAN), follow_up_date=dt.date(2026, 12, 4)))
    assert "Alex Visitor" in text.words and "023 8000 1234" in text.words
    assert "Our plan together" in text.words
    for line in PLAN:
        assert text.contains(line)
    assert "Next visit: 4 December 2026" in text.words


def test_plan_section_is_left_out_when_nothing_was_agreed():
    assert "Our plan together" not in read_pdf(pdf_of(HIGH_RISK)).words
