"""Review before signing: the risk in brief at the top, then every answer by step, each one tappable."""

from __future__ import annotations

import flet as ft

from app.services import visits
from app.ui.views.discard import DiscardDraft
from app.ui.views.open_visit import use_open_visit, visit_appbar
from app.ui.views.record import answers_by_step, not_saved_list, step_of, summary
from app.ui.views.widgets import bottom_bar, heading, nav_button, notice, page_body


@ft.component
def ReviewView() -> ft.View:
    ov = use_open_visit()
    visit = ov.visit
    r = visit.review or visits.review({})

    def open_question(path: str) -> None:
        visit.focus_on(path)
        ov.go(f"{ov.base}/step/{step_of(path)}")

    actions = [
        nav_button(
            "Answers", lambda e: ov.go(f"{ov.base}/step/{step_of('')}"), compact=True, icon=ft.Icons.EDIT
        ),
        nav_button(
            "Leaflet",
            lambda e: ov.go(f"{ov.base}/review/leaflet"),
            icon=ft.Icons.PICTURE_AS_PDF,
            compact=True,
        ),
        nav_button(
            "Amend" if visit.signed else "Sign",
            lambda e: ov.go(f"{ov.base}/review/sign"),
            primary=True,
            icon=ft.Icons.DRAW,
            compact=True,
        ),
    ]
    state = "Signed: read-only" if visit.signed else "Draft: saved as you go"
    pending = not_saved_list(visit)
    warn = (
        [
            notice(
                "Not saved yet (the record holds no answer for these): " + "; ".join(pending),
                title=f"{len(pending)} answer{'s' * (len(pending) != 1)} not saved",
                tone="danger",
                key="review-pending",
            )
        ]
        if pending
        else []
    )
    return ft.View(
        route=ov.route,
        bottom_appbar=bottom_bar(*actions),
        appbar=visit_appbar(ov, f"Review: {visit.baby_name or visit.family_name}"),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                ft.Text(f"{visit.family_name} · {state}", size=15),
                *summary(r),
                *(
                    [
                        nav_button(
                            "Ask the core questions not asked",
                            lambda e: open_question(r.incomplete[0]),
                            icon=ft.Icons.ARROW_FORWARD,
                        )
                    ]
                    if r.incomplete and not visit.signed
                    else []
                ),
                *warn,
                heading("The record", size=22),
                ft.Text("Tap an answer to change it.", size=15, italic=True),
                *answers_by_step(visit, None if visit.signed else open_question),
                notice(r.disclaimer, tone="info"),
                ft.Text(f"Guidance version {r.guidance_version}", size=13),
                DiscardDraft(visit, lambda: ov.go(ov.family)),
            )
        ],
    )
