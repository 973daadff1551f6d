"""A value of a sync conflict as a card: whose it is, the value in large words, the button to keep it."""

from __future__ import annotations

import flet as ft


def side_card(whose: str, value: str, keep: ft.Control | None) -> ft.Control:
    return ft.Container(
        col={"xs": 12, "md": 6},
        padding=14,
        border=ft.Border.all(2, "#1B5E9E"),
        border_radius=10,
        content=ft.Column(
            [
                ft.Text(whose, size=16, weight=ft.FontWeight.BOLD),
                ft.Text(value, size=22, selectable=True),
                *([keep] if keep else []),
            ],
            spacing=10,
        ),
    )
