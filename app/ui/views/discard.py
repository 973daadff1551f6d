"""Discard a draft: a deliberate action, confirmed, with a reason that goes in the audit log."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.ui.hooks import use_typed_text
from app.ui.state import VisitState
from app.ui.views.widgets import nav_button, notice

DANGER = "#B3261E"


@ft.component
def DiscardDraft(visit: VisitState, on_done: Callable[[], None]) -> ft.Control:
    """ "Discard this draft" opens a confirmation with a reason; "Keep the draft" closes it."""
    asking, set_asking = ft.use_state(False)
    typed = use_typed_text(dict)  # every key typed counts as use (idle lock)
    if visit.signed:
        return ft.Container()
    if not asking:
        return ft.TextButton(
            content=ft.Text("Discard this draft…", size=16, color=DANGER),
            icon=ft.Icons.DELETE_OUTLINE,
            icon_color=DANGER,
            on_click=lambda e: set_asking(True),
            style=ft.ButtonStyle(padding=ft.Padding.symmetric(vertical=14, horizontal=12)),
        )

    def discard() -> None:
        if visit.discard(reason=typed.get("reason", "")):
            on_done()

    return ft.Column(
        [
            notice(
                "Every answer of this draft will be deleted. This cannot be undone; the reason is kept "
                "in the audit log.",
                title="Discard this draft?",
                tone="danger",
                key="discard-confirm",
            ),
            ft.TextField(
                label="Reason for discarding",
                hint_text="For example: started on the wrong baby",
                value=typed.get("reason", ""),
                text_size=16,
                error=visit.errors.get("discard.reason"),
                error_max_lines=3,
                on_change=lambda e: typed.__setitem__("reason", e.control.value or ""),
            ),
            ft.Row(
                [
                    ft.FilledButton(
                        content=ft.Text("Discard draft", size=16),
                        icon=ft.Icons.DELETE,
                        on_click=lambda e: discard(),
                        style=ft.ButtonStyle(
                            bgcolor=DANGER, padding=ft.Padding.symmetric(vertical=16, horizontal=20)
                        ),
                    ),
                    nav_button("Keep the draft", lambda e: set_asking(False)),
                ],
                wrap=True,
                spacing=12,
            ),
        ],
        spacing=12,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )
