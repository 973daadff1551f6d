"""First launch: the practitioner, the team and the passphrase that encrypts the store."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.ui.hooks import use_typed_text
from app.ui.state import AppState
from app.ui.views.passphrase_field import PassphraseField
from app.ui.views.widgets import heading, nav_button, notice, page_body


@ft.component
def SetUp(app: AppState) -> ft.Control:
    v = use_typed_text(dict)  # typing never re-renders (no round trip races the keyboard)

    def keep(key: str) -> Callable[[ft.Event[ft.TextField]], None]:
        return lambda e: v.__setitem__(key, e.control.value or "")

    async def create() -> None:
        await app.set_up_async(
            practitioner=v.get("name", ""),
            team=v.get("team", ""),
            passphrase=v.get("p1", ""),
            repeat=v.get("p2", ""),
        )

    return page_body(
        heading("Set up this device", size=24),
        ft.Text(
            "Your records are kept on this device, encrypted with your passphrase. "
            "There is no way to recover them without it.",
            size=16,
        ),
        ft.TextField(
            label="Practitioner name",
            value=v.get("name", ""),
            error=app.errors.get("practitioner"),
            on_change=keep("name"),
            text_size=16,
        ),
        ft.TextField(
            label="Team",
            value=v.get("team", ""),
            error=app.errors.get("team"),
            on_change=keep("team"),
            text_size=16,
        ),
        PassphraseField(
            "Passphrase",
            v.get("p1", ""),
            keep("p1"),
            error=app.errors.get("passphrase"),
            helper="At least 8 characters",
        ),
        PassphraseField(
            "Repeat passphrase", v.get("p2", ""), keep("p2"), error=app.errors.get("repeat"), on_submit=create
        ),
        notice("A demo caseload of invented families will be loaded.", tone="info")
        if app.demo
        else ft.Container(),
        ft.Column([ft.ProgressBar(semantics_label=app.busy), ft.Text(app.busy, size=16)])
        if app.busy
        else nav_button("Create and unlock", create, primary=True, icon=ft.Icons.LOCK_OPEN),
    )
