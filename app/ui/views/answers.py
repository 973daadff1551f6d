"""The answer controls of the guided visit: a chosen answer is unmistakable (filled, with a tick).

Every option is a >= 48 px tile; "Not recorded" looks quiet (grey, a dash), never like an answer.
Radios and checkboxes stay underneath, so screen readers and tests see radio/checkbox roles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import flet as ft

from app.ui.questions import NO, NOT_RECORDED, YES, Question
from app.ui.views.date_field import DateField

TOUCH = 48  # px: the smallest touch target
CHOSEN_BG, CHOSEN_FG = "#1A4D8F", ft.Colors.WHITE
QUIET_BG, QUIET_FG = "#ECEDEF", "#3C4043"
OPEN_BG, OPEN_BORDER = ft.Colors.WHITE, "#8A8F98"
ERROR = "#B3261E"
GRID = {"xs": 6, "md": 4}  # answers: two columns on a phone, three on a tablet
WIDE_GRID = {"xs": 12, "sm": 6, "md": 4}  # long words: one column on a phone
PHONE_MAX = 576  # Flet's "sm" breakpoint: below it YES_NO_GRID's "xs" widths apply
YES_NO_GRID = {YES: {"xs": 3, "md": 4}, NO: {"xs": 3, "md": 4}, "": {"xs": 6, "md": 4}}
LONG_WORDS = 15  # characters: beyond this an answer gets a whole row on a phone


def grid_for(options: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> dict[str, int]:
    return WIDE_GRID if any(len(w) > LONG_WORDS for _, w in options) else GRID


YES_NO_VALUES = {YES: True, NO: False, NOT_RECORDED: None}
KEYBOARDS = {
    "integer": ft.KeyboardType.NUMBER,
    "number": ft.KeyboardType.NUMBER,
    "weight": ft.KeyboardType.TEXT,  # "5 lb 1 oz" needs letters
    "text": ft.KeyboardType.MULTILINE,
}


@dataclass(frozen=True, slots=True)
class Shown:
    """What one question shows: plain values, so unchanged questions are not redrawn."""

    value: Any
    text: str
    error: str | None
    signed: bool
    unit: str


def _tile(
    chosen: bool,
    control: ft.Control,
    on_click: Callable[[Any], None] | None,
    *,
    quiet: bool,
    grid: Any,
    tick: bool = True,
) -> ft.Control:
    """One answer option: filled and ticked when chosen ("Not recorded": quiet grey).

    `tick=False` for a tile too narrow for the tick beside its words (Yes/No on a phone): the
    tick would cover the word; the filled tile and its filled radio still show the choice.
    """
    mark: ft.Control
    if chosen and not quiet and not tick:
        bg, border, mark = CHOSEN_BG, CHOSEN_BG, ft.Container(width=4)
    elif chosen and not quiet:
        bg, border, mark = CHOSEN_BG, CHOSEN_BG, ft.Icon(ft.Icons.CHECK, color=CHOSEN_FG, size=22)
    elif chosen:
        bg, border, mark = QUIET_BG, "#B0B4BA", ft.Container(width=4)
    else:
        bg, border, mark = OPEN_BG, OPEN_BORDER, ft.Container(width=4)
    return ft.Container(
        content=ft.Row(
            [ft.Container(content=control, expand=True), mark],
            spacing=2,
            alignment=ft.MainAxisAlignment.START,
        ),
        bgcolor=bg,
        border=ft.Border.all(3 if chosen and not quiet else 1, border),
        border_radius=10,
        padding=ft.Padding.only(left=2, right=8, top=5, bottom=5),
        on_click=on_click,
        col=grid,
    )


def _picker(on_pick: Callable[[str], object], value: str) -> Callable[[Any], None]:
    def picked(e: Any) -> None:
        on_pick(value)

    return picked


def _same(cols: dict[str, int]) -> Callable[[str], dict[str, int]]:
    return lambda value: cols


def _text_style(chosen: bool, quiet: bool) -> ft.TextStyle:
    colour = CHOSEN_FG if chosen and not quiet else (QUIET_FG if chosen else "#1F1F1F")
    weight = ft.FontWeight.BOLD if chosen and not quiet else ft.FontWeight.NORMAL
    return ft.TextStyle(size=16, color=colour, weight=weight, italic=chosen and quiet)


def _radio(value: str, words: str, chosen: bool, quiet: bool) -> ft.Radio:
    colour = CHOSEN_FG if chosen and not quiet else (QUIET_FG if chosen else CHOSEN_BG)
    return ft.Radio(value=value, label=words, label_style=_text_style(chosen, quiet), fill_color=colour)


def labelled(q: Question, control: ft.Control, error: str | None, *, status: str = "") -> ft.Control:
    """A question's label, its control, and what is not saved (always below: nothing moves up)."""
    rows: list[ft.Control] = [ft.Text(q.label, size=17, weight=ft.FontWeight.W_600)]
    if q.hint and q.kind in ("yes_no", "choice", "multi"):
        rows.append(ft.Text(q.hint, size=14, color=ft.Colors.ON_SURFACE_VARIANT))
    rows.append(control)
    if status:
        rows.append(ft.Text(status, size=14, italic=True, color=QUIET_FG))
    if error:
        rows.append(ft.Text(error, color=ERROR, size=15, weight=ft.FontWeight.W_600))
    return ft.Semantics(container=True, identifier=q.key, content=ft.Column(rows, spacing=8), key=q.path)


