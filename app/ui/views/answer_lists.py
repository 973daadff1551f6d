"""List answers: who was present (from the family's people) and the out-of-routine plan by situation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import flet as ft

from app.services.visits import PersonChoice
from app.ui.questions import Question, option_words
from app.ui.views.answers import ERROR, GRID, _text_style, _tile, labelled

SITUATIONS_PATH = "plan.out_of_routine.situation"


@dataclass(frozen=True, slots=True)
class ShownList:
    chosen: tuple[str, ...]  # person keys, or situations ticked
    texts: tuple[tuple[str, str], ...]  # situation -> arrangement as typed
    errors: tuple[tuple[str, str], ...]
    signed: bool
    recorded: bool


def _check_tile(
    words: str, on: bool, flip: Callable[[bool], Any], *, disabled: bool, grid: Any = GRID
) -> ft.Control:
    check = ft.Checkbox(
        label=words,
        value=on,
        on_change=lambda e: flip(bool(e.control.value)),
        disabled=disabled,
        label_style=_text_style(on, False),
        fill_color={ft.ControlState.SELECTED: ft.Colors.WHITE, ft.ControlState.DEFAULT: ft.Colors.WHITE},
        check_color="#1A4D8F",
    )
    return _tile(on, check, None if disabled else (lambda e: flip(not on)), quiet=False, grid=grid)


@ft.component
def _People(
    q: Question,
    a: ShownList,
    people: tuple[PersonChoice, ...],
    on_person: Callable[[PersonChoice, bool], bool],
    on_none: Callable[[bool], bool],
    on_add: Callable[[], None] | None,
) -> ft.Control:
    """The family's people as ticks; "No one else recorded" is an answer; nothing ticked = not recorded."""
    tiles = [
        _check_tile(p.words, p.key in a.chosen, partial(on_person, p), disabled=a.signed) for p in people
    ]
    tiles.append(
        _check_tile(q.none_label, a.recorded and not a.chosen, lambda on: on_none(on), disabled=a.signed)
    )
    extra: list[ft.Control] = []
    if not people:
        extra.append(ft.Text("No carers or other adults recorded for this family yet.", size=15, italic=True))
    if on_add is not None and not a.signed:
        extra.append(
            ft.TextButton(
                content=ft.Text("Add a person to the family", size=16),
                icon=ft.Icons.PERSON_ADD,
                on_click=lambda e: on_add(),
                style=ft.ButtonStyle(padding=ft.Padding.symmetric(vertical=14, horizontal=12)),
            )
        )
    status = "" if a.recorded else "Not recorded: tick who was there"
    return labelled(
        q, ft.Column([ft.ResponsiveRow(tiles, spacing=8, run_spacing=8), *extra]), None, status=status
    )


@ft.component
def _Routine(
    q: Question,
    a: ShownList,
    situations: tuple[str, ...],
    on_change: Callable[..., bool],
) -> ft.Control:
    """Each situation the family expects, ticked, with their own arrangement typed beneath it."""
    texts, errors = dict(a.texts), dict(a.errors)
    rows: list[ft.Control] = []
    for s in situations:
        words = option_words(SITUATIONS_PATH, s)
        on = s in a.chosen
        rows.append(
            _check_tile(
                words,
                on,
                _ticker(on_change, s),
                disabled=a.signed,
                grid={"xs": 12},
            )
        )
        if on:
            rows.append(
                ft.TextField(
                    label=f"Their plan: {words.lower()}",
                    hint_text="Where baby will sleep, who stays sober",
                    value=texts.get(s, ""),
                    multiline=True,
                    min_lines=2,
                    text_size=16,
                    error=errors.get(s),
                    error_max_lines=3,
                    read_only=a.signed,
                    on_change=lambda e, s=s: on_change(s, e.control.value or "", final=False),
                    on_blur=lambda e, s=s: on_change(s, e.control.value or "", final=True),
                )
            )
    status = "" if a.recorded else "Not recorded: tick each situation coming up"
    body = ft.Column(rows, spacing=8, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
    return labelled(q, body, None, status=status)


def _ticker(on_change: Callable[..., bool], situation: str) -> Callable[[bool], bool]:
    return lambda on: on_change(situation, "" if on else None)


People, Routine = ft.memo(_People), ft.memo(_Routine)  # type: ignore[no-untyped-call]


def routine_errors(errors: dict[str, str]) -> tuple[tuple[str, str], ...]:
    prefix = "plan.out_of_routine."
    return tuple((k.removeprefix(prefix), m) for k, m in errors.items() if k.startswith(prefix))


__all__ = ["ERROR", "People", "Routine", "ShownList", "routine_errors"]
