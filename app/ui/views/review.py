"""Review: the live risk summary of the visit, with the guidance for each factor."""

from __future__ import annotations

import flet as ft

from app.services import visits
from app.ui.context import AppCtx, VisitCtx
from app.ui.presenters import question_words
from app.ui.state import AppState, VisitState
from app.ui.views.app_bar import app_bar
from app.ui.views.visit_step import ensure_visit
from app.ui.views.widgets import bottom_bar, heading, nav_button, notice, page_body, risk_badge


def _factor(f: visits.FactorLine) -> ft.Control:
    return ft.Card(
        content=ft.Container(
            padding=12,
            content=ft.Column(
                [
                    risk_badge(f.severity),
                    ft.Text(f.title, size=17, weight=ft.FontWeight.BOLD),
                    ft.Text("For the family", size=14, weight=ft.FontWeight.W_600),
                    ft.Text(f.advice, size=15),
                    ft.Text("For you", size=14, weight=ft.FontWeight.W_600),
                    ft.Text(f.practitioner_note, size=15, italic=True),
                    ft.Text(f"Source: {f.source_url}", size=13, selectable=True),
                ],
                spacing=6,
            ),
        )
    )


def review_sections(r: visits.Review) -> list[ft.Control]:
    """Everything the review shows, shared with the signed read-only view."""
    out: list[ft.Control] = [
        ft.Semantics(
            identifier="risk-level",
            container=True,
            content=ft.Row([ft.Text("Risk level", size=18), risk_badge(r.risk_level, big=True)], wrap=True),
        ),
    ]
    for p in r.prompts:
        if p.code == "discuss_with_supervisor":
            out.append(notice(p.text, title=f"Escalate: {p.title}", tone="danger", key="prompt-supervisor"))
    for p in r.prompts:
        if p.code != "discuss_with_supervisor":
            out.append(
                notice(
                    p.text, title=p.title, tone="warning" if p.prominent else "info", key=f"prompt-{p.code}"
                )
            )
    out.append(heading(f"Risk factors ({len(r.factors)})"))
    out += [_factor(f) for f in r.factors] or [ft.Text("None recorded.", size=15)]
    if r.context:
        out.append(heading("Family context (private)"))
        out.append(ft.Text(", ".join(r.context), size=15))
    out.append(heading("Protective"))
    out.append(ft.Text(", ".join(r.protective) if r.protective else "None recorded.", size=15))
    out.append(heading(f"Not asked ({len(r.unanswered)})"))
    out.append(
        ft.Text(
            ", ".join(question_words(p) for p in r.unanswered)
            if r.unanswered
            else "Every question answered.",
            size=15,
        )
    )
    out.append(notice(r.disclaimer, tone="info"))
    out.append(ft.Text(f"Guidance version {r.guidance_version}", size=13))
    return out


@ft.component
def ReviewView() -> ft.View:
    app: AppState = ft.use_context(AppCtx)
    visit: VisitState = ft.use_context(VisitCtx)
    params = ft.use_route_params()
    page = ft.context.page
    fid, vid = params.get("fid", ""), params.get("vid", "")
    ensure_visit(app, visit, vid)
    base = f"/family/{fid}/visit/{vid}"
    r = visit.review or visits.review({})
    actions = [
        nav_button("Answers", lambda e: page.navigate(f"{base}/step/baby"), compact=True, icon=ft.Icons.EDIT),
        nav_button(
            "Leaflet",
            lambda e: page.navigate(f"{base}/review/leaflet"),
            icon=ft.Icons.PICTURE_AS_PDF,
            compact=True,
        ),
        nav_button(
            "Amend" if visit.signed else "Sign",
            lambda e: page.navigate(f"{base}/review/sign"),
            primary=True,
            icon=ft.Icons.DRAW,
            compact=True,
        ),
    ]
    state = "Signed: read-only" if visit.signed else "Draft: saved as you go"
    return ft.View(
        route=ft.use_view_path(),
        bottom_appbar=bottom_bar(*actions),
        appbar=app_bar(f"Review: {visit.baby_name or visit.family_name}"),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                ft.Text(f"{visit.family_name} · {state}", size=15),
                *review_sections(r),
            )
        ],
    )
