"""Sign: confirm, then the visit is read-only; later corrections are amendments with a reason."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.ui.context import AppCtx, VisitCtx
from app.ui.presenters import amendment_words
from app.ui.questions import NO, QUESTION_BY_PATH, YES, words_for
from app.ui.state import AppState, VisitState
from app.ui.views.app_bar import app_bar
from app.ui.views.visit_step import ensure_visit
from app.ui.views.widgets import heading, nav_button, notice, page_body, risk_badge

AMENDABLE = [q for q in QUESTION_BY_PATH.values() if q.kind in ("yes_no", "choice", "integer", "number")]


def _parse(kind: str, text: str) -> Any:
    text = text.strip()
    if not text:
        return None
    if kind == "yes_no":
        return {YES: True, NO: False}.get(text, text)
    if kind == "integer":
        try:
            return int(text)
        except ValueError:
            return text
    if kind == "number":
        try:
            return float(text)
        except ValueError:
            return text
    return text


@ft.component
def Amend(visit: VisitState) -> ft.Control:
    path, set_path = ft.use_state(AMENDABLE[0].path)
    value, set_value = ft.use_state("")  # chosen from a list (a typed value lives in `typed`)
    typed = ft.use_ref(dict)
    q = QUESTION_BY_PATH[path]

    def submit() -> None:
        new = typed.current.get("value", "") if q.kind in ("integer", "number") else value
        if visit.amend(reason=typed.current.get("reason", ""), path=path, value=_parse(q.kind, new)):
            typed.current.clear()
            set_value("")

    if q.kind in ("yes_no", "choice"):
        options = [(YES, YES), (NO, NO)] if q.kind == "yes_no" else list(q.options)
        new_value: ft.Control = ft.Semantics(
            label="New answer",
            identifier="amend-value",
            value=value,
            container=True,
            content=ft.Dropdown(
                label="New answer",
                value=value or None,
                expand=True,
                options=[ft.DropdownOption(key=k, text=w) for k, w in options],
                on_select=lambda e: set_value(e.control.value or ""),
                error_text=visit.errors.get("amend.value"),
            ),
        )
    else:
        new_value = ft.TextField(
            label="New answer",
            value=typed.current.get("value", ""),
            text_size=16,
            on_change=lambda e: typed.current.__setitem__("value", e.control.value or ""),
            error=visit.errors.get("amend.value"),
        )
    return ft.Column(
        [
            heading("Amend this visit"),
            ft.Text(
                "A signed visit is never changed. A correction is added as an amendment, "
                "with your reason, and the risk is reassessed.",
                size=15,
            ),
            ft.Semantics(
                label="Answer to correct",
                identifier="amend-path",
                value=q.label,
                container=True,
                content=ft.Dropdown(
                    label="Answer to correct",
                    value=path,
                    expand=True,
                    options=[ft.DropdownOption(key=a.path, text=a.label) for a in AMENDABLE],
                    on_select=lambda e: (set_path(e.control.value), set_value("")),
                ),
            ),
            ft.Text(f"Recorded now: {words_for(path, visit.value(path))}", size=15),
            new_value,
            ft.TextField(
                label="Reason for the amendment",
                value=typed.current.get("reason", ""),
                multiline=True,
                min_lines=2,
                text_size=16,
                error=visit.errors.get("amend.reason"),
                on_change=lambda e: typed.current.__setitem__("reason", e.control.value or ""),
            ),
            nav_button("Record amendment", lambda e: submit(), primary=True),
        ],
        spacing=12,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )


@ft.component
def SignView() -> ft.View:
    app: AppState = ft.use_context(AppCtx)
    visit: VisitState = ft.use_context(VisitCtx)
    params = ft.use_route_params()
    page = ft.context.page
    fid, vid = params.get("fid", ""), params.get("vid", "")
    ensure_visit(app, visit, vid)
    confirmed, set_confirmed = ft.use_state(False)
    r = visit.review
    body: list[ft.Control] = []
    if r is not None:
        body.append(ft.Row([ft.Text("Risk level", size=18), risk_badge(r.risk_level, big=True)], wrap=True))
    if not visit.signed:
        body += [
            heading("Sign this visit", size=22),
            ft.Text(
                "Once signed the visit cannot be edited: corrections become amendments with a reason.",
                size=16,
            ),
            ft.Text(f"{len(r.unanswered) if r else 0} questions not asked.", size=15),
            ft.Checkbox(
                label="I have checked this record and it is accurate",
                value=confirmed,
                on_change=lambda e: set_confirmed(bool(e.control.value)),
                label_style=ft.TextStyle(size=16),
            ),
            nav_button("Sign visit", lambda e: visit.sign(), primary=True, icon=ft.Icons.DRAW, key="sign")
            if confirmed
            else ft.Text("Tick the box to sign.", size=14, italic=True),
        ]
        if visit.saved and visit.saved != "Saved":
            body.append(notice(visit.saved, tone="warning"))
    else:
        body += [
            notice("Signed: this visit is now read-only.", tone="good", key="signed"),
            ft.Row(
                [
                    nav_button(
                        "Back to family", lambda e: page.navigate(f"/family/{fid}"), icon=ft.Icons.ARROW_BACK
                    ),
                    nav_button("Back to caseload", lambda e: page.navigate("/"), icon=ft.Icons.HOME),
                ],
                wrap=True,
                spacing=12,
            ),
            *[ft.Text(amendment_words(a), size=14) for a in visit.amendments],
            Amend(visit),
        ]
    return ft.View(
        route=ft.use_view_path(),
        appbar=app_bar("Sign" if not visit.signed else "Signed visit"),
        scroll=ft.ScrollMode.AUTO,
        controls=[page_body(*body)],
    )
