"""A passphrase box with a named "Show passphrase" / "Hide passphrase" button under it.

No autofocus, here or on any first field: Flutter web sometimes kept the keys typed into an autofocused
field in a browser input it no longer listened to (app/server/portal/web/views/sign_in.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import flet as ft


@ft.component
def PassphraseField(
    label: str,
    value: str,
    on_change: Callable[[ft.Event[ft.TextField]], None],
    *,
    error: str | None = None,
    helper: str | None = None,
    on_submit: Any = None,
) -> ft.Control:
    shown, set_shown = ft.use_state(False)
    words = f"Hide {label.lower()}" if shown else f"Show {label.lower()}"
    return ft.Column(
        [
            ft.TextField(
                label=label,
                value=value,
                password=not shown,
                error=error,
                helper=helper,
                text_size=16,
                on_change=on_change,
                on_submit=on_submit,
            ),
            ft.Row(
                [
                    ft.TextButton(
                        content=ft.Text(words, size=16),
                        icon=ft.Icons.VISIBILITY_OFF if shown else ft.Icons.VISIBILITY,
                        on_click=lambda e: set_shown(not shown),
                        style=ft.ButtonStyle(padding=ft.Padding.symmetric(vertical=14, horizontal=10)),
                    )
                ]
            ),
        ],
        spacing=2,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )
