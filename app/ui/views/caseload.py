"""Caseload: families with babies, searchable; start or continue a visit from here."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.services import caseload as caseload_service
from app.services import visits
from app.ui.context import AppCtx, CaseloadCtx, VisitCtx
from app.ui.presenters import age_words, count_words, day, due_words
from app.ui.state import AppState, CaseloadState, VisitState
from app.ui.theme import BRAND, WARNING
from app.ui.views.open_visit import visit_start
from app.ui.views.widgets import button_style, page_body, risk_badge


@ft.component
def CaseloadRow(row: caseload_service.CaseloadRow, app: AppState, visit: VisitState) -> ft.Control:
    page = ft.context.page

    def open_family() -> None:
        page.navigate(f"/family/{row.family_id}")

    def start() -> None:
        vid = row.draft_visit_id or visits.start_visit(
            store=app.store, family_id=row.family_id, baby_id=row.baby_id
        )
        visit.open(app.store, vid)
        page.navigate(visit_start(row.family_id, vid))

    facts = [
        f"{row.baby_name}, {age_words(row.baby_born)}" if row.baby_name else "No baby recorded",
        row.postcode,
    ]
    last = f"Last visit {day(row.last_visit)}" if row.last_visit else "Not visited yet"
    flags: list[ft.Control] = [risk_badge(row.risk_level), ft.Text(last, size=14)]
    due = due_words(row.next_due)
    if row.draft_visit_id:
        flags.append(ft.Text("Draft in progress", size=14, weight=ft.FontWeight.BOLD, color=BRAND))
    if due:
        flags.append(ft.Text(due, size=14, weight=ft.FontWeight.BOLD, color=WARNING))
    return ft.Card(
        content=ft.Container(
            padding=12,
            content=ft.ResponsiveRow(
                [
                    ft.Column(
                        [
                            ft.Text(row.family_name, size=18, weight=ft.FontWeight.BOLD),
                            ft.Text(" · ".join(f for f in facts if f), size=15),
                            ft.Row(
                                flags, wrap=True, spacing=10, vertical_alignment=ft.CrossAxisAlignment.CENTER
                            ),
                        ],
                        spacing=6,
                        col={"xs": 12, "md": 7},
                    ),
                    ft.Row(
                        [
                            ft.OutlinedButton(
                                content=ft.Text(f"Open {row.family_name}", size=15),
                                on_click=lambda e: open_family(),
                                style=button_style(),
                            ),
                            ft.FilledButton(
                                content=ft.Text(
                                    "Continue visit" if row.draft_visit_id else "Start visit", size=15
                                ),
                                on_click=lambda e: start(),
                                style=button_style(),
                                disabled=row.baby_id is None,
                            ),
                        ],
                        wrap=True,
                        col={"xs": 12, "md": 5},
                        alignment=ft.MainAxisAlignment.END,
                    ),
                ],
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
            ),
        )
    )


@ft.component
def _SearchBox(on_search: Callable[[str], None], initial: str) -> ft.Control:
    return ft.TextField(
        label="Search caseload",
        hint_text="Surname, baby's name or postcode",
        value=initial,
        prefix_icon=ft.Icons.SEARCH,
        text_size=16,
        on_change=lambda e: on_search(e.control.value or ""),
    )


SearchBox = ft.memo(_SearchBox)  # never re-rendered while typing: no round trip races the keys


@ft.component
def CaseloadView() -> ft.View:
    app: AppState = ft.use_context(AppCtx)
    caseload: CaseloadState = ft.use_context(CaseloadCtx)
    visit: VisitState = ft.use_context(VisitCtx)
    page = ft.context.page

    first_query = ft.use_ref(lambda: caseload.query)
    ft.use_effect(lambda: caseload.search(caseload.query), dependencies=[])

    rows = [CaseloadRow(r, app, visit, key=r.family_id) for r in caseload.rows]
    if not rows:
        rows = [ft.Text("No families match. Try a surname, a baby's name or a postcode.", size=16)]
    return ft.View(
        route="/",
        appbar=ft.AppBar(
            title=ft.Text("Caseload"),
            actions=[
                ft.TextButton(
                    content=ft.Text("New family"),
                    icon=ft.Icons.ADD,
                    on_click=lambda e: page.navigate("/family/new"),
                ),
                ft.TextButton(
                    content=ft.Text("Settings"),
                    icon=ft.Icons.SETTINGS,
                    on_click=lambda e: page.navigate("/settings"),
                ),
            ],
        ),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                SearchBox(caseload.search, first_query.current),
                ft.Text(count_words(len(caseload.rows)), size=14),
                *rows,
            )
        ],
    )
