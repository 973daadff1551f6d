"""A family's chronology at base, oldest first, with the chronology patterns marked."""

from __future__ import annotations

import flet as ft

from app.server.portal.chronology import Entry
from app.server.portal.web.context import AuthCtx, ChronCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.state_more import ChronologyState
from app.server.portal.web.widgets import OVERDUE, frame, notice

KIND_WORDS = {
    "visit": "Visit",
    "amendment": "Amendment",
    "leaflet": "Leaflet",
    "note": "Note",
    "supervision": "Supervision",
    "pattern": "Pattern",
}


def _row(e: Entry) -> ft.Control:
    who = f" — {e.who}" if e.who else ""
    baby = f" ({e.baby})" if e.baby else ""
    lines: list[ft.Control] = [
        ft.Text(
            f"{e.date:%d/%m/%Y} · {KIND_WORDS.get(e.kind, e.kind)}{baby}{who}",
            size=15,
            weight=ft.FontWeight.BOLD,
            color=OVERDUE if e.kind == "pattern" else None,
        ),
        ft.Text(e.summary, size=15, color=OVERDUE if e.kind == "pattern" else None),
    ]
    if e.text:
        lines.append(ft.Text(e.text, size=14))
    return ft.Container(
        content=ft.Column(lines, spacing=2), padding=10, border=ft.Border.all(1, "#CAC4D0"), border_radius=8
    )


@ft.component
def FamilyView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st: ChronologyState = ft.use_context(ChronCtx)
    fid = ft.use_route_params().get("fid", "")
    ft.use_effect(lambda: st.open(fid), dependencies=[fid])
    if st.missing:
        return frame(auth, "Family chronology", notice(st.missing, error=True))
    rows = [_row(e) for e in st.entries] or [ft.Text("Nothing recorded yet.", size=15)]
    return frame(auth, f"Family chronology: {st.family}", *rows)
