"""Leaflet: open the family's PDF in a new tab (the browser prints it), download it, record it."""

from __future__ import annotations

import flet as ft

from app.services import leaflets
from app.ui.context import AppCtx, PdfCtx, VisitCtx
from app.ui.state import AppState, VisitState
from app.ui.views.app_bar import app_bar
from app.ui.views.visit_step import ensure_visit
from app.ui.views.widgets import button_style, heading, nav_button, notice, page_body


@ft.component
def LeafletView() -> ft.View:
    app: AppState = ft.use_context(AppCtx)
    visit: VisitState = ft.use_context(VisitCtx)
    link_for = ft.use_context(PdfCtx)
    params = ft.use_route_params()
    page = ft.context.page
    fid, vid = params.get("fid", ""), params.get("vid", "")
    ensure_visit(app, visit, vid)
    picker = ft.use_memo(ft.FilePicker, [])
    version = (tuple(sorted(visit.answers.items(), key=str)), tuple(sorted(visit.notes.items())))
    pdf = ft.use_memo(lambda: leaflets.leaflet_pdf(store=app.store, visit_id=vid), [vid, str(version)])
    name = f"safer-sleep-{(visit.baby_name or 'baby').lower().replace(' ', '-')}.pdf"
    url = ft.use_memo(lambda: link_for(pdf, name), [id(pdf)])

    async def download() -> None:
        await picker.save_file(file_name=name, src_bytes=pdf)

    def record() -> None:
        visit.record_leaflet(pdf)

    given = (
        notice("Leaflet given: recorded on the visit.", tone="good", key="leaflet-given")
        if visit.leaflet_given
        else nav_button("Record leaflet given", lambda e: record(), icon=ft.Icons.CHECK)
    )
    return ft.View(
        route=ft.use_view_path(),
        appbar=app_bar("Family leaflet"),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                heading(f"Safer sleep leaflet for {visit.baby_name or 'baby'}", size=22),
                ft.Text(
                    "Personal advice for the family from this visit. The family context and "
                    "your notes for practitioners are never printed.",
                    size=16,
                ),
                ft.Text(f"{len(pdf) // 1024} KB PDF · A4", size=14),
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
                    lambda e: page.navigate(f"/family/{fid}/visit/{vid}/review"),
                    icon=ft.Icons.ARROW_BACK,
                ),
            )
        ],
    )
