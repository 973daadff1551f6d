"""The leaflet PDF read back with pypdf and rendered with pdftoppm."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.colors import Color, white
from reportlab.lib.styles import ParagraphStyle

from app.domain.assessment import FACTOR_CODES
from app.domain.guidance import load_guidance
from app.leaflet import render
from app.leaflet.styles import BOX_FILL, MIN_BODY_SIZE, leaflet_styles
from tests.domain.factories import visit_doc
from tests.leaflet.conftest import content_of, pdf_of
from tests.leaflet.pdf import read_pdf, render_pngs
from tests.leaflet.samples import EMPTY, HIGH_RISK, LOW_RISK, MANY_FACTORS, PLAN

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
    "bed_sharing_multiples": {"sleep__bed_sharing": "usually", "baby__multiple_birth": True},
}
VERSION = load_guidance().version
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
)
SAMPLES = {"low": LOW_RISK, "high": HIGH_RISK, "many": MANY_FACTORS, "empty": EMPTY}


def _with_context(doc: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    out["family"] = {
        "domestic_abuse": True,
        "parental_mental_health": True,
        "substance_misuse": True,
        "unidentified_adults": True,
        "out_of_routine_planned": True,
    }
    return out


def test_every_factor_code_has_a_trigger_here():
    assert set(TRIGGERS) == set(FACTOR_CODES)


@pytest.mark.parametrize("code", FACTOR_CODES)
def test_each_factor_advice_is_printed_exactly_when_the_factor_is_present(code: str):
    doc = _with_context(visit_doc(**TRIGGERS[code]))
    content, assessment = content_of(doc)
    assert assessment.has(code)
    text = read_pdf(render(content))
    guidance = load_guidance()
    for other in FACTOR_CODES:
        assert text.contains(guidance[other].family_advice) is assessment.has(other), other


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_leaflets_print_advice_for_their_factors_only(name: str):
    content, assessment = content_of(SAMPLES[name])
    text = read_pdf(render(content))
    guidance = load_guidance()
    for code in FACTOR_CODES:
        assert text.contains(guidance[code].family_advice) is assessment.has(code), code
    assert text.contains(guidance["bed_sharing_safety_advice"].family_advice) is (
        "bed_sharing_safety_advice" in assessment.prompts
    )


def test_many_factor_leaflet_prints_every_factor_highest_severity_first():
    text = read_pdf(pdf_of(MANY_FACTORS))
    guidance = load_guidance()
    _, assessment = content_of(MANY_FACTORS)
    assert len(assessment.factors) >= 16
    present = [c for c in FACTOR_CODES if assessment.has(c)]
    positions = [text.words.index(" ".join(guidance[c].title.split())) for c in present]
    assert positions == sorted(positions)  # FACTOR_CODES lists every high factor first
    assert text.words.count("Most important") == 8


@pytest.mark.parametrize("name", ["high", "many"])
def test_family_context_and_practitioner_notes_never_reach_the_sheet(name: str):
    doc = SAMPLES[name]
    content, assessment = content_of(doc, agreed_actions=PLAN)
    assert assessment.context  # the sample does record context
    text = read_pdf(render(content))
    lowered = text.words.lower()
    for word in CONTEXT_WORDS:
        assert word not in lowered, word
    guidance = load_guidance()
    for entry in guidance.entries.values():
        assert not text.contains(entry.practitioner_note), entry.code
    for code in ("ask_to_see_sleep_space", "be_curious_about_adults", "discuss_with_supervisor"):
        assert guidance[code].title not in text.words
    assert "gov.uk" not in lowered and not any("gov.uk" in link for link in text.links)
    assert all(word not in " ".join(text.metadata.values()).lower() for word in CONTEXT_WORDS)


def test_recorded_context_changes_nothing_on_the_sheet():
    with_context = read_pdf(pdf_of(_with_context(LOW_RISK)))
    without = read_pdf(pdf_of(LOW_RISK))
    assert with_context.pages == without.pages


def test_plan_ahead_advice_is_printed_for_every_family():
    guidance = load_guidance()
    for doc in SAMPLES.values():
        assert read_pdf(pdf_of(doc)).contains(guidance["out_of_routine_plan"].family_advice)


@pytest.mark.parametrize("name", SAMPLES)
def test_leaflet_names_the_baby_and_lists_phone_numbers_and_linked_pages(name: str):
    content, _ = content_of(SAMPLES[name])
    text = read_pdf(render(content))
    assert text.metadata["/Title"] == content.title
    assert text.pages[0].lstrip().startswith(content.title)
    assert text.metadata["/Subject"]
    assert text.metadata["/Author"] == "Safer Sleep Visits"
    assert "0808 802 6869" in text.words
    assert content.linked_pages
    for page in content.linked_pages:
        assert text.contains(page.url.removeprefix("https://"))
        assert page.url in text.links
    for message in load_guidance().key_messages:
        assert text.contains(message.text)


def test_titles_use_the_first_name_or_your_baby():
    assert read_pdf(pdf_of(LOW_RISK)).metadata["/Title"] == "Safer sleep for Sam"
    assert read_pdf(pdf_of(EMPTY)).metadata["/Title"] == "Safer sleep for your baby"
    assert "Things to change to keep Ruby safer" in read_pdf(pdf_of(HIGH_RISK)).words


def test_practitioner_plan_and_follow_up_are_printed():
    import datetime as dt

    text = read_pdf(pdf_of(HIGH_RISK, agreed_actions="\n".join(PLAN), follow_up_date=dt.date(2026, 12, 4)))
    assert "Speak to your health visitor" in text.words
    assert "Alex Visitor" in text.words and "023 8000 1234" in text.words
    assert "Our plan together" in text.words
    for line in PLAN:
        assert text.contains(line)
    assert "Next visit: 4 December 2026" in text.words


def test_plan_section_is_left_out_when_nothing_was_agreed():
    assert "Our plan together" not in read_pdf(pdf_of(HIGH_RISK)).words


def test_free_text_with_markup_characters_and_accents_prints_as_written():
    doc = copy.deepcopy(LOW_RISK)
    doc["baby"]["name"] = "Łucja & <Zoë>"
    doc["practitioner"]["name"] = "Şükrü O’Neill <Team & Co>"
    text = read_pdf(pdf_of(doc, agreed_actions=["Use the <cot> & sleep bag"]))
    assert text.metadata["/Title"] == "Safer sleep for Łucja"
    assert "Şükrü O’Neill <Team & Co>" in text.words
    assert "Use the <cot> & sleep bag" in text.words


def test_degree_sign_dash_and_curly_apostrophe_survive():
    text = read_pdf(pdf_of(MANY_FACTORS))
    assert "20°C" in text.words
    assert "Jo O’Neill-Smith" in text.words
    assert f"{VERSION} · 20 November 2026" in text.words


@pytest.mark.parametrize(
    ("paper", "size"), [("A4", (595, 842)), ("letter", (612, 792)), ("LETTER", (612, 792))]
)
def test_paper_size_is_a4_by_default_or_letter(paper: str, size: tuple[int, int]):
    assert set(read_pdf(pdf_of(HIGH_RISK, paper=paper)).sizes) == {size}


def test_unknown_paper_is_refused_naming_the_choices():
    content, _ = content_of(LOW_RISK)
    with pytest.raises(ValueError, match="a4, letter"):
        render(content, paper="A3")


@pytest.mark.parametrize(
    ("name", "paper", "plan", "pages"),
    [
        ("low", "A4", None, {1, 2}),  # every leaflet now carries a bed-sharing block (QS37)
        ("low", "A4", PLAN, {1, 2}),
        ("low", "letter", None, {1, 2}),
        ("high", "A4", PLAN, {1, 2}),
        ("high", "letter", PLAN, {1, 2}),
        ("empty", "A4", None, {1, 2}),
        ("many", "A4", PLAN, {2, 3, 4}),
        ("many", "letter", PLAN, {2, 3, 4}),
    ],
)
def test_page_count_suits_the_visit(name: str, paper: str, plan: list[str] | None, pages: set[int]):
    text = read_pdf(pdf_of(SAMPLES[name], paper=paper, agreed_actions=plan))
    assert len(text.pages) in pages
    for number, page in enumerate(text.pages, start=1):
        assert f"Page {number} of {len(text.pages)}" in page
        assert f"Guidance version {VERSION}" in page


@pytest.mark.parametrize("name", ["low", "many"])
def test_only_the_footer_is_smaller_than_12_points(name: str):
    small = read_pdf(pdf_of(SAMPLES[name])).small_runs
    assert small  # the footer is there, at 10 pt
    assert all(run.startswith(("Guidance version", "Page ")) for run in small), small


@pytest.mark.parametrize("name", ["low", "high", "many"])
def test_pdftoppm_renders_every_page(name: str, tmp_path: Path):
    pdf = pdf_of(SAMPLES[name])
    pngs = render_pngs(pdf, tmp_path)
    assert len(pngs) == len(read_pdf(pdf).pages)
    for png in pngs:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 5_000  # not a blank page


def test_rendering_is_repeatable_for_the_same_content():
    content, _ = content_of(HIGH_RISK)
    assert read_pdf(render(content)).pages == read_pdf(render(content)).pages


def _contrast(a: Color, b: Color) -> float:
    def luminance(c: Color) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue)

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_text_style_is_dark_enough_for_a_black_and_white_printer():
    styles = leaflet_styles()
    for field in dataclasses.fields(styles):
        style = getattr(styles, field.name)
        if isinstance(style, ParagraphStyle):
            for paper in (white, BOX_FILL):
                assert _contrast(style.textColor, paper) >= 7, field.name  # WCAG AAA
            assert style.fontSize >= MIN_BODY_SIZE, field.name
    assert _contrast(styles.footer_ink, white) >= 7
