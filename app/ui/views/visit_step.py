"""Guided visit: one short step per screen, progress shown, every answer autosaved."""

from __future__ import annotations

import flet as ft

from app.ui.context import AppCtx, VisitCtx
from app.ui.presenters import risk_word
from app.ui.questions import STEP_SLUGS, STEPS, step_index
from app.ui.state import AppState, VisitState
from app.ui.views.app_bar import app_bar
from app.ui.views.widgets import bottom_bar, heading, nav_button, notice, page_body, question_control


def ensure_visit(app: AppState, visit: VisitState, visit_id: str) -> None:
    """Load the visit named in the address when the session does not hold it yet."""
    if visit.visit_id != visit_id:
        visit.open(app.store, visit_id)


def _step_prompts(slug: str, visit: VisitState) -> list[ft.Control]:
    out: list[ft.Control] = []
    if slug == "where" and visit.value("sleep.seen") is not True:
        out.append(
            notice(
                "Ask to see where baby sleeps, day and night. Seeing it is how risks are found.",
                title="Ask to see it",
                tone="warning",
                key="prompt-ask-to-see",
            )
        )
    if slug == "family":
        out.insert(
            0, notice("Private to you: these answers are never printed on the family's leaflet.", tone="info")
        )
        if visit.value("family.unidentified_adults") is True:
            out.append(
                notice(
                    "Be curious: who are they, do they stay overnight, do they care for baby?",
                    title="Be curious about adults",
                    tone="warning",
                )
            )
    return out


@ft.component
def VisitStepView() -> ft.View:
    app: AppState = ft.use_context(AppCtx)
    visit: VisitState = ft.use_context(VisitCtx)
    params = ft.use_route_params()
    page = ft.context.page
    fid, vid = params.get("fid", ""), params.get("vid", "")
    ensure_visit(app, visit, vid)
    i = step_index(params.get("step", "baby"))
    step = STEPS[i]
    base = f"/family/{fid}/visit/{vid}"

    def go(target: str) -> None:
        page.navigate(target)

    back = f"{base}/step/{STEP_SLUGS[i - 1]}" if i > 0 else f"/family/{fid}"
    forward = f"{base}/step/{STEP_SLUGS[i + 1]}" if i + 1 < len(STEPS) else f"{base}/review"
    risk = visit.review
    status = [
        ft.Text(f"Step {i + 1} of {len(STEPS)}", size=14),
        ft.Text(visit.saved or "Answers save as you go", size=14, italic=True),
    ]
    if risk is not None:
        status.append(
            ft.Text(f"Risk so far: {risk_word(risk.risk_level)}", size=14, weight=ft.FontWeight.BOLD)
        )
    if visit.signed:
        status.append(ft.Text("Signed: read-only", size=14, weight=ft.FontWeight.BOLD))
    last = i + 1 == len(STEPS)
    bar = bottom_bar(
        nav_button("Previous", lambda e: go(back), icon=ft.Icons.ARROW_BACK, compact=True),
        nav_button("Review now", lambda e: go(f"{base}/review"), compact=True)
        if not last
        else ft.Container(),
        nav_button(
            "Review" if last else "Next",
            lambda e: go(forward),
            primary=True,
            icon=ft.Icons.ARROW_FORWARD,
            compact=True,
        ),
    )
    return ft.View(
        key=f"step-{step.slug}",  # a new page per step: Flutter's navigator animates it in
        route=ft.use_view_path(),
        bottom_appbar=bar,
        appbar=app_bar(f"{visit.baby_name or 'Visit'}: {step.title}"),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                ft.ProgressBar(
                    value=(i + 1) / len(STEPS),
                    bar_height=8,
                    semantics_label=f"Visit progress: step {i + 1} of {len(STEPS)}",
                ),
                ft.Row(status, wrap=True, spacing=16),
                heading(step.title, size=24),
                ft.Text(step.intro, size=16),
                *_step_prompts(step.slug, visit),
                *[question_control(q, visit) for q in step.questions],
            )
        ],
    )
