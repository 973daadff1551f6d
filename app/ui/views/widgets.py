"""Small shared components: risk badge, notices, buttons, page frame. Each has an accessible name."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.ui.presenters import risk_word
from app.ui.theme import RISK_COLOURS, TEXT, TONES

TOUCH = 48  # px: the smallest touch target
RISK_ICONS = {
    "high": ft.Icons.ERROR,
    "increased": ft.Icons.WARNING,
    "incomplete": ft.Icons.HELP_OUTLINE,
    "low": ft.Icons.CHECK_CIRCLE,
}


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
                    f"{word} risk" if big and level != "incomplete" else word,
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


def bottom_bar(*buttons: ft.Control, note: ft.Control | None = None) -> ft.BottomAppBar:
    """The screen's main actions, always in reach of a thumb (with a fixed-height note line above)."""
    row = ft.Row(list(buttons), alignment=ft.MainAxisAlignment.SPACE_BETWEEN, spacing=8)
    content: ft.Control = row
    if note is not None:
        line = ft.Container(content=note, height=20, alignment=ft.Alignment.CENTER)
        content = ft.Column([line, row], spacing=2, tight=True)
    return ft.BottomAppBar(
        content=content,
        padding=ft.Padding.symmetric(horizontal=10, vertical=6),
        height=72 if note is None else 94,
    )
