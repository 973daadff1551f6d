"""Family: household, babies, carers and other adults, drafts and the chronology."""

from __future__ import annotations

import flet as ft

from app.services import visits
from app.ui.context import use_app, use_family, use_visit
from app.ui.presenters import age_words, day, gestation_words, weight_words
from app.ui.views.app_bar import app_bar
from app.ui.views.chronology import chronology, patterns_notice
from app.ui.views.open_visit import visit_start
from app.ui.views.people_section import people_section
from app.ui.views.widgets import heading, nav_button, page_body


@ft.component
def FamilyView() -> ft.View:
    app = use_app()
    family = use_family()
    visit = use_visit()
    page = ft.context.page
    fid = ft.use_route_params().get("fid", "")
    here = ft.use_view_path()
    on_top = ft.use_route_location() == here
    # Read in an effect, never in the render: on opening, and on coming back from a visit or a person.
    ft.use_effect(lambda: family.open(fid) if on_top else None, dependencies=[fid, on_top])
    card = family.card if family.family_id == fid else None
    if card is None:
        return ft.View(
            route=here,
            appbar=app_bar("Family"),
            controls=[page_body(ft.ProgressRing(semantics_label="Loading the family"))],
        )

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
            f"Continue: draft for {d.baby_name} started {day(d.started)}",
            lambda e, v=d.visit_id: resume(v),
            icon=ft.Icons.EDIT,
        )
        for d in card.drafts
    ]
    return ft.View(
        route=here,
        appbar=app_bar(card.name),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                ft.Text(
                    ", ".join(x for x in (card.address, card.postcode) if x) or "No address recorded", size=16
                ),
                *drafts,
                heading("Babies"),
                *babies,
                *people_section("Parents and carers", card.carers, fid, kind="carer", add="Add a carer"),
                *people_section(
                    "Other adults in or visiting the home",
                    card.other_adults,
                    fid,
                    kind="adult",
                    add="Add another adult",
                ),
                heading("Chronology"),
                *patterns_notice(card.patterns),
                *chronology(card.chronology, fid),
            )
        ],
    )
