"""Amend a signed visit: pick any answer or note, give the new one and a reason; it reads back in words."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.services.typed import parse_typed
from app.ui.questions import NO, NOT_RECORDED, QUESTION_BY_PATH, YES, Question
from app.ui.state import VisitState
from app.ui.views.widgets import heading, nav_button

AMENDABLE: list[Question] = [q for q in QUESTION_BY_PATH.values() if q.kind != "routine"]


def _choices(q: Question) -> list[tuple[str, str]]:
    if q.kind == "yes_no":
        return [(YES, YES), (NO, NO), ("", NOT_RECORDED)]
    return [*q.options, ("", NOT_RECORDED)]


def new_value(
    q: Question, visit: VisitState, picked: str, ticked: list[str], typed: str
) -> tuple[str, Any, str]:
    """(stored path, new value, problem) for what the amend form holds."""
    path = "notes.follow_up_date" if q.path == "notes.follow_up" else visit.stored_path(q.path)
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
    parsed = parse_typed(kind, path, typed)
    return path, parsed.value, parsed.problem or ""


@ft.component
def Amend(visit: VisitState) -> ft.Control:
    path, set_path = ft.use_state(AMENDABLE[0].path)
    picked, set_picked = ft.use_state("")
    ticked, set_ticked = ft.use_state(list[str]())
    problem, set_problem = ft.use_state("")
    typed: dict[str, str] = ft.use_memo(dict, [])
    q = QUESTION_BY_PATH[path]

    def submit() -> None:
        stored, value, wrong = new_value(q, visit, picked, ticked, typed.get("value", ""))
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
        set_ticked([])
        set_problem("")
        typed.pop("value", None)

    def tick(option: str, on: bool) -> None:
        set_ticked([o for o in ticked if o != option] + ([option] if on else []))

    editor: ft.Control
    if q.kind in ("yes_no", "choice"):
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
