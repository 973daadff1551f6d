"""Pieces every admin screen shares: the admin tabs, the refusal screen and problem wording."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import flet as ft

from app.server.portal.accounts import AccountError
from app.server.portal.admin import NOT_ADMIN
from app.server.portal.queue import NotFound
from app.server.portal.web.state import AuthState
from app.server.portal.web.widgets import frame, go, notice

T = TypeVar("T")
LONDON = ZoneInfo("Europe/London")
SCREENS = (
    ("Users", "/admin/users"),
    ("Devices", "/admin/devices"),
    ("Sync conflicts", "/admin/conflicts"),
    ("Guidance versions", "/admin/guidance"),
    ("Audit log", "/admin/audit"),
)


def sentence(text: str) -> str:
    """A service's "field: problem" message as it is shown: with a capital letter."""
    return text[:1].upper() + text[1:]


def when(value: dt.datetime | None, never: str = "never") -> str:
    """A server time as UK local time, e.g. 01/12/2026 14:05."""
    if value is None:
        return never
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return f"{aware.astimezone(LONDON):%d/%m/%Y %H:%M}"


class Outcome:
    """What an admin call gave: its value, or the words of why it was refused."""

    def __init__(self, value: Any = None, problem: str = "", missing: str = "") -> None:
        self.value, self.problem, self.missing = value, problem, missing


def attempt(auth: AuthState, work: Callable[[str], T]) -> Outcome:
    """Run an admin call: NotFound (not an admin, another team's id) and field problems become words."""
    try:
        return Outcome(auth.call(work))
    except NotFound as exc:
        return Outcome(missing=sentence(str(exc)) or NOT_ADMIN)
    except (AccountError, ValueError) as exc:
        return Outcome(problem=sentence(str(exc)))


def admin_frame(auth: AuthState, title: str, missing: str, *controls: ft.Control) -> ft.View:
    """An admin screen under its tabs; a refusal shows only "not found"."""
    person = auth.person
    if missing or person is None or not person.is_admin:
        return frame(auth, "Not found", notice(missing or NOT_ADMIN, error=True))
    here = ft.use_view_path()
    tabs: list[ft.Control] = [
        ft.FilledButton(label, on_click=go(path))
        if here.startswith(path)
        else ft.OutlinedButton(label, on_click=go(path))
        for label, path in SCREENS
    ]
    return frame(auth, title, ft.Row(tabs, wrap=True, spacing=8, run_spacing=8), *controls)


def confirm(question: str, detail: str, yes: str, on_yes: Callable[[], None]) -> Callable[[Any], None]:
    """A click handler that asks first: the action runs only on `yes` (Cancel does nothing)."""
    page = ft.context.page

    def answer(do: bool) -> Callable[[Any], None]:
        def handler(_: Any) -> None:
            page.pop_dialog()
            if do:
                on_yes()

        return handler

    def ask(_: Any) -> None:
        page.show_dialog(
            ft.AlertDialog(
                modal=True,
                title=ft.Text(question),
                content=ft.Text(detail, size=16),
                actions=[
                    ft.TextButton("Cancel", on_click=answer(False)),
                    ft.FilledButton(yes, on_click=answer(True)),
                ],
            )
        )

    return ask


def show_once(title: str, secret: str, advice: str) -> None:
    """Show a secret in a dialog of its own (the admin may be scrolled far from the top)."""
    page = ft.context.page
    page.show_dialog(
        ft.AlertDialog(
            modal=True,
            title=ft.Text(title),
            content=one_time("", secret, advice),
            actions=[ft.FilledButton("Done: I have noted it", on_click=lambda _: page.pop_dialog())],
        )
    )


def row_actions(ident: str, *buttons: ft.Control) -> ft.Control:
    """A table row's buttons, grouped under a stable identifier (`flt-semantics-identifier`)."""
    return ft.Semantics(identifier=ident, container=True, content=ft.Row(list(buttons), spacing=4))


def one_time(title: str, secret: str, advice: str) -> ft.Control:
    """A secret shown once (a password or a code), large and selectable, with what to do with it."""
    return ft.Container(
        content=ft.Column(
            [
                *([ft.Text(title, size=16, weight=ft.FontWeight.BOLD)] if title else []),
                ft.Semantics(
                    label=secret,
                    content=ft.Text(
                        secret, size=26, selectable=True, font_family="monospace", weight=ft.FontWeight.BOLD
                    ),
                ),
                ft.Text(advice, size=15),
            ],
            spacing=6,
            tight=True,
        ),
        bgcolor="#FFF8E1",
        border=ft.Border.all(2, "#F9A825"),
        padding=14,
        border_radius=8,
    )


def table(headers: tuple[str, ...], rows: Sequence[Sequence[str | ft.Control]]) -> ft.Control:
    """A data table of words (a cell may be a control), scrolling sideways when the screen is narrow."""

    def cell(v: str | ft.Control) -> ft.DataCell:
        return ft.DataCell(ft.Text(v, size=15) if isinstance(v, str) else v)

    grid = ft.DataTable(
        columns=[ft.DataColumn(label=ft.Text(h, weight=ft.FontWeight.BOLD, size=15)) for h in headers],
        rows=[ft.DataRow(cells=[cell(v) for v in r]) for r in rows],
        column_spacing=20,
        data_row_max_height=float("inf"),
    )
    return ft.Row([grid], scroll=ft.ScrollMode.AUTO)
