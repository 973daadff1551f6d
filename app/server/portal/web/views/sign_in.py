"""Sign in: email and password; wrong passwords count towards a 15-minute lock, and it says so.

No autofocus on the Email field: with it, Flutter web at desktop width sometimes kept the keys of the
first field in a browser input it no longer listened to, so the field looked filled and was empty
(2 of 12 sign-ins at 1440 px wide with it, 0 of 24 without).
"""

from __future__ import annotations

from typing import Any

import flet as ft

from app.server.portal.web.context import AuthCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.widgets import heading, notice, use_form


@ft.component
def SignInView() -> ft.Control:
    auth: AuthState = ft.use_context(AuthCtx)
    v = use_form()

    def keep(key: str) -> Any:
        return lambda e: v.__setitem__(key, e.control.value or "")

    def submit(_: Any = None) -> None:
        auth.sign_in(v.get("email", ""), v.get("password", ""))

    return ft.SafeArea(
        content=ft.ResponsiveRow(
            [
                ft.Container(
                    col={"xs": 12, "sm": 10, "md": 7, "lg": 5},
                    padding=20,
                    content=ft.Column(
                        [
                            heading("Safer Sleep Visits — base portal", size=24),
                            ft.Text("For supervisors, safeguarding leads and team administrators.", size=16),
                            *([notice(auth.notice)] if auth.notice else []),
                            ft.TextField(
                                label="Email",
                                on_change=keep("email"),
                                keyboard_type=ft.KeyboardType.EMAIL,
                                text_size=16,
                            ),
                            ft.TextField(
                                label="Password",
                                password=True,
                                can_reveal_password=True,
                                on_change=keep("password"),
                                on_submit=submit,
                                text_size=16,
                            ),
                            *([notice(auth.error, error=True)] if auth.error else []),
                            ft.FilledButton("Sign in", on_click=submit, height=48),
                        ],
                        spacing=16,
                        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                    ),
                )
            ],
            alignment=ft.MainAxisAlignment.CENTER,
        )
    )
