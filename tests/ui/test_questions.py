"""The guided visit asks every question the assessment knows about."""

from __future__ import annotations

from app.domain.assessment import QUESTIONS
from app.ui.pdf_links import PdfLinks
from app.ui.questions import QUESTION_BY_PATH, STEPS, words_for

# New in safesleep.visit/2; the guided visit's screens for them are being built from app.domain.guide.
NOT_YET_ON_SCREEN = {
    "visit.baby_seen",
    "visit.present",
    "baby.multiple_birth",
    "baby.unwell",
    "sleep.day_place",
    "sleep.swaddled",
    "sleep.head_covered",
    "sleep.bed_sharing_with",
    "family.previous_infant_death",
    "family.social_care",
    "plan.out_of_routine",
    "plan.advice_declined",
}


def test_every_assessed_question_is_asked_by_a_step() -> None:
    asked = set(QUESTION_BY_PATH) | {"baby.birth_weight_kg"}
    missing = [q for q in QUESTIONS if q not in asked and q != "visit.date"]
    assert set(missing) <= NOT_YET_ON_SCREEN


def test_each_step_is_short() -> None:
    assert all(1 <= len(s.questions) <= 6 for s in STEPS)
    assert [s.slug for s in STEPS if s.private] == ["family"]


def test_answers_read_as_words_and_unanswered_as_not_recorded() -> None:
    assert words_for("sleep.seen", None) == "Not recorded"
    assert words_for("sleep.seen", False) == "No"
    assert words_for("sleep.place", "moses_basket") == "Moses basket"
    assert words_for("sleep.items", []) == "Nothing in the sleep space"


def test_pdf_links_are_unguessable_expire_and_die_with_the_session() -> None:
    links = PdfLinks(ttl=60)
    a = links.add(b"%PDF-a", session="s1")
    b = links.add(b"%PDF-b", session="s2")
    assert a != b and len(a) >= 40
    assert links.get(a) == (b"%PDF-a", "leaflet.pdf")
    links.forget_session("s1")
    assert links.get(a) is None and links.get(b) is not None
    expired = PdfLinks(ttl=-1)
    assert expired.get(expired.add(b"x", session="s")) is None
