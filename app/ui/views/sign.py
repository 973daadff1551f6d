"""Sign: confirm (with a reason if core questions were not asked); a signed visit reads first."""

from __future__ import annotations

import flet as ft

from app.ui.hooks import use_typed_text
from app.ui.views.amend import Amend
from app.ui.views.open_visit import OpenVisit, use_open_visit, visit_appbar
from app.ui.views.record import answers_by_step, headline, not_saved_list, summary
from app.ui.views.widgets import heading, nav_button, notice, page_body, risk_badge

CHECKED = "I have checked this record and it is accurate"


@ft.component
def _SignBox(ov: OpenVisit) -> ft.Control:
    visit = ov.visit
    confirmed, set_confirmed = ft.use_state(False)
    typed = use_typed_text(dict)  # every key typed counts as use (idle lock)
    r = visit.review
    pending = not_saved_list(visit)
    body: list[ft.Control] = []
    if r is not None:
        body.append(
            ft.Row(
                [
                    risk_badge(r.risk_level),
                    ft.Text(headline(r), size=16, weight=ft.FontWeight.W_600, expand=True),
                ],
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
            )
        )
    body += [
        heading("Sign this visit", size=22),
        ft.Text(
            "Once signed the visit cannot be edited: corrections become amendments with a reason.", size=16
        ),
    ]
    if pending:
        body.append(
            notice(
                "These have text that is not a valid answer, so the record holds no answer for them: "
                + "; ".join(pending)
                + ". Go back and correct them, or sign without them.",
                title="Not saved yet",
                tone="danger",
                key="sign-pending",
            )
        )
    if visit.needs_reason and r is not None:
        n = len(r.incomplete)
        body += [
            notice(
                f"{n} core question{'s' * (n != 1)} not asked. Signing an incomplete visit needs a reason; "
                "it is kept with your signature and shown to your supervisor.",
                title="Incomplete",
                tone="warning",
                key="sign-incomplete",
            ),
            ft.TextField(
                label="Reason core questions were not asked",
                hint_text="For example: parent declined to answer",
                value=typed.get("reason", ""),
                multiline=True,
                min_lines=2,
                text_size=16,
                error=visit.errors.get("sign.reason"),
                error_max_lines=4,
                on_change=lambda e: typed.__setitem__("reason", e.control.value or ""),
            ),
        ]
    body += [
        ft.Container(  # the words wrap on a phone; tapping them ticks the box too
            content=ft.Row(
                [
                    ft.Checkbox(
                        value=confirmed,
                        semantics_label=CHECKED,
                        on_change=lambda e: set_confirmed(bool(e.control.value)),
                    ),
                    ft.Text(CHECKED, size=16, expand=True),
                ],
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
            ),
            on_click=lambda e: set_confirmed(not confirmed),
            padding=ft.Padding.only(right=8, top=4, bottom=4),
        ),
        nav_button(
            "Sign visit",
            lambda e: visit.sign(reason=typed.get("reason", "")),
            primary=True,
            icon=ft.Icons.DRAW,
            key="sign",
        )
        if confirmed
        else ft.Text("Tick the box to sign.", size=14, italic=True),
    ]
    return ft.Column(body, spacing=16, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


@ft.component
def _Signed(ov: OpenVisit) -> ft.Control:
    visit = ov.visit
    amending, set_amending = ft.use_state(False)
    r = visit.review
    body: list[ft.Control] = [
        notice(visit.signed_note or "Signed: this visit is now read-only.", tone="good", key="signed")
    ]
    if visit.saved == "Amendment recorded":
        body.append(notice("Amendment recorded; the risk was reassessed.", tone="good", key="amended"))
    body.append(
        ft.Row(
            [
                nav_button("Back to family", lambda e: ov.go(ov.family), icon=ft.Icons.ARROW_BACK),
                nav_button("Back to caseload", lambda e: ov.go("/"), icon=ft.Icons.HOME),
            ],
            wrap=True,
            spacing=12,
        )
    )
    if r is not None:
        body += summary(r)
    if visit.amendments:
        body.append(heading(f"Amendments ({len(visit.amendments)})", size=18))
        body += [ft.Text(a, size=15, selectable=True) for a in visit.amendments]
    body.append(heading("The record (read-only)", size=22))
    body += answers_by_step(visit, None)
    if amending:
        body.append(Amend(visit))
        body.append(nav_button("Close without amending", lambda e: set_amending(False)))
    else:
        body.append(nav_button("Amend this visit", lambda e: set_amending(True), icon=ft.Icons.EDIT_NOTE))
    return ft.Column(body, spacing=16, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


@ft.component
def SignView() -> ft.View:
    ov = use_open_visit(under_review=True)
    visit = ov.visit
    content = _Signed(ov) if visit.signed else _SignBox(ov)
    return ft.View(
        route=ov.route,
        appbar=visit_appbar(ov, "Signed visit" if visit.signed else "Sign"),
        scroll=ft.ScrollMode.AUTO,
        controls=[page_body(content)],
    )
