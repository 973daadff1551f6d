"""Settings: practitioner, team, base server address (and sync), about the guidance."""

from __future__ import annotations

import flet as ft

from app.services.guidance import guidance_about
from app.ui.context import AppCtx
from app.ui.state import AppState
from app.ui.views.widgets import heading, nav_button, notice, page_body


@ft.component
def SettingsView() -> ft.View:
    app: AppState = ft.use_context(AppCtx)
    typed = ft.use_ref(lambda: {"address": app.server_address})
    version, sources = guidance_about()
    sync: list[ft.Control] = []
    sync.append(
        ft.Text(
            "Enrol this device once with `safesleep device enrol`; then Sync "
            "sends signed visits and brings back the team's changes.",
            size=14,
        )
    )
    sync.append(nav_button("Sync", lambda e: app.sync(), icon=ft.Icons.SYNC))
    if app.syncing:
        sync.append(ft.ProgressBar(value=app.sync_progress, semantics_label="Sync progress"))
    if app.sync_message:
        sync.append(ft.Text(app.sync_message, size=15))
    return ft.View(
        route="/settings",
        appbar=ft.AppBar(title=ft.Text("Settings")),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                heading("Practitioner"),
                ft.Text(f"Name: {app.practitioner}", size=16),
                ft.Text(f"Team: {app.team}", size=16),
                heading("Base server"),
                ft.TextField(
                    label="Base server address",
                    value=typed.current["address"],
                    text_size=16,
                    hint_text="https://base.example.nhs.uk",
                    error=app.errors.get("server_address"),
                    on_change=lambda e: typed.current.__setitem__("address", e.control.value or ""),
                ),
                nav_button(
                    "Save address",
                    lambda e: app.save_server_address(typed.current["address"]),
                    icon=ft.Icons.SAVE,
                ),
                notice(app.message, tone="good") if app.message else ft.Container(),
                *sync,
                heading("About"),
                ft.Text(f"Guidance version {version}", size=16),
                ft.Text("Sources:", size=15, weight=ft.FontWeight.W_600),
                *[ft.Text(url, size=14, selectable=True) for url in sources],
                ft.Text(
                    "Decision support, not a diagnosis: your professional judgement stands.",
                    size=14,
                    italic=True,
                ),
                nav_button("Lock", lambda e: app.lock(), icon=ft.Icons.LOCK),
            )
        ],
    )
