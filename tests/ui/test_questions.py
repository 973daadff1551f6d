"""The guided visit asks every question of the domain's visit guide, in its order, in plain words."""

from __future__ import annotations

from app.domain.guide import GUIDE, QUESTIONS
from app.ui.questions import QUESTION_BY_PATH, STEPS, option_words, words_for


def test_every_question_of_the_guide_is_asked_in_its_order_on_its_step() -> None:
    asked = [q.path for s in STEPS for q in s.questions]
    assert [p for p in asked if p in QUESTIONS] == list(QUESTIONS)
    for guide_step, step in zip(GUIDE, STEPS, strict=False):
        assert step.slug == guide_step.slug and step.private == guide_step.private


def test_each_step_is_short_and_only_the_guides_private_step_is_private() -> None:
    assert all(1 <= len(s.questions) <= 7 for s in STEPS)
    assert [s.slug for s in STEPS if s.private] == [g.slug for g in GUIDE if g.private]


def test_every_question_and_option_has_words_not_codes() -> None:
    for q in QUESTION_BY_PATH.values():
        assert "." not in q.label and "_" not in q.label, q.path
        for value, words in q.options:
            assert "_" not in words, (q.path, value)


def test_answers_read_as_words_and_unanswered_as_not_recorded() -> None:
    assert words_for("sleep.seen", None) == "Not recorded"
    assert words_for("sleep.seen", False) == "No"
    assert words_for("sleep.place", "moses_basket") == "Moses basket"
    assert words_for("sleep.items", []) == "Nothing in the sleep space"
    assert words_for("baby.date_of_birth", "2026-04-03") == "3 Apr 2026"
    assert words_for("baby.birth_weight_lb", 5.0625) == "5 lb 1 oz"
    assert option_words("situation", "night_away") == "A night away"
    assert words_for("plan.out_of_routine", [{"situation": "night_away", "arrangement": "Nan's"}]) == (
        "A night away: Nan's"
    )
