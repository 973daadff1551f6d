"""Guidance content: one entry per code, each with an https source."""

from __future__ import annotations

import pytest

from app.domain.assessment import CONTEXT_CODES, FACTOR_CODES, PROMPT_CODES, PROTECTIVE_CODES
from app.domain.guidance import load_guidance, parse_guidance

ALLOWED_SOURCES = (
    "https://www.lullabytrust.org.uk/",
    "https://www.nice.org.uk/guidance/ng194",
    "https://www.gov.uk/government/publications/sudi-in-families-where-children-are-considered",
)


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
        assert entry.source_url.startswith(ALLOWED_SOURCES), entry.source_url


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
    with pytest.raises(ValueError, match=r"factors\.premature: missing source_url"):
        parse_guidance(text)
