"""Audit log: who did and saw what in the team, newest first; filter by person, family, action, dates."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.server.portal.admin.audit_words import action_words
from app.server.portal.web.admin.audit_state import AuditState
from app.server.portal.web.admin.common import admin_frame, table, when
from app.server.portal.web.context import AuthCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.views.item import DATE_FILTER
from app.server.portal.web.widgets import notice, use_form

EXPLAIN = (
    "Every sign-in, every change at base and every look at a family, the queue, the figures or "
    "this log is recorded, with who did it. Records hold ids and counts, never what a family said."
)


@ft.component
def AuditView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st, _ = ft.use_state(AuditState(auth=auth))
    ft.use_effect(st.load, dependencies=[])
    v = use_form()

    def field(label: str, key: str, *, date: bool = False, md: int = 4) -> ft.Control:
        return ft.TextField(
            label=label,
            value=v.get(key, ""),
            on_change=lambda e: v.__setitem__(key, e.control.value or ""),
            input_filter=DATE_FILTER if date else None,
            hint_text="dd/mm/yyyy" if date else None,
            text_size=16,
            col={"xs": 12, "md": md},
        )

    def show(_: Any) -> None:
        st.load(v)

    options = [("all", "All actions"), *[(a, action_words(a)) for a in st.actions]]
    filters = ft.ResponsiveRow(
        [
            field("Person (email)", "user", md=5),
            field("Family id", "family", md=7),
            ft.Semantics(
                label="Action",
                identifier="audit-action",
                value=dict(options).get(st.action or "all", "All actions"),
                col={"xs": 12, "md": 4},
                content=ft.Dropdown(
                    label="Action",
                    value=st.action or "all",
                    options=[ft.DropdownOption(key=k, text=t) for k, t in options],
                    on_select=lambda e: st.set_action(e.control.value or "all"),
                ),
            ),
            field("From", "start", date=True, md=3),
            field("To", "end", date=True, md=3),
        ],
        spacing=12,
        run_spacing=12,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )
    controls: list[ft.Control] = [
        ft.Text(EXPLAIN, size=16),
        filters,
        ft.Row([ft.FilledButton("Show entries", on_click=show, height=44)]),
    ]
    if st.problems:
        controls.append(notice("Please check: " + "; ".join(st.problems), error=True))
    shown = f", showing {st.first + 1}–{st.first + len(st.lines)}, newest first" if st.lines else ""
    controls.append(ft.Text(f"{st.total} entr{'y' if st.total == 1 else 'ies'}{shown}", size=15))
    rows: list[list[str | ft.Control]] = [
        [when(line.at), line.who, line.what, line.family, line.detail] for line in st.lines
    ]
    controls.append(table(("When", "Who", "What", "Family", "Detail"), rows))
    pager: list[ft.Control] = []
    if st.page > 0:
        pager.append(ft.OutlinedButton("Newer entries", on_click=lambda _: st.load(page=st.page - 1)))
    if st.first + len(st.lines) < st.total:
        pager.append(ft.OutlinedButton("Older entries", on_click=lambda _: st.load(page=st.page + 1)))
    if pager:
        controls.append(ft.Row(pager))
    return admin_frame(auth, "Audit log", st.missing, *controls)
