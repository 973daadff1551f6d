"""Amend a signed visit: pick any answer or note, give the new one and a reason; it reads back in words."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.domain.values import ARRANGEMENT_CHARS, MAX_OUT_OF_ROUTINE, Situation, allowed
from app.services.typed import parse_typed
from app.ui.hooks import use_typed_text
from app.ui.questions import NO, NOT_RECORDED, QUESTION_BY_PATH, YES, Question, option_words
from app.ui.state import VisitState
from app.ui.views.widgets import heading, nav_button

AMENDABLE: list[Question] = list(QUESTION_BY_PATH.values())  # every answer and note
ROUTINE = "plan.out_of_routine"
SITUATIONS = allowed(Situation)


def plan_key(situation: str) -> str:
    """Where the amend form keeps the arrangement typed for one situation."""
    return f"plan.{situation}"


def routine_value(ticked: list[str], typed: dict[str, str]) -> tuple[Any, str]:
    """(the plan's new entries or None, problem in words) from the situations ticked and typed."""
    lo, hi = ARRANGEMENT_CHARS
    entries = []
    for s in (s for s in SITUATIONS if s in ticked):
        text = typed.get(plan_key(s), "").strip()
        words = option_words(f"{ROUTINE}.situation", s)
        if not lo <= len(text) <= hi:
            return None, f"{words}: write the family's own arrangement ({lo} to {hi} characters)"
        entries.append({"situation": s, "arrangement": text})
    if len(entries) > MAX_OUT_OF_ROUTINE:
        return None, f"tick at most {MAX_OUT_OF_ROUTINE} situations"
    return entries or None, ""


def _choices(q: Question) -> list[tuple[str, str]]:
    if q.kind == "yes_no":
        return [(YES, YES), (NO, NO), ("", NOT_RECORDED)]
    return [*q.options, ("", NOT_RECORDED)]


def new_value(
    q: Question, visit: VisitState, picked: str, ticked: list[str], typed: dict[str, str]
) -> tuple[str, Any, str]:
    """(stored path, new value, problem) for what the amend form holds."""
    path = "notes.follow_up_date" if q.path == "notes.follow_up" else visit.stored_path(q.path)
    if q.kind == "routine":
        entries, problem = routine_value(ticked, typed)
        return path, entries, problem
    if q.kind == "yes_no":
        return path, {YES: True, NO: False}.get(picked), ""
    if q.kind == "choice":
        return path, picked or None, ""
    if q.kind == "multi":
        return path, [o for o, _ in q.options if o in ticked] or None, ""
    if q.kind == "people":
        chosen = [p.as_answer() for p in visit.people if p.key in ticked]
        return path, chosen or None, ""
    kind = "text" if q.kind == "text" else q.kind
    parsed = parse_typed(kind, path, typed.get("value", ""))
    return path, parsed.value, parsed.problem or ""


def _plan_editor(ticked: list[str], typed: dict[str, str], tick: Any) -> ft.Control:
    """Each situation as a tick, with the family's arrangement for it beneath (as recorded, to change)."""
    rows: list[ft.Control] = [ft.Text("New plan (tick each situation; none ticked = not recorded)", size=15)]
    for s in SITUATIONS:
        words = option_words(f"{ROUTINE}.situation", s)
        rows.append(
            ft.Checkbox(
                label=words,
                value=s in ticked,
                on_change=lambda e, s=s: tick(s, bool(e.control.value)),
                label_style=ft.TextStyle(size=16),
            )
        )
        if s in ticked:
            rows.append(
                ft.TextField(
                    label=f"Their plan: {words.lower()}",
                    value=typed.get(plan_key(s), ""),
                    multiline=True,
                    text_size=16,
                    on_change=lambda e, s=s: typed.__setitem__(plan_key(s), e.control.value or ""),
                )
            )
    return ft.Column(rows, spacing=4, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


@ft.component
def Amend(visit: VisitState) -> ft.Control:
    path, set_path = ft.use_state(AMENDABLE[0].path)
    picked, set_picked = ft.use_state("")
    ticked, set_ticked = ft.use_state(list[str]())
    problem, set_problem = ft.use_state("")
    typed = use_typed_text(dict)  # every key typed counts as use (idle lock)
    q = QUESTION_BY_PATH[path]

    def submit() -> None:
        stored, value, wrong = new_value(q, visit, picked, ticked, typed)
        if wrong:
            set_problem(wrong)
            return
        set_problem("")
        if visit.amend(reason=typed.get("reason", ""), changes={stored: value}):
            typed.clear()
            set_picked("")
            set_ticked([])

    def choose_question(e: Any) -> None:
        set_path(e.control.value)
        set_picked("")
        set_problem("")
        for k in [k for k in typed if k != "reason"]:
            typed.pop(k)
        plan = visit.value(ROUTINE) if e.control.value == ROUTINE else None
        for entry in plan or []:  # the plan starts as recorded: change one situation, keep the rest
            typed[plan_key(entry["situation"])] = entry["arrangement"]
        set_ticked([entry["situation"] for entry in plan or []])

    def tick(option: str, on: bool) -> None:
        set_ticked([o for o in ticked if o != option] + ([option] if on else []))

    editor: ft.Control
    if q.kind == "routine":
        editor = _plan_editor(ticked, typed, tick)
    elif q.kind in ("yes_no", "choice"):
        editor = ft.Semantics(
            label="New answer",
            identifier="amend-value",
            value=picked,
            container=True,
            content=ft.Dropdown(
                label="New answer",
                value=picked or None,
                expand=True,
                options=[ft.DropdownOption(key=k or "-", text=w) for k, w in _choices(q)],
                on_select=lambda e: set_picked("" if e.control.value in (None, "-") else e.control.value),
            ),
        )
    elif q.kind in ("multi", "people"):
        options = list(q.options) if q.kind == "multi" else [(p.key, p.words) for p in visit.people]
        editor = ft.Column(
            [ft.Text("New answer (tick all that apply; none ticked = not recorded)", size=15)]
            + [
                ft.Checkbox(
                    label=w,
                    value=o in ticked,
                    on_change=lambda e, o=o: tick(o, bool(e.control.value)),
                    label_style=ft.TextStyle(size=16),
                )
                for o, w in options
            ],
            spacing=0,
        )
    else:
        editor = ft.TextField(
            label="New answer",
            hint_text="dd/mm/yyyy" if q.kind == "date" else (q.hint or None),
            value=typed.get("value", ""),
            text_size=16,
            multiline=q.kind == "text",
            on_change=lambda e: typed.__setitem__("value", e.control.value or ""),
        )
    error = problem or visit.errors.get("amend.value")
    return ft.Column(
        [
            heading("Amend this visit"),
            ft.Text(
                "A signed visit is never changed. A correction is added as an amendment, "
                "with your reason, and the risk is reassessed.",
                size=15,
            ),
            ft.Semantics(
                label="Answer to correct",
                identifier="amend-path",
                value=q.label,
                container=True,
                content=ft.Dropdown(
                    label="Answer to correct",
                    value=path,
                    expand=True,
                    options=[ft.DropdownOption(key=a.path, text=a.label) for a in AMENDABLE],
                    on_select=choose_question,
                ),
            ),
            ft.Text(f"Recorded now: {visit.words(path)}", size=16, weight=ft.FontWeight.W_600),
            editor,
            *([ft.Text(f"New answer: {error}", color="#B3261E", size=15)] if error else []),
            ft.TextField(
                label="Reason for the amendment",
                value=typed.get("reason", ""),
                multiline=True,
                min_lines=2,
                text_size=16,
                error=visit.errors.get("amend.reason"),
                error_max_lines=3,
                on_change=lambda e: typed.__setitem__("reason", e.control.value or ""),
            ),
            nav_button("Record amendment", lambda e: submit(), primary=True),
        ],
        spacing=12,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )
