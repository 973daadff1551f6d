"""A family's chronology, newest first: each entry dated, worded and naming the practitioner."""

from __future__ import annotations

import flet as ft

from app.services.families import ChronologyLine, PatternLine
from app.ui.presenters import chronology_details, chronology_title, day, pattern_words
from app.ui.theme import NEUTRAL, WARNING
from app.ui.views.widgets import risk_badge


def patterns_notice(patterns: tuple[PatternLine, ...]) -> list[ft.Control]:
    """The chronology patterns, above the entries: a reason to discuss the family in supervision."""
    if not patterns:
        return []
    return [
        ft.Semantics(
            label="Patterns in the chronology",
            container=True,
            content=ft.Container(
                padding=12,
                border_radius=8,
                border=ft.Border.all(2, WARNING),
                content=ft.Column(
                    [
                        ft.Text("Patterns in this chronology", size=16, weight=ft.FontWeight.BOLD),
                        *[ft.Text(pattern_words(p), size=15) for p in patterns],
                        ft.Text("Discuss this family with your supervisor.", size=15),
                    ],
                    spacing=4,
                ),
            ),
        )
    ]


def chronology(lines: tuple[ChronologyLine, ...], fid: str) -> list[ft.Control]:
    page = ft.context.page
    if not lines:
        return [ft.Text("Nothing recorded yet.", size=15)]
    out: list[ft.Control] = []
    for c in reversed(lines):  # newest first on screen
        top: list[ft.Control] = [ft.Text(day(c.date), size=15, weight=ft.FontWeight.BOLD)]
        if c.risk_level and c.kind in ("visit", "amendment"):
            top.append(risk_badge(c.risk_level))
        body: list[ft.Control] = [
            ft.Row(top, wrap=True, spacing=10, vertical_alignment=ft.CrossAxisAlignment.CENTER),
            ft.Text(chronology_title(c), size=16, weight=ft.FontWeight.W_600),
            *[ft.Text(line, size=15) for line in chronology_details(c)],
        ]
        if c.text:
            body.append(ft.Text(c.text, size=15, italic=True))
        body.append(ft.Text(f"By {c.practitioner}", size=14, color=NEUTRAL))
        column = ft.Column(body, spacing=4)
        if c.kind == "visit" and c.visit_id:
            vid = c.visit_id
            out.append(
                ft.Container(
                    content=column,
                    padding=12,
                    border_radius=8,
                    border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
                    on_click=lambda e, vid=vid: page.navigate(f"/family/{fid}/visit/{vid}/review"),
                    tooltip="Open this visit",
                    ink=True,
                )
            )
        else:
            out.append(ft.Container(content=column, padding=12))
    return out
