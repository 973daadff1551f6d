"""Sync conflicts: the fields changed both on the server and on a tablet, waiting for a person."""

from __future__ import annotations

import flet as ft

from app.server.portal.admin.conflicts import ConflictView
from app.server.portal.web.admin.common import admin_frame, table, when
from app.server.portal.web.admin.conflicts_state import ConflictsState
from app.server.portal.web.context import AuthCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.widgets import MUTED, go, heading, notice

EXPLAIN = (
    "Each item is one field that was changed on the server and on a tablet since that tablet last "
    "synced. Everything else in the record was merged. Open one to choose which value is right."
)


def title(c: ConflictView) -> str:
    return f"{c.record} — {c.field}"


def _card(c: ConflictView) -> ft.Control:
    return ft.Card(
        content=ft.Container(
            padding=14,
            content=ft.Column(
                [
                    ft.Text(title(c), size=18, weight=ft.FontWeight.BOLD),
                    ft.Text(
                        f"On the server: {c.server}  ·  On the tablet: {c.device}",
                        size=16,
                    ),
                    ft.Text(
                        f"From {c.device_name} ({c.device_owner}) on {when(c.created)}", size=15, color=MUTED
                    ),
                    ft.Row([ft.OutlinedButton(f"Open {title(c)}", on_click=go(f"/admin/conflicts/{c.id}"))]),
                ],
                spacing=6,
            ),
        )
    )


@ft.component
def ConflictsView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st, _ = ft.use_state(ConflictsState(auth=auth))
    ft.use_effect(st.load, dependencies=[])
    controls: list[ft.Control] = [
        ft.Text(EXPLAIN, size=16),
        ft.Row(
            [
                heading(f"Waiting ({len(st.waiting)})", size=18),
                ft.OutlinedButton("Refresh the list", on_click=lambda _: st.load()),
            ],
            wrap=True,
            spacing=16,
        ),
    ]
    controls += [_card(c) for c in st.waiting] or [notice("No sync conflict is waiting.")]
    if st.done:
        controls += [
            heading("Resolved lately", size=18),
            table(
                ("Record and field", "Kept", "By", "When"),
                [[title(c), c.resolved_value, c.resolved_by, when(c.resolved_at)] for c in st.done],
            ),
        ]
    return admin_frame(auth, "Sync conflicts", st.missing, *controls)
