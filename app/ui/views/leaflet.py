"""Leaflet: open the family's PDF in a new tab (the browser prints it), download it, record it."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import flet as ft

from app.domain.leaflet_model import Paper
from app.services import leaflets
from app.ui.context import PdfCtx
from app.ui.views.open_visit import use_open_visit, visit_appbar
from app.ui.views.widgets import button_style, heading, nav_button, notice, page_body

PAPER_WORDS: dict[Paper, str] = {
    Paper.a4: "A4 (print)",
    Paper.letter: "US letter (print)",
    Paper.phone: "Phone screen (to send)",
}


@ft.component
def LeafletView() -> ft.View:
    ov = use_open_visit(under_review=True)
    visit, vid = ov.visit, ov.visit_id
    link_for = cast(Callable[[bytes, str], str], ft.use_context(PdfCtx))
    picker = ft.use_memo(ft.FilePicker, [])
    paper, set_paper = ft.use_state(Paper.a4)
    version = (tuple(sorted(visit.answers.items(), key=str)), tuple(sorted(visit.notes.items())))
    pdf = ft.use_memo(
        lambda: leaflets.leaflet_pdf(store=ov.app.store, visit_id=vid, paper=paper),
        [vid, str(version), paper.value],
    )
    suffix = "" if paper is Paper.a4 else f"-{paper.value}"
    name = f"safer-sleep-{(visit.baby_name or 'baby').lower().replace(' ', '-')}{suffix}.pdf"
    url = ft.use_memo(lambda: link_for(pdf, name), [id(pdf)])

    async def download() -> None:
        await picker.save_file(file_name=name, src_bytes=pdf)

    def record() -> None:
        visit.record_leaflet(pdf, paper=paper)

    def pick_paper(e: ft.Event[ft.RadioGroup]) -> None:
        set_paper(Paper.parse(e.control.value or Paper.a4.value))

    papers = ft.RadioGroup(
        value=paper.value,
        on_change=pick_paper,
        content=ft.Row(
            [ft.Radio(value=p.value, label=PAPER_WORDS[p]) for p in Paper],
            wrap=True,
            spacing=16,
        ),
    )

    given = (
        notice("Leaflet given: recorded on the visit.", tone="good", key="leaflet-given")
        if visit.leaflet_given
        else nav_button("Record leaflet given", lambda e: record(), icon=ft.Icons.CHECK)
    )
    return ft.View(
        route=ov.route,
        appbar=visit_appbar(ov, "Family leaflet"),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                heading(f"Safer sleep leaflet for {visit.baby_name or 'baby'}", size=22),
                ft.Text(
                    "Personal advice for the family from this visit. The family context and "
                    "your notes for practitioners are never printed.",
                    size=16,
                ),
                ft.Text("Paper", size=16, weight=ft.FontWeight.BOLD),
                papers,
                ft.Text(f"{len(pdf) // 1024} KB PDF · {PAPER_WORDS[paper]}", size=14),
                ft.Row(
                    [
                        ft.FilledButton(
                            content=ft.Text("Open leaflet (PDF)", size=16),
                            icon=ft.Icons.OPEN_IN_NEW,
                            style=button_style(),
                            action=ft.OpenUrl(url, target=ft.UrlTarget.BLANK),
                        ),
                        ft.OutlinedButton(
                            content=ft.Text("Download leaflet", size=16),
                            icon=ft.Icons.DOWNLOAD,
                            style=button_style(),
                            on_click=download,
                        ),
                    ],
                    wrap=True,
                    spacing=12,
                ),
                ft.Text("Open it to print or share from the browser's PDF viewer.", size=14),
                given,
                nav_button(
                    "Back to review",
                    lambda e: ov.go(f"{ov.base}/review"),
                    icon=ft.Icons.ARROW_BACK,
                ),
            )
        ],
    )
