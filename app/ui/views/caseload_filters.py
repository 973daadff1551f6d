"""The caseload's filter buttons: most urgent first (the default), high risk, incomplete, overdue,
drafts, A to Z."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.services.caseload import VIEWS
from app.ui.presenters import VIEW_WORDS


def caseload_filters(shown: str, on_choose: Callable[[str], None]) -> ft.Control:
    """One button per view; the chosen one is filled and ticked (its state is also its name)."""

    def button(view: str) -> ft.Control:
        words = VIEW_WORDS[view]
        style = ft.ButtonStyle(padding=ft.Padding.symmetric(vertical=12, horizontal=14))
        if view == shown:
            return ft.Semantics(
                selected=True,
                container=True,
                content=ft.FilledButton(
                    content=ft.Text(words, size=15),
                    icon=ft.Icons.CHECK,
                    style=style,
                    on_click=lambda e: on_choose(view),
                ),
            )
        return ft.OutlinedButton(
            content=ft.Text(words, size=15), style=style, on_click=lambda e: on_choose(view)
        )

    return ft.Semantics(
        label="Show",
        container=True,
        content=ft.Row([button(v) for v in VIEWS], wrap=True, spacing=8, run_spacing=8),
    )
