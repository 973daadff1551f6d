"""The screen shown while the store is locked: first-launch set-up, or unlock."""

from __future__ import annotations

import flet as ft

from app.ui.context import use_app
from app.ui.views.set_up import SetUp
from app.ui.views.unlock import Unlock


@ft.component
def UnlockView() -> ft.View:
    app = use_app()
    body = SetUp(app) if app.phase == "setup" else Unlock(app)
    return ft.View(
        route="/",
        appbar=ft.AppBar(title=ft.Text("Safer Sleep Visits")),
        controls=[body],
        scroll=ft.ScrollMode.AUTO,
    )
