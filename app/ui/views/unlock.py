"""Unlock: the passphrase opens the caseload (with a growing wait after wrong ones)."""

from __future__ import annotations

import flet as ft

from app.ui.hooks import use_typed_text
from app.ui.state import AppState
from app.ui.views.passphrase_field import PassphraseField
from app.ui.views.widgets import heading, nav_button, notice, page_body


@ft.component
def Unlock(app: AppState) -> ft.Control:
    typed = use_typed_text(dict)

    def keep(e: ft.Event[ft.TextField]) -> None:
        typed["phrase"] = e.control.value or ""

    def go() -> None:
        app.unlock(typed.get("phrase", ""))

    return page_body(
        heading("Unlock", size=24),
        notice(app.lock_reason, tone="info") if app.lock_reason else ft.Container(),
        ft.Text("Enter your passphrase to open your caseload. Everything you entered is saved.", size=16),
        PassphraseField(
            "Passphrase",
            typed.get("phrase", ""),
            keep,
            error=app.errors.get("passphrase"),
            on_submit=lambda e: go(),
        ),
        nav_button("Unlock", lambda e: go(), primary=True, icon=ft.Icons.LOCK_OPEN),
    )
