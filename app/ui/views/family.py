"""Family: household, babies, adults known to the home, drafts and the chronology."""

from __future__ import annotations

import flet as ft

from app.services import families, visits
from app.ui.context import AppCtx, VisitCtx
from app.ui.presenters import age_words, day, gestation_words, person_words, weight_words
from app.ui.state import AppState, VisitState
from app.ui.views.open_visit import visit_start
from app.ui.views.widgets import heading, nav_button, page_body, risk_badge


def _chronology(lines: tuple[families.ChronologyLine, ...], fid: str) -> list[ft.Control]:
    page = ft.context.page
    if not lines:
        return [ft.Text("Nothing recorded yet.", size=15)]
    out: list[ft.Control] = []
    for c in reversed(lines):  # newest first on screen
        row: list[ft.Control] = [
            ft.Text(day(c.date), size=14, weight=ft.FontWeight.BOLD, width=100),
            ft.Text(c.kind.capitalize(), size=14, width=90),
        ]
        if c.risk_level:
            row.append(risk_badge(c.risk_level))
        body = ft.Column(
            [ft.Row(row, wrap=True), ft.Text(c.summary, size=15)]
            + ([ft.Text(c.text, size=14, italic=True)] if c.text else []),
            spacing=4,
        )
        if c.kind == "visit" and c.visit_id:
            vid = c.visit_id
            out.append(
                ft.Container(
                    content=body,
                    padding=10,
                    border_radius=8,
                    border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
                    on_click=lambda e, vid=vid: page.navigate(f"/family/{fid}/visit/{vid}/review"),
                    tooltip="Open this visit",
                )
            )
        else:
            out.append(ft.Container(content=body, padding=10))
    return out


@ft.component
def FamilyView() -> ft.View:
    app: AppState = ft.use_context(AppCtx)
    visit: VisitState = ft.use_context(VisitCtx)
    page = ft.context.page
    fid = ft.use_route_params().get("fid", "")
    card = families.family(store=app.store, family_id=fid)

    def start(baby_id: str) -> None:
        vid = visits.start_visit(store=app.store, family_id=fid, baby_id=baby_id)
        visit.open(app.store, vid)
        page.navigate(visit_start(fid, vid))

    def resume(vid: str) -> None:
        visit.open(app.store, vid)
        page.navigate(visit_start(fid, vid))

    babies = [
        ft.Card(
            content=ft.Container(
                padding=12,
                content=ft.ResponsiveRow(
                    [
                        ft.Column(
                            [
                                ft.Text(b.name, size=18, weight=ft.FontWeight.BOLD),
                                ft.Text(
                                    f"Born {day(b.born) or 'date not recorded'} · {age_words(b.born)}",
                                    size=15,
                                ),
                                ft.Text(
                                    f"{gestation_words(b.gestation_weeks, b.gestation_days)}"
                                    f" · {weight_words(b.birth_weight_kg)}",
                                    size=15,
                                ),
                            ],
                            col={"xs": 12, "md": 7},
                            spacing=4,
                        ),
                        ft.Row(
                            [
                                nav_button(
                                    f"Start visit for {b.name}",
                                    lambda e, b=b: start(b.baby_id),
                                    primary=True,
                                    icon=ft.Icons.PLAY_ARROW,
                                )
                            ],
                            col={"xs": 12, "md": 5},
                            alignment=ft.MainAxisAlignment.END,
                        ),
                    ],
                    vertical_alignment=ft.CrossAxisAlignment.CENTER,
                ),
            )
        )
        for b in card.babies
    ]
    drafts = [
        nav_button(
            f"Continue: Draft started {day(d.started)}", lambda e, v=d.visit_id: resume(v), icon=ft.Icons.EDIT
        )
        for d in card.drafts
    ]
    people = [ft.Text(person_words(p), size=15) for p in card.carers] or [ft.Text("None recorded", size=15)]
    adults = [ft.Text(person_words(p), size=15) for p in card.other_adults] or [
        ft.Text("None recorded", size=15)
    ]
    return ft.View(
        route=ft.use_view_path() or page.route,
        appbar=ft.AppBar(title=ft.Text(card.name)),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                ft.Text(", ".join(x for x in (card.address, card.postcode) if x), size=16),
                *drafts,
                heading("Babies"),
                *babies,
                heading("Parents and carers"),
                *people,
                heading("Other adults in or visiting the home"),
                *adults,
                heading("Chronology"),
                *_chronology(card.chronology, fid),
            )
        ],
    )
