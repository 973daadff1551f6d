"""Small shared components: question controls, risk badge, page frame. Each has an accessible name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import flet as ft

from app.ui.presenters import risk_word
from app.ui.questions import NO, NOT_RECORDED, YES, Question
from app.ui.state import VisitState
from app.ui.theme import ERROR_TEXT, RISK_COLOURS, TEXT, TONES

TOUCH = 48  # px: the smallest touch target
PAD = ft.Padding.symmetric(vertical=14, horizontal=14)
GRID = {"xs": 6, "md": 4}  # answers: two columns on a phone, three on a tablet
RISK_ICONS = {
    "high": ft.Icons.ERROR,
    "increased": ft.Icons.WARNING,
    "incomplete": ft.Icons.HELP_OUTLINE,
    "low": ft.Icons.CHECK_CIRCLE,
}
YES_NO_VALUES = {YES: True, NO: False, NOT_RECORDED: None}


def segment_style() -> ft.ButtonStyle:
    return ft.ButtonStyle(padding=PAD, text_style=ft.TextStyle(size=16))


def button_style() -> ft.ButtonStyle:
    return ft.ButtonStyle(
        padding=ft.Padding.symmetric(vertical=16, horizontal=20), text_style=ft.TextStyle(size=16)
    )


def page_body(*controls: ft.Control) -> ft.Control:
    """A centred, readable column: full width on phones, narrower on tablets."""
    return ft.SafeArea(
        content=ft.ResponsiveRow(
            [
                ft.Container(
                    content=ft.Column(
                        list(controls), spacing=16, horizontal_alignment=ft.CrossAxisAlignment.STRETCH
                    ),
                    col={"xs": 12, "md": 10, "lg": 8},
                    padding=ft.Padding.symmetric(horizontal=16, vertical=12),
                )
            ],
            alignment=ft.MainAxisAlignment.CENTER,
        ),
    )


def heading(text: str, *, size: int = 20) -> ft.Control:
    """A section heading (a heading for screen readers too)."""
    return ft.Semantics(header=True, content=ft.Text(text, size=size, weight=ft.FontWeight.BOLD))


def risk_badge(level: str | None, *, big: bool = False) -> ft.Control:
    """Risk as colour PLUS a word and an icon, never colour alone."""
    if not level:
        return ft.Text("No visit yet", size=14, italic=True)
    word = risk_word(level)
    colour = RISK_COLOURS[level]
    size = 22 if big else 14
    return ft.Container(
        content=ft.Row(
            [
                ft.Icon(RISK_ICONS[level], color=ft.Colors.WHITE, size=size + 4),
                ft.Text(
                    f"{word} risk" if big else word,
                    color=ft.Colors.WHITE,
                    size=size,
                    weight=ft.FontWeight.BOLD,
                ),
            ],
            tight=True,
            spacing=6,
        ),
        bgcolor=colour,
        border_radius=8,
        padding=ft.Padding.symmetric(horizontal=12 if big else 8, vertical=8 if big else 4),
    )


def notice(text: str, *, title: str = "", tone: str = "warning", key: str = "") -> ft.Control:
    """A prominent boxed message (prompts, escalation, privacy)."""
    icons = {
        "warning": ft.Icons.WARNING_AMBER,
        "danger": ft.Icons.ERROR_OUTLINE,
        "info": ft.Icons.INFO_OUTLINE,
        "good": ft.Icons.CHECK_CIRCLE_OUTLINE,
    }
    (bg, fg), icon = TONES[tone], icons[tone]
    body: list[ft.Control] = []
    if title:
        body.append(ft.Text(title, weight=ft.FontWeight.BOLD, color=fg, size=16))
    body.append(ft.Text(text, color=TEXT, size=15))
    return ft.Container(
        key=key or None,
        content=ft.Row(
            [ft.Icon(icon, color=fg), ft.Column(body, spacing=4, expand=True)],
            vertical_alignment=ft.CrossAxisAlignment.START,
        ),
        bgcolor=bg,
        border=ft.Border.all(2, fg),
        border_radius=8,
        padding=12,
    )


def _segment_label(text: str) -> ft.Control:
    """Segment text (the segment style pads it to a >= 48 px touch target)."""
    return ft.Text(text, size=16)


def _labelled(q: Question, control: ft.Control, error: str | None) -> ft.Control:
    rows: list[ft.Control] = [ft.Text(q.label, size=16, weight=ft.FontWeight.W_600)]
    if q.hint and q.kind in ("yes_no", "choice", "multi"):
        rows.append(ft.Text(q.hint, size=14, color=ft.Colors.ON_SURFACE_VARIANT))
    rows.append(control)
    if error:
        rows.append(ft.Text(error, color=ERROR_TEXT, size=14))
    return ft.Semantics(container=True, identifier=q.key, content=ft.Column(rows, spacing=6))


@dataclass(frozen=True, slots=True)
class Shown:
    """What one question shows: plain values, so unchanged questions are not redrawn."""

    value: Any
    text: str
    error: str | None
    signed: bool
    unit: str


def shown(q: Question, visit: VisitState) -> Shown:
    return Shown(
        visit.value(q.path),
        visit.text(q.path) if q.kind not in ("yes_no", "choice", "multi") else "",
        visit.errors.get(q.path),
        visit.signed,
        visit.weight_unit,
    )


@ft.component
def _YesNo(q: Question, a: Shown, on_answer: Callable[[str, Any], bool]) -> ft.Control:
    """Yes / No / Not recorded as one segmented control: the third state is explicit."""
    chosen = NOT_RECORDED if a.value is None else (YES if a.value else NO)

    def changed(e: ft.Event[ft.SegmentedButton]) -> None:
        picked = (e.control.selected or [NOT_RECORDED])[0]
        on_answer(q.path, YES_NO_VALUES[picked])

    control = ft.SegmentedButton(
        segments=[ft.Segment(value=v, label=_segment_label(v)) for v in (YES, NO, NOT_RECORDED)],
        selected=[chosen],
        allow_empty_selection=False,
        allow_multiple_selection=False,
        show_selected_icon=False,
        style=segment_style(),
        on_change=changed,
        disabled=a.signed,
    )
    return _labelled(q, control, a.error)


@ft.component
def _Choice(q: Question, a: Shown, on_answer: Callable[[str, Any], bool]) -> ft.Control:
    """One of several answers (radios in a responsive grid) plus "Not recorded"."""

    def changed(e: ft.Event[ft.RadioGroup]) -> None:
        on_answer(q.path, e.control.value or None)

    radios = [
        ft.Radio(value=v, label=words, label_style=ft.TextStyle(size=16), col=GRID) for v, words in q.options
    ]
    radios.append(ft.Radio(value="", label=NOT_RECORDED, label_style=ft.TextStyle(size=16), col=GRID))
    control = ft.RadioGroup(
        value=a.value or "",
        on_change=changed,
        disabled=a.signed,
        content=ft.ResponsiveRow(radios, spacing=0, run_spacing=0),
    )
    return _labelled(q, control, a.error)


@ft.component
def _Multi(
    q: Question, a: Shown, on_answer: Callable[[str, Any], bool], on_toggle: Callable[[str, str, bool], bool]
) -> ft.Control:
    """Any of several answers; "none of these" is an answer too; nothing ticked = not recorded."""
    chosen = set(a.value or [])

    def tick(option: str) -> Callable[[ft.Event[ft.Checkbox]], None]:
        return lambda e: on_toggle(q.path, option, bool(e.control.value))

    def none_ticked(e: ft.Event[ft.Checkbox]) -> None:
        on_answer(q.path, [] if e.control.value else None)

    boxes: list[ft.Control] = [
        ft.Checkbox(
            label=words,
            value=v in chosen,
            on_change=tick(v),
            disabled=a.signed,
            label_style=ft.TextStyle(size=16),
            col=GRID,
        )
        for v, words in q.options
    ]
    boxes.append(
        ft.Checkbox(
            label=q.none_label,
            value=a.value == [],
            on_change=none_ticked,
            disabled=a.signed,
            label_style=ft.TextStyle(size=16),
            col=GRID,
        )
    )
    status = ft.Text("Not recorded" if a.value is None else "", size=14, italic=True)
    return _labelled(
        q, ft.Column([ft.ResponsiveRow(boxes, spacing=0, run_spacing=0), status], spacing=2), a.error
    )


KEYBOARDS = {
    "integer": ft.KeyboardType.NUMBER,
    "number": ft.KeyboardType.NUMBER,
    "weight": ft.KeyboardType.NUMBER,
    "date": ft.KeyboardType.DATETIME,
    "text": ft.KeyboardType.MULTILINE,
}


@ft.component
def _Typed(q: Question, a: Shown, on_text: Callable[..., bool], on_unit: Callable[[str], None]) -> ft.Control:
    """A typed answer: autosaved while typing, its domain error shown next to it on leaving."""

    def changed(e: ft.Event[ft.TextField]) -> None:
        on_text(q.path, e.control.value or "", final=False)

    def left(e: ft.Event[ft.TextField]) -> None:
        on_text(q.path, e.control.value or "", final=True)

    multiline = q.kind == "text"
    field = ft.TextField(
        label=q.label,
        value=a.text,
        hint_text=q.hint or None,
        error=a.error,
        error_max_lines=3,
        keyboard_type=KEYBOARDS.get(q.kind),
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
        return field

    def unit(e: ft.Event[ft.SegmentedButton]) -> None:
        on_unit((e.control.selected or ["kg"])[0])

    units = ft.Semantics(
        label="Birth weight unit",
        container=True,
        content=ft.SegmentedButton(
            segments=[
                ft.Segment(value="kg", label=_segment_label("kg")),
                ft.Segment(value="lb", label=_segment_label("lb")),
            ],
            selected=[a.unit],
            allow_empty_selection=False,
            show_selected_icon=False,
            style=segment_style(),
            on_change=unit,
            disabled=a.signed,
        ),
    )
    return ft.Row([field, units], vertical_alignment=ft.CrossAxisAlignment.START)


# Memoised: a tap re-renders only the question whose answer (or error) changed.
YesNo, Choice, Multi, Typed = (ft.memo(c) for c in (_YesNo, _Choice, _Multi, _Typed))


def question_control(q: Question, visit: VisitState) -> ft.Control:
    """The right control for a question's kind (handlers are the state's own methods)."""
    a = shown(q, visit)
    if q.kind == "yes_no":
        return YesNo(q, a, visit.answer, key=q.path)
    if q.kind == "choice":
        return Choice(q, a, visit.answer, key=q.path)
    if q.kind == "multi":
        return Multi(q, a, visit.answer, visit.toggle, key=q.path)
    return Typed(q, a, visit.answer_text, visit.set_weight_unit, key=q.path)


def nav_button(
    text: str, on_click: Any, *, primary: bool = False, icon: Any = None, key: str = "", compact: bool = False
) -> ft.Control:
    """A big, labelled button (>= 48 px); `compact` narrows it for bottom bars on phones."""
    cls = ft.FilledButton if primary else ft.OutlinedButton
    style = button_style()
    if compact:
        style = ft.ButtonStyle(
            padding=ft.Padding.symmetric(vertical=16, horizontal=12), text_style=ft.TextStyle(size=16)
        )
    return cls(content=ft.Text(text, size=16), icon=icon, on_click=on_click, style=style, key=key or None)


def bottom_bar(*buttons: ft.Control) -> ft.BottomAppBar:
    """The screen's main actions, always in reach of a thumb."""
    return ft.BottomAppBar(
        content=ft.Row(list(buttons), alignment=ft.MainAxisAlignment.SPACE_BETWEEN, spacing=8),
        padding=ft.Padding.symmetric(horizontal=10, vertical=6),
        height=72,
    )
