"""The app's root component: the session's state in typed contexts, and the routes of every screen."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.ui.context import AppCtx, CaseloadCtx, FamilyCtx, PdfCtx, SyncCtx, VisitCtx
from app.ui.pdf_links import LINKS
from app.ui.state.session import SessionState
from app.ui.views.caseload import CaseloadView
from app.ui.views.family import FamilyView
from app.ui.views.leaflet import LeafletView
from app.ui.views.new_family import NewFamilyView
from app.ui.views.person import PersonView
from app.ui.views.review import ReviewView
from app.ui.views.settings import SettingsView
from app.ui.views.sign import SignView
from app.ui.views.unlock_view import UnlockView
from app.ui.views.visit_step import VisitStepView

# Each screen is one level deeper than the screen it is opened from, so the AppBar back arrow
# returns there; every screen's View has route=ft.use_view_path() (two views never share a route).
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
                    ft.Route(path="person/:kind/:index", component=PersonView),
                    ft.Route(
                        path="visit/:vid/step/:step",
                        component=VisitStepView,
                        # "Add this adult" from a step: Back (or saving) returns to that step
                        children=[ft.Route(path="person/:kind/:index", component=PersonView)],
                    ),
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
def App(state: SessionState, session_id: str) -> Any:
    app, _ = ft.use_state(state.app)  # subscribes the root to the lock state

    def link_for(pdf: bytes, name: str) -> str:
        return f"/leaflets/{LINKS.add(pdf, session=session_id, name=name)}.pdf"

    if app.phase != "open":
        return AppCtx(app, lambda: [UnlockView()])

    def routed() -> Any:
        return CaseloadCtx(
            state.caseload,
            lambda: FamilyCtx(
                state.family,
                lambda: SyncCtx(
                    state.sync,
                    lambda: VisitCtx(
                        state.visit,
                        lambda: PdfCtx(link_for, lambda: ft.Router(ROUTES, manage_views=True)),
                    ),
                ),
            ),
        )

    return AppCtx(app, routed)
