"""One family on the caseload: baby, last visit, risk, draft, when the next visit is due."""

from __future__ import annotations

import flet as ft

from app.services import visits
from app.services.caseload import CaseloadRow as Row
from app.ui.presenters import age_words, day, due_words
from app.ui.state import AppState, VisitState
from app.ui.theme import BRAND, DANGER, TONES
from app.ui.views.open_visit import visit_start
from app.ui.views.widgets import button_style, risk_badge


def _due(row: Row) -> ft.Control | None:
    words = due_words(row.next_due)
    if not words:
        return None
    if words.startswith("Visit overdue"):  # unmistakable: filled red, an alarm icon, by how much
        return ft.Container(
            content=ft.Row(
                [
                    ft.Icon(ft.Icons.ALARM, color=ft.Colors.WHITE, size=18),
                    ft.Text(words, size=14, weight=ft.FontWeight.BOLD, color=ft.Colors.WHITE),
                ],
                tight=True,
                spacing=6,
            ),
            bgcolor=DANGER,
            border_radius=8,
            padding=ft.Padding.symmetric(horizontal=8, vertical=4),
        )
    bg, fg = TONES["info"]
    return ft.Container(
        content=ft.Row(
            [ft.Icon(ft.Icons.EVENT, color=fg, size=18), ft.Text(words, size=14, color=fg)],
            tight=True,
            spacing=6,
        ),
        bgcolor=bg,
        border_radius=8,
        padding=ft.Padding.symmetric(horizontal=8, vertical=4),
    )


@ft.component
def CaseloadRow(row: Row, app: AppState, visit: VisitState) -> ft.Control:
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
    due = _due(row)
    if due is not None:
        flags.append(due)
    if row.draft_visit_id:
        flags.append(ft.Text("Draft in progress", size=14, weight=ft.FontWeight.BOLD, color=BRAND))
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
