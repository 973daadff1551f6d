"""One review item: why it is here, its supervision so far, and the supervision form."""

from __future__ import annotations

import datetime as dt
from typing import Any

import flet as ft

from app.server.portal.tables import Supervision, SupervisionAction
from app.server.portal.web.context import AuthCtx, ItemCtx
from app.server.portal.web.state import AuthState, ItemState
from app.server.portal.web.widgets import OVERDUE, frame, go, heading, labelled, notice, use_form
from app.server.portal.words import STATE_WORDS

DATE_FILTER = ft.InputFilter(regex_string=r"^[0-9]{0,2}(/([0-9]{0,2}(/[0-9]{0,4})?)?)?$")


def _history(s: Supervision, actions: list[SupervisionAction], st: ItemState) -> ft.Control:
    lines: list[ft.Control] = [
        ft.Text(
            f"{s.date:%d/%m/%Y} — {s.supervisor_name} — now {STATE_WORDS.get(s.state_after, s.state_after)}",
            size=16,
            weight=ft.FontWeight.BOLD,
        ),
        labelled("Discussion", s.discussion),
    ]
    if s.decision:
        lines.append(labelled("Decision", s.decision))
    for a in actions:
        late = a.done_at is None and a.due < dt.date.today()
        state = f" — done {a.done_at:%d/%m/%Y}" if a.done_at else (" (PAST DUE)" if late else "")
        words = ft.Text(
            f"Action: {a.text} — {a.owner}, due {a.due:%d/%m/%Y}{state}",
            size=15,
            color=OVERDUE if late else None,
            weight=ft.FontWeight.BOLD if late else None,
        )
        if a.done_at is None:
            lines.append(
                ft.Row(
                    [
                        words,
                        ft.OutlinedButton(
                            f"Mark done: {a.text}",
                            icon=ft.Icons.CHECK,
                            on_click=lambda _, aid=a.id: st.action_done(aid),
                        ),
                    ],
                    wrap=True,
                    spacing=12,
                )
            )
        else:
            lines.append(words)
    if s.next_review:
        lines.append(labelled("Next review", f"{s.next_review:%d/%m/%Y}"))
    return ft.Container(
        content=ft.Column(lines, spacing=4), padding=10, border=ft.Border.all(1, "#CAC4D0"), border_radius=8
    )


def _field(
    label: str, key: str, v: dict[str, str], *, multiline: bool = False, date: bool = False
) -> ft.Control:
    return ft.TextField(
        label=label,
        value=v.get(key, ""),  # what was typed, so a re-render (a problem shown) never erases it
        on_change=lambda e: v.__setitem__(key, e.control.value or ""),
        multiline=multiline,
        min_lines=3 if multiline else None,
        input_filter=DATE_FILTER if date else None,
        hint_text="dd/mm/yyyy" if date else None,
        keyboard_type=ft.KeyboardType.NUMBER if date else ft.KeyboardType.TEXT,
        text_size=16,
        col={"xs": 12, "md": 4} if date or key.endswith("owner") else {"xs": 12},
    )


@ft.component
def ItemView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st: ItemState = ft.use_context(ItemCtx)
    vid = ft.use_route_params().get("vid", "")
    ft.use_effect(lambda: st.open(vid), dependencies=[vid])
    v = use_form({"date": f"{dt.date.today():%d/%m/%Y}"})
    item = st.item
    if item is None:
        return frame(auth, "Review item", notice(st.missing or "Loading…", error=bool(st.missing)))
    controls: list[ft.Control] = [
        labelled("Family", item.family),
        labelled("Baby", item.baby),
        labelled("Visit", f"{item.visit_date:%d/%m/%Y} by {item.practitioner}"),
        labelled("State", STATE_WORDS[item.state]),
        labelled("Waiting", item.waited),
        labelled("Why", item.why),
    ]
    if item.overdue:
        controls.append(notice(item.overdue_why, error=True))
    if item.family_id:
        controls.append(
            ft.Row([ft.OutlinedButton("Family chronology", on_click=go(f"/family/{item.family_id}"))])
        )
    controls.append(heading("Supervision so far", size=18))
    controls += [_history(s, a, st) for s, a in st.history] or [ft.Text("None yet.", size=15)]
    if st.saved:
        controls.append(notice(st.saved))
    if item.state != "closed":
        form: list[ft.Control] = [
            _field("Date", "date", v, date=True),
            _field("Next review", "next_review", v, date=True),
            _field("Discussion", "discussion", v, multiline=True),
            _field("Decision", "decision", v, multiline=True),
        ]
        for i in range(1, len(st.actions) + 1):
            form += [
                _field(f"Action {i}", f"a{i}_text", v),
                _field(f"Owner of action {i}", f"a{i}_owner", v),
                _field(f"Due date of action {i}", f"a{i}_due", v, date=True),
            ]
        controls += [
            heading("Record supervision", size=18),
            # a new key after each save: fresh fields, emptied with the form's values
            ft.ResponsiveRow(form, spacing=12, run_spacing=12, key=f"form-{len(st.history)}"),
        ]
        if st.problems:
            controls.append(notice("Please check: " + "; ".join(st.problems), error=True))

        def save(close: bool) -> Any:
            def handler(_: Any) -> None:
                st.save(v, close=close)
                if st.saved:
                    v.clear()
                    v["date"] = f"{dt.date.today():%d/%m/%Y}"

            return handler

        controls.append(
            ft.Row(
                [
                    ft.OutlinedButton("Add another action", on_click=lambda _: st.add_action()),
                    ft.FilledButton("Record supervision", on_click=save(False)),
                    ft.FilledButton("Record and close", on_click=save(True)),
                ],
                wrap=True,
            )
        )
    return frame(auth, f"Review item: {item.family} — {item.baby}", *controls)
