"""The leaflet PDF read back with pypdf and rendered with pdftoppm: papers, metadata, type, colour."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest
from reportlab.lib.colors import Color, white
from reportlab.lib.styles import ParagraphStyle

from app.domain.guidance import load_guidance
from app.domain.leaflet_content import Paper
from app.leaflet import render
from app.leaflet.styles import BOX_FILL, MIN_BODY_SIZE, leaflet_styles
from tests.leaflet.helpers import content_of, pdf_of
from tests.leaflet.pdf import read_pdf, render_pngs
from tests.leaflet.samples import EMPTY, HIGH_RISK, INCREASED, LOW_RISK, MANY_FACTORS, PLAN, TYPICAL_HIGH

SAMPLES = {
    "low": LOW_RISK,
    "increased": INCREASED,
    "high": HIGH_RISK,
    "typical": TYPICAL_HIGH,
    "many": MANY_FACTORS,
    "empty": EMPTY,
}


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("name", SAMPLES)
def test_metadata_names_the_sheet_in_british_english_with_the_team_as_author(name: str, paper: Paper):
    content, _ = content_of(SAMPLES[name], team_name="Portswood HV team")
    text = read_pdf(render(content, paper=paper))
    assert text.metadata["/Title"] == content.title
    assert text.metadata["/Author"] == "Portswood HV team"
    assert text.metadata["/Subject"]
    assert text.language == "en-GB"
    assert text.shows_title
    assert " ".join(text.pages[0].split()).startswith(content.title)  # real, extractable text


def test_without_a_team_the_author_is_the_app():
    assert read_pdf(pdf_of(LOW_RISK)).metadata["/Author"] == "Safer Sleep Visits"


def test_titles_use_the_first_name_or_your_baby():
    assert read_pdf(pdf_of(LOW_RISK)).metadata["/Title"] == "Safer sleep for Sam"
    assert read_pdf(pdf_of(EMPTY)).metadata["/Title"] == "Safer sleep for your baby"


@pytest.mark.parametrize(
    ("paper", "size"),
    [("A4", (595, 842)), ("a4", (595, 842)), ("letter", (612, 792)), ("LETTER", (612, 792))],
)
def test_paper_size_is_a4_by_default_or_letter(paper: str, size: tuple[int, int]):
    assert set(read_pdf(pdf_of(HIGH_RISK, paper=paper)).sizes) == {size}
    assert set(read_pdf(pdf_of(HIGH_RISK)).sizes) == {(595, 842)}


@pytest.mark.parametrize("name", SAMPLES)
def test_phone_pages_are_at_most_110_mm_wide_and_carry_the_same_messages(name: str):
    content, _ = content_of(SAMPLES[name], agreed_actions=PLAN)
    phone = read_pdf(render(content, paper=Paper.phone))
    a4 = read_pdf(render(content, paper=Paper.a4))
    assert all(width <= 110 for width, _ in phone.sizes_mm)
    assert all(width >= 90 for width, _ in phone.sizes_mm)
    for item in content.changes:
        assert phone.contains(item.headline) and a4.contains(item.headline)
    for line in PLAN:
        assert phone.contains(line)


def test_phone_type_is_larger_than_print_and_links_are_tappable_without_qr_codes():
    phone, a4 = leaflet_styles(Paper.phone), leaflet_styles(Paper.a4)
    assert phone.body.fontSize > a4.body.fontSize >= MIN_BODY_SIZE
    content, _ = content_of(HIGH_RISK)
    text = read_pdf(render(content, paper="phone"))
    for page in content.linked_pages:
        assert page.url in text.links


def test_unknown_paper_is_refused_naming_the_choices():
    content, _ = content_of(LOW_RISK)
    with pytest.raises(ValueError, match="a4, letter, phone"):
        render(content, paper="A3")


@pytest.mark.parametrize(
    ("name", "paper", "plan", "pages"),
    [
        ("low", "A4", None, {1, 2}),
        ("low", "A4", PLAN, {1, 2}),
        ("high", "A4", PLAN, {2}),
        ("high", "letter", PLAN, {2, 3}),
        ("typical", "A4", PLAN, {2}),
        ("empty", "A4", None, {1, 2}),
        ("many", "A4", PLAN, {3, 4}),
        ("many", "letter", PLAN, {4, 5}),
    ],
)
def test_page_count_suits_the_visit(name: str, paper: str, plan: list[str] | None, pages: set[int]):
    text = read_pdf(pdf_of(SAMPLES[name], paper=paper, agreed_actions=plan))
    assert len(text.pages) in pages
    for number, page in enumerate(text.pages, start=1):
        assert f"Page {number} of {len(text.pages)}" in page
        assert f"Guidance version {load_guidance().version}" in page


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("name", ["low", "many"])
def test_only_the_footer_is_smaller_than_12_points(name: str, paper: Paper):
    small = read_pdf(pdf_of(SAMPLES[name], paper=paper)).small_runs
    assert small  # the footer is there, at 10 pt
    assert all(run.startswith(("Guidance version", "Page ")) for run in small), small


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("name", ["low", "typical", "many"])
def test_pdftoppm_renders_every_page(name: str, paper: Paper, tmp_path: Path):
    pdf = pdf_of(SAMPLES[name], paper=paper)
    pngs = render_pngs(pdf, tmp_path)
    assert len(pngs) == len(read_pdf(pdf).pages)
    for png in pngs:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 3_000  # not a blank page


def test_rendering_is_repeatable_for_the_same_content():
    content, _ = content_of(HIGH_RISK)
    assert read_pdf(render(content)).pages == read_pdf(render(content)).pages


def test_free_text_with_markup_characters_and_accents_prints_as_written():
    doc = copy.deepcopy(LOW_RISK)
    doc["baby"]["name"] = "Łucja & <Zoë>"
    doc["practitioner"]["name"] = "Şükrü O’Neill <Team & Co>"
    text = read_pdf(pdf_of(doc, agreed_actions=["Use the <cot> & sleep bag"], team_name="{baby} & <b>"))
    assert text.metadata["/Title"] == "Safer sleep for Łucja"
    assert "Şükrü O’Neill <Team & Co>" in text.words
    assert "Use the <cot> & sleep bag" in text.words
    assert "{baby} & <b>" in text.words


def test_degree_sign_dash_and_curly_apostrophe_survive():
    text = read_pdf(pdf_of(MANY_FACTORS))
    assert "20°C" in text.words
    assert "Jo O’Neill-Smith" in text.words
    assert f"{load_guidance().version} · 20 November 2026" in text.words


def _contrast(a: Color, b: Color) -> float:
    def luminance(c: Color) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue)

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("paper", list(Paper))
def test_every_text_style_is_dark_enough_for_a_black_and_white_printer(paper: Paper):
    styles = leaflet_styles(paper)
    for field in dataclasses.fields(styles):
        style = getattr(styles, field.name)
        if isinstance(style, ParagraphStyle):
            for background in (white, BOX_FILL):
                assert _contrast(style.textColor, background) >= 7, field.name  # WCAG AAA
            assert style.fontSize >= MIN_BODY_SIZE, field.name
    assert _contrast(styles.footer_ink, white) >= 7
