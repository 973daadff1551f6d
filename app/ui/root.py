"""The app's root component: per-session state, contexts and the routes of every screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import flet as ft

from app.ui.context import AppCtx, CaseloadCtx, PdfCtx, VisitCtx
from app.ui.pdf_links import LINKS
from app.ui.state import AppState, CaseloadState, VisitState
from app.ui.views.caseload import CaseloadView
from app.ui.views.family import FamilyView
from app.ui.views.leaflet import LeafletView
from app.ui.views.new_family import NewFamilyView
from app.ui.views.review import ReviewView
from app.ui.views.settings import SettingsView
from app.ui.views.sign import SignView
from app.ui.views.unlock import UnlockView
from app.ui.views.visit_step import VisitStepView

ROUTES = [
    ft.Route(
        path="/",
        component=CaseloadView,
        children=[
            ft.Route(path="settings", component=SettingsView),
            ft.Route(path="family/new", component=NewFamilyView),
            ft.Route(
                path="family/:fid",
                component=FamilyView,
                children=[
                    ft.Route(path="visit/:vid/step/:step", component=VisitStepView),
                    ft.Route(
                        path="visit/:vid/review",
                        component=ReviewView,
                        children=[
                            ft.Route(path="leaflet", component=LeafletView),
                            ft.Route(path="sign", component=SignView),
                        ],
                    ),
                ],
            ),
        ],
    ),
]


@ft.component
def App(home: Path, demo: bool, session_id: str) -> Any:
    app, _ = ft.use_state(lambda: AppState(home=home, demo=demo))
    caseload, _ = ft.use_state(CaseloadState)
    visit, _ = ft.use_state(VisitState)

    def link_for(pdf: bytes, name: str) -> str:
        return f"/leaflets/{LINKS.add(pdf, session=session_id, name=name)}.pdf"

    if app.phase != "open":
        return AppCtx(app, lambda: [UnlockView()])
    caseload._store = app.store

    def routed() -> Any:
        return CaseloadCtx(
            caseload,
            lambda: VisitCtx(visit, lambda: PdfCtx(link_for, lambda: ft.Router(ROUTES, manage_views=True))),
        )

    return AppCtx(app, routed)
