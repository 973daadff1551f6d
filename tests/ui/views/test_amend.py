"""The amend form: every answer can be corrected, the out-of-routine plan too, in plain words."""

from __future__ import annotations

from typing import Any

from app.services import families, visits
from app.ui.questions import QUESTION_BY_PATH
from app.ui.state import VisitState
from app.ui.views.amend import AMENDABLE, new_value, plan_key, routine_value

PLAN = QUESTION_BY_PATH["plan.out_of_routine"]


def _signed_with_a_plan(store: Any, family_id: str) -> VisitState:
    baby = families.family(store=store, family_id=family_id).babies[0].baby_id
    visit = VisitState()
    visit.open(store, visits.start_visit(store=store, family_id=family_id, baby_id=baby))
    assert visit.set_routine("holiday", "Travel cot in our room")
    assert visit.set_routine("night_away", "Moses basket at Nan's")
    assert visit.sign(reason="Short visit")
    return visit


def test_every_question_and_note_can_be_amended() -> None:
    assert {q.path for q in AMENDABLE} == set(QUESTION_BY_PATH)
    assert "plan.out_of_routine" in {q.path for q in AMENDABLE}


def test_the_plan_is_amended_by_situation_and_reads_back_in_plain_words(store: Any, family_id: str) -> None:
    visit = _signed_with_a_plan(store, family_id)
    typed = {plan_key("holiday"): "Travel cot in our room, Dad sober", plan_key("night_away"): "Moses basket"}
    path, value, problem = new_value(PLAN, visit, "", ["holiday"], typed)  # night away unticked
    assert (path, problem) == ("plan.out_of_routine", "")
    assert value == [{"situation": "holiday", "arrangement": "Travel cot in our room, Dad sober"}]
    assert visit.amend(reason="Family changed their holiday plan", changes={path: value})
    assert visit.value("plan.out_of_routine") == value
    line = visit.amendments[0]
    assert "The family's plan for a change of routine: " in line
    assert "A holiday: Travel cot in our room; " in line
    assert "→ A holiday: Travel cot in our room, Dad sober." in line
    assert "{" not in line and "situation" not in line  # words, never the stored structure


def test_a_ticked_situation_without_an_arrangement_is_refused_in_words() -> None:
    value, problem = routine_value(["holiday"], {plan_key("holiday"): "  "})
    assert value is None
    assert problem == "A holiday: write the family's own arrangement (1 to 300 characters)"
    assert routine_value([], {}) == (None, "")  # nothing ticked: not recorded
