"""The AppBar every open screen shows: its title, its actions, and Lock (always one tap away)."""

from __future__ import annotations

import flet as ft

from app.ui.context import use_app
from app.ui.state import AppState


def lock_action(app: AppState) -> ft.Control:
    """The "Lock" AppBar action (every screen has it: the visit screens too)."""
    return ft.TextButton(
        content=ft.Text("Lock", size=16),
        icon=ft.Icons.LOCK,
        on_click=lambda e: app.lock(),
        style=ft.ButtonStyle(padding=ft.Padding.symmetric(vertical=12, horizontal=12)),
    )


def app_bar(title: str, *actions: ft.Control) -> ft.AppBar:
    """Call during a screen's render (it reads the app state from the context)."""
    return ft.AppBar(title=ft.Text(title), actions=[*actions, lock_action(use_app())])


def icon_action(label: str, icon: ft.IconData, on_click: ft.ControlEventHandler[ft.IconButton]) -> ft.Control:
    """An AppBar icon button named for screen readers and tests (a tooltip alone is not a name)."""
    return ft.Semantics(
        label=label,
        button=True,
        container=True,
        content=ft.IconButton(icon=icon, tooltip=label, on_click=on_click, icon_size=26),
    )
