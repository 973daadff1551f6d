"""Settings -> "Link to team server": address and enrolment code, Sync, pending count, last sync, result."""

from __future__ import annotations

import flet as ft

from app.ui.hooks import use_typed_text
from app.ui.state import SyncState
from app.ui.views.widgets import heading, nav_button, notice


@ft.component
def SyncSection(sync: SyncState) -> ft.Control:
    v = use_typed_text(lambda: {"address": sync.server_address, "code": ""})

    async def link() -> None:
        await sync.link(v["address"], v["code"])

    async def run() -> None:
        await sync.sync()

    out: list[ft.Control] = [heading("Link to team server")]
    if sync.linked:
        out.append(
            notice(
                f"Linked to {sync.team_name or 'the team server'} at {sync.server_address}.",
                tone="good",
                key="sync-linked",
            )
        )
    else:
        out += [
            ft.Text(
                "Ask your team administrator for the server address and a one-time enrolment code. "
                "Then Sync sends your signed visits and brings back the team's changes.",
                size=15,
            ),
            ft.TextField(
                label="Team server address",
                value=v["address"],
                hint_text="https://base.example.nhs.uk",
                text_size=16,
                error=sync.errors.get("server_address"),
                error_max_lines=3,
                keyboard_type=ft.KeyboardType.URL,
                on_change=lambda e: v.__setitem__("address", e.control.value or ""),
            ),
            ft.TextField(
                label="Enrolment code",
                value=v["code"],
                text_size=16,
                error=sync.errors.get("code"),
                error_max_lines=3,
                on_change=lambda e: v.__setitem__("code", e.control.value or ""),
                on_submit=link,
            ),
            nav_button("Link this tablet", link, icon=ft.Icons.LINK),
        ]
    out.append(
        ft.Row(
            [
                nav_button("Sync now", run, primary=sync.linked, icon=ft.Icons.SYNC),
                ft.Text(sync.pending, size=15),
            ],
            wrap=True,
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        )
    )
    out.append(ft.Text(f"Last sync: {sync.last_sync or 'never'}", size=15))
    if sync.rejected:
        out.append(
            notice(
                f"{sync.rejected} change{'s' * (sync.rejected != 1)} refused by the team server "
                "and kept on this tablet. Tell your administrator.",
                tone="warning",
            )
        )
    if sync.quarantined:
        out.append(
            notice(
                f"{sync.quarantined} update{'s' * (sync.quarantined != 1)} from the team could not be used "
                "on this tablet. They are kept here and reported to the server at the next sync.",
                tone="warning",
                key="sync-quarantined",
            )
        )
    if sync.syncing:
        out.append(ft.ProgressBar(value=sync.progress, semantics_label="Sync progress"))
    if sync.result:
        out.append(notice(sync.result, tone=sync.result_tone, key="sync-result"))
    return ft.Column(out, spacing=12, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
