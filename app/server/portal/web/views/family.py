"""A family's chronology at base, oldest first, with the chronology patterns marked."""

from __future__ import annotations

import re
import uuid

import flet as ft

from app.server.portal.chronology import Entry
from app.server.portal.web.context import AuthCtx, ChronCtx, PrintCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.state_more import ChronologyState
from app.server.portal.web.widgets import OVERDUE, frame, notice
from app.server.portal.words import KIND_WORDS


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
    pattern = e.kind == "pattern"  # marked by a thick rule as well as by colour
    return ft.Container(
        content=ft.Column(lines, spacing=2),
        padding=10,
        border=ft.Border.all(3, OVERDUE) if pattern else ft.Border.all(1, "#CAC4D0"),
        border_radius=8,
    )


@ft.component
def FamilyView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st: ChronologyState = ft.use_context(ChronCtx)
    fid = ft.use_route_params().get("fid", "")
    ft.use_effect(lambda: st.open(fid), dependencies=[fid])
    print_link = ft.use_context(PrintCtx)
    token, portal = auth.token, auth.portal
    slug = re.sub(r"[^a-z0-9]+", "-", st.family.lower()).strip("-") or "family"
    url = ft.use_memo(
        lambda: print_link(lambda: portal.chronology_pdf(token, uuid.UUID(fid)), f"chronology-{slug}.pdf"),
        [fid, token, len(st.entries), st.family],
    )
    if st.missing:
        return frame(auth, "Family chronology", notice(st.missing, error=True))
    rows = [_row(e) for e in st.entries] or [ft.Text("Nothing recorded yet.", size=15)]
    patterns = sum(1 for e in st.entries if e.kind == "pattern")
    tools = ft.Row(
        [
            ft.FilledButton(
                "Print chronology (PDF)",
                icon=ft.Icons.PRINT,
                action=ft.OpenUrl(url, target=ft.UrlTarget.BLANK),
            ),
            ft.Text(
                f"{len(st.entries)} entries, oldest first · {patterns} pattern{'' if patterns == 1 else 's'}",
                size=15,
            ),
        ],
        wrap=True,
        spacing=12,
    )
    return frame(auth, f"Family chronology: {st.family}", tools, *rows)
