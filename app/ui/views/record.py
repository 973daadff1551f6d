"""The record as review and signed screens show it: a compact risk summary, then every answer by step."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.services import visits
from app.ui.presenters import risk_word
from app.ui.questions import NOT_RECORDED, STEP_OF, STEPS, Question
from app.ui.state import VisitState
from app.ui.views.widgets import heading, notice, risk_badge

PENDING, NOT_ASKED = "#B3261E", "#5F6368"


def headline(r: visits.Review) -> str:
    """The one line under the badge: why this level, in words."""
    if r.risk_level == "incomplete":
        n = len(r.incomplete)
        return f"Incomplete — {n} core question{'s' * (n != 1)} not asked"
    high = [f.title for f in r.factors if f.severity == "high"]
    if high:
        return "High because: " + "; ".join(high)
    if r.risk_level == "increased":
        return f"{len(r.factors)} factor{'s' * (len(r.factors) != 1)} that raise the risk"
    return "No risk factor recorded and every core question answered"


def escalation_words(r: visits.Review) -> str:
    """Which trigger fired, in words (the escalation itself is the domain's decision)."""
    triggers = [t[:1].lower() + t[1:] for t in r.escalated_by]
    if not triggers:
        return "discuss with your supervisor"
    if r.risk_level == "high":
        return f"high risk with {' and '.join(triggers)}"
    return f"{' and '.join(triggers)} together"


def summary(r: visits.Review, *, on_not_asked: Callable[[str], None] | None = None) -> list[ft.Control]:
    """Badge, the reason in words, factor titles; advice and notes fold away."""
    out: list[ft.Control] = [
        ft.Semantics(
            identifier="risk-level",
            container=True,
            label=f"{risk_word(r.risk_level)} risk. {headline(r)}",
            content=ft.Column(
                [
                    risk_badge(r.risk_level, big=True),
                    ft.Text(headline(r), size=17, weight=ft.FontWeight.W_600),
                ],
                spacing=6,
            ),
        )
    ]
    if r.escalate:
        out.append(
            notice(
                "Discuss this visit with your supervisor or safeguarding lead today.",
                title=f"Escalate: {escalation_words(r)}",
                tone="danger",
                key="prompt-supervisor",
            )
        )
    if r.factors:
        tiles: list[ft.Control] = [
            ft.ExpansionTile(
                title=ft.Text(f.title, size=16, weight=ft.FontWeight.W_600),
                subtitle=ft.Text("High" if f.severity == "high" else "Increased", size=14),
                leading=ft.Icon(
                    ft.Icons.ERROR if f.severity == "high" else ft.Icons.WARNING,
                    color=("#B3261E" if f.severity == "high" else "#8A5300"),
                ),
                controls=[
                    ft.Text(f"For the family: {f.advice}", size=15),
                    ft.Text(f"For you: {f.practitioner_note}", size=15, italic=True),
                    ft.Text(f"Source: {f.source_url}", size=13, selectable=True),
                ],
                controls_padding=ft.Padding.symmetric(horizontal=16, vertical=8),
                expanded_cross_axis_alignment=ft.CrossAxisAlignment.START,
            )
            for f in r.factors
        ]
        out += [heading(f"Risk factors ({len(r.factors)})", size=18), ft.Column(tiles, spacing=0)]
    prompts = [p for p in r.prompts if p.code != "discuss_with_supervisor"]
    if prompts:
        out.append(heading("To talk about", size=18))
        out.append(
            ft.Column(
                [
                    ft.ExpansionTile(
                        title=ft.Text(p.title, size=16),
                        leading=ft.Icon(ft.Icons.CHAT_BUBBLE_OUTLINE),
                        controls=[ft.Text(p.text, size=15)],
                        controls_padding=ft.Padding.symmetric(horizontal=16, vertical=8),
                        expanded_cross_axis_alignment=ft.CrossAxisAlignment.START,
                    )
                    for p in prompts
                ],
                spacing=0,
            )
        )
    if r.protective:
        out.append(ft.Text(f"Protective: {', '.join(r.protective)}", size=15))
    if r.context:
        out.append(ft.Text(f"Family context (private): {', '.join(r.context)}", size=15))
    return out


def _answer_row(q: Question, visit: VisitState, on_open: Callable[[str], None] | None) -> ft.Control:
    pending = visit.pending.get(q.path)
    routine_pending = [k for k in visit.pending if k.startswith(f"{q.path}.")]
    if pending is not None or routine_pending:
        shown = (
            f"Not saved yet: “{pending}”" if pending is not None else "Not saved yet: a plan is not written"
        )
        colour, icon = PENDING, ft.Icons.ERROR_OUTLINE
    else:
        shown = visit.words(q.path)
        asked = shown != NOT_RECORDED and shown != ""
        colour, icon = ("#1F1F1F", ft.Icons.CHECK) if asked else (NOT_ASKED, ft.Icons.REMOVE)
        if not asked:
            shown = "Not asked" + (" (core question)" if q.core else "")
    parts: list[ft.Control] = [
        ft.Icon(icon, color=colour, size=20),
        ft.Column(
            [
                ft.Text(q.label, size=14, color=NOT_ASKED),
                ft.Text(shown, size=16, color=colour, weight=ft.FontWeight.W_600),
            ],
            spacing=2,
            expand=True,
        ),
    ]
    if on_open:
        parts.append(ft.Icon(ft.Icons.CHEVRON_RIGHT, color=NOT_ASKED))
    body = ft.Row(parts, vertical_alignment=ft.CrossAxisAlignment.CENTER)
    return ft.Semantics(
        identifier=f"answer-{q.key}",
        button=on_open is not None,
        container=True,
        content=ft.Container(
            content=body,
            padding=ft.Padding.symmetric(horizontal=8, vertical=6),
            on_click=(lambda e: on_open(q.path)) if on_open else None,
            border=ft.Border.only(bottom=ft.BorderSide(1, "#E0E0E0")),
            height=None,
        ),
        col={"xs": 12, "md": 6},
    )


def answers_by_step(visit: VisitState, on_open: Callable[[str], None] | None) -> list[ft.Control]:
    """Every question by step: the answer, "Not saved yet" or "Not asked"; each opens its question."""
    out: list[ft.Control] = []
    for step in STEPS:
        title = step.title + (" (private)" if step.private else "")
        out.append(heading(title, size=18))
        out.append(
            ft.ResponsiveRow(
                [_answer_row(q, visit, on_open) for q in step.questions], spacing=8, run_spacing=0
            )
        )
    return out


def not_saved_list(visit: VisitState) -> list[str]:
    """Labels of the questions whose typed text is not saved as an answer."""
    from app.ui.questions import QUESTION_BY_PATH

    seen: list[str] = []
    for key in visit.pending:
        path = key if key in QUESTION_BY_PATH else key.rsplit(".", 1)[0]
        q = QUESTION_BY_PATH.get(path)
        label = q.label if q else path
        if label not in seen:
            seen.append(label)
    return seen


def step_of(path: str) -> str:
    return STEP_OF.get(path, STEPS[0].slug)
