"""Guidance content: one entry per code, each with an https source."""

from __future__ import annotations

import pytest

from app.domain.assessment import CONTEXT_CODES, FACTOR_CODES, PROMPT_CODES, PROTECTIVE_CODES
from app.domain.guidance import load_guidance, parse_guidance

# Every page cited was read; these are the publishers (The Lullaby Trust and its Little Lullaby site,
# NICE NG194 and QS37, the Panel's "Out of routine", and NHS / BAPM pages that reproduce Trust advice).
ALLOWED_SOURCES = (
    "https://www.lullabytrust.org.uk/",
    "https://lullabytrust.org.uk/",
    "https://littlelullaby.org.uk/",
    "https://www.nice.org.uk/guidance/ng194",
    "https://nice.org.uk/guidance/qs37/",
    "https://www.gov.uk/government/publications/sudi-in-families-where-children-are-considered",
    "https://childrenshealthsurrey.nhs.uk/",
    "https://www.leedsth.nhs.uk/",
    "https://bapm.org/",
    "https://www.ncmd.info/safety/",
)
HUB_PAGE = "https://www.lullabytrust.org.uk/safer-sleep-advice/"


@pytest.mark.parametrize(
    ("kind", "codes"),
    [
        ("factors", FACTOR_CODES),
        ("protective", PROTECTIVE_CODES),
        ("prompts", PROMPT_CODES),
        ("context", CONTEXT_CODES),
    ],
)
def test_every_code_has_an_entry_with_title_note_and_https_source(kind: str, codes: tuple[str, ...]):
    g = load_guidance()
    for code in codes:
        entry = g[code]
        assert entry.kind == kind
        assert entry.title and entry.practitioner_note
        assert entry.sources, code
        for url in entry.sources:
            assert url.startswith(ALLOWED_SOURCES), (code, url)


def test_every_factor_and_protective_code_has_family_advice_in_short_sentences():
    g = load_guidance()
    for code in (*FACTOR_CODES, *PROTECTIVE_CODES):
        advice = g[code].family_advice
        assert advice, code
        sentences = [s for s in advice.replace("\n", " ").split(". ") if s]
        assert max(len(s.split()) for s in sentences) <= 30, code


def test_guidance_has_a_version_and_the_lullaby_trust_information_line():
    g = load_guidance()
    assert g.version
    assert g.information_line == "0808 802 6869"
    assert len(g.key_messages) >= 6


def test_an_entry_without_a_source_is_refused_by_name():
    text = 'guidance_version = "x"\n[factors.premature]\ntitle = "t"\npractitioner_note = "n"\n'
    with pytest.raises(ValueError, match=r"factors\.premature: missing sources"):
        parse_guidance(text)


def test_an_entry_with_a_plain_http_source_is_refused():
    text = 'guidance_version = "x"\n[factors.premature]\ntitle = "t"\npractitioner_note = "n"\nsources = ["http://x"]\n'
    with pytest.raises(ValueError, match=r"factors\.premature: sources must be https"):
        parse_guidance(text)


@pytest.mark.parametrize("word", ["most ", "commonest", "Most "])
def test_no_entry_overstates_the_panel_with_most_or_commonest(word: str):
    for entry in load_guidance().entries.values():
        note = " ".join(entry.practitioner_note.split())
        assert word not in note.replace("most dangerous", "").replace("most protective", ""), entry.code


def test_the_every_contact_bed_sharing_discussion_is_cited_to_qs37():
    g = load_guidance()
    for code in ("bed_sharing_safety_advice", "bed_sharing_not_safe"):
        assert "QS37" in g[code].practitioner_note
        assert any("qs37" in url for url in g[code].sources)


def test_alcohol_advice_says_any_alcohol():
    g = load_guidance()
    assert "any alcohol" in g["bed_sharing_after_alcohol_or_drugs"].family_advice
    assert "any alcohol" in g["bed_sharing_safety_advice"].family_advice


def test_premature_and_low_birth_weight_are_framed_as_extra_care():
    g = load_guidance()
    for code in ("premature", "low_birth_weight"):
        assert g[code].title.startswith("Extra care")
        assert "extra care" in g[code].family_advice


def test_room_temperature_advice_covers_a_cold_room():
    assert "colder than 16" in load_guidance()["room_temperature"].family_advice


def test_every_factor_and_protective_entry_cites_a_topic_page_not_only_the_hub():
    g = load_guidance()
    for code in (*FACTOR_CODES, *PROTECTIVE_CODES):
        assert HUB_PAGE not in g[code].sources, code
