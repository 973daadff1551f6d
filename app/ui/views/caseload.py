"""Caseload: families with babies, most urgent first, filterable and searchable."""

from __future__ import annotations

import flet as ft

from app.ui.context import use_app, use_caseload, use_visit
from app.ui.hooks import use_typed_text
from app.ui.presenters import VIEW_WORDS, count_words
from app.ui.views.app_bar import app_bar, icon_action
from app.ui.views.caseload_filters import caseload_filters
from app.ui.views.caseload_row import CaseloadRow
from app.ui.views.search_box import SearchBox
from app.ui.views.widgets import nav_button, page_body


@ft.component
def CaseloadView() -> ft.View:
    app = use_app()
    caseload = use_caseload()
    visit = use_visit()
    page = ft.context.page

    first_query = use_typed_text(lambda: {"query": caseload.query})["query"]
    ft.use_effect(lambda: caseload.search(caseload.query), dependencies=[])

    rows: list[ft.Control] = [
        CaseloadRow(r, app, visit, key=r.family_id)  # type: ignore[call-arg]  # @ft.component takes key
        for r in caseload.rows
    ]
    if not rows:
        what = "" if caseload.show in ("urgent", "name") else f" ({VIEW_WORDS[caseload.show].lower()})"
        rows = [ft.Text(f"No families match{what}. Try a surname, a baby's name or a postcode.", size=16)]
    return ft.View(
        route=ft.use_view_path(),
        appbar=app_bar(
            "Caseload", icon_action("Settings", ft.Icons.SETTINGS, lambda e: page.navigate("/settings"))
        ),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                ft.ResponsiveRow(
                    [
                        ft.Container(SearchBox(caseload.search, first_query), col={"xs": 12, "sm": 8}),
                        ft.Container(
                            nav_button(
                                "New family", lambda e: page.navigate("/family/new"), icon=ft.Icons.ADD
                            ),
                            col={"xs": 12, "sm": 4},
                            alignment=ft.Alignment.CENTER_RIGHT,
                        ),
                    ],
                    vertical_alignment=ft.CrossAxisAlignment.CENTER,
                ),
                caseload_filters(caseload.show, caseload.choose),
                ft.Text(count_words(len(caseload.rows)), size=14),
                *rows,
            )
        ],
    )
