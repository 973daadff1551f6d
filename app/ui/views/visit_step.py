"""Guided visit: one short step per screen, progress shown, every answer autosaved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import flet as ft

from app.ui.questions import STEP_SLUGS, STEPS, step_index
from app.ui.state import VisitState
from app.ui.views.fold import below_the_fold
from app.ui.views.open_visit import OpenVisit, use_open_visit, visit_appbar
from app.ui.views.question import question_control
from app.ui.views.widgets import bottom_bar, heading, nav_button, notice, page_body, risk_badge

MORE_BELOW = "More questions below: scroll down"


def _after(path: str, visit: VisitState, add_adult: Callable[[], None]) -> list[ft.Control]:
    """Prompts shown just below the question they belong to (never above: nothing moves up)."""
    if path == "sleep.seen" and visit.value("sleep.seen") is not True:
        return [
            notice(
                "Ask to see where baby sleeps, day and night. Seeing it is how risks are found.",
                title="Ask to see it",
                tone="warning",
                key="prompt-ask-to-see",
            )
        ]
    if path == "family.out_of_routine_planned" and visit.value(path) is True:
        return [
            notice(
                "Agree a plan with the family for where baby will sleep: write it on The plan step.",
                title="Plan for the change of routine",
                tone="info",
                key="prompt-routine",
            )
        ]
    if path == "family.unidentified_adults" and visit.value(path) is True and not visit.signed:
        return [
            notice(
                "Be curious: who are they, do they stay overnight, do they care for baby? "
                "Add them to the family's people.",
                title="Be curious about adults",
                tone="warning",
                key="prompt-curious",
            ),
            nav_button("Add this adult", lambda e: add_adult(), icon=ft.Icons.PERSON_ADD),
        ]
    return []


def _status(i: int, visit: VisitState) -> ft.Control:
    """One fixed-height line: the step and whether answers are saved (never changes height)."""
    saved = "Signed: read-only" if visit.signed else (visit.saved or "Answers save as you go")
    return ft.Container(
        content=ft.Row(
            [ft.Text(f"Step {i + 1} of {len(STEPS)}", size=14), ft.Text(saved, size=14, italic=True)],
            spacing=16,
            scroll=ft.ScrollMode.HIDDEN,
        ),
        height=24,
        alignment=ft.Alignment.CENTER_LEFT,
    )


def risk_so_far(visit: VisitState) -> list[ft.Control]:
    """The live risk badge in the AppBar: always in view, never pushing the questions."""
    r = visit.review
    if r is None:
        return []
    return [
        ft.Semantics(
            label=f"Risk so far: {visit.risk_word}",
            container=True,
            exclude_semantics=True,
            content=ft.Container(content=risk_badge(r.risk_level), padding=ft.Padding.only(right=12)),
        )
    ]


def _carried(ov: OpenVisit) -> list[ft.Control]:
    last = ov.visit.last_time
    if not last:
        return []
    return [notice(last.removeprefix("Last time "), title="Last time", tone="info", key="last-time")]


@ft.component
def VisitStepView() -> ft.View:
    ov = use_open_visit()
    visit = ov.visit
    params = ft.use_route_params()
    i = step_index(params.get("step", STEP_SLUGS[0]))
    step = STEPS[i]
    folded = below_the_fold(step, ft.context.page.width or 0, ft.context.page.height or 0)
    scrolled_to, set_scrolled_to = ft.use_state(("", False))  # (step, more below) once it is scrolled
    more = scrolled_to[1] if scrolled_to[0] == step.slug else folded
    page = ov.page

    async def focus_question() -> None:
        target = visit.take_focus()
        if target and page.views:
            await page.views[-1].scroll_to(scroll_key=target, duration=300)

    ft.use_effect(lambda: page.run_task(focus_question), [step.slug])
    ft.use_effect(visit.refresh_people, [step.slug])  # people added meanwhile are offered

    def scrolled(e: Any) -> None:
        at_end = e.pixels >= e.max_scroll_extent - 24
        if at_end == more:
            set_scrolled_to((step.slug, not at_end))

    previous = f"{ov.base}/step/{STEP_SLUGS[i - 1]}" if i > 0 else ov.family
    last = i + 1 == len(STEPS)
    forward = f"{ov.base}/step/{STEP_SLUGS[i + 1]}" if not last else f"{ov.base}/review"
    bar_buttons = (
        nav_button("Previous", lambda e: ov.go(previous), icon=ft.Icons.ARROW_BACK, compact=True),
        nav_button("Review now", lambda e: ov.go(f"{ov.base}/review"), compact=True)
        if not last
        else ft.Container(),
        nav_button(
            "Review" if last else "Next",
            lambda e: ov.go(forward),
            primary=True,
            icon=ft.Icons.ARROW_FORWARD,
            compact=True,
        ),
    )
    questions: list[ft.Control] = []

    def add_adult() -> None:
        ov.go(f"{ov.route}/person/adult/new")  # over this step: Back returns here

    for q in step.questions:
        questions.append(question_control(q, visit, on_add_person=add_adult))
        questions += _after(q.path, visit, add_adult)
    private = (
        [notice("Private to you: these answers are never printed on the family's leaflet.", tone="info")]
        if step.private
        else []
    )

    hint = ft.Row(
        [
            ft.Icon(ft.Icons.ARROW_DOWNWARD, size=16, color="#1A4D8F"),
            ft.Text(MORE_BELOW, size=14, weight=ft.FontWeight.W_600, color="#1A4D8F"),
        ]
        if more
        else [],
        alignment=ft.MainAxisAlignment.CENTER,
        spacing=4,
    )
    return ft.View(
        key=f"step-{step.slug}",  # a new page per step: Flutter's navigator animates it in
        route=ov.route,
        bottom_appbar=bottom_bar(*bar_buttons, note=hint),
        appbar=visit_appbar(ov, f"{visit.baby_name or 'Visit'}: {step.title}", actions=risk_so_far(visit)),
        scroll=ft.ScrollMode.ALWAYS,
        on_scroll=scrolled,
        scroll_interval=100,
        controls=[
            page_body(
                ft.ProgressBar(
                    value=(i + 1) / len(STEPS),
                    bar_height=8,
                    semantics_label=f"Visit progress: step {i + 1} of {len(STEPS)}",
                ),
                _status(i, visit),
                heading(step.title, size=24),
                ft.Text(step.intro, size=16),
                *(_carried(ov) if i == 0 else []),
                *private,
                *questions,
            )
        ],
    )
