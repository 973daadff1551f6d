"""Families: find a family of the team by name, NHS number or postcode, and open its chronology."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.server.portal.families import FamilyHit
from app.server.portal.web.context import AuthCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.state_more import FamiliesState
from app.server.portal.web.widgets import MUTED, frame, go, notice, use_form


def _hit(h: FamilyHit) -> ft.Control:
    facts = [f"Babies: {', '.join(h.babies)}" if h.babies else "No baby recorded"]
    facts.append(f"Postcode {h.postcode}" if h.postcode else "No postcode")
    facts.append(f"Last visit {h.last_visit:%d/%m/%Y}" if h.last_visit else "No signed visit yet")
    return ft.Card(
        content=ft.Container(
            padding=14,
            content=ft.Column(
                [
                    ft.Text(h.name, size=18, weight=ft.FontWeight.BOLD),
                    ft.Text(" · ".join(facts), size=15, color=MUTED),
                    ft.Row(
                        [
                            ft.OutlinedButton(
                                f"Open {h.name} chronology", on_click=go(f"/families/{h.family_id}")
                            )
                        ],
                        wrap=True,
                    ),
                ],
                spacing=6,
            ),
        )
    )


@ft.component
def FamiliesView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st, _ = ft.use_state(FamiliesState(auth=auth))
    v = use_form({"query": st.query})

    def search(_: Any = None) -> None:
        st.search(v.get("query", ""))

    controls: list[ft.Control] = [
        ft.Text("Search your team's families by name, NHS number or postcode.", size=16),
        ft.ResponsiveRow(
            [
                ft.TextField(
                    label="Search",
                    hint_text="e.g. OBrien, 943 476 5919 or SO14 7DU",
                    value=v.get("query", ""),
                    on_change=lambda e: v.__setitem__("query", e.control.value or ""),
                    on_submit=search,
                    text_size=16,
                    col={"xs": 12, "md": 8},
                ),
                ft.Container(
                    ft.FilledButton("Search", icon=ft.Icons.SEARCH, on_click=search, height=48),
                    col={"xs": 12, "md": 4},
                    alignment=ft.Alignment.CENTER_LEFT,
                ),
            ],
            spacing=12,
            run_spacing=12,
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        ),
    ]
    if st.problem:
        controls.append(notice(st.problem, error=True))
    elif st.searched:
        n = len(st.hits)
        what = st.hits[0].matched if st.hits else "name, NHS number or postcode"
        controls.append(
            ft.Text(f"{n} famil{'y' if n == 1 else 'ies'} found by {what}", size=15)
            if st.hits
            else notice(f"No family in your team matches {st.query.strip()!r}.")
        )
    controls += [_hit(h) for h in st.hits]
    return frame(auth, "Families", *controls)
