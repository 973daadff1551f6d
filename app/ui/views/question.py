"""The right control for each question of the guided visit (handlers are the visit state's own methods)."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.domain.values import Situation, allowed
from app.ui.questions import Question
from app.ui.state import VisitState
from app.ui.views.answer_lists import People, Routine, ShownList, routine_errors
from app.ui.views.answers import Choice, Multi, Shown, Typed, YesNo


def shown(q: Question, visit: VisitState) -> Shown:
    return Shown(
        visit.value(q.path),
        visit.text(q.path) if q.kind not in ("yes_no", "choice", "multi") else "",
        visit.errors.get(q.path),
        visit.signed,
        visit.weight_unit,
    )


def _people(q: Question, visit: VisitState, on_add: Callable[[], None] | None) -> ft.Control:
    present = visit.value(q.path)
    keys = tuple(p.key for p in visit.people if present and p.as_answer() in present)
    a = ShownList(keys, (), (), visit.signed, present is not None)
    people: ft.Control = People(
        q,
        a,
        tuple(visit.people),
        visit.toggle_person,
        lambda on: visit.answer(q.path, [] if on else None),
        on_add,
        key=q.path,
    )
    return people


def _routine(q: Question, visit: VisitState) -> ft.Control:
    situations = allowed(Situation)
    texts = tuple((s, t) for s in situations if (t := visit.routine_text(s)) is not None)
    a = ShownList(
        tuple(s for s, _ in texts),
        texts,
        routine_errors(visit.errors),
        visit.signed,
        visit.value(q.path) is not None,
    )
    routine: ft.Control = Routine(q, a, situations, visit.set_routine, key=q.path)
    return routine


def question_control(
    q: Question, visit: VisitState, *, on_add_person: Callable[[], None] | None = None
) -> ft.Control:
    a = shown(q, visit)
    control: ft.Control
    if q.kind == "yes_no":
        control = YesNo(q, a, visit.answer, key=q.path)
    elif q.kind == "choice":
        control = Choice(q, a, visit.answer, key=q.path)
    elif q.kind == "multi":
        control = Multi(q, a, visit.answer, visit.toggle, key=q.path)
    elif q.kind == "people":
        control = _people(q, visit, on_add_person)
    elif q.kind == "routine":
        control = _routine(q, visit)
    else:
        control = Typed(q, a, visit.answer_text, visit.set_weight_unit, key=q.path)
    return control
