"""Print leaflets at base: choose signed visits (dates, type, practitioner), print them as one PDF."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.server.portal.batch_leaflets import VISIT_TYPES, SignedVisitRow
from app.server.portal.web.context import AuthCtx, PdfCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.state_print import PrintingState
from app.server.portal.web.views.item import DATE_FILTER
from app.server.portal.web.views.queue import choice
from app.server.portal.web.widgets import MUTED, frame, notice, use_form

TYPE_WORDS = {t: t.replace("_", " ").capitalize() for t in VISIT_TYPES}


def _row(r: SignedVisitRow, st: PrintingState) -> ft.Control:
    given = f" · {r.leaflets} leaflet{'s' if r.leaflets != 1 else ''} already" if r.leaflets else ""
    return ft.Checkbox(
        label=(
            f"{r.baby} — {r.family} · {r.visit_date:%d/%m/%Y} · "
            f"{TYPE_WORDS.get(r.visit_type, r.visit_type)} · {r.practitioner}{given}"
        ),
        value=r.visit_id in st.chosen,
        on_change=lambda e: st.choose(r.visit_id, bool(e.control.value)),
        label_style=ft.TextStyle(size=15),
    )


@ft.component
def PrintingView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    link_for = ft.use_context(PdfCtx)
    st, _ = ft.use_state(PrintingState(auth=auth))
    ft.use_effect(st.load, dependencies=[])
    v = use_form({"start": st.start, "end": st.end})

    def dates(key: str, label: str) -> ft.Control:
        return ft.TextField(
            label=label,
            value=v.get(key, ""),
            on_change=lambda e: v.__setitem__(key, e.control.value or ""),
            input_filter=DATE_FILTER,
            hint_text="dd/mm/yyyy",
            keyboard_type=ft.KeyboardType.NUMBER,
            text_size=16,
            width=170,
        )

    def show(_: Any) -> None:
        st.load(v.get("start", ""), v.get("end", ""))

    def todays(_: Any) -> None:
        st.todays_new_births()
        v["start"], v["end"] = st.start, st.end

    types = [("all", "All visit types"), *TYPE_WORDS.items()]
    names = [("all", "All practitioners"), *[(n, n) for n in st.practitioners]]
    controls: list[ft.Control] = [
        ft.Text(
            "Choose signed visits and print their family leaflets as one PDF. Each leaflet is worded "
            "with the guidance the visit was signed with, and recorded on its visit.",
            size=16,
        ),
        ft.Row(
            [
                dates("start", "From"),
                dates("end", "To"),
                choice(
                    "Visit type",
                    "filter-type",
                    st.visit_type,
                    types,
                    lambda x: st.set_filter("visit_type", x),
                ),
                choice(
                    "Practitioner",
                    "filter-practitioner",
                    st.practitioner,
                    names,
                    lambda x: st.set_filter("practitioner", x),
                ),
            ],
            wrap=True,
            spacing=12,
            run_spacing=12,
        ),
        ft.Row(
            [
                ft.FilledButton("Show visits", icon=ft.Icons.SEARCH, on_click=show),
                ft.OutlinedButton("Today's new-birth visits", on_click=todays),
            ],
            wrap=True,
            spacing=12,
        ),
    ]
    if st.problems:
        controls.append(notice("Please check: " + "; ".join(st.problems), error=True))
    if st.done:
        controls.append(notice(st.done))
        controls.append(
            ft.Row(
                [
                    ft.FilledButton(
                        "Open leaflets PDF",
                        icon=ft.Icons.OPEN_IN_NEW,
                        action=ft.OpenUrl(st.url, target=ft.UrlTarget.BLANK),
                    )
                ]
            )
        )
    if st.loaded and not st.rows:
        controls.append(notice("No signed visits with these dates and filters."))
    if st.rows:
        n = len(st.chosen)
        controls += [
            ft.Text(f"{len(st.rows)} signed visits · {n} chosen", size=15, color=MUTED),
            ft.Row(
                [
                    ft.OutlinedButton("Choose all", on_click=lambda _: st.choose_all(True)),
                    ft.OutlinedButton("Choose none", on_click=lambda _: st.choose_all(False)),
                    ft.FilledButton(
                        f"Print {n} leaflet{'s' if n != 1 else ''} (one PDF)",
                        icon=ft.Icons.PRINT,
                        disabled=n == 0,
                        on_click=lambda _: st.print_chosen(link_for),
                    ),
                ],
                wrap=True,
                spacing=12,
            ),
            *[_row(r, st) for r in st.rows],
        ]
    return frame(auth, "Print leaflets", *controls)
