"""The review queue: newest and most urgent first, filterable by state, practitioner and reason."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.server.portal.queue import PAGE_SIZE, QueueItem
from app.server.portal.web.context import AuthCtx, QueueCtx
from app.server.portal.web.state import AuthState, QueueState
from app.server.portal.web.widgets import MUTED, OVERDUE, frame, go, notice
from app.server.portal.words import REASON_WORDS, STATE_WORDS


def choice(label: str, ident: str, value: str, options: list[tuple[str, str]], on_pick: Any) -> ft.Control:
    return ft.Semantics(
        label=label,
        identifier=ident,
        value=dict(options).get(value or "all", "All"),
        content=ft.Dropdown(
            label=label,
            value=value or "all",
            options=[ft.DropdownOption(key=k, text=t) for k, t in options],
            on_select=lambda e: on_pick(e.control.value),
            width=260,
        ),
    )


def _card(item: QueueItem) -> ft.Control:
    title = f"{item.family} — {item.baby}"
    lines = [
        ft.Text(title, size=18, weight=ft.FontWeight.BOLD),
        ft.Text(
            f"Visit {item.visit_date:%d/%m/%Y} by {item.practitioner} · {STATE_WORDS[item.state]} · "
            f"waiting {item.waited}",
            size=15,
            color=MUTED,
        ),
        ft.Text(item.why, size=15),
    ]
    if item.overdue:
        lines.insert(1, ft.Text(item.overdue_why, size=15, color=OVERDUE, weight=ft.FontWeight.BOLD))
    return ft.Card(
        content=ft.Container(
            padding=14,
            border=ft.Border.all(3, OVERDUE) if item.overdue else None,
            border_radius=12,
            content=ft.Column(
                [*lines, ft.Row([ft.OutlinedButton(f"Open {title}", on_click=go(f"/item/{item.visit_id}"))])],
                spacing=6,
            ),
        )
    )


@ft.component
def QueueView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    q: QueueState = ft.use_context(QueueCtx)
    ft.use_effect(q.load, dependencies=[])
    person = auth.person
    if person is None or not person.reviews:
        return frame(
            auth,
            "Welcome",
            ft.Text(
                "The review queue and supervision records are for supervisors and administrators. "
                "You can read your team's family chronologies and figures.",
                size=16,
            ),
        )
    states = [("all", "Open (new and discussed)"), *STATE_WORDS.items()]
    names = [("all", "All practitioners"), *[(n, n) for n in q.practitioners]]
    reasons = [("all", "All reasons"), *REASON_WORDS.items()]
    first = q.page * PAGE_SIZE
    controls: list[ft.Control] = [
        ft.Row(
            [
                choice("State", "filter-state", q.state, states, lambda v: q.set_filter("state", v)),
                choice(
                    "Practitioner",
                    "filter-practitioner",
                    q.practitioner,
                    names,
                    lambda v: q.set_filter("practitioner", v),
                ),
                choice("Reason", "filter-reason", q.reason, reasons, lambda v: q.set_filter("reason", v)),
            ],
            wrap=True,
            spacing=12,
        ),
        ft.Text(
            f"{q.total} item{'s' if q.total != 1 else ''}"
            + (f", showing {first + 1}–{first + len(q.items)}" if q.items else ""),
            size=15,
        ),
    ]
    if q.error:
        controls.append(notice(q.error, error=True))
    if not q.items and not q.error:
        controls.append(notice("Nothing waiting for review with these filters."))
    controls += [_card(i) for i in q.items]
    pager: list[ft.Control] = []
    if q.page > 0:
        pager.append(ft.OutlinedButton("Previous page", on_click=lambda _: q.turn(-1)))
    if first + len(q.items) < q.total:
        pager.append(ft.OutlinedButton("Next page", on_click=lambda _: q.turn(1)))
    if pager:
        controls.append(ft.Row(pager))
    return frame(auth, "Review queue", *controls)
