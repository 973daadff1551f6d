"""Unlock: first launch sets the practitioner, team and passphrase; later, the passphrase."""

from __future__ import annotations

import flet as ft

from app.ui.context import AppCtx
from app.ui.state import AppState
from app.ui.views.widgets import heading, nav_button, notice, page_body


@ft.component
def SetUp(app: AppState) -> ft.Control:
    typed = ft.use_ref(dict)  # typing never re-renders (no round trip races the keyboard)
    v: dict[str, str] = typed.current

    def keep(key: str):
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
            autofocus=True,
            text_size=16,
        ),
        ft.TextField(
            label="Team",
            value=v.get("team", ""),
            error=app.errors.get("team"),
            on_change=keep("team"),
            text_size=16,
        ),
        ft.TextField(
            label="Passphrase",
            value=v.get("p1", ""),
            password=True,
            can_reveal_password=True,
            error=app.errors.get("passphrase"),
            helper="At least 8 characters",
            on_change=keep("p1"),
            text_size=16,
        ),
        ft.TextField(
            label="Repeat passphrase",
            value=v.get("p2", ""),
            password=True,
            can_reveal_password=True,
            error=app.errors.get("repeat"),
            on_change=keep("p2"),
            on_submit=create,
            text_size=16,
        ),
        notice("A demo caseload of invented families will be loaded.", tone="info")
        if app.demo
        else ft.Container(),
        ft.Column([ft.ProgressBar(semantics_label=app.busy), ft.Text(app.busy, size=16)])
        if app.busy
        else nav_button("Create and unlock", create, primary=True, icon=ft.Icons.LOCK_OPEN),
    )


@ft.component
def Unlock(app: AppState) -> ft.Control:
    typed = ft.use_ref(dict)

    def keep(e: ft.Event[ft.TextField]) -> None:
        typed.current["phrase"] = e.control.value or ""

    def go() -> None:
        app.unlock(typed.current.get("phrase", ""))

    return page_body(
        heading("Unlock", size=24),
        ft.Text("Enter your passphrase to open your caseload.", size=16),
        ft.TextField(
            label="Passphrase",
            value=typed.current.get("phrase", ""),
            password=True,
            can_reveal_password=True,
            error=app.errors.get("passphrase"),
            autofocus=True,
            text_size=16,
            on_change=keep,
            on_submit=lambda e: go(),
        ),
        nav_button("Unlock", lambda e: go(), primary=True, icon=ft.Icons.LOCK_OPEN),
    )


@ft.component
def UnlockView() -> ft.View:
    app: AppState = ft.use_context(AppCtx)
    body = SetUp(app) if app.phase == "setup" else Unlock(app)
    return ft.View(
        route="/",
        appbar=ft.AppBar(title=ft.Text("Safer Sleep Visits")),
        controls=[body],
        scroll=ft.ScrollMode.AUTO,
    )
