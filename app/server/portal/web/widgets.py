"""The portal's frame (title bar, navigation, sign out) and small shared pieces, all named."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import flet as ft

from app.server.portal.web.state import AuthState

OVERDUE = "#B3261E"
MUTED = "#49454F"


def use_form(initial: dict[str, str] | None = None) -> dict[str, str]:
    """What the person has typed, kept across renders without re-rendering (fields stay uncontrolled)."""
    ref: Any = ft.use_ref(lambda: dict(initial or {}))
    values: dict[str, str] = ref.current
    return values


def heading(text: str, *, size: int = 22) -> ft.Control:
    return ft.Semantics(header=True, content=ft.Text(text, size=size, weight=ft.FontWeight.BOLD))


def notice(text: str, *, error: bool = False) -> ft.Control:
    return ft.Container(
        content=ft.Text(text, size=16, color=OVERDUE if error else None),
        bgcolor="#FDECEA" if error else "#E8F0FE",
        padding=12,
        border_radius=8,
    )


def nav_items(auth: AuthState) -> list[tuple[str, str]]:
    person = auth.person
    items = [("Review queue", "/")] if person and person.reviews else [("Home", "/")]
    items += [("Families", "/families"), ("Print leaflets", "/print"), ("Figures", "/figures")]
    if person and person.is_admin:
        items.append(("Admin", "/admin/users"))
    return items


def go(path: str) -> Callable[[Any], None]:
    """A click handler that opens `path` (the page is taken while rendering)."""
    page = ft.context.page

    def navigate(_: Any) -> None:
        page.navigate(path)

    return navigate


def frame(auth: AuthState, title: str, *controls: ft.Control) -> ft.View:
    """A screen: app bar with the signed-in person, navigation that wraps on phones, the body."""
    person = auth.person
    who = f"{person.name} ({person.role}, {person.team_name})" if person else ""
    buttons: list[ft.Control] = [ft.TextButton(label, on_click=go(path)) for label, path in nav_items(auth)]
    nav = ft.Row(
        [*buttons, ft.TextButton("Sign out", on_click=lambda _: auth.sign_out())],
        wrap=True,
        spacing=4,
    )
    body = ft.ResponsiveRow(
        [
            ft.Container(
                content=ft.Column(
                    [nav, heading(title), *controls],
                    spacing=14,
                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                ),
                col={"xs": 12, "lg": 11, "xl": 10},
                padding=ft.Padding.symmetric(horizontal=12, vertical=8),
            )
        ],
        alignment=ft.MainAxisAlignment.CENTER,
    )
    return ft.View(
        route=ft.use_view_path(),
        appbar=ft.AppBar(
            title=ft.Text("Safer Sleep Visits — base"),
            actions=[ft.Text(who, size=14), ft.Container(width=12)],
        ),
        controls=[body],
        scroll=ft.ScrollMode.AUTO,
    )


def labelled(label: str, value: str) -> ft.Control:
    return ft.Text(
        spans=[ft.TextSpan(f"{label}: ", ft.TextStyle(weight=ft.FontWeight.BOLD)), ft.TextSpan(value)],
        size=15,
    )