def _choice_group(
    q: Question,
    options: list[tuple[str, str]],
    chosen_value: str,
    on_pick: Callable[[str], object],
    *,
    disabled: bool,
    grid: Callable[[str], dict[str, int]],
    narrow: bool = False,
) -> ft.Control:
    tiles = []
    for value, words in options:
        chosen = value == chosen_value
        quiet = value == ""
        click = None if disabled else _picker(on_pick, value)
        radio = _radio(value, words, chosen, quiet)
        tiles.append(_tile(chosen, radio, click, quiet=quiet, grid=grid(value), tick=not narrow))

    def changed(e: ft.Event[ft.RadioGroup]) -> None:
        on_pick(e.control.value or "")

    return ft.RadioGroup(
        value=chosen_value,
        on_change=changed,
        disabled=disabled,
        content=ft.ResponsiveRow(tiles, spacing=8, run_spacing=8),
    )


@ft.component
def _YesNo(q: Question, a: Shown, on_answer: Callable[[str, Any], bool]) -> ft.Control:
    """Yes / No / Not recorded: the third state is explicit and looks different."""
    chosen = NOT_RECORDED if a.value is None else (YES if a.value else NO)
    options = [(YES, YES), (NO, NO), (NOT_RECORDED, NOT_RECORDED)]
    group = _choice_group(
        q,
        [(v if v != NOT_RECORDED else "", w) for v, w in options],
        chosen if chosen != NOT_RECORDED else "",
        lambda v: on_answer(q.path, YES_NO_VALUES[v or NOT_RECORDED]),
        disabled=a.signed,
        grid=YES_NO_GRID.__getitem__,
        narrow=(ft.context.page.width or PHONE_MAX) < PHONE_MAX,  # Yes/No tiles are a quarter wide
    )
    return labelled(q, group, a.error)


@ft.component
def _Choice(q: Question, a: Shown, on_answer: Callable[[str, Any], bool]) -> ft.Control:
    """One of several answers plus "Not recorded"."""
    group = _choice_group(
        q,
        [*q.options, ("", NOT_RECORDED)],
        str(a.value or ""),
        lambda v: on_answer(q.path, v or None),
        disabled=a.signed,
        grid=_same(grid_for(q.options)),
    )
    return labelled(q, group, a.error)


