"""A UK date field: typed as dd/mm/yyyy, or picked from a calendar (the picker's UTC trap handled)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import flet as ft

from app.services.typed import parse_uk_date

UK = ZoneInfo("Europe/London")
DATE_TYPING = r"^[0-9]{0,2}(/([0-9]{0,2}(/[0-9]{0,4})?)?)?$"  # what may be typed, keystroke by keystroke
EARLIEST = dt.date(2000, 1, 1)


def uk_text(day: dt.date) -> str:
    """03/04/2026: how a date is typed in the field."""
    return day.strftime("%d/%m/%Y")


def picked_day(value: dt.datetime | dt.date | None) -> dt.date | None:
    """The day the practitioner picked: the picker returns local midnight as an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.date()
        return value.astimezone(UK).date()
    return value


@ft.component
def DateField(
    label: str,
    text: str,
    error: str | None,
    on_text: Callable[..., object],
    *,
    read_only: bool = False,
    first: dt.date = EARLIEST,
    last: dt.date | None = None,
    helper: str = "",
) -> ft.Control:
    """A dd/mm/yyyy text field and a "Choose date" calendar button beside it.

    `on_text(text, final=...)` gets the typed text (final=False per keystroke, True on leaving the
    field or picking a day); the caller validates and stores it.
    """
    page = ft.context.page
    last_day = last or dt.date.today()
    day = None if error else parse_uk_date(text)
    shown = helper or (f"{day:%A} {day.day} {day:%B %Y}" if day else "")

    def typed(e: ft.Event[ft.TextField]) -> None:
        on_text(e.control.value or "", final=False)

    def left(e: ft.Event[ft.TextField]) -> None:
        on_text(e.control.value or "", final=True)

    def picked(e: ft.Event[ft.DatePicker]) -> None:
        day = picked_day(e.control.value)
        if day is not None:
            on_text(uk_text(day), final=True)

    def open_calendar(e: ft.Event[ft.IconButton]) -> None:
        page.show_dialog(
            ft.DatePicker(
                first_date=dt.datetime.combine(first, dt.time()),
                last_date=dt.datetime.combine(last_day, dt.time()),
                current_date=dt.datetime.combine(min(dt.date.today(), last_day), dt.time()),
                help_text=label,
                on_change=picked,
            )
        )

    field = ft.TextField(
        label=label,
        value=text,
        hint_text="dd/mm/yyyy",
        helper=shown or None,
        error=error,
        error_max_lines=3,
        keyboard_type=ft.KeyboardType.NUMBER,
        input_filter=ft.InputFilter(regex_string=DATE_TYPING, allow=True),
        text_size=16,
        on_change=typed,
        on_blur=left,
        on_submit=left,
        read_only=read_only,
        expand=True,
    )
    calendar = ft.Semantics(
        label=f"Choose date: {label}",
        button=True,
        content=ft.IconButton(
            icon=ft.Icons.CALENDAR_MONTH,
            icon_size=28,
            on_click=open_calendar,
            disabled=read_only,
            style=ft.ButtonStyle(padding=12),
        ),
    )
    return ft.Row([field, calendar], vertical_alignment=ft.CrossAxisAlignment.START, spacing=4)
