"""Settings: practitioner, link to the team server and sync, team phone, idle lock, the guidance."""

from __future__ import annotations

import flet as ft

from app.services.guidance import guidance_about
from app.ui.context import use_app, use_sync
from app.ui.hooks import use_typed_text
from app.ui.views.app_bar import app_bar
from app.ui.views.sync_section import SyncSection
from app.ui.views.widgets import heading, nav_button, notice, page_body


@ft.component
def SettingsView() -> ft.View:
    app = use_app()
    sync = use_sync()
    ft.use_effect(sync.refresh, dependencies=[])
    v = use_typed_text(lambda: {"phone": app.team_phone, "minutes": str(app.idle_lock_minutes)})
    version, sources = ft.use_memo(lambda: guidance_about(store=app.store), [])
    return ft.View(
        route=ft.use_view_path(),
        appbar=app_bar("Settings"),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                heading("Practitioner"),
                ft.Text(f"Name: {app.practitioner}", size=16),
                ft.Text(f"Team: {app.team}", size=16),
                SyncSection(sync),
                heading("This tablet"),
                ft.TextField(
                    label="Team phone number",
                    value=v["phone"],
                    hint_text="Printed on the family's leaflet, e.g. 023 8000 0000",
                    text_size=16,
                    keyboard_type=ft.KeyboardType.PHONE,
                    error=app.errors.get("team_phone"),
                    error_max_lines=3,
                    on_change=lambda e: v.__setitem__("phone", e.control.value or ""),
                ),
                ft.TextField(
                    label="Lock after this many idle minutes",
                    value=v["minutes"],
                    hint_text="1 to 60 (10 unless you change it)",
                    text_size=16,
                    keyboard_type=ft.KeyboardType.NUMBER,
                    error=app.errors.get("idle_lock_minutes"),
                    error_max_lines=3,
                    on_change=lambda e: v.__setitem__("minutes", e.control.value or ""),
                ),
                nav_button(
                    "Save settings",
                    lambda e: app.save_preferences(team_phone=v["phone"], idle_lock_minutes=v["minutes"]),
                    icon=ft.Icons.SAVE,
                ),
                notice(app.message, tone="good", key="settings-saved") if app.message else ft.Container(),
                heading("About the guidance"),
                ft.Text(f"Guidance version {version}", size=16),
                ft.Text("Sources:", size=15, weight=ft.FontWeight.W_600),
                *[ft.Text(url, size=14) for url in sources],
                ft.Text(
                    "Decision support, not a diagnosis: your professional judgement stands.",
                    size=14,
                    italic=True,
                ),
            )
        ],
    )