@ft.component
def _Multi(
    q: Question, a: Shown, on_answer: Callable[[str, Any], bool], on_toggle: Callable[[str, str, bool], bool]
) -> ft.Control:
    """Any of several answers; "none of these" is an answer too; nothing ticked = not recorded."""
    chosen = set(a.value or [])

    def box(words: str, on: bool, flip: Callable[[bool], Any]) -> ft.Control:
        check = ft.Checkbox(
            label=words,
            value=on,
            on_change=lambda e: flip(bool(e.control.value)),
            disabled=a.signed,
            label_style=_text_style(on, False),
            fill_color={ft.ControlState.SELECTED: CHOSEN_FG, ft.ControlState.DEFAULT: OPEN_BG},
            check_color=CHOSEN_BG,
        )
        click = None if a.signed else (lambda e: flip(not on))
        return _tile(on, check, click, quiet=False, grid=grid_for([*q.options, ("", q.none_label)]))

    boxes = [box(words, v in chosen, partial(on_toggle, q.path, v)) for v, words in q.options]
    boxes.append(box(q.none_label, a.value == [], lambda on: on_answer(q.path, [] if on else None)))
    status = "Not recorded: tick what is there, or the last box" if a.value is None else ""
    return labelled(q, ft.ResponsiveRow(boxes, spacing=8, run_spacing=8), a.error, status=status)


@ft.component
def _Typed(q: Question, a: Shown, on_text: Callable[..., bool], on_unit: Callable[[str], None]) -> ft.Control:
    """A typed answer: saved while typing when valid, kept as "not saved yet" text when not."""

    def changed(e: ft.Event[ft.TextField]) -> None:
        on_text(q.path, e.control.value or "", final=False)

    def left(e: ft.Event[ft.TextField]) -> None:
        on_text(q.path, e.control.value or "", final=True)

    if q.kind == "date":
        field: ft.Control = DateField(
            q.label,
            a.text,
            a.error,
            lambda text, final: on_text(q.path, text, final=final),
            read_only=a.signed,
        )
        return ft.Semantics(container=True, identifier=q.key, content=field, key=q.path)
    multiline = q.kind == "text"
    field = ft.TextField(
        label=q.label,
        value=a.text,
        hint_text=q.hint or None,
        error=a.error,
        error_max_lines=3,
        keyboard_type=KEYBOARDS.get(q.kind, ft.KeyboardType.TEXT),
        multiline=multiline,
        min_lines=3 if multiline else None,
        text_size=16,
        on_change=changed,
        on_blur=left,
        on_submit=left,
        read_only=a.signed,
        expand=True,
    )
    if q.kind != "weight":
        return ft.Semantics(container=True, identifier=q.key, content=field, key=q.path)

    def unit(e: ft.Event[ft.SegmentedButton]) -> None:
        on_unit((e.control.selected or ["kg"])[0])

    units = ft.Semantics(
        label="Birth weight unit",
        container=True,
        content=ft.SegmentedButton(
            segments=[ft.Segment(value=u, label=ft.Text(u, size=16)) for u in ("kg", "lb")],
            selected=[a.unit],
            allow_empty_selection=False,
            show_selected_icon=True,
            style=ft.ButtonStyle(
                padding=ft.Padding.symmetric(vertical=14, horizontal=12),
                bgcolor={ft.ControlState.SELECTED: CHOSEN_BG},
                color={ft.ControlState.SELECTED: CHOSEN_FG},
            ),
            on_change=unit,
            disabled=a.signed,
        ),
    )
    row = ft.Row([field, units], vertical_alignment=ft.CrossAxisAlignment.START)
    return ft.Semantics(container=True, identifier=q.key, content=row, key=q.path)


# Memoised: a tap re-renders only the question whose answer (or error) changed.
YesNo, Choice, Multi, Typed = (ft.memo(c) for c in (_YesNo, _Choice, _Multi, _Typed))  # type: ignore[no-untyped-call]
